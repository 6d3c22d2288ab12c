"""Scenarios through boto3, each run in-process and over HTTP (the ``client`` fixture)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from capabilities import normalize
from capabilities.fake import FakeChimeSdkMeetings
from capabilities.fake._service import LIMIT_ERROR_CODE

UNKNOWN_ID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
VIDEO_OFF = {"Video": {"MaxResolution": "None"}}
ALL_ON = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}


def meeting(client: Any, **params: Any) -> dict[str, Any]:
    params = {"MediaRegion": "eu-west-1", "ExternalMeetingId": "meeting-1", **params}
    created: dict[str, Any] = client.create_meeting(**params)["Meeting"]
    return created


def error_code(info: pytest.ExceptionInfo[ClientError]) -> str:
    return str(info.value.response["Error"]["Code"])


def test_create_meeting_returns_what_the_service_returns(client: Any) -> None:
    created = meeting(client, TenantIds=["tenant-1"], MeetingHostId="host-1")
    meeting_id = created["MeetingId"]
    assert created["MeetingArn"] == f"arn:aws:chime:us-east-1:111122223333:meeting/{meeting_id}"
    assert created["MediaRegion"] == "eu-west-1"
    assert created["MeetingFeatures"] == {
        "Video": {"MaxResolution": "HD"},
        "Content": {"MaxResolution": "FHD"},
    }
    assert created["TenantIds"] == ["tenant-1"]
    placement = created["MediaPlacement"]
    assert placement["SignalingUrl"] == f"wss://signal.m3.ew1.app.chime.aws/control/{meeting_id}"
    assert len(placement) == 8
    assert "PrimaryMeetingId" not in created  # sent as null, which botocore drops
    plain = meeting(client, ExternalMeetingId="meeting-2")
    assert plain["TenantIds"] == []  # as the service sends it
    assert "MeetingHostId" not in plain
    assert client.get_meeting(MeetingId=meeting_id)["Meeting"] == created


def test_client_request_token_is_idempotent(client: Any) -> None:
    first = meeting(client, ClientRequestToken="token-1")
    assert meeting(client, ClientRequestToken="token-1") == first
    with pytest.raises(client.exceptions.ConflictException):
        meeting(client, ClientRequestToken="token-1", ExternalMeetingId="meeting-2")
    assert meeting(client)["MeetingId"] != first["MeetingId"]  # boto3 fills a new token


def test_attendees_get_effective_capabilities(client: Any) -> None:
    meeting_id = meeting(client, MeetingFeatures=VIDEO_OFF)["MeetingId"]
    attendee = client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-1")["Attendee"]
    assert attendee["Capabilities"] == normalize(meeting_features=VIDEO_OFF)
    assert attendee["Capabilities"]["Video"] == "Receive"
    assert len(attendee["JoinToken"]) >= 2


def test_external_user_id_is_idempotent(client: Any) -> None:
    meeting_id = meeting(client)["MeetingId"]
    first = client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-1")["Attendee"]
    again = client.create_attendee(
        MeetingId=meeting_id, ExternalUserId="user-1", Capabilities=ALL_ON
    )["Attendee"]
    assert again == first
    assert len(client.list_attendees(MeetingId=meeting_id)["Attendees"]) == 1


@pytest.mark.parametrize("max_count", [1, 2, 3])
def test_attendee_limit(client: Any, max_count: int) -> None:
    features = {"Attendee": {"MaxCount": max_count}}
    meeting_id = meeting(client, MeetingFeatures=features)["MeetingId"]
    for index in range(max_count):
        client.create_attendee(MeetingId=meeting_id, ExternalUserId=f"user-{index}")
    with pytest.raises(client.exceptions.LimitExceededException):
        client.create_attendee(MeetingId=meeting_id, ExternalUserId="one-too-many")
    # An attendee that exists is still returned (idempotent), at the limit too.
    client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-0")


def test_batch_create_reports_each_refused_item(client: Any) -> None:
    meeting_id = meeting(client, MeetingFeatures={"Attendee": {"MaxCount": 2}})["MeetingId"]
    items = [{"ExternalUserId": f"user-{index}"} for index in range(4)]
    answer = client.batch_create_attendee(MeetingId=meeting_id, Attendees=items)
    assert [a["ExternalUserId"] for a in answer["Attendees"]] == ["user-0", "user-1"]
    assert [(e["ExternalUserId"], e["ErrorCode"]) for e in answer["Errors"]] == [
        ("user-2", LIMIT_ERROR_CODE),
        ("user-3", LIMIT_ERROR_CODE),
    ]


def test_create_meeting_with_attendees(client: Any) -> None:
    answer = client.create_meeting_with_attendees(
        MediaRegion="us-east-1",
        ExternalMeetingId="meeting-1",
        MeetingFeatures={"Attendee": {"MaxCount": 1}},
        Attendees=[{"ExternalUserId": "user-1"}, {"ExternalUserId": "user-2"}],
    )
    assert [a["ExternalUserId"] for a in answer["Attendees"]] == ["user-1"]
    assert [e["ExternalUserId"] for e in answer["Errors"]] == ["user-2"]
    listed = client.list_attendees(MeetingId=answer["Meeting"]["MeetingId"])["Attendees"]
    assert listed == answer["Attendees"]


@pytest.mark.parametrize(("count", "page"), [(0, 1), (5, 1), (5, 2), (5, 5), (5, 6), (7, 3)])
def test_list_attendees_pages(client: Any, count: int, page: int) -> None:
    meeting_id = meeting(client)["MeetingId"]
    items = [{"ExternalUserId": f"user-{index}"} for index in range(count)]
    if items:
        client.batch_create_attendee(MeetingId=meeting_id, Attendees=items)
    seen: list[str] = []
    pages = 0
    kwargs: dict[str, str] = {}
    while True:
        answer = client.list_attendees(MeetingId=meeting_id, MaxResults=page, **kwargs)
        pages += 1
        assert len(answer["Attendees"]) <= page
        seen += [a["ExternalUserId"] for a in answer["Attendees"]]
        if "NextToken" not in answer:
            break
        kwargs = {"NextToken": answer["NextToken"]}
    assert seen == [item["ExternalUserId"] for item in items]
    assert pages == max(1, -(-count // page))


def test_a_foreign_next_token_is_refused(client: Any) -> None:
    meeting_id = meeting(client)["MeetingId"]
    with pytest.raises(client.exceptions.BadRequestException):
        client.list_attendees(MeetingId=meeting_id, NextToken="not-a-token")


def test_unknown_and_deleted_things_are_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_meeting(MeetingId=UNKNOWN_ID)
    meeting_id = meeting(client)["MeetingId"]
    attendee_id = client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-1")["Attendee"][
        "AttendeeId"
    ]
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_attendee(MeetingId=meeting_id, AttendeeId=UNKNOWN_ID)
    client.delete_attendee(MeetingId=meeting_id, AttendeeId=attendee_id)
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_attendee(MeetingId=meeting_id, AttendeeId=attendee_id)
    with pytest.raises(client.exceptions.NotFoundException):
        client.delete_attendee(MeetingId=meeting_id, AttendeeId=attendee_id)
    kept = client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-2")["Attendee"]
    client.delete_meeting(MeetingId=meeting_id)
    for method, extra in (
        ("get_meeting", {}),
        ("delete_meeting", {}),
        ("list_attendees", {}),
        ("get_attendee", {"AttendeeId": kept["AttendeeId"]}),
        ("create_attendee", {"ExternalUserId": "user-3"}),
    ):
        with pytest.raises(client.exceptions.NotFoundException):
            getattr(client, method)(MeetingId=meeting_id, **extra)


def test_a_malformed_id_is_a_bad_request_not_a_miss(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as info:
        client.get_meeting(MeetingId="not-a-guid")
    assert "CHM-E203" in info.value.response["Error"]["Message"]


def test_update_capabilities_under_the_rules(client: Any) -> None:
    meeting_id = meeting(client, MeetingFeatures=VIDEO_OFF)["MeetingId"]
    attendee = client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-1")["Attendee"]
    ref = {"MeetingId": meeting_id, "AttendeeId": attendee["AttendeeId"]}
    with pytest.raises(client.exceptions.BadRequestException) as info:
        client.update_attendee_capabilities(**ref, Capabilities=ALL_ON)  # video is off
    assert "CHM-E301" in info.value.response["Error"]["Message"]
    muted = {"Audio": "Receive", "Video": "None", "Content": "None"}
    updated = client.update_attendee_capabilities(**ref, Capabilities=muted)["Attendee"]
    assert updated["Capabilities"] == muted
    assert client.get_attendee(**ref)["Attendee"]["Capabilities"] == muted


def test_batch_update_except(client: Any) -> None:
    meeting_id = meeting(client)["MeetingId"]
    items = [{"ExternalUserId": f"user-{index}"} for index in range(3)]
    created = client.batch_create_attendee(MeetingId=meeting_id, Attendees=items)["Attendees"]
    off = {"Audio": "None", "Video": "None", "Content": "None"}
    client.batch_update_attendee_capabilities_except(
        MeetingId=meeting_id,
        ExcludedAttendeeIds=[{"AttendeeId": created[0]["AttendeeId"]}, {"AttendeeId": UNKNOWN_ID}],
        Capabilities=off,
    )
    listed = client.list_attendees(MeetingId=meeting_id)["Attendees"]
    assert [a["Capabilities"] for a in listed] == [ALL_ON, off, off]


def test_refusals_hold_no_sensitive_value(client: Any) -> None:
    secret = "aws:s3cr3t-value"
    with pytest.raises(client.exceptions.BadRequestException) as info:
        client.create_meeting(
            MediaRegion="us-east-1", ExternalMeetingId=secret, ClientRequestToken="tok-secret"
        )
    text = str(info.value.response)
    assert "s3cr3t" not in text
    assert "tok-secret" not in text
    assert "CHM-E202" in info.value.response["Error"]["Message"]


def test_events_log(client: Any, fake: FakeChimeSdkMeetings) -> None:
    meeting_id = meeting(client)["MeetingId"]
    attendee_id = client.create_attendee(MeetingId=meeting_id, ExternalUserId="user-1")["Attendee"][
        "AttendeeId"
    ]
    client.delete_attendee(MeetingId=meeting_id, AttendeeId=attendee_id)
    client.delete_meeting(MeetingId=meeting_id)
    assert [(e.type, e.meeting_id, e.attendee_id) for e in fake.events] == [
        ("chime:MeetingStarted", meeting_id, None),
        ("chime:AttendeeAdded", meeting_id, attendee_id),
        ("chime:AttendeeDeleted", meeting_id, attendee_id),
        ("chime:MeetingEnded", meeting_id, None),
    ]


def test_state_and_reset(client: Any, fake: FakeChimeSdkMeetings) -> None:
    created = meeting(client, Tags=[{"Key": "team", "Value": "blue"}])
    client.create_attendee(MeetingId=created["MeetingId"], ExternalUserId="user-1")
    state = fake.state()
    # the state holds the service's body, nulls included; botocore drops the nulls
    stored = state["Meetings"][0]["Meeting"]
    assert stored["MeetingHostId"] is None
    assert len(state["Meetings"]) == 1
    assert {key: value for key, value in stored.items() if value is not None} == created
    assert [a["ExternalUserId"] for a in state["Meetings"][0]["Attendees"]] == ["user-1"]
    assert state["Meetings"][0]["Tags"] == [{"Key": "team", "Value": "blue"}]
    fake.reset()
    assert fake.state() == {"Meetings": []}
    assert fake.events == ()
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_meeting(MeetingId=created["MeetingId"])


STANDARD = {"EngineTranscribeSettings": {"LanguageCode": "en-US"}}


def test_transcription_starts_and_stops(client: Any, fake: FakeChimeSdkMeetings) -> None:
    meeting_id = meeting(client, MediaRegion="us-east-1")["MeetingId"]
    with pytest.raises(client.exceptions.UnprocessableEntityException):
        client.stop_meeting_transcription(MeetingId=meeting_id)
    client.start_meeting_transcription(MeetingId=meeting_id, TranscriptionConfiguration=STANDARD)
    assert fake.state()["Meetings"][0]["Transcription"] == {
        "Status": "started",
        "Configuration": STANDARD,
    }
    client.stop_meeting_transcription(MeetingId=meeting_id)
    assert [e.type for e in fake.events][-2:] == [
        "chime:TranscriptionStarted",
        "chime:TranscriptionStopped",
    ]
    with pytest.raises(client.exceptions.NotFoundException):
        client.start_meeting_transcription(
            MeetingId=UNKNOWN_ID, TranscriptionConfiguration=STANDARD
        )


def test_transcription_where_the_engine_does_not_run_fails_later(
    client: Any, fake: FakeChimeSdkMeetings
) -> None:
    # af-south-1 is a MediaRegion, not a TranscribeRegion: accepted with 200, then the event.
    meeting_id = meeting(client, MediaRegion="af-south-1")["MeetingId"]
    client.start_meeting_transcription(MeetingId=meeting_id, TranscriptionConfiguration=STANDARD)
    failed = fake.events[-1]
    assert (failed.type, failed.meeting_id) == ("chime:TranscriptionFailed", meeting_id)
    assert failed.detail["transcriptionConfiguration"] == STANDARD
    with pytest.raises(client.exceptions.UnprocessableEntityException):
        client.stop_meeting_transcription(MeetingId=meeting_id)
    # With a Region where the engine runs, the same meeting transcribes.
    chosen = {"EngineTranscribeSettings": {"LanguageCode": "en-US", "Region": "auto"}}
    client.start_meeting_transcription(MeetingId=meeting_id, TranscriptionConfiguration=chosen)
    assert fake.events[-1].type == "chime:TranscriptionStarted"


def test_a_configuration_outside_the_model_is_a_bad_request(client: Any) -> None:
    meeting_id = meeting(client)["MeetingId"]
    wrong = {"EngineTranscribeSettings": {"LanguageCode": "xx-XX"}}
    with pytest.raises(client.exceptions.BadRequestException):
        client.start_meeting_transcription(MeetingId=meeting_id, TranscriptionConfiguration=wrong)


def tags(count: int, prefix: str = "key") -> list[dict[str, str]]:
    return [{"Key": f"{prefix}{index}", "Value": str(index)} for index in range(count)]


@pytest.mark.parametrize(("at_creation", "added"), [(0, 50), (49, 1), (50, 0), (20, 30)])
def test_up_to_fifty_tags(client: Any, at_creation: int, added: int) -> None:
    arn = meeting(client, Tags=tags(at_creation))["MeetingArn"]
    client.tag_resource(ResourceARN=arn, Tags=tags(added, "more"))
    listed = client.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert len(listed) == 50
    # A key it has: replaced, not added.
    client.tag_resource(ResourceARN=arn, Tags=[{"Key": listed[0]["Key"], "Value": "new"}])
    with pytest.raises(client.exceptions.TooManyTagsException):
        client.tag_resource(ResourceARN=arn, Tags=tags(1, "one-too-many"))
    assert len(client.list_tags_for_resource(ResourceARN=arn)["Tags"]) == 50


def test_tags_are_replaced_and_removed(client: Any) -> None:
    arn = meeting(client, Tags=[{"Key": "team", "Value": "blue"}])["MeetingArn"]
    client.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "red"}])
    client.tag_resource(ResourceARN=arn, Tags=[{"Key": "cost", "Value": "1"}])
    client.untag_resource(ResourceARN=arn, TagKeys=["cost", "absent"])
    assert client.list_tags_for_resource(ResourceARN=arn)["Tags"] == [
        {"Key": "team", "Value": "red"}
    ]


def test_tags_of_an_unknown_or_deleted_meeting(client: Any) -> None:
    created = meeting(client)
    client.delete_meeting(MeetingId=created["MeetingId"])
    other = "arn:aws:chime:us-east-1:111122223333:meeting/" + UNKNOWN_ID
    for arn in (created["MeetingArn"], other, "arn:aws:s3:::bucket"):
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.list_tags_for_resource(ResourceARN=arn)
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.tag_resource(ResourceARN=arn, Tags=tags(1))
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            client.untag_resource(ResourceARN=arn, TagKeys=["key0"])
