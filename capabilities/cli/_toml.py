"""TOML with positions: ``tomllib`` (``tomli`` before Python 3.11) for the data, and a small
scanner for where each key and value is written.

The scanner follows the TOML 1.0 structure: ``[table]`` and ``[[array.of.tables]]`` headers
(with quoted and dotted keys, and with sub-tables of the last element of an array of tables),
dotted keys in key/value pairs, inline tables and (multi-line) arrays, and skips strings of all
four kinds, numbers, booleans and date-times. Quoted keys are decoded by the TOML library
itself, so a key means exactly what it means in the data.

TOML forbids defining a key twice; ``tomllib`` refuses such a document. The scanner finds each
repeated definition first and reports it as CHM-E502. When every repetition is of a plain
``key = value`` pair, the earlier ones are blanked out (positions kept) and the document is read
again, so the rest of the file is still checked with the last value, as for JSON and YAML.
"""

from __future__ import annotations

import re
import sys
from typing import Union

from .._values import show
from ..report import Finding, make_finding
from ..report import pointer as _pointer
from ._document import (
    MAX_DEPTH,
    Document,
    LineIndex,
    LoadError,
    OffsetPositions,
    PointerBudget,
    Position,
    nesting,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

__all__ = ["load_toml"]

Loc = tuple[Union[str, int], ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_\-]+")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+\-]\d{2}:\d{2})?)?"
    r"|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
)
_SCALAR = re.compile(r"[A-Za-z0-9_+\-.:]+")
_NOT_A_BREAK = re.compile(r"[^\r\n]")


