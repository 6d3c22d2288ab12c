"""Hostile files through the command line: sizes, nesting, numbers, unreadable and malicious
files, and the inputs that once crashed the loaders or the command (fuzzing and review; see
docs/security.md). Each is run in-process and must give findings or a one-line reason."""

from __future__ import annotations

import json
import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any, Callable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python < 3.11
    import tomli as tomllib

import pytest

from capabilities.cli import _yaml, main
from capabilities.cli.loaders import (
    DEFAULT_MAX_FILE_SIZE,
    LoadError,
    load_file,
    parse_text,
)

from .helpers import EXAMPLES, Run, run

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
PROG = "chime-capabilities: error: "
MEETING = {"ClientRequestToken": "token-1", "MediaRegion": "us-east-1", "ExternalMeetingId": "m-1"}
#: A file with findings, checked next to the hostile ones: it must still be reported.
GOOD = EXAMPLES / "profiles" / "broken.json"


def _check(*args: str, cwd: Path) -> Run:
    return run("check", "--no-config", "--format", "json", *args, cwd=cwd)


def _findings(result: Run, path: Path) -> list[tuple[str, str]]:
    files = {f["path"]: f for f in json.loads(result.out)["files"]}
    return [(f["code"], f["pointer"]) for f in files[str(path)]["findings"]]


def _reasons(result: Run) -> dict[str, str]:
    """stderr as {file: reason}; every line is one ``PROG FILE: reason``."""
    out = {}
    for line in result.err.splitlines():
        assert line.startswith(PROG), line
        path, _, reason = line[len(PROG) :].partition(": ")
        assert reason, line
        out[path] = reason
    return out


def _toml_value(value: Any) -> str:
    """TOML for JSON-like data: inline tables and arrays, strings as TOML basic strings."""
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    return str(value)


def _toml(document: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(k)} = {_toml_value(v)}\n" for k, v in document.items())


def _yaml_flow(document: Any) -> str:
    """YAML flow style (JSON is YAML); strings double-quoted."""
    return json.dumps(document, ensure_ascii=False) + "\n"


WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": json.dumps,
    "yaml": _yaml_flow,
    "toml": _toml,
}


