"""Line and column of every value and key, for JSON, YAML (block and flow) and TOML.

Documents are generated, written by emitters that record where they put each value
(tests/cli/documents.py), and read back: the loader's map must equal the recorded one, and
its data must equal what the format's reference reader gives.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from capabilities.cli import _yaml
from capabilities.cli.loaders import Document, LoadError, Position, parse_text

from .documents import TomlEmitter, Writer, documents, emit_json, emit_yaml_block, emit_yaml_flow

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SPACE = st.sampled_from(["", " ", "\n", "\n  ", "\t", "\r\n", "  "])


def _compare(document: Document, written: Writer) -> None:
    assert dict(document.positions) == {k: Position(*v) for k, v in written.values.items()}
    assert dict(document.key_positions) == {k: Position(*v) for k, v in written.keys.items()}


@given(documents(), st.data())
def test_json_positions(value: dict[str, Any], data: st.DataObject) -> None:
    written = emit_json(value, lambda: data.draw(SPACE))
    document = parse_text(written.text, "json")
    assert document.data == json.loads(written.text) == value
    _compare(document, written)
    assert document.findings == []


@given(documents(), st.data())
def test_json_positions_looked_up_one_by_one(value: dict[str, Any], data: st.DataObject) -> None:
    """A position asked for is found by following its pointer (no full read): the same
    position as the reader's, for every value and key, and none for what is not there."""
    written = emit_json(value, lambda: data.draw(SPACE))
    document = parse_text(written.text, "json")
    for pointer, where in written.values.items():
        assert pointer in document.positions
        assert document.positions[pointer] == Position(*where)
        for missing in ("/missing", "/01", "/-1", "/999999"):
            if pointer + missing not in written.values:
                assert (pointer + missing) not in document.positions
                assert document.position(pointer + missing) == Position(*where)
    for pointer, where in written.keys.items():
        assert document.key_positions[pointer] == Position(*where)
    for pointer in set(written.values) - set(written.keys):
        assert pointer not in document.key_positions


def _both_yaml_readers(text: str) -> list[Document]:
    """The document as read with libyaml's composer and with PyYAML's own."""
    documents = []
    for use_libyaml in (True, False):
        _yaml.USE_LIBYAML = use_libyaml
        try:
            documents.append(parse_text(text, "yaml"))
        finally:
            _yaml.USE_LIBYAML = True
    return documents


@given(documents(), st.data())
def test_yaml_flow_positions(value: dict[str, Any], data: st.DataObject) -> None:
    written = emit_yaml_flow(value, lambda: data.draw(SPACE))
    for document in _both_yaml_readers(written.text):
        assert document.data == yaml.safe_load(written.text) == value
        _compare(document, written)


@given(documents(), st.data())
def test_yaml_block_positions(value: dict[str, Any], data: st.DataObject) -> None:
    written = emit_yaml_block(value, lambda: data.draw(st.booleans()))
    for document in _both_yaml_readers(written.text):
        assert document.data == yaml.safe_load(written.text) == value
        _compare(document, written)


def test_yaml_columns_count_characters() -> None:
    text = 'a: "été"\nbé: [1, "中文", 3]\n'
    for document in _both_yaml_readers(text):
        assert _at(document, "/bé/2") == (2, 15)
        assert tuple(document.key_positions["/bé"]) == (2, 1)


@given(documents(null=False), st.data())
def test_toml_positions(value: dict[str, Any], data: st.DataObject) -> None:
    written = TomlEmitter(lambda options: data.draw(st.sampled_from(options))).emit(value)
    document = parse_text(written.text, "toml")
    assert document.data == tomllib.loads(written.text) == value
    _compare(document, written)


def _at(document: Document, pointer: str) -> tuple[int, int]:
    return tuple(document.positions[pointer])  # type: ignore[return-value]


# Real TOML shapes, positions counted by hand.
SPEC_SHAPES = '''\
# from the TOML specification, with multi-line strings that look like syntax
title = "TOML [not.a.table] # not a comment"
"quoted key" = 'literal \\ string'
text = """
[fake.header]
a = 1 \\""" still in the string
"""
raw = \'\'\'
[[also.fake]]\'\'\'

[owner]
dob = 1979-05-27 07:32:00-08:00

[database]
ports = [ 8000,
  8001, # a comment between values
  8002 ]
data = [ ["delta", "phi"], [3.14] ]
temp_targets = { cpu = 79.5, case.inner = 72.0 }

[servers.alpha]
ip = "10.0.0.1"

[[fruits]]
name = "apple"

[fruits.physical]
color = "red"

[[fruits.varieties]]
name = "red delicious"

[[fruits]]
name = "banana"
site."google.com" = true
'''


