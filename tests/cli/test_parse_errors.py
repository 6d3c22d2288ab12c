"""A file that cannot be parsed is reported once, at the place it is wrong, in every format:
``file:line:col: error:`` in text, ``line=``/``col=`` in github annotations, ``error_position``
in JSON, a region in SARIF; stderr carries the reason only where stdout is for programs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import run

PROG = "chime-capabilities: error: "
#: (file name, text, line, column, reason)
BROKEN = [
    (
        "comma.json",
        '{"MeetingId": "x",\n}',
        2,
        1,
        "invalid JSON: expected a member name in double quotes",
    ),
    ("flow.yaml", "MeetingId: [1, 2\n", 2, 1, "invalid YAML: did not find expected ',' or ']'"),
    ("value.toml", "a = 1\nMeetingId = \n", 2, 13, "invalid TOML: Invalid value"),
    ("latin.yaml", "a: 1\nb: caf\xe9\n", 2, 7, "not UTF-8: invalid byte 0xe9 at offset 11"),
]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1" if name.startswith("latin") else "utf-8"))
    return path


@pytest.mark.parametrize(("name", "text", "line", "column", "reason"), BROKEN)
def test_text_and_github(
    name: str, text: str, line: int, column: int, reason: str, tmp_path: Path
) -> None:
    path = _write(tmp_path, name, text)
    result = run("check", "--no-config", str(path), cwd=tmp_path)
    assert result.status == 2
    assert result.err == ""
    assert result.out.splitlines()[0] == f"{path}:{line}:{column}: error: {reason}"
    assert result.out.count(reason) == 1
    github = run("check", "--no-config", "--format", "github", str(path), cwd=tmp_path)
    assert github.err == ""
    assert github.out == (
        f"::error file={path},line={line},col={column},title=chime-capabilities::{reason}\n"
    )


@pytest.mark.parametrize(("name", "text", "line", "column", "reason"), BROKEN)
def test_json_and_sarif(
    name: str, text: str, line: int, column: int, reason: str, tmp_path: Path
) -> None:
    path = str(_write(tmp_path, name, text))
    head, _, tail = reason.partition(": ")
    placed = f"{head} at line {line}, column {column}: {tail}"
    result = run("check", "--no-config", "--format", "json", path, cwd=tmp_path)
    (file,) = json.loads(result.out)["files"]
    assert file["error"] == placed
    assert file["error_position"] == {"line": line, "column": column}
    assert result.err == f"{PROG}{path}: {placed}\n"
    sarif = run("check", "--no-config", "--format", "sarif", path, cwd=tmp_path)
    (notification,) = json.loads(sarif.out)["runs"][0]["invocations"][0][
        "toolExecutionNotifications"
    ]
    assert notification["message"]["text"] == reason
    location = notification["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": line, "startColumn": column}
    assert sarif.err == f"{PROG}{path}: {placed}\n"


def test_a_reason_without_a_place(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.json")
    result = run("check", "--no-config", "--format", "json", missing)
    (file,) = json.loads(result.out)["files"]
    assert file["error"] == "no such file"
    assert file["error_position"] is None
    text = run("check", "--no-config", missing)
    assert text.out.splitlines()[0] == f"{missing}: error: no such file"
