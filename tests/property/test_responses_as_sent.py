"""Responses as the service sends them validate: a null member reads as an absent one, request
bounds (TenantIds 1..5, CHM-E401/CHM-E402) do not apply, and the service's own attendees are an
info."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities import _model as m

from .strategies import attendee_objects, guids, meeting_features

_URLS = tuple(m.MEETING.members["MediaPlacement"].members)  # type: ignore[union-attr]


@st.composite
def meetings(draw: st.DrawFn) -> dict[str, Any]:
    """A Meeting as the service may send it (every optional member may be null)."""
    features = draw(meeting_features())
    if draw(st.booleans()):
        features.pop("Attendee", None)  # the service need not echo MaxCount
    elif "Attendee" in features:
        features["Attendee"]["MaxCount"] = draw(st.integers(1, 250))
    meeting: dict[str, Any] = {
        "MeetingId": draw(guids()),
        "MediaRegion": draw(st.sampled_from(m.MEDIA_REGIONS)),
        "MediaPlacement": {name: f"wss://example.test/{name}" for name in _URLS},
        "MeetingFeatures": features,
        "TenantIds": draw(st.lists(st.sampled_from(("tenant-a", "tenant-b")), max_size=5)),
        "MeetingArn": "arn:aws:chime:us-east-1:111122223333:meeting/x",
    }
    for name in ("MeetingHostId", "ExternalMeetingId", "PrimaryMeetingId"):
        meeting[name] = draw(st.sampled_from((None, "external-1")))
    return meeting


def _with_nulls(attendee: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """``attendee`` with some of its members (all optional) set to null; the members of its
    Capabilities are required, and a null there is a wrong type, as in a request."""
    return {key: None if data.draw(st.booleans()) else item for key, item in attendee.items()}


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    return value


@given(meetings(), st.sampled_from(("GetMeeting", "CreateMeeting")))
def test_meeting_responses_validate(meeting: dict[str, Any], op: str) -> None:
    report = capabilities.validate_response(op, {"Meeting": meeting})
    assert not report.findings


@given(st.lists(attendee_objects(), max_size=4), st.booleans(), st.data())
def test_a_null_member_reads_as_an_absent_one(
    attendees: list[dict[str, Any]], pipeline: bool, data: st.DataObject
) -> None:
    if pipeline:
        attendees.append(
            {"ExternalUserId": "aws:MediaPipeline-1", "AttendeeId": data.draw(guids())}
        )
    listed = [_with_nulls(a, data) for a in attendees]
    sent = {"Attendees": listed, "NextToken": None}
    kept = {"Attendees": [_without_nulls(a) for a in listed]}
    as_sent = capabilities.validate_response("ListAttendees", sent)
    as_kept = capabilities.validate_response("ListAttendees", kept)
    assert as_sent.findings == as_kept.findings
    codes = {f.code for f in as_sent.findings}
    assert "CHM-E202" not in codes
    assert ("CHM-I208" in codes) == (pipeline and listed[-1]["ExternalUserId"] is not None)
