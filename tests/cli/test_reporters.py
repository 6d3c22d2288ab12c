"""Every output format, on the same findings; the SARIF output validates against the
published SARIF 2.1.0 schema (tests/cli/data, see SARIF-SCHEMA-LICENSE.md there)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from capabilities.cli.checker import FileResult, check_document
from capabilities.cli.loaders import parse_text
from capabilities.cli.reporters import REPORTERS, printable
from capabilities.rules import RULES

from .helpers import EXAMPLES, run

DATA = Path(__file__).parent / "data"
BROKEN = str(EXAMPLES / "profiles" / "broken.json")
BATCH = str(EXAMPLES / "cli-input" / "batch-create-attendee.yaml")
# (code, line, column, pointer) of every finding of the two files, counted in the files
EXPECTED = {
    BROKEN: [
        ("CHM-E401", 4, 26, "/profiles/webinar/MeetingFeatures/Attendee/MaxCount"),
        ("CHM-E403", 6, 38, "/profiles/webinar/MeetingFeatures/Content/MaxResolution"),
        ("CHM-E303", 10, 68, "/profiles/webinar/presets/viewer/Content"),
        ("CHM-E102", 11, 22, "/profiles/webinar/presets/moderator/Content"),
        ("CHM-E107", 11, 32, "/profiles/webinar/presets/moderator/Audio"),
        ("CHM-E501", 15, 34, "/profiles/webinar/transitions/1/to"),
        ("CHM-E502", 20, 7, "/profiles/lobby/presets"),
        ("CHM-E503", 21, 7, "/profiles/lobby/layout"),
    ],
    BATCH: [
        ("CHM-E303", 6, 62, "/Attendees/0/Capabilities/Content"),
        ("CHM-E202", 7, 21, "/Attendees/1/ExternalUserId"),
        ("CHM-W206", 8, 21, "/Attendees/2/ExternalUserId"),
        ("CHM-E102", 10, 7, "/Attendees/2/Capabilities/Content"),
    ],
}
MISSING = "does-not-exist.json"


def _render(fmt: str) -> str:
    result = run("check", "--format", fmt, BROKEN, BATCH, MISSING)
    assert result.status == 2
    # stderr carries it too where stdout is for programs
    expected = f"chime-capabilities: error: {MISSING}: no such file\n"
    assert result.err == (expected if fmt in ("json", "sarif") else "")
    return result.out


def test_text() -> None:
    lines = _render("text").splitlines()
    found = []
    for line in lines:
        match = re.fullmatch(
            r"(.+?):(\d+):(\d+): (error|warning|info) (CHM-[EWI]\d{3}) (.+)"
            r" \(at (\S+)(; fix: .+)?\)",
            line,
        )
        if match:
            found.append((match[1], match[5], int(match[2]), int(match[3]), match[7]))
    assert found == [(path, *item) for path, items in EXPECTED.items() for item in items]
    assert f"{BROKEN}:4:26: error CHM-E401 FHD video requires Attendee.MaxCount (at " in lines[0]
    assert lines[0].endswith("; fix: /profiles/webinar/MeetingFeatures/Attendee/MaxCount = 25)")
    assert (
        f"{BATCH}: note: not checked: CHM-E301, CHM-E302: the meeting's features are unknown"
        in "\n".join(lines)
    )
    assert f"{MISSING}: error: no such file" in lines
    assert (
        lines[-1] == "11 error(s), 1 warning(s), 0 info(s) in 2 file(s) checked; "
        "1 file(s) could not be checked"
    )


def test_json() -> None:
    document = json.loads(_render("json"))
    assert document["version"] == 1
    assert document["tool"]["name"] == "chime-capabilities"
    assert document["summary"] == {
        "files": 3,
        "checked": 2,
        "failed": 1,
        "errors": 11,
        "warnings": 1,
        "infos": 0,
    }
    files = {f["path"]: f for f in document["files"]}
    for path, items in EXPECTED.items():
        got = [(f["code"], f["line"], f["column"], f["pointer"]) for f in files[path]["findings"]]
        assert got == items
        assert files[path]["error"] is None
    first = files[BROKEN]["findings"][0]
    assert set(first) == {
        "code",
        "severity",
        "line",
        "column",
        "pointer",
        "message",
        "summary",
        "exception",
        "fix",
    }
    assert first["fix"] == {"/profiles/webinar/MeetingFeatures/Attendee/MaxCount": 25}
    assert first["exception"] == "BadRequestException"
    assert files[BROKEN]["kind"] == "profile"
    assert files[BATCH]["kind"] == "cli-input"
    assert files[BATCH]["operation"] == "BatchCreateAttendee"
    assert files[BATCH]["format"] == "yaml"
    assert files[MISSING]["error"] == "no such file"
    assert files[MISSING]["findings"] == []


def test_github() -> None:
    lines = _render("github").splitlines()
    pattern = re.compile(
        r"::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=(CHM-[EWI]\d{3})::(.+)"
    )
    found = []
    for line in lines:
        match = pattern.fullmatch(line)
        if match:
            found.append((match[2], match[5], int(match[3]), int(match[4])))
            severity = RULES[match[5]].severity
            assert match[1] == ("notice" if severity == "info" else severity)
    assert found == [
        (path, code, line, col) for path, items in EXPECTED.items() for code, line, col, _ in items
    ]
    assert f"::error file={MISSING},title=chime-capabilities::no such file" in lines
    assert (
        f"::notice file={BATCH},title=chime-capabilities::not checked: CHM-E301, CHM-E302" in lines
    )


def _sarif() -> dict[str, Any]:
    log: dict[str, Any] = json.loads(_render("sarif"))
    return log


@pytest.mark.parametrize(
    ("schema", "validator"),
    [
        ("sarif-schema-2.1.0.json", jsonschema.Draft202012Validator),
        ("sarif-schema-2.1.0-rtm.5.json", jsonschema.Draft4Validator),
    ],
)
def test_sarif_validates(schema: str, validator: Any) -> None:
    checker = validator(json.loads((DATA / schema).read_text(encoding="utf-8")))
    checker.check_schema(checker.schema)
    log = _sarif()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in checker.iter_errors(log)]
    assert errors == []
    # an empty run validates too
    empty = io.StringIO()
    REPORTERS["sarif"](empty).report([])
    assert list(checker.iter_errors(json.loads(empty.getvalue()))) == []


def test_sarif_content() -> None:
    run_ = _sarif()["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    found = []
    for result in run_["results"]:
        location = result["locations"][0]
        region = location["physicalLocation"]["region"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert (
            location["logicalLocations"][0]["fullyQualifiedName"] == result["properties"]["pointer"]
        )
        found.append(
            (
                uri,
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                result["properties"]["pointer"],
            )
        )
    expected = [(Path(path).as_uri(), *item) for path, items in EXPECTED.items() for item in items]
    assert found == expected
    assert run_["columnKind"] == "unicodeCodePoints"
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert {"level": "error", "message": {"text": "no such file"}}.items() <= invocation[
        "toolExecutionNotifications"
    ][-1].items()
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels["CHM-W206"] == "warning"
    for described in rules:  # help: the rule's source, a web page or the project's documentation
        rule = RULES[described["id"]]
        if rule.own_format:
            assert "helpUri" not in described
            assert described["help"]["text"].endswith(f": {rule.source_url}")
        else:
            assert described["helpUri"] == rule.source_url
    assert {r["id"] for r in rules if "help" in r} == {"CHM-E501", "CHM-E503"}
    assert levels["CHM-E303"] == "error"


def test_hostile_names_stay_on_one_line() -> None:
    text = (
        '{"presets": {"a\\n::error file=x::forged": {"Audio": "x", "Video": "None", '
        '"Content": "None"}}, "x\\u2028y": 1}'
    )
    result = check_document("evil\nname.json", parse_text(text, "json"))
    for fmt, cls in REPORTERS.items():
        out = io.StringIO()
        cls(out).report([result, FileResult("bad\r\nfile.json", error="no such file")])
        lines = out.getvalue().splitlines()
        if fmt in ("text", "github"):
            assert not any(line.startswith("::error file=x") for line in lines), fmt
            assert all("\u2028" not in line for line in lines)
            findings = [line for line in lines if "CHM-E107" in line or "CHM-E503" in line]
            assert len(findings) == 2, (fmt, lines)
        else:
            json.loads(out.getvalue())
    assert printable("a\nb\u2028c\ud800") == "a\\u000ab\\u2028c\\ud800"