def test_toml_real_shapes() -> None:
    document = parse_text(SPEC_SHAPES, "toml")
    assert document.data == tomllib.loads(SPEC_SHAPES)
    expected = {
        "/title": (2, 9),
        "/quoted key": (3, 16),
        "/text": (4, 8),
        "/raw": (8, 7),
        "/owner": (11, 1),
        "/owner/dob": (12, 7),
        "/database/ports": (15, 9),
        "/database/ports/1": (16, 3),
        "/database/ports/2": (17, 3),
        "/database/data/0/1": (18, 20),
        "/database/data/1/0": (18, 29),
        "/database/temp_targets/case": (19, 30),
        "/database/temp_targets/case/inner": (19, 43),
        "/servers": (21, 2),
        "/servers/alpha": (21, 1),
        "/servers/alpha/ip": (22, 6),
        "/fruits": (24, 1),
        "/fruits/0": (24, 1),
        "/fruits/0/name": (25, 8),
        "/fruits/0/physical": (27, 1),
        "/fruits/0/physical/color": (28, 9),
        "/fruits/0/varieties/0": (30, 1),
        "/fruits/0/varieties/0/name": (31, 8),
        "/fruits/1": (33, 1),
        "/fruits/1/name": (34, 8),
        "/fruits/1/site": (35, 1),
        "/fruits/1/site/google.com": (35, 21),
    }
    assert {pointer: _at(document, pointer) for pointer in expected} == expected
    assert tuple(document.key_positions["/fruits/1/site/google.com"]) == (35, 6)


def test_toml_super_table_after_sub_table() -> None:
    text = "[a.b]\nx = 1\n\n[a]\ny = 2\n"
    document = parse_text(text, "toml")
    assert document.data == {"a": {"b": {"x": 1}, "y": 2}}
    assert _at(document, "/a") == (4, 1)  # the explicit header, not the mention in [a.b]
    assert _at(document, "/a/b") == (1, 1)
    assert _at(document, "/a/y") == (5, 5)


def test_crlf_and_bom_columns() -> None:
    text = '{\r\n  "a": [1,\r\n    "x"]\r\n}'
    document = parse_text(text, "json")
    assert _at(document, "/a/1") == (3, 5)
    yaml_document = parse_text("a:\r\n  - 1\r\n  - x\r\n", "yaml")
    assert _at(yaml_document, "/a/1") == (3, 5)
    toml_document = parse_text('a = [\r\n  1,\r\n  "x"]\r\n', "toml")
    assert _at(toml_document, "/a/1") == (3, 3)


def test_positions_inside_attendee_lists() -> None:
    text = (
        '{"MeetingId": "x",\n'
        ' "Attendees": [\n'
        '   {"ExternalUserId": "a", "Capabilities": {"Audio": "SendReceive"}},\n'
        '   {"ExternalUserId": "b",\n'
        '    "Capabilities": {"Audio": "None", "Video": "Receive"}}]}'
    )
    document = parse_text(text, "json")
    assert _at(document, "/Attendees/0/Capabilities/Audio") == (3, 54)
    assert _at(document, "/Attendees/1/Capabilities/Video") == (5, 48)
    # a missing member is placed on its nearest existing parent
    assert tuple(document.position("/Attendees/1/Capabilities/Content")) == (5, 21)
    assert tuple(document.position("/Attendees/7/Capabilities")) == (2, 15)


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_scanner_handles_what_the_reader_refuses(fmt: str) -> None:
    with pytest.raises(LoadError) as info:
        parse_text({"json": '{"a": }', "yaml": "a: [", "toml": "a = "}[fmt], fmt)
    assert "\n" not in str(info.value)


@given(documents(), st.data())
def test_json_positions_found_one_at_a_time(value: dict[str, Any], data: st.DataObject) -> None:
    # A file json.loads reads cleanly is not walked whole: each position is found on demand.
    written = emit_json(value, lambda: data.draw(SPACE))
    document = parse_text(written.text, "json")
    for pointer, where in written.values.items():
        assert pointer in document.positions
        assert document.positions[pointer] == Position(*where)
        assert document.position(pointer + "/missing") == Position(*where)
        assert (pointer + "/missing") not in document.positions
    for pointer, where in written.keys.items():
        assert document.key_positions[pointer] == Position(*where)
        assert document.position(pointer, key=True) == Position(*where)
    for pointer in set(written.values) - set(written.keys):
        assert pointer not in document.key_positions


@given(documents(), st.data())
def test_json_limit_shortcut_is_sound(value: dict[str, Any], data: st.DataObject) -> None:
    # When counting characters says the reader's limits hold, the reader must agree.
    from capabilities.cli._json import _Reader, _surely_within_limits
    from capabilities.cli.loaders import PointerBudget

    written = emit_json(value, lambda: data.draw(SPACE))
    if _surely_within_limits(written.text, PointerBudget(written.text)):
        reader = _Reader(written.text)
        reader.document()
        spent = sum(len(pointer) for pointer in reader.positions if pointer)
        assert spent <= PointerBudget(written.text).left


def test_json_limit_shortcut_declines_what_it_cannot_vouch_for() -> None:
    from capabilities.cli._json import _surely_within_limits
    from capabilities.cli.loaders import PointerBudget

    deep = "[" * 201 + "]" * 201
    assert not _surely_within_limits(deep, PointerBudget(deep))
    long_keys = json.dumps({"k" * 50_000: list(range(20_000))})
    assert not _surely_within_limits(long_keys, PointerBudget(long_keys))
