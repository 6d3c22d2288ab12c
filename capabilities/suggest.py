"""Suggestions that turn a finding into a lesson: the member or region a value is close to."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = ["did_you_mean", "near_region", "yaml_boolean"]

#: What YAML 1.1 (PyYAML, and the AWS CLI's --cli-input-yaml) reads as a boolean.
_YAML_BOOLEANS = frozenset(
    form
    for word in ("yes", "no", "true", "false", "on", "off")
    for form in (word, word.title(), word.upper())
)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` for the known name ``name`` is a case or spelling slip of;
    empty when none is close."""
    names = list(known)
    folded = {candidate.casefold(): candidate for candidate in names}
    meant = folded.get(name.casefold())
    if meant is None:
        close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.8)
        meant = folded[close[0]] if close else None
    return f" (did you mean {meant!r}?)" if meant is not None else ""


def near_region(value: str, regions: Iterable[str]) -> str:
    """`` (did you mean 'us-east-1'?)`` for ``us-east1``, ``US-EAST-1`` or ``us_east_1``;
    empty when no region is close."""
    spaced = re.sub(r"(?<=[a-z])-?(?=\d)", "-", value.strip().casefold().replace("_", "-"))
    known = list(regions)
    if spaced in known:
        return f" (did you mean {spaced!r}?)"
    return did_you_mean(spaced, known)


def yaml_boolean(text: str, offset: int) -> str:
    """`` (YAML 1.1 reads the unquoted no as a boolean; write 'no' in quotes)`` when a plain
    YAML 1.1 boolean word is written at ``offset``; empty otherwise."""
    word = re.match(r"[A-Za-z]+", text[offset : offset + 8])
    if word is None or word.group() not in _YAML_BOOLEANS:
        return ""
    found = word.group()
    return f" (YAML 1.1 reads the unquoted {found} as a boolean; write '{found}' in quotes)"
