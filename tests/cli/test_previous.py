"""`check --previous FILE`: the attendee's current capabilities, for CHM-W304 and CHM-W305."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .helpers import EXAMPLES, run_process

UPDATE = EXAMPLES / "cli-input" / "update-attendee-capabilities.json"  # SendReceive/None/Send
CURRENT = {"Audio": "Receive", "Video": "Receive", "Content": "Receive"}


@pytest.mark.parametrize(
    "previous",
    [
        CURRENT,
        {"AttendeeId": "a", "Capabilities": CURRENT},
        {"Attendee": {"AttendeeId": "a", "JoinToken": "secret-token-1", "Capabilities": CURRENT}},
    ],
)
def test_previous_capabilities_give_the_transition_warnings(
    tmp_path: Path, previous: object
) -> None:
    shutil.copyfile(UPDATE, tmp_path / UPDATE.name)
    (tmp_path / "attendee.json").write_text(json.dumps(previous))
    without = run_process("check", UPDATE.name, cwd=tmp_path)
    assert (
        "not checked: CHM-W304, CHM-W305: the attendee's previous capabilities are unknown"
        in without.out
    )
    done = run_process("check", UPDATE.name, "--previous", "attendee.json", cwd=tmp_path)
    assert done.status == 0
    assert (
        f"{UPDATE.name}:5:14: warning CHM-W304 Audio goes from Receive to SendReceive" in done.out
    )
    assert f"{UPDATE.name}:7:16: warning CHM-W305 Content goes from Receive to Send" in done.out
    assert "CHM-W304, CHM-W305" not in done.out
    assert "secret-token-1" not in done.out + done.err


@pytest.mark.parametrize(
    ("previous", "reason"),
    [
        ('{"Audio": "Receive"}', "not a GetAttendee response, an Attendee or AttendeeCapabilities"),
        (
            "ExternalUserId: &s secret-user-9\nAudio: *s\nVideo: None\nContent: None\n",
            "not a GetAttendee response",
        ),
        (
            "Audio: &s secret-user-9\nVideo: None\nContent: None\n",
            "/Audio: CHM-E107 value not in the enumeration",
        ),
        ("{", "invalid"),
    ],
)
def test_an_unusable_previous_file_is_a_usage_error(
    tmp_path: Path, previous: str, reason: str
) -> None:
    shutil.copyfile(UPDATE, tmp_path / UPDATE.name)
    (tmp_path / "attendee.yaml").write_text(previous)
    done = run_process("check", UPDATE.name, "--previous", "attendee.yaml", cwd=tmp_path)
    assert done.status == 2
    assert "--previous attendee.yaml: " in done.err
    assert reason in done.err
    assert "secret-user-9" not in done.out + done.err
