"""Reading files: encodings, sizes, and every kind of unreadable input is a one-line reason."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capabilities.cli import _yaml
from capabilities.cli.loaders import LoadError, decode, detect_format, load_file, parse_text


def _reason(path: Path, **kwargs: int) -> str:
    with pytest.raises(LoadError) as info:
        load_file(str(path), **kwargs)
    reason = str(info.value)
    assert reason
    assert "\n" not in reason
    return reason


def test_bom_is_accepted(tmp_path: Path) -> None:
    for name, text in (("a.json", '{"a": 1}'), ("a.yaml", "a: 1\n"), ("a.toml", "a = 1\n")):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
        document = load_file(str(path))
        assert document.data == {"a": 1}
        assert tuple(document.positions["/a"]) == (1, {"a.json": 7, "a.yaml": 4, "a.toml": 5}[name])


def test_unreadable_inputs(tmp_path: Path) -> None:
    (tmp_path / "latin1.json").write_bytes('{"a": "caf\xe9"}'.encode("latin-1"))
    assert "not UTF-8" in _reason(tmp_path / "latin1.json")
    (tmp_path / "utf16.json").write_bytes('{"a": 1}'.encode("utf-16"))
    assert "UTF-16" in _reason(tmp_path / "utf16.json")
    (tmp_path / "binary.yaml").write_bytes(b"a: 1\x00\x01\x02")
    assert "binary" in _reason(tmp_path / "binary.yaml")
    (tmp_path / "empty.json").write_bytes(b"")
    assert "empty" in _reason(tmp_path / "empty.json")
    (tmp_path / "blank.yaml").write_bytes(b"\xef\xbb\xbf  \n\n")
    assert "empty" in _reason(tmp_path / "blank.yaml")
    (tmp_path / "comments.yaml").write_text("# nothing here\n")
    assert "no YAML document" in _reason(tmp_path / "comments.yaml")
    (tmp_path / "dir.json").mkdir()
    assert "directory" in _reason(tmp_path / "dir.json")
    assert "no such file" in _reason(tmp_path / "missing.json")
    (tmp_path / "big.json").write_text('{"a": "' + "x" * 2000 + '"}')
    assert "larger than" in _reason(tmp_path / "big.json", max_size=1000)
    assert load_file(str(tmp_path / "big.json"), max_size=5000).data == {"a": "x" * 2000}


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.json"
    path.write_text("{}", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    assert _reason(path) == "cannot read: Permission denied"


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert _reason(fifo) == "not a regular file"


@pytest.mark.parametrize(
    ("text", "fmt", "fragment"),
    [
        ('{"a": 1,}', "json", "line 1, column 9"),
        ('{"a": 1}\n{"b": 2}', "json", "extra data"),
        ('{"a": "\x01"}', "json", "invalid control character"),
        ("{'a': 1}", "json", "member name"),
        ("a: [1, 2", "yaml", "invalid YAML"),
        ("a: 1\n---\nb: 2\n", "yaml", "another document"),
        ("a: !custom x\n", "yaml", "tag !custom is not accepted"),
        ("a: !!python/object:os.system x\n", "yaml", "is not accepted"),
        ("a: !!set {x}\n", "yaml", "is not accepted"),
        ("? [a, b]\n: 1\n", "yaml", "only scalar keys"),
        ("a = [1,\n", "toml", "invalid TOML"),
        ("[a]\nx = 1\n[a]\ny = 2\n", "toml", "invalid TOML"),
        ("[" * 300 + "]" * 300, "json", "nested too deeply"),
        ("[" * 300 + "]" * 300, "yaml", "nested too deeply"),
        ("- " * 2000 + "x", "yaml", "nested too deeply"),
        ("a = " + "[" * 300 + "]" * 300, "toml", "nested"),
        ('{"a": ' + "9" * 5000 + "}", "json", "number too long"),
    ],
)
def test_malformed(text: str, fmt: str, fragment: str) -> None:
    with pytest.raises(LoadError) as info:
        parse_text(text, fmt)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("use_libyaml", [True, False])
def test_yaml_alias_bomb_is_refused(use_libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    with pytest.raises(LoadError, match="aliases expand"):
        parse_text("\n".join(lines) + "\n", "yaml")
    with pytest.raises(LoadError, match=r"nested too deeply|aliases expand"):
        parse_text("a: &a [*a]\n", "yaml")


def test_yaml_aliases_and_merge_keys_within_budget() -> None:
    text = (
        "base: &viewer {Audio: Receive, Video: Receive, Content: None}\n"
        "presets:\n"
        "  viewer: *viewer\n"
        "  speaker:\n"
        "    <<: *viewer\n"
        "    Audio: SendReceive\n"
    )
    document = parse_text(text, "yaml")
    assert document.data == {
        "base": {"Audio": "Receive", "Video": "Receive", "Content": "None"},
        "presets": {
            "viewer": {"Audio": "Receive", "Video": "Receive", "Content": "None"},
            "speaker": {"Audio": "SendReceive", "Video": "Receive", "Content": "None"},
        },
    }
    # a value reached through an alias is placed where the anchor's value is written
    assert tuple(document.positions["/presets/viewer/Video"]) == (1, 39)
    assert tuple(document.positions["/presets/speaker/Video"]) == (1, 39)
    assert tuple(document.positions["/presets/speaker/Audio"]) == (6, 12)
    assert document.findings == []


@pytest.mark.parametrize(
    ("text", "fmt", "line", "column"),
    [
        ('{"a": 1,\n "b": 2,\n "a": 3}', "json", 3, 2),
        ("a: 1\nb: 2\na: 3\n", "yaml", 3, 1),
        ("{a: 1, a: 3}", "yaml", 1, 8),
        ("a = 1\nb = 2\na = 3\n", "toml", 3, 1),
        ("[t]\nx = 1\nx = { y = 2 }\n", "toml", 3, 1),
    ],
)
def test_duplicate_keys_are_findings(text: str, fmt: str, line: int, column: int) -> None:
    document = parse_text(text, fmt)
    [(finding, position)] = document.findings
    assert finding.code == "CHM-E502"
    assert tuple(position) == (line, column)
    assert isinstance(document.data, dict)
    last = document.data.get(
        "a", document.data.get("t", {}).get("x") if "t" in document.data else None
    )
    assert last in (3, {"y": 2})  # the last value wins, as json.loads and PyYAML do


def test_duplicate_forgets_the_earlier_positions() -> None:
    document = parse_text('{"c": {"Audio": 1, "Video": 2},\n "c": {"Video": 3}}', "json")
    assert "/c/Audio" not in document.positions
    assert tuple(document.position("/c/Audio")) == (2, 7)


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_is_a_finding(word: str) -> None:
    document = parse_text(f'{{"x": [1, {word}]}}', "json")
    [(finding, position)] = document.findings
    assert finding.code == "CHM-E101"
    assert finding.path == "/x/1"
    assert tuple(position) == (1, 11)
    assert isinstance(document.data, dict)
    value = document.data["x"][1]
    assert isinstance(value, float)
    assert math.isnan(value) or math.isinf(value)


def _one_line_or_none(call: Callable[[], object]) -> Optional[str]:
    """None when ``call`` returns; the LoadError's message when it raises one."""
    try:
        call()
    except LoadError as error:
        return str(error)
    return None


@given(st.binary(max_size=64))
def test_decode_never_crashes(raw: bytes) -> None:
    reason = _one_line_or_none(lambda: decode(raw))
    if reason is not None:
        assert "\n" not in reason
        return
    _parse_all(decode(raw))


def _parse_all(text: str) -> None:
    for fmt in ("json", "yaml", "toml"):
        assert "\n" not in (_one_line_or_none(partial(parse_text, text, fmt)) or "")


@given(st.text(max_size=40))
def test_parsers_never_crash(text: str) -> None:
    _parse_all(text)


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("a.json", "a: 1", "json"),
        ("a.YML", "{}", "yaml"),
        ("a.toml", "{}", "toml"),
        ("profile", '{"presets": {}}', "json"),
        ("profile", "# c\n[presets.viewer]\nAudio = 'None'\n", "toml"),
        ("profile", "presets = {}\n", "toml"),
        ("profile", "presets:\n  a: null\n", "yaml"),
        ("profile", "[1, 2]", "json"),
        ("profile", '["a"]', "json"),
    ],
)
def test_format_detection(name: str, text: str, fmt: str) -> None:
    assert detect_format(name, text) == fmt
