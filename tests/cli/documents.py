"""Generated documents and emitters that record where they write each value.

Each emitter serializes a document in one format while keeping the (line, column) at which it
writes every value and every key, so a loader's position map can be compared with positions
known by construction, not computed by the code under test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Union

from hypothesis import strategies as st

Pos = tuple[int, int]
Json = Union[None, bool, int, str, list[Any], dict[str, Any]]

# BMP characters without surrogates (JSON escapes astral characters as surrogate pairs, which
# YAML reads as two lone surrogates).
_CHARS = st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"])
KEYS = st.one_of(
    st.sampled_from(["Audio", "Video", "Content", "presets", "a-b", "x_1", "with space"]),
    st.text(_CHARS, max_size=6),
)
SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.text(_CHARS, max_size=8),
)


def documents(
    *, scalars: st.SearchStrategy[Any] = SCALARS, null: bool = True
) -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.one_of(scalars, st.none()) if null else scalars
    values = st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(KEYS, children, max_size=4),
        ),
        max_leaves=12,
    )
    return st.dictionaries(KEYS, values, max_size=5)


def token(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


class Writer:
    """Text being written, with the position of its end."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line = 1
        self.column = 1
        self.values: dict[str, Pos] = {}
        self.keys: dict[str, Pos] = {}

    def write(self, text: str) -> None:
        self.parts.append(text)
        newlines = text.count("\n")
        if newlines:
            self.line += newlines
            self.column = len(text) - text.rfind("\n")
        else:
            self.column += len(text)

    @property
    def here(self) -> Pos:
        return (self.line, self.column)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _json_scalar(value: object) -> str:
    return json.dumps(value)


# --- JSON ------------------------------------------------------------------------------------


def emit_json(document: Any, space: Callable[[], str], *, yaml: bool = False) -> Writer:
    """JSON with whitespace from ``space()`` between tokens (for YAML flow style, none
    between a key and its colon: YAML keeps an implicit key on one line)."""
    out = Writer()
    out.write(space())
    _json_value(out, document, "", space, yaml)
    out.write(space())
    return out


def _json_value(
    out: Writer, value: Any, pointer: str, space: Callable[[], str], yaml: bool
) -> None:
    out.values[pointer] = out.here
    if isinstance(value, dict):
        out.write("{")
        for index, (key, item) in enumerate(value.items()):
            out.write(space())
            if index:
                out.write(",")
                out.write(space())
            child = f"{pointer}/{token(key)}"
            out.keys[child] = out.here
            out.write(json.dumps(key))
            out.write(("" if yaml else space()) + ":" + space())
            _json_value(out, item, child, space, yaml)
        out.write(space() + "}")
    elif isinstance(value, list):
        out.write("[")
        for index, item in enumerate(value):
            out.write(space())
            if index:
                out.write(",")
                out.write(space())
            _json_value(out, item, f"{pointer}/{index}", space, yaml)
        out.write(space() + "]")
    else:
        out.write(_json_scalar(value))


# --- YAML ------------------------------------------------------------------------------------


def _yaml_scalar(value: object) -> str:
    if value is None:
        return "null"
    return json.dumps(value)  # "true"/"false", integers and double-quoted strings are YAML too


def emit_yaml_flow(document: Any, space: Callable[[], str]) -> Writer:
    """YAML flow style (JSON-like collections, quoted strings) with YAML whitespace."""
    return emit_json(document, lambda: space().replace("\t", " "), yaml=True)


def emit_yaml_block(document: dict[str, Any], flow: Callable[[], bool]) -> Writer:
    """YAML block style; ``flow()`` says when to write a collection in flow style instead."""
    out = Writer()
    out.values[""] = out.here if document else (1, 1)
    if not document:
        out.write("{}\n")
        return out
    _block_mapping(out, document, "", 0, flow, first_inline=False)
    return out


def _flow_inline(out: Writer, value: Any, pointer: str) -> None:
    """A flow collection on the current line (single spaces: it stays on one line)."""
    inner = emit_json(value, lambda: " ")
    line, column = out.here
    for sub, (_, inner_column) in inner.values.items():
        out.values[pointer + sub] = (line, column + inner_column - 1)
    for sub, (_, inner_column) in inner.keys.items():
        out.keys[pointer + sub] = (line, column + inner_column - 1)
    out.write(inner.text)


def _block_value(
    out: Writer, value: Any, pointer: str, indent: int, flow: Callable[[], bool]
) -> None:
    """After `key:` or `-`: a scalar or flow collection on the same line, or a block below."""
    if not isinstance(value, (dict, list)) or not value or flow():
        out.write(" ")
        if isinstance(value, (dict, list)):
            _flow_inline(out, value, pointer)
        else:
            out.values[pointer] = out.here
            out.write(_yaml_scalar(value))
        out.write("\n")
        return
    out.write("\n")
    if isinstance(value, dict):
        _block_mapping(out, value, pointer, indent + 2, flow, first_inline=False)
    else:
        _block_sequence(out, value, pointer, indent + 2, flow)


def _block_mapping(
    out: Writer,
    value: dict[str, Any],
    pointer: str,
    indent: int,
    flow: Callable[[], bool],
    *,
    first_inline: bool,
) -> None:
    for index, (key, item) in enumerate(value.items()):
        if not (first_inline and index == 0):
            out.write(" " * indent)
        if index == 0:
            out.values[pointer] = out.here
        child = f"{pointer}/{token(key)}"
        out.keys[child] = out.here
        out.write(json.dumps(key) + ":")
        _block_value(out, item, child, indent, flow)


