"""Output read by a CI runner: GitHub Actions executes a line that starts with "::" and,
in its older syntax, "##[" anywhere in a line. File names and keys are the file author's,
so no line of any output may start with "::" unless it is a github-format annotation, and
"##[" never appears; and no output holds a control, format or separator character."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import EXAMPLES, run

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
GOOD = EXAMPLES / "profiles" / "broken.json"
FORMATS = ("text", "json", "github", "sarif")
ANNOTATION = re.compile(r"::(error|warning|notice) file=[^\n]*::")
HOSTILE = (
    "::stop-commands::tok",
    "  ::warning::x",
    "##[set-output name=x]y",
    "a ##[warning]b",
    "\x1b[31m\x07\t\u202e\u2028\u0085x",
    "::",
)


def _assert_safe(text: str, *, github: bool) -> None:
    assert "##[" not in text
    for line in text.splitlines():
        if line.lstrip().startswith("::"):
            assert github, line
            assert ANNOTATION.match(line), line
        assert line.isprintable(), ascii(line)


def _files(tmp_path: Path, name: str) -> list[str]:
    """A file named ``name`` with a member named ``name``, and one under a folder of it."""
    folder = tmp_path / "d"
    folder.mkdir(exist_ok=True)
    paths = []
    for index, base in enumerate((name, f"dir{name}")):
        safe = base.replace("/", "_").replace("\x00", "_")
        path = folder / f"{safe}{index}.json"
        path.write_text(json.dumps({"MeetingId": GUID, name: 1, "ExternalUserId": "u"}))
        paths.append(str(path) if index else safe + "0.json")
    return paths


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("fmt", FORMATS)
def test_names_cannot_forge_commands(name: str, fmt: str, tmp_path: Path) -> None:
    paths = _files(tmp_path, name)
    missing = name + "missing.json"
    result = run("check", "--no-config", "--format", fmt, *paths, missing, cwd=tmp_path / "d")
    assert result.status == 2
    _assert_safe(result.out, github=fmt == "github")
    _assert_safe(result.err, github=False)


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_explain_names_cannot_forge_commands(name: str, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / (name.replace("/", "_") + ".json")
    path.write_text(json.dumps({"profiles": {name: {"presets": {name: None}}}}))
    result = run("explain", "--format", fmt, path.name, name + "x.json", cwd=tmp_path)
    assert result.status == 2
    _assert_safe(result.out, github=False)
    _assert_safe(result.err, github=False)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(st.sampled_from(":#[] \t\x1b\u2028\u0085\u202eax"), min_size=1, max_size=12))
def test_any_name_of_these_characters(name: str, tmp_path: Path) -> None:
    paths = _files(tmp_path, name)
    for fmt in FORMATS:
        result = run("check", "--no-config", "--format", fmt, *paths, cwd=tmp_path / "d")
        _assert_safe(result.out, github=fmt == "github")
        _assert_safe(result.err, github=False)
