"""Write suggested fixes back into a file as minimal text edits.

A fix replaces the characters of one scalar value at the position the reader recorded, in
the value's own quoting style; everything else in the file stays byte for byte. A fix is
applied only when the file, read again after the edit, gives exactly the expected data (the
fixed values, nothing else changed). Otherwise it is skipped with the reason: a member to
add or remove, a YAML anchor, alias or tag, a value spread over lines.
"""

from __future__ import annotations

import bisect
import difflib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Optional

from ..report import Finding, tokens
from .loaders import Document, LineIndex, LoadError, Position, parse_text, read_bytes
from .reporters import printable

__all__ = [
    "Planned",
    "Skipped",
    "plan_fixes",
    "sensitive_lines",
    "unified_diff",
    "write_atomically",
]

_JSON_LITERAL = re.compile(r"-?[0-9][0-9.eE+\-]*|true|false|null")
_TOML_LITERAL = re.compile(r"[+\-]?[0-9A-Za-z_.:+\-]+")
_YAML_INDICATORS = "&*!|>"
#: When the fixes of a file, applied together, do not read back as expected, each is tried
#: on its own, for this many at most.
ONE_BY_ONE = 100


@dataclass(frozen=True)
class Skipped:
    """A fix that was not applied, and why."""

    finding: Finding
    position: Position
    reason: str


@dataclass
class Planned:
    """The fixed text of one file, the fixes it applies and those it skips."""

    text: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def plan_fixes(
    text: str, document: Document, located: Iterable[tuple[Finding, Position]]
) -> Planned:
    """The text with the fixes of ``located`` applied, checked by reading it again: all of
    them at once, else one by one (the first ONE_BY_ONE of them)."""
    planned = Planned(text)
    candidates: list[tuple[Finding, Position, list[_Edit]]] = []
    taken: dict[int, _Edit] = {}
    lines = LineIndex(text)
    seen: set[tuple[tuple[str, str], ...]] = set()
    for finding, position in located:
        if not finding.fix:
            continue
        key = tuple(sorted((path, json.dumps(value)) for path, value in finding.fix.items()))
        if key in seen:
            continue
        seen.add(key)
        try:
            edits = [
                _edit(text, document, lines, path, value) for path, value in finding.fix.items()
            ]
            if any(taken.get(edit.start, edit) != edit for edit in edits):
                raise _Unsafe("another fix changes the same value")
        except _Unsafe as unsafe:
            planned.skipped.append(Skipped(finding, position, str(unsafe)))
            continue
        taken.update((edit.start, edit) for edit in edits)
        candidates.append((finding, position, edits))
    if not candidates:
        return planned
    expected = _fixed_data(document.data, [finding.fix or {} for finding, _, _ in candidates])
    if _reads_as(_apply(text, taken.values()), document.format, expected):
        planned.text = _apply(text, taken.values())
        planned.applied = [finding for finding, _, _ in candidates]
        return planned
    accepted: dict[int, _Edit] = {}
    expected = document.data
    for number, (finding, position, edits) in enumerate(candidates):
        if number >= ONE_BY_ONE:
            why = f"only the first {ONE_BY_ONE} fixes of a file are checked one by one"
            planned.skipped.append(Skipped(finding, position, why))
            continue
        trial = {**accepted, **{edit.start: edit for edit in edits}}
        fixed = _fixed_data(expected, [finding.fix or {}])
        if _reads_as(_apply(text, trial.values()), document.format, fixed):
            accepted, expected = trial, fixed
            planned.applied.append(finding)
        else:
            why = "the value is spread over lines or written in a form not edited in place"
            planned.skipped.append(Skipped(finding, position, why))
    planned.text = _apply(text, accepted.values())
    return planned


class _Unsafe(Exception):
    """Why a fix cannot be applied as a text edit."""


def _edit(text: str, document: Document, lines: LineIndex, path: str, value: object) -> _Edit:
    if value is None:
        raise _Unsafe("the fix leaves a member out: remove it by hand")
    if path not in document.positions:
        raise _Unsafe("the fix adds a member: add it by hand")
    if document.is_hidden(path):
        raise _Unsafe("the value is shared through a YAML alias")
    old = document.value(tokens(path))
    if isinstance(old, (dict, list)) or isinstance(value, (dict, list)):
        raise _Unsafe("the fix replaces a container")
    start = lines.offset(document.positions[path])
    end = _token_end(text, start, document.format)
    token = text[start:end]
    return _Edit(start, end, _render(value, token, document.format))