def _block_sequence(
    out: Writer, value: list[Any], pointer: str, indent: int, flow: Callable[[], bool]
) -> None:
    for index, item in enumerate(value):
        out.write(" " * indent)
        if index == 0:
            out.values[pointer] = out.here
        out.write("-")
        child = f"{pointer}/{index}"
        if isinstance(item, dict) and item and not flow():
            out.write(" ")
            _block_mapping(out, item, child, indent + 2, flow, first_inline=True)
        else:
            _block_value(out, item, child, indent, flow)


# --- TOML ------------------------------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _toml_string(key)


def _toml_string(text: str) -> str:
    return json.dumps(text).replace("\x7f", "\\u007f")


def _toml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    assert isinstance(value, str)
    return _toml_string(value)


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


class TomlEmitter:
    """TOML with a choice, for each table and list of tables, of how it is written:
    ``choose(options)`` picks one of the spellings TOML allows there."""

    def __init__(self, choose: Callable[[list[str]], str]) -> None:
        self.choose = choose
        self.out = Writer()
        self.out.values[""] = (1, 1)

    def emit(self, document: dict[str, Any]) -> Writer:
        self.table_body(document, (), "")
        return self.out

    # `key = value` lines of one table, then its headers
    def table_body(self, table: dict[str, Any], path: tuple[str, ...], pointer: str) -> None:
        later: list[tuple[str, Any, str]] = []
        for key, value in table.items():
            child = f"{pointer}/{token(key)}"
            if isinstance(value, dict):
                how = self.choose(["inline", "dotted", "header"] if value else ["inline", "header"])
            elif _is_table_list(value):
                how = self.choose(["inline", "array-of-tables"])
            else:
                how = "inline"
            if how in ("header", "array-of-tables"):
                later.append((key, value, how))
            elif how == "dotted" and self.dottable(value):
                self.dotted(key, value, child, [])
            else:
                self.keyval([_toml_key(key)], [key], value, child)
        for key, value, how in later:
            child = f"{pointer}/{token(key)}"
            if how == "header":
                self.header((*path, key), value, child, array=False)
            else:
                for index, item in enumerate(value):
                    self.header((*path, key), item, child, array=True, index=index)

    @staticmethod
    def dottable(value: dict[str, Any]) -> bool:
        return bool(value)

    def dotted(self, key: str, value: dict[str, Any], pointer: str, prefix: list[str]) -> None:
        """`a.b.c = v` lines for every leaf of a non-empty table; a sub-table may be dotted on."""
        parts = [*prefix, key]
        for sub_key, sub_value in value.items():
            child = f"{pointer}/{token(sub_key)}"
            if (
                isinstance(sub_value, dict)
                and sub_value
                and self.choose(["deeper", "inline"]) == "deeper"
            ):
                self.dotted(sub_key, sub_value, child, parts)
            else:
                self.keyval(
                    [_toml_key(p) for p in [*parts, sub_key]], [*parts, sub_key], sub_value, child
                )

    def keyval(self, spelled: list[str], names: list[str], value: Any, pointer: str) -> None:
        out = self.out
        # the first line that mentions a dotted prefix places that (implicit) table
        base = pointer
        for _ in names:
            base = base[: base.rfind("/")]
        for index, part in enumerate(spelled):
            if index:
                out.write(self.choose(["", " "]) + "." + self.choose(["", " "]))
            here = base + "".join("/" + token(n) for n in names[: index + 1])
            if index < len(spelled) - 1:
                out.values.setdefault(here, out.here)
                out.keys.setdefault(here, out.here)
            else:
                out.keys[here] = out.here
            out.write(part)
        out.write(self.choose([" = ", "=", "  =  "]))
        self.value(value, pointer)
        out.write(self.choose(["", "  # note"]) + "\n")

    def value(self, value: Any, pointer: str) -> None:
        out = self.out
        out.values[pointer] = out.here
        if isinstance(value, dict):
            out.write("{")
            for index, (key, item) in enumerate(value.items()):
                out.write(", " if index else " ")
                child = f"{pointer}/{token(key)}"
                out.keys[child] = out.here
                out.write(_toml_key(key) + " = ")
                self.value(item, child)
            out.write(" }" if value else "}")
        elif isinstance(value, list):
            multiline = bool(value) and self.choose(["one line", "lines"]) == "lines"
            out.write("[")
            for index, item in enumerate(value):
                out.write(("," if index else "") + ("\n    " if multiline else " "))
                self.value(item, f"{pointer}/{index}")
            out.write(",\n]" if multiline else "]")
        else:
            out.write(_toml_scalar(value))

    def header(
        self,
        path: tuple[str, ...],
        table: dict[str, Any],
        pointer: str,
        *,
        array: bool,
        index: int = 0,
    ) -> None:
        out = self.out
        out.write(self.choose(["\n", ""]))
        start = out.here
        out.write("[[" if array else "[")
        for number, part in enumerate(path):
            if number:
                out.write(self.choose([".", " . "]))
            if number == len(path) - 1 and (not array or index == 0):
                out.keys[pointer] = out.here
            out.write(_toml_key(part))
        out.write("]]\n" if array else "]\n")
        if array:
            if index == 0:
                out.values[pointer] = start
            element = f"{pointer}/{index}"
            out.values[element] = start
            self.table_body(table, (*path,), element)
        else:
            out.values[pointer] = start
            self.table_body(table, path, pointer)