# --- bounded work -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_ten_megabyte_string(fmt: str, tmp_path: Path) -> None:
    huge = "!" * 10_000_000  # breaks the pattern too: no regex may run on it
    path = tmp_path / f"attendee.{fmt}"
    path.write_text(WRITERS[fmt]({"MeetingId": GUID, "ExternalUserId": huge}), encoding="utf-8")
    refused = _check(str(path), cwd=tmp_path)  # over the default size limit: refused first
    assert refused.status == 2
    assert "larger than the limit" in _reasons(refused)[str(path)]
    result = _check("--max-file-size", "20MB", str(path), cwd=tmp_path)
    assert result.status == 1, result.err
    assert _findings(result, path) == [("CHM-E104", "/ExternalUserId")]
    assert huge[:100] not in result.out


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_hundred_thousand_items(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"meeting.{fmt}"
    path.write_text(WRITERS[fmt]({**MEETING, "TenantIds": ["t-1"] * 100_000}), encoding="utf-8")
    result = _check("--max-file-size", "20MB", str(path), cwd=tmp_path)
    assert result.status == 1, result.err
    assert _findings(result, path) == [("CHM-E105", "/TenantIds")]


DEEP = 100_000
NESTED = {
    "json": '{"MeetingId": ' + "[" * DEEP + "]" * DEEP + "}",
    "json-objects": '{"a": ' * DEEP + "1" + "}" * DEEP,
    "yaml": "MeetingId: " + "[" * DEEP + "]" * DEEP + "\n",
    "yaml-objects": "{a: " * DEEP + "1" + "}" * DEEP + "\n",
    # block style indents each level: 300 levels (100,000 would be 5 GB of indentation)
    "yaml-block": "".join(f"{' ' * level}- \n" for level in range(300)),
    "toml": "MeetingId = " + "[" * DEEP + "]" * DEEP + "\n",
    "toml-tables": "a = " + "{b = " * DEEP + "1" + "}" * DEEP + "\n",
}


@pytest.mark.parametrize(
    ("case", "use_libyaml"),
    [(case, True) for case in sorted(NESTED)]
    + [(case, False) for case in sorted(NESTED) if case.startswith("yaml")],
)
def test_hundred_thousand_levels(
    case: str, use_libyaml: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    path = tmp_path / f"deep.{case.split('-')[0]}"
    path.write_text(NESTED[case], encoding="utf-8")
    result = _check(str(path), str(GOOD), cwd=tmp_path)
    assert result.status == 2
    reasons = _reasons(result)
    assert list(reasons) == [str(path)]
    assert "nested too deeply" in reasons[str(path)] or "nesting depth" in reasons[str(path)]
    assert "Recursion" not in result.out + result.err
    assert _findings(result, GOOD)  # the other file is still checked


def test_many_values_under_a_long_key_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    # Positions are recorded by JSON Pointer, which repeats the key above each value: this
    # 150 KB file once took 2 GB (a 1 MB key over 2,000,000 values would take 2 TB).
    key = "k" * 10_000
    texts = {
        "json": json.dumps({key: [0] * 25_000}),
        "yaml": f'? "{key}"\n: [{", ".join(["0"] * 25_000)}]\n',
        "toml": f'"{key}" = [{", ".join(["0"] * 25_000)}]\n',
    }
    tracemalloc.start()
    try:
        for fmt, text in texts.items():
            path = tmp_path / f"long-key.{fmt}"
            path.write_text(text, encoding="utf-8")
            result = _check(str(path), cwd=tmp_path)
            assert result.status == 2
            assert "too many values under too long keys" in _reasons(result)[str(path)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024
    # the same number of values under ordinary keys is read
    document = parse_text(json.dumps({"TenantIds": [0] * 25_000}), "json")
    assert len(document.positions) == 25_002


# --- numbers --------------------------------------------------------------------------------

#: How each format writes a value where an integer (Attendee.MaxCount) is required.
NUMBERS = {
    "json": ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "true", "25.0", "2.5e1", '"25"'],
    "yaml": [".nan", ".NaN", ".inf", "-.inf", "1.0e+999", "1e999", "true", "25.0", '"25"'],
    "toml": ["nan", "-nan", "inf", "-inf", "1e999", "true", "25.0", '"25"'],
}


@pytest.mark.parametrize(
    ("fmt", "written"), [(fmt, value) for fmt, values in NUMBERS.items() for value in values]
)
def test_non_integers_where_an_integer_is_required(fmt: str, written: str, tmp_path: Path) -> None:
    # (YAML 1.1 reads 1e999, without a dot, as a string: a finding all the same)
    head = {
        "json": '{"ClientRequestToken": "t1", "MediaRegion": "us-east-1", '
        '"ExternalMeetingId": "m1", "MeetingFeatures": {"Attendee": {"MaxCount": %s}}}',
        "yaml": "ClientRequestToken: t1\nMediaRegion: us-east-1\nExternalMeetingId: m1\n"
        "MeetingFeatures:\n  Attendee:\n    MaxCount: %s\n",
        "toml": 'ClientRequestToken = "t1"\nMediaRegion = "us-east-1"\nExternalMeetingId = "m1"\n'
        "[MeetingFeatures.Attendee]\nMaxCount = %s\n",
    }[fmt]
    path = tmp_path / f"meeting.{fmt}"
    path.write_text(head % written, encoding="utf-8")
    result = _check(str(path), cwd=tmp_path)
    assert result.status == 1, result.err
    assert _findings(result, path) == [("CHM-E101", "/MeetingFeatures/Attendee/MaxCount")]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_huge_integer(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"meeting.{fmt}"
    huge = 10**400
    path.write_text(WRITERS[fmt]({**MEETING, "MeetingFeatures": {"Attendee": {"MaxCount": huge}}}))
    result = _check(str(path), cwd=tmp_path)
    assert result.status == 1, result.err
    assert _findings(result, path) == [("CHM-E106", "/MeetingFeatures/Attendee/MaxCount")]
    assert str(huge) not in result.out


# --- files ----------------------------------------------------------------------------------


def _billion_laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"  # 9**10 (3.5 billion) strings once expanded


@pytest.mark.parametrize("use_libyaml", [True, False])
def test_alias_bomb_refused_in_bounded_memory(
    use_libyaml: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(_billion_laughs(), encoding="utf-8")
    tracemalloc.start()
    try:
        result = _check(str(bomb), str(GOOD), cwd=tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # expanded, the document would be 3.5 billion strings: tens of gigabytes
    assert peak < 50 * 1024 * 1024
    assert result.status == 2
    assert "aliases expand to too many values" in _reasons(result)[str(bomb)]
    assert _findings(result, GOOD)


def test_unreadable_files_each_give_one_line_and_the_rest_is_checked(tmp_path: Path) -> None:
    """The kinds of file tests/cli/test_cli.py does not run through the command line."""
    files = {
        "empty.json": b"",
        "blank.yaml": b"  \n\t\n",
        "binary.toml": b"a = 1\n\x00\x01\x02",
        "utf16.json": '{"MeetingId": "x"}'.encode("utf-16"),
        "utf32.yaml": "MeetingId: x\n".encode("utf-32"),
        "latin1.toml": 'ExternalUserId = "caf\xe9"\n'.encode("latin-1"),
        "custom-tag.yaml": b"MeetingId: !custom x\n",
        "python-tag.yaml": b"MeetingId: !!python/object/apply:os.system ['true']\n",
        "large.json": b'{"MeetingId": "' + b"x" * 2000 + b'"}',
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    paths = [str(tmp_path / name) for name in files]
    result = _check("--max-file-size", "1KB", *paths, str(GOOD), cwd=tmp_path)
    assert result.status == 2
    reasons = _reasons(result)
    assert set(reasons) == set(paths)
    expected = {
        "empty.json": "empty file",
        "blank.yaml": "empty file",
        "binary.toml": "binary file",
        "utf16.json": "UTF-16",
        "utf32.yaml": "UTF-32",
        "latin1.toml": "not UTF-8",
        "custom-tag.yaml": "tag !custom is not accepted",
        "python-tag.yaml": "tag !!python/object/apply:os.system is not accepted",
        "large.json": "larger than the limit of 1024 bytes",
    }
    for name, fragment in expected.items():
        assert fragment in reasons[str(tmp_path / name)], (name, reasons)
    json_files = {f["path"]: f for f in json.loads(result.out)["files"]}
    assert all(json_files[path]["error"] == reasons[path] for path in paths)
    assert _findings(result, GOOD)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_bom_is_accepted_and_duplicates_are_findings(fmt: str, tmp_path: Path) -> None:
    text = {
        "json": f'{{"MeetingId": "{GUID}", "ExternalUserId": "u1", "ExternalUserId": "u2"}}',
        "yaml": f"MeetingId: {GUID}\nExternalUserId: u1\nExternalUserId: u2\n",
        "toml": f'MeetingId = "{GUID}"\nExternalUserId = "u1"\nExternalUserId = "u2"\n',
    }[fmt]
    path = tmp_path / f"attendee.{fmt}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    result = _check(str(path), cwd=tmp_path)
    assert result.status == 1, result.err
    assert _findings(result, path) == [("CHM-E502", "/ExternalUserId")]
    assert "u1" not in result.out  # the values of a sensitive member
    assert "u2" not in result.out


# --- inputs that once crashed (found by fuzz/ or in review; docs/security.md) -------------


def test_toml_inline_table_defined_again_after_it_was_replaced() -> None:
    # fuzz_loaders: a KeyError escaped the TOML scanner (a replaced inline table's keys were
    # still taken as defined, their positions already forgotten)
    text = "a = {b = 1, c2J = []}\na = 3\na = {b = 1, c2J = []}\n[[tg.u]]\nz = 1\n"
    document = parse_text(text, "toml")
    assert document.data == {"a": {"b": 1, "c2J": []}, "tg": {"u": [{"z": 1}]}}
    assert [(f.code, tuple(p)) for f, p in document.findings] == [
        ("CHM-E502", (2, 1)),
        ("CHM-E502", (3, 1)),
    ]
    assert tuple(document.positions["/a/b"]) == (3, 10)


@pytest.mark.parametrize(
    "text", ["a = {b = 1}\na = {c = 2}\na.b = 3\n", "a = {b.c = 1}\na = 2\n[a.b]\n"]
)
def test_toml_extending_a_replaced_inline_table(text: str) -> None:
    with pytest.raises(LoadError, match="invalid TOML"):  # TOML refuses it (once a KeyError)
        parse_text(text, "toml")


def test_toml_replaced_inline_table_forgets_its_keys() -> None:
    document = parse_text("a = {b.c = 1, d = 2}\na = {b = 3}\n", "toml")
    assert document.data == {"a": {"b": 3}}
    assert set(document.positions) == {"", "/a", "/a/b"}
    assert [finding.code for finding, _ in document.findings] == ["CHM-E502"]


def test_toml_nested_repetitions_are_blanked_once() -> None:
    # Each inline table repeats its key: the spans set aside nest 150 deep around a 1 MB
    # string (blanking them one by one once took seconds per megabyte and level).
    inner = '{z = "' + "q" * 1_000_000 + '"}'
    for _ in range(150):
        inner = "{y = " + inner + ", y = 1}"
    with pytest.raises(LoadError, match="invalid TOML"):
        parse_text("x = " + inner + "\n", "toml")


@pytest.mark.parametrize("body", ["\\\\" * 200_000, '\\"' * 200_000, "x\\\\\\u00e9" * 50_000])
def test_toml_strings_with_many_escapes(body: str) -> None:
    # the scanner once searched to the end of the file for each backslash
    for quote in ('"', '"""'):
        text = f"a = {quote}{body}{quote}\n"
        assert parse_text(text, "toml").data == tomllib.loads(text)


@pytest.mark.parametrize(
    "config",
    [
        "tool = 1\n",
        'tool = "chime-capabilities"\n',
        "tool = [1, 2]\n",
        "[[tool]]\nx = 1\n",
    ],
)
def test_pyproject_whose_tool_is_not_a_table(config: str, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    result = run("check", str(GOOD), cwd=tmp_path)  # the configuration is read
    assert result.status == 1
    assert result.err == ""


def test_pyproject_nested_too_deeply(tmp_path: Path) -> None:
    # tomllib's RecursionError once escaped as a traceback
    (tmp_path / "pyproject.toml").write_text("a = " + "[" * DEEP + "]" * DEEP + "\n")
    result = run("check", str(GOOD), cwd=tmp_path)
    assert result.status == 2
    assert _reasons(result) == {
        f"{tmp_path / 'pyproject.toml'}": "cannot read the configuration: nested too deeply"
    }


@pytest.mark.parametrize(
    "limit", [str(2**62), str(2**63), "99999999999999999999MB", "1" * 4_000, "1025MB"]
)
def test_size_limit_beyond_the_largest_is_refused(
    limit: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # read(limit + 1) once allocated the limit up front (MemoryError, OverflowError), and a
    # limit of 4,000 digits switched the limit off
    assert main(["check", "--max-file-size", limit, str(GOOD)]) == 2
    assert "the size limit is at most 1024MB" in capsys.readouterr().err
    value = limit if limit.isdigit() else f'"{limit}"'
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.chime-capabilities]\nmax-file-size = {value}\n"
    )
    configured = run("check", str(GOOD), cwd=tmp_path)
    assert configured.status == 2
    assert "the size limit is at most 1024MB" in configured.err


@pytest.mark.parametrize(
    ("limit", "accepted"),
    [("1024MB", True), (str(1024**3), True), (str(1024**3 + 1), False), ("0" * 50 + "1MB", True)],
)
def test_the_largest_size_limit(
    limit: str, accepted: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-config", "--max-file-size", limit, str(GOOD)]) == (
        1 if accepted else 2
    )
    assert ("the size limit is at most 1024MB" in capsys.readouterr().err) is not accepted


@pytest.mark.parametrize(("extra", "accepted"), [(0, True), (1, False)])
def test_pyproject_is_read_up_to_the_default_limit(
    extra: int, accepted: bool, tmp_path: Path
) -> None:
    head = "[tool.chime-capabilities]\nstrict = false\n"
    padding = "#" * (DEFAULT_MAX_FILE_SIZE - len(head) - 1 + extra) + "\n"
    (tmp_path / "pyproject.toml").write_text(head + padding, encoding="utf-8")
    result = run("check", str(GOOD), cwd=tmp_path)
    assert result.status == (1 if accepted else 2)
    if not accepted:
        assert f"larger than {DEFAULT_MAX_FILE_SIZE} bytes" in result.err


def test_reading_a_file_holds_it_once(tmp_path: Path) -> None:
    """The bytes read are kept in one buffer (pieces joined once held the file twice)."""
    from capabilities.cli.loaders import read_text

    path = tmp_path / "large.json"
    size = 8 * 1024 * 1024
    path.write_text('"' + "a" * (size - 2) + '"', encoding="utf-8")
    tracemalloc.start()
    try:
        text = read_text(str(path), max_size=size)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(text) == size
    assert peak < 2.4 * size  # the bytes, their growth reserve, and the text


def test_a_file_of_the_exact_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "attendee.json"
    text = json.dumps({"MeetingId": GUID, "ExternalUserId": "u1"})
    path.write_text(text + " " * (3 * 1024 * 1024 - len(text)), encoding="utf-8")
    assert load_file(str(path), max_size=3 * 1024 * 1024).data == {
        "MeetingId": GUID,
        "ExternalUserId": "u1",
    }
    with pytest.raises(LoadError, match="larger than the limit"):
        load_file(str(path), max_size=3 * 1024 * 1024 - 1)
    assert DEFAULT_MAX_FILE_SIZE == 5 * 1024 * 1024


def test_file_name_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the sarif reporter once failed to quote the name of a file named in another encoding
    (tmp_path / "x").mkdir()
    relative = os.path.join("x", os.fsdecode(b"\xff-attendee.json"))  # as a shell passes it
    monkeypatch.chdir(tmp_path)
    Path(relative).write_text(json.dumps({"MeetingId": GUID, "ExternalUserId": "u1", "Bad": 1}))
    for fmt in ("text", "json", "github", "sarif"):
        result = run("check", "--no-config", "--format", fmt, relative, cwd=tmp_path)
        assert result.status == 1, (fmt, result.err)
    sarif = json.loads(run("check", "--format", "sarif", relative, cwd=tmp_path).out)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "x/%FF-attendee.json"


LONG_NUMBER = "9" * 5000  # more digits than Python converts (4300)
LONG_HEX = "0x" + "f" * 5000  # converted (a power-of-two base), but not printable in decimal


@pytest.mark.parametrize(
    ("text", "fmt", "reason"),
    [
        # tomllib's ValueError escaped the TOML reader
        (f"MaxResults = {LONG_NUMBER}\n", "toml", "invalid TOML: number too long"),
        (f"a = [{LONG_NUMBER}]\n", "toml", "invalid TOML: number too long"),
        (f"a = 1\na = 1{'_0' * 5000}\n", "toml", "invalid TOML: number too long"),
        (f'{{"a": {LONG_NUMBER}}}', "json", "number too long"),
        (f"a: {LONG_NUMBER}\n", "yaml", "not a valid !!int value"),
        # a key that str() refuses once raised ValueError from the checker and explain
        (f"? {LONG_HEX}\n: 1\n", "yaml", "an integer key too long to be a name"),
        (f"presets:\n  ? {LONG_HEX}\n  : null\n", "yaml", "an integer key too long to be a name"),
    ],
)
def test_numbers_too_long_to_convert(text: str, fmt: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / f"numbers.{fmt}"
    path.write_text(text, encoding="utf-8")
    for command in (("check", "--format", "json"), ("explain",)):
        result = run(*command, str(path), str(GOOD), cwd=tmp_path)
        assert result.status == 2
        assert reason in _reasons(result)[str(path)]


def test_long_hexadecimal_integers_as_values(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(
        f"presets: {{viewer: null}}\nMeetingFeatures:\n  Extra: {LONG_HEX}\n"
        f"  Attendee: {{MaxCount: {LONG_HEX}}}\n",
        encoding="utf-8",
    )
    result = _check(str(path), cwd=tmp_path)
    assert result.status == 1
    assert ("CHM-E106", "/MeetingFeatures/Attendee/MaxCount") in _findings(result, path)
    path.write_text(f"presets: {{viewer: null}}\nMeetingFeatures:\n  Extra: {LONG_HEX}\n")
    explained = run("explain", "--format", "json", str(path), cwd=tmp_path)
    assert explained.status == 0
    features = json.loads(explained.out)["files"][0]["profiles"][0]["meeting_features"]
    assert "Extra" not in features  # a member the model does not define is not shown


def test_pyproject_number_too_long(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.chime-capabilities]\nmax-file-size = {LONG_NUMBER}\n"
    )
    result = run("check", str(GOOD), cwd=tmp_path)
    assert result.status == 2
    assert "number too long" in result.err


def test_file_name_with_a_nul_byte() -> None:
    with pytest.raises(LoadError, match="not a valid file name"):
        load_file("attendee\x00.json")


@pytest.mark.parametrize(
    "features",
    [
        "MeetingFeatures:\n  Extra: 2001-01-01\n",
        "MeetingFeatures:\n  1: x\n  Video: {MaxResolution: HD}\n",
        "MeetingFeatures:\n  Video: {MaxResolution: HD, 1: !!binary aGk=}\n  Other: .nan\n",
    ],
)
def test_explain_meeting_features_with_members_json_does_not_have(
    features: str, tmp_path: Path
) -> None:
    # a date, a bytes value, a NaN or a non-string key once made explain raise TypeError
    path = tmp_path / "profile.yaml"
    path.write_text("presets: {viewer: null}\n" + features, encoding="utf-8")
    text = run("explain", str(path), cwd=tmp_path)
    assert text.status == 0, text.err
    assert "viewer" in text.out
    as_json = run("explain", "--format", "json", str(path), cwd=tmp_path)
    assert as_json.status == 0
    shown = json.loads(as_json.out)["files"][0]["profiles"][0]["meeting_features"]
    assert shown["Video"]["MaxResolution"] == "HD"
    assert "NaN" not in as_json.out


class _CountingPattern:
    """A compiled pattern that counts its matches (the JSON reader's whitespace skipper)."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.calls = 0

    def match(self, text: str, index: int) -> Any:
        self.calls += 1
        return self.pattern.match(text, index)


@pytest.mark.parametrize("items", [1_000, 5_000])
def test_json_positions_of_many_findings_cost_one_pass(
    items: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from capabilities.cli import _json

    counting = _CountingPattern(_json._WHITESPACE)
    monkeypatch.setattr(_json, "_WHITESPACE", counting)
    path = tmp_path / "attendees.json"
    path.write_text(json.dumps({"MeetingId": GUID, "Attendees": [0] * items}), encoding="utf-8")
    result = _check("--operation", "batch-create-attendee", str(path), cwd=tmp_path)
    assert json.loads(result.out)["summary"]["errors"] == items + 1  # CHM-E101 each, CHM-E105
    # the reader skips whitespace a few times a value; once per finding and value is quadratic
    assert counting.calls <= 4 * items + 100


_NUMBERS: dict[str, Callable[[int], str]] = {
    "base 60 !!int": lambda n: "1" * (n - 9996) + ":59" * 3332,
    "base 60 !!float": lambda n: "1" * (n - 302) + ":59" * 100 + ".5",
    "hexadecimal !!int": lambda n: "0x" + "f" * (n - 2),
}


@pytest.mark.parametrize("use_libyaml", [True, False])
@pytest.mark.parametrize("kind", _NUMBERS)
def test_numbers_are_converted_up_to_ten_thousand_characters(
    kind: str, use_libyaml: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyYAML converts base-60 numbers in quadratic time: 5 MB took minutes. The limit is
    checked before converting, at N-1, N and N+1 characters."""
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    number = _NUMBERS[kind]
    for length in (9_999, 10_000):
        value = parse_text(f"MaxResults: {number(length)}\n", "yaml").data
        assert isinstance(value, dict)
        assert isinstance(value["MaxResults"], (int, float))
    with pytest.raises(LoadError, match=r"^invalid YAML at line 1, column 13: number too long"):
        parse_text(f"MaxResults: {number(10_001)}\n", "yaml")
    with pytest.raises(LoadError, match="number too long"):  # 3 MB: minutes if converted
        parse_text(f"MaxResults: {number(3_000_000)}\n", "yaml")


def _amplifying_profile() -> dict[str, Any]:
    """3,000 presets, and 2,000 transitions to a preset of a 2,000-character name that does
    not exist: each CHM-E501 once quoted the name in full and listed every preset."""
    presets = {f"preset-{index}": None for index in range(3_000)}
    missing = "x" * 2_000
    transitions = [{"from": "preset-0", "to": missing}] * 2_000
    return {"presets": presets, "transitions": transitions}


def test_messages_quote_40_characters_and_list_a_few_names(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(_amplifying_profile()), encoding="utf-8")
    result = _check(str(path), cwd=tmp_path)
    assert result.status == 1
    file = json.loads(result.out)["files"][0]
    messages = [f["message"] for f in file["findings"] if f["code"] == "CHM-E501"]
    assert len(messages) == 1_000
    assert file["omitted"] == 1_000
    assert messages[0] == (
        f"no preset named '{'x' * 35}...' in this profile; presets: "
        "'preset-0', 'preset-1', 'preset-2', 'preset-3', 'preset-4' and 2,995 more"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_output_per_file_is_bounded_with_a_last_line_saying_what_was_cut(
    fmt: str, tmp_path: Path
) -> None:
    from capabilities.cli.reporters import MAX_FINDINGS_SHOWN, MAX_TEXT

    path = tmp_path / "profile.json"
    path.write_text(json.dumps(_amplifying_profile()), encoding="utf-8")
    limit = f"output is limited to {MAX_FINDINGS_SHOWN:,} findings per file"
    cut = f"1,000 more finding(s) not shown: {limit}"
    result = run("check", "--no-config", "--format", fmt, str(path), str(GOOD), cwd=tmp_path)
    assert result.status == 1
    if fmt == "json":
        assert json.loads(result.out)["files"][0]["omitted"] == 1_000
    else:
        assert result.out.count(cut) == 1
    assert result.out.count("no preset named 'xxxxx") == MAX_FINDINGS_SHOWN
    # every finding of at most MAX_TEXT characters of message and of pointer, plus its place
    assert len(result.out) < MAX_FINDINGS_SHOWN * (2 * MAX_TEXT + 700) + 200_000
    assert str(GOOD) in result.out or GOOD.name in result.out


@pytest.mark.parametrize(("count", "cut"), [(999, False), (1_000, False), (1_001, True)])
def test_the_output_limit_at_its_bound(count: int, cut: bool, tmp_path: Path) -> None:
    path = tmp_path / "attendees.json"
    path.write_text(
        json.dumps({"MeetingId": GUID, "Attendees": [0] * (count - 1)}), encoding="utf-8"
    )
    result = run("check", "--no-config", "--operation", "batch-create-attendee", str(path))
    lines = result.out.splitlines()
    assert len([line for line in lines if " error CHM-E10" in line]) == min(count, 1_000)
    assert ("1 more finding(s) not shown" in result.out) is cut
    assert lines[-1].startswith(f"{count} error(s)")


def test_a_long_pointer_is_cut(tmp_path: Path) -> None:
    from capabilities.cli.reporters import MAX_TEXT

    path = tmp_path / "meeting.json"
    path.write_text(json.dumps({**MEETING, "k" * 5_000: 1}), encoding="utf-8")
    result = _check("--operation", "create-meeting", str(path), cwd=tmp_path)
    (finding,) = json.loads(result.out)["files"][0]["findings"]
    assert finding["pointer"] == "/" + "k" * (MAX_TEXT - 4) + "..."
    assert len(finding["message"]) <= MAX_TEXT


@pytest.mark.parametrize("use_libyaml", [True, False])
def test_a_long_key_repeated_through_an_alias_is_quoted_40_characters(
    use_libyaml: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An alias costs one value however long its key: 500 repetitions of a 10,000-character
    key once made 500 messages of the whole key."""
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    key = "k" * 10_000
    text = f"a: &k {key}\nb: {{" + ", ".join(f"*k : {i}" for i in range(500)) + "}\n"
    document = parse_text(text, "yaml")
    messages = [finding.message for finding, _ in document.findings]
    assert len(messages) == 499
    assert all(len(message) < 200 for message in messages), max(map(len, messages))


def test_explain_output_is_bounded(tmp_path: Path) -> None:
    from capabilities.cli.explain import MAX_PRESETS, MAX_PROFILES

    many = tmp_path / "presets.json"
    many.write_text(json.dumps({"presets": {f"p{i}": None for i in range(MAX_PRESETS + 500)}}))
    text = run("explain", str(many))
    assert text.status == 0
    assert text.out.count(" (null: the service's defaults)") == MAX_PRESETS
    assert "    500 more preset(s) not shown: output is limited to 1,000 per file\n" in text.out
    profiles = tmp_path / "profiles.json"
    body = {f"p{i}": {"presets": {"a": None, "b": None}} for i in range(MAX_PROFILES + 10)}
    profiles.write_text(json.dumps({"profiles": body}))
    text = run("explain", str(profiles))
    assert text.out.count(": profile p") == MAX_PROFILES
    assert text.out.endswith(
        f"{profiles}: 10 more profile(s) not shown: output is limited to 50 per file\n"
    )
    as_json = json.loads(run("explain", "--format", "json", str(profiles)).out)["files"][0]
    assert as_json["omitted_profiles"] == 10
    assert len(as_json["profiles"]) == MAX_PROFILES
    one = json.loads(run("explain", "--format", "json", str(many)).out)["files"][0]
    assert one["profiles"][0]["omitted_presets"] == 500
