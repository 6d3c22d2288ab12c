"""Transcription and tag files: input files recognized by their members, and a profile's
transcription configuration, checked by the transcription rules and explained with what its
left-out members mean."""

from __future__ import annotations

import json
from pathlib import Path

from .helpers import EXAMPLES, run

WEBINAR = str(EXAMPLES / "profiles" / "webinar.yaml")


def test_explain_shows_the_transcription_and_its_defaults() -> None:
    result = run("explain", WEBINAR)
    assert result.status == 0
    town_hall = result.out[result.out.index("profile town-hall") :]
    assert "  transcription: EngineTranscribeSettings {" in town_hall
    assert "    Region left out: the meeting's MediaRegion" in town_hall
    as_json = run("explain", "--format", "json", WEBINAR)
    webinar, hall = json.loads(as_json.out)["files"][0]["profiles"]
    assert webinar["transcription"] is None
    assert hall["transcription"]["engine"] == "EngineTranscribeSettings"
    assert hall["transcription"]["settings"]["PreferredLanguage"] == "en-US"
    assert set(hall["transcription"]["defaults"]) == {"Region", "PiiEntityTypes"}


def test_a_transcription_error_in_a_profile_is_located(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(
        "presets: {}\n"
        "transcription:\n"
        "  EngineTranscribeSettings:\n"
        "    IdentifyLanguage: true\n"
        "    PreferredLanguage: en-US\n",
        encoding="utf-8",
    )
    checked = run("check", "--format", "json", str(path))
    assert checked.status == 1
    [finding] = json.loads(checked.out)["files"][0]["findings"]
    assert (finding["code"], finding["pointer"], finding["line"]) == (
        "CHM-E608",
        "/transcription/EngineTranscribeSettings/PreferredLanguage",
        5,
    )
    explained = run("explain", str(path))
    assert "transcription: not valid: CHM-E608" in explained.out


def test_transcription_and_tag_input_files_are_recognized(tmp_path: Path) -> None:
    arn = "arn:aws:chime:us-east-1:111122223333:meeting/x"
    files = {
        "StartMeetingTranscription": {
            "MeetingId": "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d",
            "TranscriptionConfiguration": {"EngineTranscribeSettings": {"LanguageCode": "en-US"}},
        },
        "TagResource": {"ResourceARN": arn, "Tags": [{"Key": "team", "Value": "a"}]},
        "UntagResource": {"ResourceARN": arn, "TagKeys": ["team"]},
        "ListTagsForResource": {"ResourceARN": arn},
    }
    paths = []
    for index, document in enumerate(files.values()):
        path = tmp_path / f"input-{index}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))
    result = run("check", "--format", "json", *paths)
    assert result.status == 0
    checked = json.loads(result.out)["files"]
    assert [f["operation"] for f in checked] == list(files)
    # the engine runs in the meeting's MediaRegion, which a file does not give
    assert [u["code"] for u in checked[0]["unchecked"]] == ["CHM-W616"]
    assert "MediaRegion" in checked[0]["unchecked"][0]["reason"]
