"""The generated JSON Schema documents: well-formed, current, loadable by name.

Whether they accept what the engine accepts is tested in tests/property/test_schema_agreement.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

import capabilities
from capabilities._model import OPERATIONS
from capabilities.schema import ID_BASE, SCHEMA_NAMES, generate, main, render
from tests.property.test_schema_agreement import engine_ok, schema_ok

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
SUFFIX = ".schema.json"
OTHER_NAMES = ("AttendeeCapabilities", "MeetingFeatures", "Attendee", "meeting-profile")
GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"


def test_one_schema_per_operation_and_the_named_ones() -> None:
    assert set(SCHEMA_NAMES) == {f"{op}.request" for op in OPERATIONS} | set(OTHER_NAMES)
    assert {p.name for p in SCHEMAS.glob("*" + SUFFIX)} == {n + SUFFIX for n in SCHEMA_NAMES}


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = capabilities.json_schema(name)
    assert validator_for(schema) is Draft202012Validator
    Draft202012Validator.check_schema(schema)


def test_ids_are_stable_and_distinct() -> None:
    ids = [capabilities.json_schema(name)["$id"] for name in SCHEMA_NAMES]
    assert ids == [ID_BASE + name + SUFFIX for name in SCHEMA_NAMES]
    assert not any(capabilities.__version__ in i for i in ids)


def _walk(node: Any, under_not: bool = False) -> Iterator[tuple[str, bool]]:
    """(pattern, whether it sits under a ``not``) for every pattern keyword."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value, under_not
            else:
                yield from _walk(value, under_not or key == "not")
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, under_not)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_patterns_are_anchored_and_portable(name: str) -> None:
    """JSON Schema's pattern searches: each must be anchored; the reserved prefix (under a
    ``not``) at the start only. No \\s, \\w or \\d: Python, ECMA-262 and the service's Java
    read them differently (``[\\s\\S]``, any character, reads the same everywhere)."""
    for pattern, under_not in _walk(capabilities.json_schema(name)):
        assert pattern.startswith("^"), pattern
        assert under_not or pattern.endswith("$(?!\\n)"), pattern
        portable = pattern.replace("\\\\", "").replace("[\\s\\S]", "")
        for escape in ("\\s", "\\w", "\\d"):
            assert escape not in portable, pattern


def test_external_user_id_whitespace_is_javas() -> None:
    schema = capabilities.json_schema("CreateAttendee")
    validator = Draft202012Validator(schema)
    doc = {"MeetingId": GUID, "ExternalUserId": ""}
    for ch, ok in ((" ", True), ("\t", True), ("\x0b", True), ("\x1c", False), ("\xa0", False)):
        assert validator.is_valid({**doc, "ExternalUserId": f"a{ch}b"}) is ok, repr(ch)


def test_integral_floats_are_the_documented_difference() -> None:
    """JSON Schema counts 25.0 as an integer; the engine refuses it, as boto3 does. The docs say
    so; this keeps the statement true."""
    validator = Draft202012Validator(capabilities.json_schema("MeetingFeatures"))
    assert validator.is_valid({"Attendee": {"MaxCount": 25.0}})
    request = {"ClientRequestToken": "token", "MediaRegion": "us-east-1", "ExternalMeetingId": "m1"}
    report = capabilities.validate(
        "CreateMeeting", {**request, "MeetingFeatures": {"Attendee": {"MaxCount": 25.0}}}
    )
    assert [f.code for f in report.errors] == ["CHM-E101"]


# --- loading by name ------------------------------------------------------------------------


@pytest.mark.parametrize("op", list(OPERATIONS))
def test_operation_name_means_its_request(op: str) -> None:
    schema = capabilities.json_schema(op)
    assert schema == capabilities.json_schema(f"{op}.request")
    assert schema["$id"].endswith(f":{op}.request{SUFFIX}")


@pytest.mark.parametrize("name", OTHER_NAMES)
def test_other_names_load(name: str) -> None:
    assert capabilities.json_schema(name)["$id"].endswith(f":{name}{SUFFIX}")


@pytest.mark.parametrize(
    "name", ["createAttendee", "CreateAttendee.response", "Meeting", "", "x" * 500, 3, None]
)
def test_unknown_name_lists_the_available_ones(name: Any) -> None:
    with pytest.raises(ValueError, match="available") as raised:
        capabilities.json_schema(name)
    message = str(raised.value)
    for known in (*OPERATIONS, *OTHER_NAMES):
        assert known in message
    assert len(message) < 600


def test_each_call_returns_a_new_dict() -> None:
    first = capabilities.json_schema("Attendee")
    first["title"] = "changed"
    assert capabilities.json_schema("Attendee")["title"] != "changed"


def test_core_import_stays_light() -> None:
    code = (
        "import sys, capabilities\n"
        "before = 'capabilities.schema' in sys.modules\n"
        "capabilities.json_schema('meeting-profile')\n"
        "print(before, 'jsonschema' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["False", "False"]


# --- the generator --------------------------------------------------------------------------


def test_committed_schemas_are_current() -> None:
    for name, schema in generate().items():
        committed = (SCHEMAS / name).read_text(encoding="utf-8")
        assert committed == render(schema), f"{name} is stale: run python -m capabilities.schema"


def test_rendering_is_deterministic() -> None:
    first = {name: render(schema) for name, schema in generate().items()}
    assert first == {name: render(schema) for name, schema in generate().items()}
    for text in first.values():
        assert text.endswith("}\n")
        assert text.splitlines()[1].startswith('  "')

        def sorted_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            keys = [k for k, _ in pairs]
            assert keys == sorted(keys)
            return dict(pairs)

        json.loads(text, object_pairs_hook=sorted_keys)


def test_check_names_stale_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dir", str(tmp_path)]) == 0
    assert main(["--check", "--dir", str(tmp_path)]) == 0
    changed = tmp_path / "CreateAttendee.request.schema.json"
    changed.write_text(changed.read_text(encoding="utf-8").replace("64", "65"), encoding="utf-8")
    (tmp_path / "Attendee.schema.json").unlink()
    (tmp_path / "Old.request.schema.json").write_text("{}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--check", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    for stale in ("CreateAttendee.request", "Attendee.schema", "Old.request"):
        assert stale in err
    assert "python -m capabilities.schema" in err
    assert main(["--dir", str(tmp_path)]) == 0
    assert not (tmp_path / "Old.request.schema.json").exists()
    assert main(["--check", "--dir", str(tmp_path)]) == 0


def test_module_command_checks_the_source_tree() -> None:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "capabilities.schema", "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_shipped_json_profiles_get_the_engines_verdict() -> None:
    profiles = sorted((ROOT / "examples" / "profiles").glob("*.json"))
    assert profiles
    for path in profiles:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert schema_ok("meeting-profile", doc) == engine_ok("meeting-profile", doc), path.name


def test_docs_name_every_schema_and_the_command() -> None:
    text = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    for name in SCHEMA_NAMES:
        assert name + SUFFIX in text
    assert "python -m capabilities.schema --check" in text
