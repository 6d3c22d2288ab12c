"""JSON with positions: a small recursive-descent reader over the standard library's scanners.

``json`` gives no positions, so this reader walks the text itself. Strings are decoded by
``json.decoder.scanstring`` and numbers matched by ``json.scanner.NUMBER_RE``, so values are
exactly what ``json.loads`` gives. Differences from ``json.loads``: a repeated key is a finding
(CHM-E502; the last value wins, as in ``json.loads``), and ``NaN``, ``Infinity`` and ``-Infinity``
(which RFC 8259 does not allow) are read as floats with an CHM-E101 finding.

Most files need no position at all (nothing is wrong with them), so ``load_json`` first reads
the text with ``json.loads`` itself; when that reading is exactly the reader's (no repeated
key, no NaN, within the nesting and pointer limits), a position asked for is found by following
its pointer through the text (``_locate``), and past a few of them the reader runs, once for
all.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Optional, cast

from .._values import show
from ..report import Finding, escape_token, make_finding, tokens
from ._document import (
    MAX_DEPTH,
    Document,
    LineIndex,
    LoadError,
    OffsetPositions,
    PointerBudget,
    Position,
    forget,
)

__all__ = ["load_json"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
#: The ':' after a member's name, and the ',' between two items, with the whitespace around.
_COLON = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_NUMBER = json.scanner.NUMBER_RE
#: The standard library's string decoder (C-accelerated where available): the text, the offset
#: after the opening quote, strict -> the string and the offset after its closing quote.
_SCANSTRING = cast(
    "Callable[[str, int, bool], tuple[str, int]]",
    json.decoder.scanstring,  # type: ignore[attr-defined]
)
_CONSTANTS: dict[str, object] = {"true": True, "false": False, "null": None}
_NON_STANDARD = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        #: Pointer -> offset in the text (see OffsetPositions).
        self.positions: dict[str, int] = {}
        self.key_positions: dict[str, int] = {}
        self.findings: list[tuple[Finding, Position]] = []
        self.budget = PointerBudget(text)

    def fail(self, offset: int, what: str) -> LoadError:
        return LoadError(f"invalid JSON: {what}", self.lines.position(offset))

    def skip(self, index: int) -> int:
        match = _WHITESPACE.match(self.text, index)
        assert match is not None  # `*` matches the empty string
        return match.end()

    def document(self) -> object:
        start = self.skip(0)
        value, end = self.value(start, "", 0)
        end = self.skip(end)
        if end != len(self.text):
            raise self.fail(end, "extra data after the document")
        return value

    def value(self, index: int, pointer: str, depth: int) -> tuple[object, int]:
        text = self.text
        if index >= len(text):
            raise self.fail(index, "expected a value, found the end of the file")
        self.positions[pointer] = index
        char = text[index]
        if char == "{":
            return self.obj(index, pointer, depth + 1)
        if char == "[":
            return self.array(index, pointer, depth + 1)
        if char == '"':
            return self.string(index)
        number = _NUMBER.match(text, index)
        if number is not None:
            whole, fraction, exponent = number.groups()
            try:
                if fraction or exponent:
                    return float(whole + (fraction or "") + (exponent or "")), number.end()
                return int(whole), number.end()
            except ValueError:  # an integer of more digits than Python converts
                raise self.fail(index, "number too long") from None
        for word, constant in _CONSTANTS.items():
            if text.startswith(word, index):
                return constant, index + len(word)
        for word, special in _NON_STANDARD.items():
            if text.startswith(word, index):
                finding = make_finding(
                    "CHM-E101", tokens(pointer), f"{word} is not a JSON value (RFC 8259)"
                )
                self.findings.append((finding, self.lines.position(index)))
                return special, index + len(word)
        raise self.fail(index, "expected a value")

    def string(self, index: int) -> tuple[str, int]:
        try:
            return _SCANSTRING(self.text, index + 1, True)
        except json.JSONDecodeError as error:
            raise self.fail(error.pos, error.msg.split(":")[0].lower()) from None

    def obj(self, index: int, pointer: str, depth: int) -> tuple[dict[str, object], int]:
        if depth > MAX_DEPTH:
            raise self.fail(index, f"containers are nested too deeply (limit {MAX_DEPTH})")
        text = self.text
        result: dict[str, object] = {}
        index = self.skip(index + 1)
        if text.startswith("}", index):
            return result, index + 1
        while True:
            if not text.startswith('"', index):
                raise self.fail(index, "expected a member name in double quotes")
            key_offset = index
            key, index = self.string(index)
            child = self.budget.child(pointer, escape_token(key))
            if key in result:
                first = self.lines.position(self.key_positions[child])
                finding = make_finding(
                    "CHM-E502",
                    tokens(child),
                    f"key {show(key)} appears twice in this object (first at line {first.line}, "
                    f"column {first.column}); the last value is used",
                )
                self.findings.append((finding, self.lines.position(key_offset)))
                forget(self.positions, self.key_positions, child, result[key])
            self.key_positions[child] = key_offset
            colon = _COLON.match(text, index)
            if colon is None:
                raise self.fail(self.skip(index), "expected ':' after a member name")
            value, index = self.value(colon.end(), child, depth)
            result[key] = value
            comma = _COMMA.match(text, index)
            if comma is not None:
                index = comma.end()
                continue
            index = self.skip(index)
            if text.startswith("}", index):
                return result, index + 1
            raise self.fail(index, "expected ',' or '}'")

    def array(self, index: int, pointer: str, depth: int) -> tuple[list[object], int]:
        if depth > MAX_DEPTH:
            raise self.fail(index, f"containers are nested too deeply (limit {MAX_DEPTH})")
        text = self.text
        result: list[object] = []
        index = self.skip(index + 1)
        if text.startswith("]", index):
            return result, index + 1
        while True:
            value, index = self.value(index, self.budget.child(pointer, str(len(result))), depth)
            result.append(value)
            comma = _COMMA.match(text, index)
            if comma is not None:
                index = comma.end()
                continue
            index = self.skip(index)
            if text.startswith("]", index):
                return result, index + 1
            raise self.fail(index, "expected ',' or ']'")


def load_json(text: str) -> Document:
    data = _quick(text)
    if data is not _SLOW:
        values = _Later(text, keys=False)
        return Document(data, "json", values, _Later(text, keys=True, shared=values), [])
    reader = _Reader(text)
    data = reader.document()
    return Document(
        data,
        "json",
        OffsetPositions(reader.positions, reader.lines),
        OffsetPositions(reader.key_positions, reader.lines),
        reader.findings,
    )


_SLOW = object()


class _Slow(Exception):
    """The text needs the reader: something to report or refuse while reading."""


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Slow  # a repeated key (CHM-E502)
    return result


def _constant(name: str) -> object:
    raise _Slow  # NaN, Infinity, -Infinity (CHM-E101)


#: ``json.loads`` with these hooks, built once rather than at each call.
_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant)


def _quick(text: str) -> object:
    """``json.loads(text)`` when the reader would give the same data and nothing else
    (no finding, no refusal); ``_SLOW`` otherwise."""
    try:
        data = _DECODER.decode(text)
        budget = PointerBudget(text)
        if not _surely_within_limits(text, budget):
            _within_limits(data, budget)
    except (_Slow, ValueError, RecursionError):  # LoadError is a ValueError
        return _SLOW
    return data


def _surely_within_limits(text: str, budget: PointerBudget) -> bool:
    """Whether counting characters already shows the limits hold (most files): containers are
    opened by a bracket, values follow a bracket, a ':' or a ',' (counted in strings too, so
    these bound from above), and a pointer's tokens are its keys (escaping at most doubles
    them) and array indices."""
    opens = text.count("{") + text.count("[")
    values = opens + text.count(":") + text.count(",") + 1
    longest = opens * (1 + len(str(values))) + 2 * len(text)
    return opens <= MAX_DEPTH and values * longest <= budget.left


def _within_limits(data: object, budget: PointerBudget) -> None:
    """The reader's nesting limit and pointer budget, applied to data already read."""
    spent = 0
    stack: list[tuple[object, int, int]] = [(data, 0, 1)]
    while stack:
        value, length, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _Slow
        if type(value) is dict:
            for key, item in value.items():  # a key's token: "~" and "/" escaped to two
                size = length + 1 + len(key) + key.count("~") + key.count("/")
                spent += size
                if type(item) is dict or type(item) is list:
                    stack.append((item, size, depth + 1))
        else:
            assert isinstance(value, list)
            for index, item in enumerate(value):
                size = length + 1 + len(str(index))
                spent += size
                if type(item) is dict or type(item) is list:
                    stack.append((item, size, depth + 1))
    budget.spend(spent)


