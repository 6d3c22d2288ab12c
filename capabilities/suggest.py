"""Suggestions that turn a finding into a lesson: the member or region a value is close to."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Optional

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
    names = tuple(known)
    # difflib's ratio (the share of matching characters in both) stays under the cutoff for a
    # name more than twice as long as every candidate: no search for those.
    if len(name) > 2 * max(map(len, names), default=0):
        return ""
    meant = _meant(name, names)
    return f" (did you mean {meant!r}?)" if meant is not None else ""


@lru_cache(maxsize=1024)
def _meant(name: str, names: tuple[str, ...]) -> Optional[str]:
    """The name ``name`` is closest to, if any. Kept per (name, candidates): the same slip
    repeats in every item of a batch; the length bound above bounds what is kept."""
    folded = {candidate.casefold(): candidate for candidate in names}
    meant = folded.get(name.casefold())
    if meant is None:
        import difflib  # here: most names are right, and most slips are of case

        close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.8)
        meant = folded[close[0]] if close else None
    return meant


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
