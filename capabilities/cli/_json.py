"""JSON with positions: a small recursive-descent reader over the standard library's scanners.

``json`` gives no positions, so this reader walks the text itself. Strings are decoded by
``json.decoder.scanstring`` and numbers matched by ``json.scanner.NUMBER_RE``, so values are
exactly what ``json.loads`` gives. Differences from ``json.loads``: a repeated key is a finding
(E502; the last value wins, as in ``json.loads``), and ``NaN``, ``Infinity`` and ``-Infinity``
(which RFC 8259 does not allow) are read as floats with an E101 finding.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from typing import Any

from ..report import Finding, make_finding
from .loaders import (
    MAX_DEPTH,
    Document,
    LineIndex,
    LoadError,
    OffsetPositions,
    PointerBudget,
    Position,
    escape_token,
    forget,
)

__all__ = ["load_json"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = json.scanner.NUMBER_RE
#: The standard library's string decoder (C-accelerated where available).
_SCANSTRING: Any = json.decoder.scanstring  # type: ignore[attr-defined]
_CONSTANTS: dict[str, object] = {"true": True, "false": False, "null": None}
_NON_STANDARD = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def _location(pointer: str) -> tuple[str, ...]:
    return tuple(token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:])


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
        line, column = self.lines.position(offset)
        return LoadError(f"invalid JSON at line {line}, column {column}: {what}")

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
                    "E101", _location(pointer), f"{word} is not a JSON value (RFC 8259)"
                )
                self.findings.append((finding, self.lines.position(index)))
                return special, index + len(word)
        raise self.fail(index, "expected a value")

    def string(self, index: int) -> tuple[str, int]:
        try:
            value, end = _SCANSTRING(self.text, index + 1, True)
        except json.JSONDecodeError as error:
            raise self.fail(error.pos, error.msg.split(":")[0].lower()) from None
        return str(value), int(end)

    def obj(self, index: int, pointer: str, depth: int) -> tuple[dict[str, object], int]:
        if depth > MAX_DEPTH:
            raise self.fail(index, f"containers are nested too deeply (limit {MAX_DEPTH})")
        text = self.text
        result: dict[str, object] = {}
        index = self.skip(index + 1)
        if index < len(text) and text[index] == "}":
            return result, index + 1
        while True:
            if index >= len(text) or text[index] != '"':
                raise self.fail(index, "expected a member name in double quotes")
            key_offset = index
            key, index = self.string(index)
            child = self.budget.child(pointer, escape_token(key))
            if key in result:
                first = self.lines.position(self.key_positions[child])
                finding = make_finding(
                    "E502",
                    _location(child),
                    f"key {key!r} appears twice in this object (first at line {first.line}, "
                    f"column {first.column}); the last value is used",
                )
                self.findings.append((finding, self.lines.position(key_offset)))
                forget(self.positions, self.key_positions, child, result[key])
            self.key_positions[child] = key_offset
            index = self.skip(index)
            if index >= len(text) or text[index] != ":":
                raise self.fail(index, "expected ':' after a member name")
            value, index = self.value(self.skip(index + 1), child, depth)
            result[key] = value
            index = self.skip(index)
            if index < len(text) and text[index] == ",":
                index = self.skip(index + 1)
                continue
            if index < len(text) and text[index] == "}":
                return result, index + 1
            raise self.fail(index, "expected ',' or '}'")

    def array(self, index: int, pointer: str, depth: int) -> tuple[list[object], int]:
        if depth > MAX_DEPTH:
            raise self.fail(index, f"containers are nested too deeply (limit {MAX_DEPTH})")
        text = self.text
        result: list[object] = []
        index = self.skip(index + 1)
        if index < len(text) and text[index] == "]":
            return result, index + 1
        while True:
            value, index = self.value(index, self.budget.child(pointer, str(len(result))), depth)
            result.append(value)
            index = self.skip(index)
            if index < len(text) and text[index] == ",":
                index = self.skip(index + 1)
                continue
            if index < len(text) and text[index] == "]":
                return result, index + 1
            raise self.fail(index, "expected ',' or ']'")


def load_json(text: str) -> Document:
    reader = _Reader(text)
    data = reader.document()
    return Document(
        data,
        "json",
        OffsetPositions(reader.positions, reader.lines),
        OffsetPositions(reader.key_positions, reader.lines),
        reader.findings,
    )
