"""What a reader returns: a parsed file (:class:`Document`) with the position of every value,
and what the readers share to build it (line index, pointer budget, nesting limit) and the
error they raise (:class:`LoadError`). The three readers and ``loaders.py`` import it; it
imports none of them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any, NamedTuple, Optional, Union

from ..report import Finding, escape_token

__all__ = [
    "MAX_DEPTH",
    "Document",
    "LineIndex",
    "LoadError",
    "OffsetPositions",
    "PointerBudget",
    "Position",
    "forget",
    "located",
    "nesting",
]

#: A file whose containers (objects, arrays, mappings, sequences, tables, the root one
#: included) nest deeper than this is refused by every reader: no configuration file needs
#: it, and it bounds their recursion. ``[[1]]`` nests 2 deep; TOML's ``a = [1]`` also 2.
MAX_DEPTH = 200
#: Positions are kept by JSON Pointer, and a pointer repeats every key above its value, so a
#: long key over many values would cost their product (a 150 KB file could take gigabytes).
#: A file whose pointers would take more characters than this many per character of the
#: file, plus POINTER_BUDGET_BASE, is refused. Ordinary files need a few per character; a
#: list of small numbers under a long member name about 14. (YAML aliases add values beyond
#: the text: each of those may take POINTER_BUDGET_PER_VALUE more.)
POINTER_BUDGET_PER_CHAR = 16
POINTER_BUDGET_PER_VALUE = 64
POINTER_BUDGET_BASE = 1_000_000


class Position(NamedTuple):
    """1-based line and column (columns count code points)."""

    line: int
    column: int


def located(reason: str, position: Optional[Position]) -> str:
    """``reason`` with its place: "invalid JSON: x" -> "invalid JSON at line 1, column 2: x"."""
    if position is None:
        return reason
    head, colon, tail = reason.partition(": ")
    return f"{head} at line {position.line}, column {position.column}{colon}{tail}"


class LoadError(ValueError):
    """A file that cannot be read or parsed; the message is one line without file content.

    ``reason`` is the message without its place; ``position``, where the file is wrong, when
    that is known (a parse error)."""

    def __init__(self, reason: str, position: Optional[Position] = None) -> None:
        super().__init__(located(reason, position))
        self.reason = reason
        self.position = position


class Document(NamedTuple):
    """A parsed file: its data and where each value (and each member's key) starts."""

    data: object
    format: str
    #: JSON Pointer -> position of the value; "" is the whole document.
    positions: Mapping[str, Position]
    #: JSON Pointer of a member -> position of its key.
    key_positions: Mapping[str, Position] = {}  # shared by documents without: never changed
    #: Findings about the file itself (CHM-E502 duplicate keys, CHM-E101 NaN/Infinity in JSON), each
    #: with its own position (the value it is about may have been replaced by a later one).
    findings: Sequence[tuple[Finding, Position]] = ()
    #: Pointers of values that are also the value of a sensitive member (a YAML alias can
    #: place one anywhere): findings about them and inside them do not show their message.
    hidden: frozenset[str] = frozenset()
    #: The text the document was parsed from (for messages about how a value is written).
    text: str = ""

    def is_hidden(self, pointer: str) -> bool:
        """Whether ``pointer`` is, or is inside, a hidden value."""
        while self.hidden:
            if pointer in self.hidden:
                return True
            if not pointer:
                return False
            pointer = pointer[: pointer.rfind("/")]
        return False

    def value(self, steps: Iterable[Union[str, int]]) -> object:
        """The value at ``steps`` (member names and array indices: a finding's location, or
        the tokens of a pointer); None where there is none."""
        data = self.data
        for step in steps:
            if isinstance(data, dict):
                data = data.get(step)
            elif isinstance(data, list) and str(step).isdigit() and int(step) < len(data):
                data = data[int(step)]
            else:
                return None
        return data

    def position(self, pointer: str, *, key: bool = False) -> Position:
        """Where ``pointer`` is, or the nearest existing parent when it is missing."""
        if key and pointer in self.key_positions:
            return self.key_positions[pointer]
        while pointer not in self.positions and pointer:
            pointer = pointer[: pointer.rfind("/")]
        return self.positions.get(pointer, Position(1, 1))


class PointerBudget:
    """The characters left for the JSON Pointers a reader records (see POINTER_BUDGET_*)."""

    def __init__(self, text: str, *, values: int = 0) -> None:
        self.left = (
            POINTER_BUDGET_PER_CHAR * len(text)
            + POINTER_BUDGET_PER_VALUE * values
            + POINTER_BUDGET_BASE
        )

    def spend(self, length: int) -> None:
        """Count a pointer of ``length`` characters; LoadError when the budget is spent."""
        self.left -= length
        if self.left < 0:
            raise LoadError(
                "too many values under too long keys: recording their positions would take "
                f"more than {POINTER_BUDGET_PER_CHAR} characters per character of the file"
            )

    def child(self, pointer: str, token: str) -> str:
        """``pointer/token``, counted before it is built."""
        self.spend(len(pointer) + 1 + len(token))
        return f"{pointer}/{token}"


_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Offsets -> (line, column). A line ends at LF, or at a CR not followed by LF."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def offset(self, position: Position) -> int:
        """The offset of ``position`` (the inverse of ``position``)."""
        return self._starts[position.line - 1] + position.column - 1


class OffsetPositions(Mapping[str, Position]):
    """Pointer -> position, kept as text offsets and turned into a line and column only when
    asked (most positions of a file are never reported)."""

    def __init__(self, offsets: dict[str, int], lines: LineIndex) -> None:
        self._offsets = offsets
        self._lines = lines

    def __getitem__(self, pointer: str) -> Position:
        return self._lines.position(self._offsets[pointer])

    def __contains__(self, pointer: object) -> bool:
        return pointer in self._offsets

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


def forget(
    positions: MutableMapping[str, Any],
    key_positions: MutableMapping[str, Any],
    pointer: str,
    old: object,
) -> None:
    """Drop the positions inside the earlier value of a repeated key (the last one wins).

    Walks the old value rather than the map, so the cost is the size of what is dropped."""
    stack = [(pointer, old)]
    while stack:
        base, value = stack.pop()
        items: list[tuple[object, object]] = []
        if isinstance(value, dict):
            items = list(value.items())
        elif isinstance(value, list):
            items = list(enumerate(value))
        for token, item in items:
            child = base + "/" + escape_token(token)
            positions.pop(child, None)
            key_positions.pop(child, None)
            stack.append((child, item))


def nesting(data: object) -> int:
    """How deep the containers of ``data`` nest (see MAX_DEPTH), without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            items = value.values() if isinstance(value, dict) else value
            stack += [(item, depth + 1) for item in items if isinstance(item, (dict, list))]
    return deepest
