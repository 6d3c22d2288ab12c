"""The full decision table: every (Audio, Video, Content) against every (Video MaxResolution,
Content MaxResolution), for each operation that carries capabilities, with capabilities given
and left out. Expectations come from the documented corner cases, written out here."""

from __future__ import annotations

from itertools import product
from typing import Any, Optional

import pytest

import capabilities
from tests.property.strategies import CONTENT_RES, MEDIA, VIDEO_RES, caps, expected_errors

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
OTHER = "1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d"
CAPABILITY_CODES = {"CHM-E301", "CHM-E302", "CHM-E303"}

#: The defaults when a create request leaves Capabilities out (reference 2.4), keyed by
#: (video off, content off): "off" is MaxResolution None.
DEFAULTS = {
    (False, False): ("SendReceive", "SendReceive", "SendReceive"),  # documented
    (True, False): ("SendReceive", "Receive", "SendReceive"),  # documented
    (False, True): ("SendReceive", "SendReceive", "None"),  # decided
    (True, True): ("SendReceive", "None", "None"),  # decided
}


def features_for(video: Optional[str], content: Optional[str]) -> dict[str, Any]:
    features: dict[str, Any] = {}
    if video is not None:
        features["Video"] = {"MaxResolution": video}
    if content is not None:
        features["Content"] = {"MaxResolution": content}
    if video == "FHD" or content == "UHD":
        features["Attendee"] = {"MaxCount": 25}
    return features


def request(
    op: str, capabilities_: Optional[dict[str, str]], features: dict[str, Any]
) -> tuple[dict[str, Any], str]:
    """Params for ``op`` carrying ``capabilities_`` (None: left out), and the pointer to them."""
    item: dict[str, Any] = {"ExternalUserId": "user-1"}
    if capabilities_ is not None:
        item["Capabilities"] = capabilities_
    if op == "CreateAttendee":
        return {"MeetingId": GUID, **item}, "/Capabilities"
    if op == "BatchCreateAttendee":
        return {
            "MeetingId": GUID,
            "Attendees": [{"ExternalUserId": "user-0"}, item],
        }, "/Attendees/1/Capabilities"
    if op == "CreateMeetingWithAttendees":
        params = {
            "ClientRequestToken": "token-1",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "meeting-1",
            "MeetingFeatures": features,
            "Attendees": [{"ExternalUserId": "user-0"}, item],
        }
        return params, "/Attendees/1/Capabilities"
    params = {"MeetingId": GUID}
    if op == "UpdateAttendeeCapabilities":
        params["AttendeeId"] = OTHER
    else:
        params["ExcludedAttendeeIds"] = [{"AttendeeId": OTHER}]
    if capabilities_ is not None:
        params["Capabilities"] = capabilities_
    return params, "/Capabilities"


CREATES = ("CreateAttendee", "BatchCreateAttendee", "CreateMeetingWithAttendees")
UPDATES = ("UpdateAttendeeCapabilities", "BatchUpdateAttendeeCapabilitiesExcept")
RESOLUTION_PAIRS = list(product((None, *VIDEO_RES), (None, *CONTENT_RES)))


def validate(op: str, params: dict[str, Any], features: dict[str, Any]) -> capabilities.Report:
    if op == "CreateMeetingWithAttendees":
        return capabilities.validate(op, params)
    return capabilities.validate(op, params, meeting_features=features)


@pytest.mark.parametrize("op", CREATES + UPDATES)
@pytest.mark.parametrize(("video_res", "content_res"), RESOLUTION_PAIRS)
def test_explicit_capabilities(
    op: str, video_res: Optional[str], content_res: Optional[str]
) -> None:
    features = features_for(video_res, content_res)
    effective = (video_res or "HD", content_res or "FHD")
    for a, v, c in product(MEDIA, repeat=3):
        triple = (a, v, c)
        params, at = request(op, caps(triple), features)
        report = validate(op, params, features)
        got = {(f.code, f.path) for f in report.findings if f.code in CAPABILITY_CODES}
        want = {(code, f"{at}/{member}") for code, member in expected_errors(triple, *effective)}
        assert got == want, (triple, effective)
        assert report.ok == (not want), (triple, report)
        assert not (set(report.unchecked) & CAPABILITY_CODES)


@pytest.mark.parametrize("op", CREATES)
@pytest.mark.parametrize(("video_res", "content_res"), RESOLUTION_PAIRS)
def test_omitted_capabilities(
    op: str, video_res: Optional[str], content_res: Optional[str]
) -> None:
    features = features_for(video_res, content_res)
    params, _ = request(op, None, features)
    report = validate(op, params, features)
    assert report.ok, report
    assert report.findings == ()


@pytest.mark.parametrize("op", UPDATES)
def test_updates_require_capabilities(op: str) -> None:
    params, at = request(op, None, {})
    report = validate(op, params, {})
    assert [(f.code, f.path) for f in report.errors] == [("CHM-E102", at)]


@pytest.mark.parametrize(("video_res", "content_res"), RESOLUTION_PAIRS)
def test_defaults_and_matrix(video_res: Optional[str], content_res: Optional[str]) -> None:
    features = features_for(video_res, content_res)
    v, c = video_res or "HD", content_res or "FHD"
    want_default = DEFAULTS[(v == "None", c == "None")]
    got = capabilities.normalize(None, meeting_features=features)
    assert (got["Audio"], got["Video"], got["Content"]) == want_default
    allowed = {
        (a, b, d) for a, b, d in product(MEDIA, repeat=3) if not expected_errors((a, b, d), v, c)
    }
    assert capabilities.allowed_capabilities(features) == allowed
    # The effective default is possible in a response even when no request may set it.
    response = {"Attendee": {"AttendeeId": OTHER, "Capabilities": got}}
    assert capabilities.validate_response("GetAttendee", response, meeting_features=features).ok


def test_video_off_content_on_default_is_effective_not_requestable() -> None:
    features = {"Video": {"MaxResolution": "None"}}
    default = capabilities.normalize(None, meeting_features=features)
    assert default == {"Audio": "SendReceive", "Video": "Receive", "Content": "SendReceive"}
    report = capabilities.validate(
        "CreateAttendee",
        {"MeetingId": GUID, "ExternalUserId": "user-1", "Capabilities": default},
        meeting_features=features,
    )
    assert [(f.code, f.path) for f in report.errors] == [("CHM-E301", "/Capabilities/Video")]


@pytest.mark.parametrize("op", CREATES[:2] + UPDATES)
def test_unknown_features_leave_resolution_rules_unchecked(op: str) -> None:
    params, at = request(op, caps(("SendReceive", "Send", "Receive")), {})
    report = capabilities.validate(op, params)
    assert report.unchecked[:2] == ("CHM-E301", "CHM-E302")
    assert [(f.code, f.path) for f in report.errors] == [("CHM-E303", f"{at}/Content")]
    assert not capabilities.validate(op, request(op, caps(("None",) * 3), {})[0]).findings