class _Later(Mapping[str, Position]):
    """Value positions (or, with ``keys``, key positions) of a text ``json.loads`` has read
    without complaint. A position asked for is found by following its pointer through the
    text, each value passed over by the standard library's scanner; iterating them all runs
    the reader once."""

    def __init__(self, text: str, *, keys: bool, shared: Optional[_Later] = None) -> None:
        self._text = text
        self._keys = keys
        self._shared = shared
        self._read: Optional[tuple[OffsetPositions, OffsetPositions]] = None
        self._lines: Optional[LineIndex] = None
        #: Pointer -> (value offset, key offset or -1), None where there is no such value.
        self._found: dict[str, Optional[tuple[int, int]]] = {}
        #: Characters the lookups have passed over.
        self._scanned = 0

    def _views(self) -> tuple[OffsetPositions, OffsetPositions]:
        if self._shared is not None:
            return self._shared._views()
        if self._read is None:
            reader = _Reader(self._text)
            reader.document()
            self._read = (
                OffsetPositions(reader.positions, reader.lines),
                OffsetPositions(reader.key_positions, reader.lines),
            )
        return self._read

    def _owner(self) -> _Later:
        """The mapping that keeps what was found (the value positions' one)."""
        return self if self._shared is None else self._shared

    def _position(self, pointer: str) -> Optional[Position]:
        owner = self._owner()
        if owner._read is not None or owner._scanned > _SCANS * len(self._text):
            return self._views()[self._keys].get(pointer)
        if pointer not in owner._found:
            found = owner._found[pointer] = _locate(self._text, pointer)
            # a lookup passes over the text up to where the value starts (or all of it)
            owner._scanned += len(self._text) if found is None else found[0]
        found = owner._found[pointer]
        if found is None or found[self._keys] < 0:
            return None
        if owner._lines is None:
            owner._lines = LineIndex(self._text)
        return owner._lines.position(found[self._keys])

    def __getitem__(self, pointer: str) -> Position:
        position = self._position(pointer)
        if position is None:
            raise KeyError(pointer)
        return position

    def __contains__(self, pointer: object) -> bool:
        return isinstance(pointer, str) and self._position(pointer) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._views()[self._keys])

    def __len__(self) -> int:
        return len(self._views()[self._keys])


