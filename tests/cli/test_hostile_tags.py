"""YAML tags whose constructor fails, and the last-resort handler around each file: a
failure is one reason naming the file (exit 2), never a traceback or a value, and the other
files are still reported."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from capabilities.cli import _yaml, checker, explain

from .helpers import EXAMPLES, run

#: The module (the package exports a function of the same name).
execute_module = importlib.import_module("capabilities.cli.execute")
GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
PROG = "chime-capabilities: error: "
GOOD = EXAMPLES / "profiles" / "broken.json"
SECRET = "SeCrEt5e3b1c0a"
FORMATS = ("text", "json", "github", "sarif")

#: Tagged scalars PyYAML's constructors fail on with something other than a YAMLError.
BROKEN_TAGS = (
    ("!!bool", SECRET),
    ("!!timestamp", "2024-13-99x" + SECRET),
    ("!!timestamp", "2024-01-01T" + SECRET),
    ("!!int", '""'),
    ("!!int", '"-"'),
    ("!!int", '"_"'),
    ("!!int", '"+"'),
    ("!!float", '""'),
    ("!!float", '"-"'),
    ("!!float", '"_"'),
    ("!!bool", '""'),
    ("!!binary", SECRET + "!"),
)


def _visible(result: object) -> str:
    return f"{getattr(result, 'out', '')}\n{getattr(result, 'err', '')}"


@pytest.fixture(params=[True, False], ids=["libyaml", "pure"])
def libyaml(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(_yaml, "USE_LIBYAML", request.param)
    return bool(request.param)


@pytest.mark.parametrize(("tag", "value"), BROKEN_TAGS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.usefixtures("libyaml")
def test_a_tag_that_fails_to_construct_is_a_reason_naming_the_tag(
    tag: str, value: str, fmt: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"MeetingId: {GUID}\nExternalUserId: {tag} {value}\n", encoding="utf-8")
    result = run("check", "--no-config", "--format", fmt, str(bad), str(GOOD), cwd=tmp_path)
    assert result.status == 2
    if fmt in ("json", "sarif"):
        reason = f"invalid YAML at line 2, column 17: not a valid {tag} value"
        assert result.err == f"{PROG}{bad}: {reason}\n"
    else:
        assert result.err == ""
        assert f"not a valid {tag} value" in result.out
    assert SECRET.lower() not in _visible(result).lower()
    assert str(GOOD) in result.out  # the other file is reported


@pytest.mark.parametrize(("tag", "value"), BROKEN_TAGS)
@pytest.mark.usefixtures("libyaml")
def test_a_tag_that_fails_in_explain_and_meeting_features(
    tag: str, value: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"presets:\n  p:\n    Audio: {tag} {value}\n", encoding="utf-8")
    explained = run("explain", str(bad), str(GOOD), cwd=tmp_path)
    assert explained.status == 2
    assert explained.err.startswith(f"{PROG}{bad}: invalid YAML at line 3, column 12: ")
    assert f"not a valid {tag} value" in explained.err
    assert str(GOOD) in explained.out
    features = tmp_path / "features.yaml"
    features.write_text(f"Audio:\n  MaxResolution: {tag} {value}\n", encoding="utf-8")
    checked = run(
        "check", "--no-config", "--meeting-features", str(features), str(GOOD), cwd=tmp_path
    )
    assert checked.status == 2
    assert f"not a valid {tag} value" in checked.err
    for result in (explained, checked):
        assert SECRET.lower() not in _visible(result).lower()
        assert "Traceback" not in _visible(result)


def _boom(*args: object, **kwargs: object) -> object:
    raise KeyError(SECRET)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unexpected_exception_is_an_internal_error_of_that_file(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = checker.check_document

    def flaky(path: str, *args: object, **kwargs: object) -> object:
        calls.append(path)
        if len(calls) == 1:
            return _boom()
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(execute_module, "check_document", flaky)
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"MeetingId": GUID}), encoding="utf-8")
    result = run("check", "--no-config", "--format", fmt, str(first), str(GOOD), cwd=tmp_path)
    assert result.status == 2
    assert result.out.count("internal error while checking this file (KeyError)") == 1
    assert SECRET not in _visible(result)
    assert str(GOOD) in result.out
    assert len(calls) == 2


def test_an_unexpected_exception_in_explain_and_meeting_features(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"presets": {"p": None}}), encoding="utf-8")
    monkeypatch.setattr(explain, "_explain", _boom)
    explained = run("explain", "--format", "json", str(profile), cwd=tmp_path)
    assert explained.status == 2
    assert json.loads(explained.out)["files"][0]["error"].startswith("internal error while")
    monkeypatch.setattr(execute_module, "load_meeting_features", _boom)
    checked = run("check", "--no-config", "--meeting-features", str(profile), str(GOOD))
    assert checked.status == 2
    assert checked.err == (
        f"{PROG}--meeting-features: internal error while checking this file (KeyError); "
        "please report it\n"
    )
    for result in (explained, checked):
        assert SECRET not in _visible(result)
