"""Strategies for the integration tests: requests the service accepts, built from the
reference's own statements rather than from the validator's code."""

from __future__ import annotations

import re
import string
from typing import Any, cast

from hypothesis import strategies as st

from capabilities import AttendeeCapabilities
from capabilities import _model as m

#: The ExternalUserId alphabet as documented: ``[-_&@+=,(){}\[\]\/«».:|'"#a-zA-Z0-9À-ÿ\s]``,
#: with Java's ``\s`` and ``À-ÿ`` read as U+00C0..U+00FF.
EXTERNAL_ID_ALPHABET = (
    "-_&@+=,(){}[]/«».:|'\"#"
    + string.ascii_letters
    + string.digits
    + "".join(chr(c) for c in range(0xC0, 0x100))
    + " \t\n\x0b\f\r"
)
_RESERVED = re.compile("[aA][wW][sS]:")
RECEIVING = frozenset({"SendReceive", "Receive"})

guids = st.uuids().map(str)
external_ids = st.text(EXTERNAL_ID_ALPHABET, min_size=2, max_size=64).filter(
    lambda v: _RESERVED.match(v) is None
)
client_tokens = st.text(string.ascii_letters + string.digits + "-_", min_size=2, max_size=64)
capability_values = st.sampled_from(m.MEDIA_CAPABILITIES)
triples = st.tuples(capability_values, capability_values, capability_values)


def requestable(triple: tuple[str, str, str], video_max: str, content_max: str) -> bool:
    """The reference's rules 1-3: what an explicit request may set in a meeting."""
    _, video, content = triple
    if video_max == "None" and video != "None":
        return False
    if content_max == "None" and content != "None":
        return False
    return not (content in RECEIVING and video not in RECEIVING)


def caps(triple: tuple[str, str, str]) -> AttendeeCapabilities:
    return cast("AttendeeCapabilities", dict(zip(("Audio", "Video", "Content"), triple)))


@st.composite
def meeting_features(draw: st.DrawFn) -> dict[str, Any]:
    """Valid MeetingFeatures: FHD video or UHD content come with MaxCount <= 25."""
    features: dict[str, Any] = {}
    video = draw(st.none() | st.sampled_from(m.VIDEO_RESOLUTIONS))
    content = draw(st.none() | st.sampled_from(m.CONTENT_RESOLUTIONS))
    if video is not None:
        features["Video"] = {"MaxResolution": video}
    if content is not None:
        features["Content"] = {"MaxResolution": content}
    if video == "FHD" or content == "UHD":
        features["Attendee"] = {"MaxCount": draw(st.integers(1, 25))}
    elif draw(st.booleans()):
        features["Attendee"] = {"MaxCount": draw(st.integers(1, 250))}
    if draw(st.booleans()):
        features["Audio"] = {"EchoReduction": draw(st.sampled_from(["AVAILABLE", "UNAVAILABLE"]))}
    return features


def resolutions(features: dict[str, Any]) -> tuple[str, str]:
    """(Video, Content) MaxResolution with the documented defaults HD and FHD."""
    video = features.get("Video", {}).get("MaxResolution", "HD")
    content = features.get("Content", {}).get("MaxResolution", "FHD")
    return (video, content)


@st.composite
def valid_triples(draw: st.DrawFn, features: dict[str, Any]) -> tuple[str, str, str]:
    video_max, content_max = resolutions(features)
    return draw(triples.filter(lambda t: requestable(t, video_max, content_max)))


@st.composite
def attendee_items(draw: st.DrawFn, features: dict[str, Any], size: int) -> list[dict[str, Any]]:
    ids = draw(st.lists(external_ids, min_size=1, max_size=size, unique=True))
    items: list[dict[str, Any]] = []
    for external_id in ids:
        item: dict[str, Any] = {"ExternalUserId": external_id}
        if draw(st.booleans()):
            item["Capabilities"] = caps(draw(valid_triples(features)))
        items.append(item)
    return items


@st.composite
def valid_calls(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(boto3 method, parameters, features of the meeting the call is about)."""
    features = draw(meeting_features())
    meeting_id = draw(guids)
    method = draw(
        st.sampled_from(
            [
                "create_meeting",
                "create_meeting_with_attendees",
                "create_attendee",
                "batch_create_attendee",
                "update_attendee_capabilities",
                "batch_update_attendee_capabilities_except",
                "get_attendee",
                "delete_attendee",
                "get_meeting",
                "delete_meeting",
                "list_attendees",
            ]
        )
    )
    params: dict[str, Any]
    if method.startswith("create_meeting"):
        params = {
            "ClientRequestToken": draw(client_tokens),
            "MediaRegion": draw(st.sampled_from(m.MEDIA_REGIONS)),
            "ExternalMeetingId": draw(external_ids),
        }
        if features:
            params["MeetingFeatures"] = features
        if draw(st.booleans()):
            params["MeetingHostId"] = draw(external_ids)
        if method == "create_meeting_with_attendees":
            params["Attendees"] = draw(attendee_items(features, 20))
    elif method == "create_attendee":
        params = {"MeetingId": meeting_id, "ExternalUserId": draw(external_ids)}
        if draw(st.booleans()):
            params["Capabilities"] = caps(draw(valid_triples(features)))
    elif method == "batch_create_attendee":
        params = {"MeetingId": meeting_id, "Attendees": draw(attendee_items(features, 100))}
    elif method == "update_attendee_capabilities":
        params = {
            "MeetingId": meeting_id,
            "AttendeeId": draw(guids),
            "Capabilities": caps(draw(valid_triples(features))),
        }
    elif method == "batch_update_attendee_capabilities_except":
        excluded = draw(st.lists(guids, min_size=1, max_size=10, unique=True))
        params = {
            "MeetingId": meeting_id,
            "ExcludedAttendeeIds": [{"AttendeeId": a} for a in excluded],
            "Capabilities": caps(draw(valid_triples(features))),
        }
    elif method in ("get_attendee", "delete_attendee"):
        params = {"MeetingId": meeting_id, "AttendeeId": draw(guids)}
    elif method == "list_attendees":
        params = {"MeetingId": meeting_id}
        if draw(st.booleans()):
            params["MaxResults"] = draw(st.integers(1, 100))
    else:
        params = {"MeetingId": meeting_id}
    return method, params, features
