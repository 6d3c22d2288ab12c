"""Which operation an AWS CLI input file is: --operation, the configuration's globs, the file
name, then the members (the fewest required members missing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capabilities import _model as m
from capabilities.cli.checker import cli_command, detect_operation, operation_in_name
from capabilities.cli.loaders import LoadError

from .helpers import run

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
ATTENDEE_REF = {"MeetingId": GUID, "AttendeeId": GUID}


def _json_findings(result_out: str) -> list[dict[str, object]]:
    files: list[dict[str, object]] = json.loads(result_out)["files"]
    return files


@pytest.mark.parametrize("op", sorted(m.OPERATIONS))
def test_every_spelling_of_an_operation_in_a_file_name(op: str) -> None:
    method = m.OPERATIONS[op].method
    for name in (op, cli_command(op), method):
        for file_name in (f"{name}.json", f"{name}.yaml", f"team.{name}.json", f"a/b/{name}.yml"):
            assert operation_in_name(file_name) == op, file_name


@pytest.mark.parametrize(
    "file_name",
    ["get.json", "get-meeting-response.json", "input.json", "get-attendee.delete-attendee.json"],
)
def test_names_that_name_no_single_operation(file_name: str) -> None:
    assert operation_in_name(file_name) is None


def test_required_members_decide_between_candidates() -> None:
    meeting = {"MediaRegion": "us-east-1", "ExternalMeetingId": "m1"}
    assert detect_operation(meeting) == "CreateMeeting"
    assert detect_operation({**meeting, "MeetingFeatures": {}}) == "CreateMeeting"
    assert detect_operation({"MediaRegion": "us-east-1"}) == "CreateMeeting"
    assert detect_operation({**meeting, "Attendees": []}) == "CreateMeetingWithAttendees"


@pytest.mark.parametrize(
    ("members", "file_name", "op"),
    [
        (ATTENDEE_REF, "get-attendee.json", "GetAttendee"),
        (ATTENDEE_REF, "cleanup.delete_attendee.json", "DeleteAttendee"),
        ({"MeetingId": GUID}, "DeleteMeeting.yaml", "DeleteMeeting"),
        ({"MeetingId": GUID}, "roster.list-attendees.json", "ListAttendees"),
    ],
)
def test_a_file_name_decides(members: dict[str, str], file_name: str, op: str) -> None:
    assert detect_operation(members, file_name) == op


def test_an_unplaced_file_says_what_fits_and_how_to_choose() -> None:
    with pytest.raises(LoadError) as info:
        detect_operation({"MeetingId": GUID}, "meeting.json")
    text = str(info.value)
    for op in ("GetMeeting", "DeleteMeeting", "ListAttendees"):
        assert f"{op} (--operation {cli_command(op)})" in text
    assert "[tool.chime-capabilities] operations" in text
    assert "get-meeting.json" in text


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_folder_of_cli_input_files_each_placed(tmp_path: Path) -> None:
    files = [
        _write(tmp_path / "cli" / "get-attendee.json", ATTENDEE_REF),
        _write(tmp_path / "cli" / "delete_meeting.json", {"MeetingId": GUID}),
        _write(
            tmp_path / "cli" / "create-meeting.json",
            {"MediaRegion": "us-east-1", "ExternalMeetingId": "m1"},
        ),
        _write(tmp_path / "cli" / "roster" / "week-1.json", {"MeetingId": GUID, "MaxResults": 5}),
        _write(tmp_path / "cli" / "meetings" / "standup.json", {"MeetingId": GUID}),
    ]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.chime-capabilities.operations]\n"cli/meetings/*.json" = "GetMeeting"\n',
        encoding="utf-8",
    )
    result = run("check", "--format", "json", *map(str, files), cwd=tmp_path)
    assert result.status == 0, result.err
    placed = {Path(str(f["path"])).name: f["operation"] for f in _json_findings(result.out)}
    assert placed == {
        "get-attendee.json": "GetAttendee",
        "delete_meeting.json": "DeleteMeeting",
        "create-meeting.json": "CreateMeeting",
        "week-1.json": "ListAttendees",
        "standup.json": "GetMeeting",
    }


def test_the_mapping_wins_over_the_file_name_and_option_over_both(tmp_path: Path) -> None:
    path = _write(tmp_path / "get-attendee.json", ATTENDEE_REF)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.chime-capabilities.operations]\n"get-*.json" = "delete-attendee"\n', encoding="utf-8"
    )
    mapped = run("check", "--format", "json", str(path), cwd=tmp_path)
    assert _json_findings(mapped.out)[0]["operation"] == "DeleteAttendee"
    given = run("check", "--format", "json", "--operation", "GetAttendee", str(path), cwd=tmp_path)
    assert _json_findings(given.out)[0]["operation"] == "GetAttendee"


@pytest.mark.parametrize(
    "table",
    [
        'operations = ["x"]',
        '[tool.chime-capabilities.operations]\n"*.json" = 1',
        '[tool.chime-capabilities.operations]\n"*.json" = "NoSuchCall"',
    ],
)
def test_a_bad_mapping_is_a_usage_error(tmp_path: Path, table: str) -> None:
    path = _write(tmp_path / "x.json", ATTENDEE_REF)
    header = "" if table.startswith("[") else "[tool.chime-capabilities]\n"
    (tmp_path / "pyproject.toml").write_text(header + table + "\n", encoding="utf-8")
    result = run("check", str(path), cwd=tmp_path)
    assert result.status == 2
    assert "operations" in result.err