def _token_end(text: str, start: int, fmt: str) -> int:
    first = text[start : start + 1]
    if fmt == "yaml" and first and first in _YAML_INDICATORS:
        raise _Unsafe("the value is a YAML anchor, alias, tag or block scalar")
    if first == '"':
        index = start + 1
        while index < len(text) and text[index] not in '"\n':
            index += 2 if text[index] == "\\" else 1
        if (
            text[index : index + 1] != '"'
            or "\n" in text[start:index]
            or text.startswith('"""', start)
        ):
            raise _Unsafe("the value is spread over lines")
        return index + 1
    if first == "'":
        index = start + 1
        while True:
            index = text.find("'", index)
            if fmt == "yaml" and text.startswith("''", index):
                index += 2
                continue
            break
        if index < 0 or "\n" in text[start:index] or text.startswith("'''", start):
            raise _Unsafe("the value is spread over lines")
        return index + 1
    if fmt == "yaml":  # a plain scalar: to a comment, a flow indicator or the end of the line
        match = re.compile(r"[^\n\r#,\[\]{}]*").match(text, start)
        end = match.end() if match else start
        while end > start and text[end - 1] in " \t":
            end -= 1
        return end
    literal = _JSON_LITERAL if fmt == "json" else _TOML_LITERAL
    found = literal.match(text, start)
    if found is None:
        raise _Unsafe("the value is written in a form not edited")
    return found.end()


def _render(value: object, token: str, fmt: str) -> str:
    if isinstance(value, bool):
        return (
            ("True" if value else "False")
            if token[:1] in "TF" and fmt == "yaml"
            else ("true" if value else "false")
        )
    if not isinstance(value, str):
        return json.dumps(value)
    if token.startswith("'") and "'" not in value and "\n" not in value:
        return f"'{value}'"
    if token.startswith(("'", '"')) or fmt != "yaml":
        return json.dumps(value, ensure_ascii=fmt == "yaml")
    return value if re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-]*", value) else json.dumps(value)


def _apply(text: str, edits: Iterable[_Edit]) -> str:
    out, at = [], 0
    for edit in sorted(edits, key=lambda edit: edit.start):
        out += [text[at : edit.start], edit.text]
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def _fixed_data(data: object, fixes: Iterable[Mapping[str, object]]) -> object:
    """A copy of ``data`` (as JSON reads it) with the values of ``fixes`` set."""
    copy = json.loads(json.dumps(data, default=str))
    for fix in fixes:
        for path, value in fix.items():
            *parents, last = tokens(path)
            target = copy
            for token in parents:
                target = target[int(token)] if isinstance(target, list) else target[token]
            target[int(last) if isinstance(target, list) else last] = value
    return copy


def _reads_as(text: str, fmt: str, expected: object) -> bool:
    try:
        data = parse_text(text, fmt).data
    except LoadError:
        return False
    return _same(json.loads(json.dumps(data, default=str)), expected)


def _same(left: object, right: object) -> bool:
    """Equal, with the types too (True is not 1)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict) and isinstance(right, dict):
        return list(left) == list(right) and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return left == right


def unified_diff(path: str, old: str, new: str, hidden_lines: frozenset[int]) -> str:
    """The unified diff of a fixed file, without context lines; a line that also holds a
    value of a sensitive member is not shown."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(0):
        (_, i1, _, j1, _), (_, _, i2, _, j2) = group[0], group[-1]
        out.append(f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@\n")
        for _, a1, a2, b1, b2 in group:
            out += [_shown("-", n, old_lines[n], hidden_lines) for n in range(a1, a2)]
            out += [_shown("+", n, new_lines[n], hidden_lines) for n in range(b1, b2)]
    if not out:
        return ""
    return f"--- {printable(path)}\n+++ {printable(path)}\n" + "".join(out)


def _shown(sign: str, index: int, line: str, hidden_lines: frozenset[int]) -> str:
    if index + 1 in hidden_lines:
        return f"{sign}(line {index + 1} also holds the value of a sensitive member: not shown)\n"
    shown = sign + printable(line.rstrip("\r\n")) + "\n"
    return shown if line.endswith(("\n", "\r")) else shown + "\\ No newline at end of file\n"


def sensitive_lines(document: Document, text: str) -> frozenset[int]:
    """Lines that hold (part of) the value of a sensitive member, or a value shared with one."""
    from ._yaml import _SENSITIVE

    starts = sorted({*document.positions.values(), *document.key_positions.values()})
    text_lines = text.splitlines()
    lines: set[int] = set()
    for path, position in document.positions.items():
        if path.rsplit("/", 1)[-1] not in _SENSITIVE and not document.is_hidden(path):
            continue
        index = bisect.bisect_right(starts, position)
        after = starts[index] if index < len(starts) else None
        if after is None:  # the value runs to the end of the file
            lines.update(range(position.line, len(text_lines) + 1))
            continue
        # the line of what follows holds the value's end when text precedes it there
        before = (
            text_lines[after.line - 1][: after.column - 1] if after.line <= len(text_lines) else ""
        )
        last = after.line if before.strip(" \t-") or after.line == position.line else after.line - 1
        lines.update(range(position.line, last + 1))
    return frozenset(lines)


def write_atomically(path: str, original: bytes, new: bytes) -> Optional[str]:
    """Replace the file's content, keeping its mode, unless it is no longer ``original``;
    None, or why it was not written."""
    changed = "the file changed since it was read; not written"
    try:
        if read_bytes(path, max_size=len(original)) != original:
            return changed
    except LoadError:  # larger now, or gone
        return changed
    try:
        mode = os.stat(path).st_mode & 0o7777
        folder = os.path.dirname(os.path.abspath(path))
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".chime-capabilities-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(new)
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, LoadError) as error:
        return f"cannot write: {getattr(error, 'strerror', None) or error}"
    return None
