"""Properties of the service's answers over generated requests, with the expectation derived
from the documentation (tests/property/strategies.py), not from the engine."""

from __future__ import annotations

import json
import uuid
from typing import Any, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capabilities import normalize
from capabilities.fake import FakeChimeSdkMeetings, ServiceError
from capabilities.fake._rest import answer

from ..property import strategies as s

NEW_MEETING = {"ClientRequestToken": "token-0", "MediaRegion": "us-east-1"}


def new_meeting(service: FakeChimeSdkMeetings, features: Optional[dict[str, Any]]) -> str:
    params: dict[str, Any] = {**NEW_MEETING, "ExternalMeetingId": "meeting"}
    if features is not None:
        params["MeetingFeatures"] = features
    created: Any = service.call("CreateMeeting", params)
    return str(created["Meeting"]["MeetingId"])


@given(
    features=st.one_of(st.none(), s.meeting_features()),
    triple=st.one_of(st.none(), s.triples()),
    user=s.external_ids(),
)
def test_create_attendee_answers_as_documented(
    features: Optional[dict[str, Any]], triple: Optional[tuple[str, str, str]], user: str
) -> None:
    service = FakeChimeSdkMeetings(seed=0)
    meeting_id = new_meeting(service, features)
    params: dict[str, Any] = {"MeetingId": meeting_id, "ExternalUserId": user}
    video, content = s.resolutions_of(features or {})
    expected = set() if triple is None else s.expected_errors(triple, video, content)
    if triple is not None:
        params["Capabilities"] = s.caps(triple)
    if expected:
        with pytest.raises(ServiceError) as info:
            service.call("CreateAttendee", params)
        assert (info.value.code, info.value.status) == ("BadRequestException", 400)
        assert {code for code, _ in expected} <= set(info.value.message.split())
        return
    attendee: Any = service.call("CreateAttendee", params)
    effective = s.caps(triple) if triple is not None else normalize(meeting_features=features)
    assert attendee["Attendee"]["Capabilities"] == effective
    assert attendee["Attendee"]["ExternalUserId"] == user


@given(request=s.valid_requests(), extras=s.meeting_request_extras())
def test_a_valid_request_is_never_refused_as_bad(
    request: tuple[str, dict[str, Any], dict[str, Any]], extras: dict[str, Any]
) -> None:
    operation, params, features = request
    service = FakeChimeSdkMeetings(seed=0)
    if operation in ("CreateMeeting", "CreateMeetingWithAttendees"):
        # Not the generated Tags: their value alphabet holds '>' (U+003E), outside the model's
        # TagValue class (`+-=` is the range U+002B..U+003D); tags are tested on their own.
        extras.pop("Tags", None)
        params = {**params, **extras}
        service.call(operation, params)
        return
    params = {**params, "MeetingId": new_meeting(service, features)}
    if operation == "UpdateAttendeeCapabilities":
        with pytest.raises(ServiceError) as info:  # no such attendee: not found, not bad
            service.call(operation, params)
        assert info.value.code == "NotFoundException"
        return
    service.call(operation, params)


def _secret_values(core: str) -> st.SearchStrategy[tuple[str, dict[str, Any], str]]:
    """(operation, params, member) with the sensitive member's value holding ``core`` and
    breaking a rule, or not."""
    meeting = {"MediaRegion": "us-east-1", "ExternalMeetingId": "meeting", **NEW_MEETING}
    external = st.sampled_from((f"!{core}", f"aws:{core}", f"{core}" * 2, f"u-{core}"))
    token = st.sampled_from((f"!{core}", f"{core}" * 2, f"t-{core}"))
    arn = st.sampled_from((f"nope:{core}", f"arn:{core}"))
    return st.one_of(
        external.map(lambda v: ("CreateMeeting", {**meeting, "ExternalMeetingId": v}, "m")),
        external.map(lambda v: ("CreateMeeting", {**meeting, "MeetingHostId": v}, "h")),
        token.map(lambda v: ("CreateMeeting", {**meeting, "ClientRequestToken": v}, "t")),
        arn.map(
            lambda v: (
                "CreateMeeting",
                {**meeting, "NotificationsConfiguration": {"SqsQueueArn": v}},
                "a",
            )
        ),
        external.map(lambda v: ("CreateAttendee", {"ExternalUserId": v}, "u")),
    )


@given(data=st.data())
def test_refusals_never_hold_a_sensitive_value(data: st.DataObject) -> None:
    core = uuid.uuid4().hex
    operation, params, _ = data.draw(_secret_values(core))
    service = FakeChimeSdkMeetings(seed=0)
    if operation == "CreateAttendee":
        meeting_id = new_meeting(service, None)
        url = f"/meetings/{meeting_id}/attendees"
    else:
        url = "/meetings"
    result = answer(service, "POST", url, json.dumps(params).encode())
    if result.status < 300:
        return  # a valid value: the service answers it (and may return it, as the model says)
    text = result.body.decode() + json.dumps(result.headers)
    assert core not in text
    assert core[:8] not in text


URLS = st.sampled_from(
    [
        ("POST", "/meetings"),
        ("POST", "/meetings?operation=create-attendees"),
        ("POST", "/meetings/{m}/attendees"),
        ("POST", "/meetings/{m}/attendees?operation=batch-create"),
        ("PUT", "/meetings/{m}/attendees/{m}/capabilities"),
        ("PUT", "/meetings/{m}/attendees/capabilities?operation=batch-update-except"),
        ("GET", "/meetings/{m}/attendees?max-results=2&next-token=1"),
        ("POST", "/meetings/{m}/transcription?operation=start"),
        ("POST", "/tags?operation=tag-resource"),
        ("GET", "/tags?arn=arn:aws:chime:us-east-1:111122223333:meeting/{m}"),
    ]
)


@given(
    route=URLS,
    body=st.one_of(s.json_values().map(lambda v: json.dumps(v).encode()), st.binary(max_size=40)),
)
def test_any_body_gets_an_answer_of_the_model(route: tuple[str, str], body: bytes) -> None:
    service = FakeChimeSdkMeetings(seed=0)
    method, url = route
    result = answer(service, method, url.replace("{m}", new_meeting(service, None)), body)
    assert result.status in (200, 204) or "x-amzn-ErrorType" in result.headers
    if result.body:
        json.loads(result.body)


def test_a_body_nested_too_deep_is_a_bad_request() -> None:
    result = answer(FakeChimeSdkMeetings(), "POST", "/meetings", b"[" * 100_000)
    assert result.status == 400
