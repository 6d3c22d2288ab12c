"""Many threads creating attendees in one meeting, through boto3 clients in-process."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from capabilities.fake import FakeChimeSdkMeetings, attach

from .conftest import new_client

THREADS = 8


def create_all(service: FakeChimeSdkMeetings, meeting_id: str, users: list[str]) -> list[str]:
    """Each thread creates its share of ``users`` with its own client; returns the outcome of
    each call: an AttendeeId or the error code."""

    def run(share: list[str]) -> list[str]:
        client = new_client()
        attach(client, service)
        outcomes = []
        for user in share:
            try:
                answer = client.create_attendee(MeetingId=meeting_id, ExternalUserId=user)
                outcomes.append(answer["Attendee"]["AttendeeId"])
            except client.exceptions.LimitExceededException as error:
                outcomes.append(error.response["Error"]["Code"])
        return outcomes

    shares = [users[index::THREADS] for index in range(THREADS)]
    with ThreadPoolExecutor(THREADS) as pool:
        return [outcome for outcomes in pool.map(run, shares) for outcome in outcomes]


def listed(service: FakeChimeSdkMeetings, meeting_id: str) -> list[str]:
    """Every page of ListAttendees (at most three: the tests hold up to 120 attendees)."""
    ids: list[str] = []
    params: dict[str, Any] = {"MeetingId": meeting_id, "MaxResults": 50}
    for _ in range(3):
        answer: Any = service.call("ListAttendees", params)
        ids += [a["AttendeeId"] for a in answer["Attendees"]]
        if "NextToken" not in answer:
            return ids
        params["NextToken"] = answer["NextToken"]
    raise AssertionError("more than three pages")


@pytest.mark.parametrize(("limit", "users"), [(25, 60), (100, 100), (250, 120)])
def test_threads_never_exceed_the_limit_nor_lose_an_attendee(limit: int, users: int) -> None:
    service = FakeChimeSdkMeetings()
    created: Any = service.call(
        "CreateMeeting",
        {
            "ClientRequestToken": "token-1",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "meeting-1",
            "MeetingFeatures": {"Attendee": {"MaxCount": limit}},
        },
    )
    meeting_id = created["Meeting"]["MeetingId"]
    outcomes = create_all(service, meeting_id, [f"user-{index}" for index in range(users)])
    ids = [outcome for outcome in outcomes if outcome != "LimitExceededException"]
    assert len(ids) == len(set(ids)) == min(limit, users)
    assert len(outcomes) - len(ids) == max(0, users - limit)
    assert sorted(listed(service, meeting_id)) == sorted(ids)


def test_the_same_user_from_many_threads_is_one_attendee() -> None:
    service = FakeChimeSdkMeetings()
    created: Any = service.call(
        "CreateMeeting",
        {"ClientRequestToken": "token-1", "MediaRegion": "us-east-1", "ExternalMeetingId": "m1"},
    )
    meeting_id = created["Meeting"]["MeetingId"]
    outcomes = create_all(service, meeting_id, ["same-user"] * 40)
    assert len(set(outcomes)) == 1
    assert listed(service, meeting_id) == outcomes[:1]