#: How many times over the text positions are looked up one by one, at most, before one
#: reading of the whole text finds them all. A lookup passes over the values before its own
#: with the standard library's scanner, much faster than the reader reads; many lookups
#: would cost their number of passes.
_SCANS = 32

#: Passes over one value: the text and the offset of its first character -> the offset after
#: it (the standard library's scanner, C-accelerated where available).
_PASS_OVER = json.JSONDecoder().raw_decode


def _locate(text: str, pointer: str) -> Optional[tuple[int, int]]:
    """Where the value at ``pointer`` starts in ``text`` (JSON that ``json.loads`` reads, with
    no repeated key), and where its member name does (-1 for the whole document and an array
    item); None when there is no such value."""
    index = _WHITESPACE.match(text, 0).end()  # type: ignore[union-attr]  # `*` always matches
    key = -1
    if not pointer:
        return (index, key)
    for escaped in pointer[1:].split("/"):
        token = escaped.replace("~1", "/").replace("~0", "~")
        char = text[index : index + 1]
        if char == "{":
            index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            while text.startswith('"', index):
                key = index
                name, index = _SCANSTRING(text, index + 1, True)
                index = _COLON.match(text, index).end()  # type: ignore[union-attr]
                if name == token:
                    break
                index = _after(text, index)
                if index < 0:
                    return None
            else:
                return None
        elif char == "[" and token.isdigit() and (token == "0" or token[0] != "0"):
            key = -1
            index = _WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            if text.startswith("]", index):
                return None
            for _ in range(int(token)):
                index = _after(text, index)
                if index < 0:
                    return None
        else:
            return None
    return (index, key)


def _after(text: str, index: int) -> int:
    """The start of the item after the value at ``index``; -1 after the last one."""
    _, end = _PASS_OVER(text, index)
    comma = _COMMA.match(text, end)
    return -1 if comma is None else comma.end()
