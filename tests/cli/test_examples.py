"""The shipped examples say what they are: valid ones pass, invalid ones give their findings."""

from __future__ import annotations

import json

import pytest

from .helpers import EXAMPLES, run

CASES = {
    "profiles/webinar.yaml": (0, {"CHM-W304", "CHM-W305"}),
    "profiles/classroom.toml": (0, {"CHM-W305"}),
    "profiles/audio-only.json": (0, {"CHM-W304"}),
    "profiles/broken.json": (
        1,
        {
            "CHM-E102",
            "CHM-E107",
            "CHM-E303",
            "CHM-E401",
            "CHM-E403",
            "CHM-E501",
            "CHM-E502",
            "CHM-E503",
        },
    ),
    "cli-input/create-attendee.json": (0, set()),
    "cli-input/create-meeting.yaml": (0, set()),
    "cli-input/update-attendee-capabilities.json": (0, set()),
    "cli-input/batch-create-attendee.yaml": (1, {"CHM-E102", "CHM-E202", "CHM-E303", "CHM-W206"}),
    "cli-input/start-meeting-transcription.json": (1, {"CHM-E608", "CHM-E613", "CHM-W614"}),
    "cli-input/start-meeting-transcription.valid.json": (0, set()),
}


def test_every_example_is_covered() -> None:
    shipped = {
        str(p.relative_to(EXAMPLES))
        for p in EXAMPLES.rglob("*")
        if p.parent.name in ("profiles", "cli-input")
    }
    assert shipped == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_example(name: str) -> None:
    status, codes = CASES[name]
    result = run("check", "--format", "json", str(EXAMPLES / name))
    assert result.status == status
    assert {f["code"] for f in json.loads(result.out)["files"][0]["findings"]} == codes


@pytest.mark.parametrize(
    "features", ["cli-input/create-meeting.yaml", "meetings/get-meeting-response.json"]
)
def test_attendee_in_a_meeting_without_video(features: str) -> None:
    result = run(
        "check",
        "--format",
        "json",
        "--meeting-features",
        str(EXAMPLES / features),
        str(EXAMPLES / "cli-input" / "create-attendee.json"),
        str(EXAMPLES / "cli-input" / "update-attendee-capabilities.json"),
    )
    assert result.status == 1
    attendee, update = json.loads(result.out)["files"]
    assert [(f["code"], f["pointer"], f["line"], f["column"]) for f in attendee["findings"]] == [
        ("CHM-E301", "/Capabilities/Video", 6, 14)
    ]
    assert update["findings"] == []
    assert [u["code"] for u in update["unchecked"]] == ["CHM-W304", "CHM-W305"]