class _ScanError(Exception):
    pass


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        #: Pointer -> offset in the text (see OffsetPositions).
        self.positions: dict[str, int] = {"": 0}
        self.key_positions: dict[str, int] = {}
        #: Locations given a value by `key = value` (leaves, arrays, inline tables): the span
        #: of the definition and the range of ``log`` its value wrote.
        self.values: dict[Loc, tuple[int, int, int, int]] = {}
        #: Every location a value (or a dotted key's table) was placed at, in order, to forget
        #: what a superseded value defined.
        self.log: list[tuple[Loc, str]] = []
        #: Tables given by a [header], and tables made by dotted keys.
        self.headers: set[Loc] = set()
        self.dotted: set[Loc] = set()
        #: Arrays of tables: location -> number of elements so far.
        self.arrays: dict[Loc, int] = {}
        self.findings: list[tuple[Finding, Position]] = []
        #: Spans of earlier `key = value` definitions that a later one repeats.
        self.superseded: list[tuple[int, int]] = []
        #: A repetition other than of a plain `key = value` (a table defined twice ...).
        self.conflict = False
        self.budget = PointerBudget(text)

    # --- low level ------------------------------------------------------------------------

    def pointer(self, loc: Loc) -> str:
        """The JSON Pointer of ``loc``, counted against the budget."""
        built = _pointer(loc)
        self.budget.spend(len(built))
        return built

    def pos(self, offset: int) -> Position:
        return self.lines.position(offset)

    def at(self, index: int) -> str:
        return self.text[index] if index < len(self.text) else ""

    def skip_blanks(self, index: int) -> int:
        while self.at(index) in (" ", "\t"):
            index += 1
        return index

    def skip_comment(self, index: int) -> int:
        if self.at(index) == "#":
            while index < len(self.text) and self.text[index] not in "\r\n":
                index += 1
        return index

    def skip_space(self, index: int) -> int:
        """Blanks, newlines and comments (inside arrays and inline tables)."""
        while index < len(self.text):
            char = self.text[index]
            if char in " \t\r\n":
                index += 1
            elif char == "#":
                index = self.skip_comment(index)
            else:
                break
        return index

    def end_of_line(self, index: int) -> int:
        index = self.skip_comment(self.skip_blanks(index))
        if index < len(self.text) and self.text[index] not in "\r\n":
            raise _ScanError(f"unexpected text at offset {index}")
        return index

    def string_end(self, index: int) -> int:
        """Offset after the string starting at ``index``."""
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, index):
                if quote == '"""':
                    found = self._unescaped(index + 3, quote)
                else:
                    found = text.find(quote, index + 3)
                if found < 0:
                    raise _ScanError("unterminated multi-line string")
                end = found + 3
                while end < len(text) and text[end] == quote[0] and end < found + 5:
                    end += 1  # up to two quotes may close the content
                return end
        single = text[index] == "'"
        found = text.find("'", index + 1) if single else self._unescaped(index + 1, '"')
        if found < 0:
            raise _ScanError("unterminated string")
        return found + 1

    def _unescaped(self, index: int, quote: str) -> int:
        """Offset of the first ``quote`` from ``index`` that no backslash escapes, or -1.

        Jumps from backslash to backslash with ``str.find``: a long string costs no loop
        over its characters in Python."""
        text = self.text
        found = text.find(quote, index)
        while found >= 0:
            escape = text.find("\\", index, found)
            if escape < 0:
                return found
            index = escape + 2
            if index > found:  # the backslash escaped the quote's first character
                found = text.find(quote, index)
        return -1

    # --- keys -----------------------------------------------------------------------------

    def key(self, index: int) -> tuple[list[tuple[str, int]], int]:
        """A dotted key: [(part, offset)], and the offset after it."""
        parts: list[tuple[str, int]] = []
        while True:
            index = self.skip_blanks(index)
            char = self.at(index)
            if char in ('"', "'"):
                end = self.string_end(index)
                raw = self.text[index:end]
                try:
                    name = tomllib.loads(f"k = {raw}")["k"]
                except tomllib.TOMLDecodeError:
                    raise _ScanError("invalid quoted key") from None
                parts.append((str(name), index))
            else:
                match = _BARE_KEY.match(self.text, index)
                if match is None:
                    raise _ScanError(f"expected a key at offset {index}")
                end = match.end()
                parts.append((match.group(), index))
            index = self.skip_blanks(end)
            if self.at(index) != ".":
                return parts, index
            index += 1

    # --- definitions ----------------------------------------------------------------------

    def repeated(self, loc: Loc, offset: int, first_offset: int, *, plain: bool) -> None:
        name = loc[-1]
        first = self.pos(first_offset)
        first_at = f"first at line {first.line}, column {first.column}"
        message = f"key {show(name)} is defined twice ({first_at})"
        if plain:
            message += "; the last value is used"
        else:
            self.conflict = True
        self.findings.append((make_finding("CHM-E502", loc, message), self.pos(offset)))

    def place(self, loc: Loc, offset: int, key_offset: int) -> None:
        here = self.pointer(loc)
        self.positions.setdefault(here, offset)
        self.key_positions.setdefault(here, key_offset)

    def table_header(self, index: int) -> tuple[Loc, int]:
        start = index
        array = self.text.startswith("[[", index)
        parts, index = self.key(index + (2 if array else 1))
        closing = "]]" if array else "]"
        if not self.text.startswith(closing, index):
            raise _ScanError("unterminated table header")
        index = self.end_of_line(index + len(closing))
        # before any pointer is built (arrays of tables make the location longer still)
        self.nested(tuple(name for name, _ in parts), start, container=True)
        loc: Loc = ()
        for name, offset in parts[:-1]:
            loc = (*loc, name)
            self.place(loc, offset, offset)
            if loc in self.values:
                self.repeated(loc, offset, self.key_positions[self.pointer(loc)], plain=False)
            if loc in self.arrays:
                loc = (*loc, self.arrays[loc] - 1)
        name, offset = parts[-1]
        loc = (*loc, name)
        if loc in self.values or (not array and (loc in self.headers or loc in self.dotted)):
            first = self.key_positions.get(self.pointer(loc), offset)
            self.repeated(loc, offset, first, plain=False)
        if array:
            count = self.arrays.get(loc, 0)
            self.place(loc, start, offset)
            self.arrays[loc] = count + 1
            loc = (*loc, count)
            self.positions[self.pointer(loc)] = start
        else:
            if loc not in self.headers:  # an explicit header beats an implicit mention
                self.positions[self.pointer(loc)] = start
                self.key_positions[self.pointer(loc)] = offset
            self.headers.add(loc)
        self.nested(loc, start, container=True)
        return loc, index

    def keyval(self, index: int, table: Loc) -> int:
        start = index
        parts, index = self.key(index)
        if self.at(index) != "=":
            raise _ScanError(f"expected '=' at offset {index}")
        index = self.skip_blanks(index + 1)
        self.nested((*table, *(name for name, _ in parts)), start, container=False)
        loc = table
        for name, offset in parts[:-1]:
            loc = (*loc, name)
            self.place(loc, offset, offset)
            if loc in self.values:
                self.repeated(loc, offset, self.key_positions[self.pointer(loc)], plain=False)
            self.dotted.add(loc)
            self.log.append((loc, self.pointer(loc)))
        name, offset = parts[-1]
        loc = (*loc, name)
        here = self.pointer(loc)
        if loc in self.values:
            self.repeated(loc, offset, self.key_positions.get(here, offset), plain=True)
            first_start, first_end, first_log, last_log = self.values[loc]
            self.superseded.append((first_start, first_end))
            # The earlier value is gone, and so is everything it defined: the keys of an
            # inline table must not count as defined any more (`a = {b = 1}`, `a = 2`, then
            # `a.b = 3` is an error of TOML's, not a repetition of `b`).
            for stale, stale_pointer in self.log[first_log:last_log]:
                self.positions.pop(stale_pointer, None)
                self.key_positions.pop(stale_pointer, None)
                if stale != loc:
                    self.values.pop(stale, None)
                    self.dotted.discard(stale)
        elif loc in self.headers or loc in self.dotted or loc in self.arrays:
            self.repeated(loc, offset, self.key_positions.get(here, offset), plain=False)
        self.key_positions[here] = offset
        mark = len(self.log)
        end = self.value(index, loc)
        self.values[loc] = (start, end, mark, len(self.log))
        return end

    def nested(self, loc: Loc, index: int, *, container: bool) -> None:
        """Refuse a value at ``loc`` beyond the nesting limit: the containers holding it are
        the root table and one for each step of ``loc`` but the last."""
        if len(loc) + container > MAX_DEPTH:
            raise LoadError(
                f"invalid TOML: containers are nested too deeply (limit {MAX_DEPTH})",
                self.pos(index),
            )

    def value(self, index: int, loc: Loc) -> int:
        self.nested(loc, index, container=self.at(index) in ("[", "{"))
        here = self.pointer(loc)
        self.positions[here] = index
        self.log.append((loc, here))
        char = self.at(index)
        if char in ('"', "'"):
            return self.string_end(index)
        if char == "[":
            index = self.skip_space(index + 1)
            count = 0
            while self.at(index) != "]":
                index = self.skip_space(self.value(index, (*loc, count)))
                count += 1
                if self.at(index) == ",":
                    index = self.skip_space(index + 1)
                elif self.at(index) != "]":
                    raise _ScanError(f"expected ',' or ']' at offset {index}")
            return index + 1
        if char == "{":
            index = self.skip_space(index + 1)
            while self.at(index) != "}":
                index = self.skip_space(self.keyval(index, loc))
                if self.at(index) == ",":
                    index = self.skip_space(index + 1)
                elif self.at(index) != "}":
                    raise _ScanError(f"expected ',' or '}}' at offset {index}")
            return index + 1
        match = _DATETIME.match(self.text, index) or _SCALAR.match(self.text, index)
        if match is None:
            raise _ScanError(f"expected a value at offset {index}")
        return match.end()

    def scan(self) -> None:
        index = 0
        table: Loc = ()
        text = self.text
        while index < len(text):
            index = self.skip_blanks(index)
            char = self.at(index)
            if char in ("\r", "\n"):
                index += 1
            elif char == "#":
                index = self.skip_comment(index)
            elif char == "[":
                table, index = self.table_header(index)
            elif char:
                index = self.end_of_line(self.keyval(index, table))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (line breaks kept, so positions hold).

    Spans nest (a repeated key inside an inline table that is repeated too): each character
    is visited once, however many spans hold it."""
    out: list[str] = []
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)
        if start >= end:
            continue
        out.append(text[done:start])
        out.append(_NOT_A_BREAK.sub(" ", text[start:end]))
        done = end
    out.append(text[done:])
    return "".join(out)


#: tomllib's messages that quote a key of the file, by their fixed beginning.
_QUOTING_KEYS = (
    "Cannot declare",
    "Cannot mutate immutable namespace",
    "Cannot redefine namespace",
    "Duplicate inline table key",
)
_WHERE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def _problem(error: Exception) -> LoadError:
    """tomllib's reason, placed, and cut before any key of the file it quotes."""
    message = str(error).splitlines()[0] if str(error) else "error"
    where = _WHERE.search(message)
    if where is not None:
        message = message[: where.start()]
    for start in _QUOTING_KEYS:
        if message.startswith(start):
            message = start + (" a key twice" if start == "Cannot declare" else "")
    if where is not None and where.group(1):
        position = Position(int(where.group(1)), int(where.group(2)))
        return LoadError(f"invalid TOML: {message}", position)
    return LoadError(f"invalid TOML: {message}")


def _loads(text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except ValueError:  # an integer of more digits than Python converts (4300)
        raise LoadError("invalid TOML: number too long") from None


def load_toml(text: str) -> Document:
    scanner = _Scanner(text)
    try:
        scanner.scan()
        scanned = True
    except _ScanError:
        scanned = False
    try:
        data: object = _loads(text)
    except tomllib.TOMLDecodeError as error:
        if not (scanned and scanner.findings and not scanner.conflict):
            raise _problem(error) from None
        try:  # every repetition is of a plain `key = value`: the last one wins
            data = _loads(_blank(text, scanner.superseded))
        except tomllib.TOMLDecodeError:
            raise _problem(error) from None
    if not scanned:  # valid TOML the scanner cannot follow: every value at the top
        if nesting(data) > MAX_DEPTH:
            raise LoadError(f"invalid TOML: containers are nested too deeply (limit {MAX_DEPTH})")
        return Document(data, "toml", {"": Position(1, 1)})
    return Document(
        data,
        "toml",
        OffsetPositions(scanner.positions, scanner.lines),
        OffsetPositions(scanner.key_positions, scanner.lines),
        scanner.findings,
    )
