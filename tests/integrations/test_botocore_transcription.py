"""The botocore hook on the transcription and tag calls (Stubber, no network)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from botocore.stub import Stubber

from capabilities.integrations.botocore import CapabilityParamValidationError, install
from capabilities.types import Tag

from .test_botocore import LOGGER, MEETING, client, new_client

__all__ = ["client"]  # the fixture, imported for the tests below

ARN = "arn:aws:chime:us-east-1:111122223333:meeting/" + MEETING
#: A MediaRegion the meetings API lists and the Transcribe engine's Region enum does not.
NO_TRANSCRIBE_REGION = "af-south-1"


def start(settings: dict[str, Any]) -> dict[str, Any]:
    return {
        "MeetingId": MEETING,
        "TranscriptionConfiguration": {"EngineTranscribeSettings": settings},
    }


def test_an_invalid_transcription_configuration_is_refused_before_it_is_sent() -> None:
    made = new_client()
    install(made)
    params = start({"IdentifyLanguage": True, "PreferredLanguage": "en-US"})
    with Stubber(made), pytest.raises(CapabilityParamValidationError) as raised:
        made.start_meeting_transcription(**params)
    assert [(f.code, f.path) for f in raised.value.report.errors] == [
        ("CHM-E608", "/TranscriptionConfiguration/EngineTranscribeSettings/PreferredLanguage")
    ]


def test_a_repeated_tag_key_is_refused_and_valid_tag_calls_go_through() -> None:
    made = new_client()
    install(made, warnings="raise")
    tags: list[Tag] = [{"Key": "team", "Value": "a"}, {"Key": "team", "Value": "b"}]
    with Stubber(made) as stubber:
        with pytest.raises(CapabilityParamValidationError) as raised:
            made.tag_resource(ResourceARN=ARN, Tags=tags)
        assert [f.code for f in raised.value.report.errors] == ["CHM-E701"]
        stubber.add_response("tag_resource", {}, {"ResourceARN": ARN, "Tags": tags[:1]})
        stubber.add_response("untag_resource", {}, {"ResourceARN": ARN, "TagKeys": ["team"]})
        stubber.add_response("list_tags_for_resource", {"Tags": tags[:1]}, {"ResourceARN": ARN})
        made.tag_resource(ResourceARN=ARN, Tags=tags[:1])
        made.untag_resource(ResourceARN=ARN, TagKeys=["team"])
        assert made.list_tags_for_resource(ResourceARN=ARN)["Tags"] == tags[:1]
        stubber.assert_no_pending_responses()


def test_the_meeting_region_learned_from_create_meeting_gives_the_region_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    made = new_client()
    install(made)
    meeting = {"MeetingId": MEETING, "MediaRegion": NO_TRANSCRIBE_REGION}
    params = start({"LanguageCode": "en-US"})
    with Stubber(made) as stubber:
        stubber.add_response("create_meeting", {"Meeting": meeting})
        stubber.add_response("start_meeting_transcription", {}, params)
        made.create_meeting(
            ClientRequestToken="token-1",
            MediaRegion=NO_TRANSCRIBE_REGION,
            ExternalMeetingId="meeting-1",
        )
        with caplog.at_level(logging.WARNING, logger=LOGGER):
            made.start_meeting_transcription(**params)
    assert [r.getMessage() for r in caplog.records if "CHM-W616" in r.getMessage()] != []
    install(made, warnings="raise")  # what was learned is kept
    with Stubber(made), pytest.raises(CapabilityParamValidationError) as raised:
        made.start_meeting_transcription(**params)
    assert raised.value.report.fixes == {
        "/TranscriptionConfiguration/EngineTranscribeSettings/Region": "auto"
    }


def test_an_unknown_meeting_region_leaves_the_region_warning_unchecked(
    caplog: pytest.LogCaptureFixture,
) -> None:
    made = new_client()
    install(made, warnings="raise")
    params = start({"LanguageCode": "en-US"})
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    with Stubber(made) as stubber:
        stubber.add_response("start_meeting_transcription", {}, params)
        made.start_meeting_transcription(**params)
    assert any("MediaRegion of meeting" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("region", ["x", "y" * 65, 7, None])
def test_a_meeting_region_the_engine_refuses_is_not_remembered(region: Any) -> None:
    """A response from the network is not checked by botocore: a MediaRegion there that the
    engine refuses is not passed on to later calls (it would make them raise)."""
    made = new_client()
    hook = install(made, warnings="raise")
    hook._learn_response(
        "GetMeeting", {}, {"Meeting": {"MeetingId": MEETING, "MediaRegion": region}}
    )
    params = start({"LanguageCode": "en-US"})
    with Stubber(made) as stubber:
        stubber.add_response("start_meeting_transcription", {}, params)
        made.start_meeting_transcription(**params)
    hook._learn_response(
        "GetMeeting", {}, {"Meeting": {"MeetingId": MEETING, "MediaRegion": NO_TRANSCRIBE_REGION}}
    )
    with Stubber(made), pytest.raises(CapabilityParamValidationError):
        made.start_meeting_transcription(**params)
