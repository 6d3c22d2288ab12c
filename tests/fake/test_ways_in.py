"""The in-process ways in: the context manager, the decorator, ``attach``, next to moto's
``mock_aws``, botocore's Stubber and this package's botocore hook."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from moto import mock_aws

from capabilities.fake import FakeChimeSdkMeetings, attach, fake_chime_sdk_meetings
from capabilities.integrations.botocore import install

from .conftest import CREDENTIALS, new_client

MEETING = {"MediaRegion": "us-east-1", "ExternalMeetingId": "meeting-1"}


def test_context_manager_answers_clients_created_inside() -> None:
    with fake_chime_sdk_meetings(seed=1) as fake:
        client: Any = boto3.client("chime-sdk-meetings", **CREDENTIALS)
        meeting_id = client.create_meeting(**MEETING)["Meeting"]["MeetingId"]
        assert [m["Meeting"]["MeetingId"] for m in fake.state()["Meetings"]] == [meeting_id]


def test_decorator_gives_a_new_service_each_call() -> None:
    ids = []

    @fake_chime_sdk_meetings(seed=1)
    def create() -> None:
        client: Any = boto3.client("chime-sdk-meetings", **CREDENTIALS)
        ids.append(client.create_meeting(**MEETING)["Meeting"]["MeetingId"])
        assert len(client.list_attendees(MeetingId=ids[-1])["Attendees"]) == 0

    create()
    create()
    assert ids[0] == ids[1]  # the same seed, a fresh state


def test_the_same_seed_gives_the_same_ids() -> None:
    def run(seed: int) -> list[str]:
        service = FakeChimeSdkMeetings(seed=seed)
        meeting = service.call("CreateMeeting", {**MEETING, "ClientRequestToken": "token-1"})
        assert meeting is not None
        meeting_id = meeting["Meeting"]["MeetingId"]
        attendee = service.call("CreateAttendee", {"MeetingId": meeting_id, "ExternalUserId": "u1"})
        assert attendee is not None
        return [meeting_id, attendee["Attendee"]["AttendeeId"], attendee["Attendee"]["JoinToken"]]

    assert run(5) == run(5)
    assert run(5) != run(6)


def test_attach_answers_one_client_only() -> None:
    attached = new_client()
    fake = attach(attached)
    attached.create_meeting(**MEETING)
    assert len(fake.state()["Meetings"]) == 1
    with pytest.raises(ValueError, match="chime-sdk-meetings"):
        attach(boto3.client("s3", **CREDENTIALS))


@mock_aws
def test_inside_mock_aws_the_fake_answers_chime_and_moto_the_rest() -> None:
    with fake_chime_sdk_meetings() as fake:
        s3: Any = boto3.client("s3", **CREDENTIALS)
        s3.create_bucket(Bucket="recordings")
        chime = new_client()
        chime.create_meeting(**MEETING)
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["recordings"]
        assert len(fake.state()["Meetings"]) == 1


def test_mock_aws_inside_the_fake() -> None:
    with fake_chime_sdk_meetings() as fake, mock_aws():
        chime: Any = boto3.client("chime-sdk-meetings", **CREDENTIALS)
        chime.create_meeting(**MEETING)
        s3: Any = boto3.client("s3", **CREDENTIALS)
        s3.create_bucket(Bucket="recordings")
        assert len(fake.state()["Meetings"]) == 1


def test_outside_the_block_nothing_is_answered() -> None:
    with fake_chime_sdk_meetings():
        pass
    with mock_aws():
        client = new_client()
        with pytest.raises(client.exceptions.ClientError) as info:
            client.create_meeting(**MEETING)
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404  # moto's answer


def test_a_stubber_answers_before_the_fake() -> None:
    with fake_chime_sdk_meetings() as fake:
        stubbed = new_client()
        with Stubber(stubbed) as stubber:
            stubber.add_response("get_meeting", {"Meeting": {"MeetingId": "stubbed"}})
            assert stubbed.get_meeting(MeetingId="stubbed")["Meeting"]["MeetingId"] == "stubbed"
        plain = new_client()
        plain.create_meeting(**MEETING)
        assert len(fake.state()["Meetings"]) == 1


def test_the_validation_hook_refuses_before_the_fake_sees_the_call() -> None:
    client = new_client()
    fake = attach(client)
    install(client)
    meeting_id = client.create_meeting(
        **MEETING, MeetingFeatures={"Video": {"MaxResolution": "None"}}
    )["Meeting"]["MeetingId"]
    all_on = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}
    with pytest.raises(ParamValidationError):
        client.create_attendee(MeetingId=meeting_id, ExternalUserId="u1", Capabilities=all_on)
    assert fake.state()["Meetings"][0]["Attendees"] == []
    client.create_attendee(MeetingId=meeting_id, ExternalUserId="u1")
