"""The facts of the HTTP binding the service uses, against botocore's copy of the model."""

from __future__ import annotations

import botocore.session
import pytest

from capabilities import _model as m
from capabilities.fake import FakeChimeSdkMeetings, ServiceError
from capabilities.fake._rest import QUERY_MEMBERS, answer

MODEL = botocore.session.get_session().get_service_model("chime-sdk-meetings")


def test_error_status_table_is_the_models() -> None:
    modeled = {
        name: MODEL.shape_for(name).metadata["error"]["httpStatusCode"]
        for name in MODEL.shape_names
        if MODEL.shape_for(name).metadata.get("exception")
    }
    assert dict(m.ERROR_STATUS) == modeled


@pytest.mark.parametrize("name", sorted(m.OPERATIONS))
def test_query_members_are_the_models(name: str) -> None:
    shape = MODEL.operation_model(name).input_shape
    assert shape is not None
    bound = {
        member.serialization["name"]: key
        for key, member in shape.members.items()
        if member.serialization.get("location") == "querystring"
    }
    assert QUERY_MEMBERS.get(name, {}) == bound


@pytest.mark.parametrize(
    ("method", "url"),
    [("GET", "/nowhere"), ("PATCH", "/meetings"), ("GET", "/meetings/a/b/c/d")],
)
def test_an_unknown_route_is_refused(method: str, url: str) -> None:
    result = answer(FakeChimeSdkMeetings(), method, url, b"")
    assert result.status == 404
    assert result.headers["x-amzn-ErrorType"] == "UnknownOperationException"


@pytest.mark.parametrize("body", [b"{", b"[]", b'"x"', b"\xff"])
def test_a_body_that_is_not_a_json_object_is_a_bad_request(body: bytes) -> None:
    result = answer(FakeChimeSdkMeetings(), "POST", "/meetings", body)
    assert result.status == 400
    assert result.headers["x-amzn-ErrorType"] == "BadRequestException"


def test_a_query_integer_that_is_not_one_is_a_bad_request() -> None:
    service = FakeChimeSdkMeetings()
    created = service.call(
        "CreateMeeting",
        {"MediaRegion": "us-east-1", "ExternalMeetingId": "m1", "ClientRequestToken": "t1"},
    )
    assert created is not None
    url = f"/meetings/{created['Meeting']['MeetingId']}/attendees?max-results=%C2%B2"
    result = answer(service, "GET", url, b"")
    assert result.status == 400


@pytest.mark.parametrize("name", sorted(m.OPERATIONS))
def test_every_operation_is_answered_with_its_own_errors(name: str) -> None:
    service = FakeChimeSdkMeetings()
    with pytest.raises(ServiceError) as info:
        service.call(name, {})  # every operation has a required member
    assert info.value.code in m.OPERATIONS[name].errors
    assert info.value.status == m.ERROR_STATUS[info.value.code]
