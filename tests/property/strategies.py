"""Hypothesis strategies shared by the property tests.

Everything here is written from the documentation, not from the package's rule data, so that
the tests derive their expectations independently of the code under test.
"""

from __future__ import annotations

import string
from typing import Any, Optional

from hypothesis import strategies as st

MEDIA = ("SendReceive", "Send", "Receive", "None")
RECEIVE = ("SendReceive", "Receive")
VIDEO_RES = ("None", "HD", "FHD")
CONTENT_RES = ("None", "FHD", "UHD")

#: ExternalUserId alphabet, transcribed from the documented pattern
#: [-_&@+=,(){}\[\]\/«».:|'"#a-zA-Z0-9À-ÿ\s]* with Java's \s (six ASCII characters).
ALLOWED_PUNCTUATION = "-_&@+=,(){}[]/«».:|'\"#"
JAVA_SPACE = " \t\n\x0b\f\r"
LATIN1_LETTERS = "".join(chr(c) for c in range(0xC0, 0x100))
EXTERNAL_ID_ALPHABET = (
    ALLOWED_PUNCTUATION + string.ascii_letters + string.digits + LATIN1_LETTERS + JAVA_SPACE
)
#: Characters at the edges of the alphabet that must be refused.
REFUSED_BOUNDARY = (
    "\x00\x08\x0e\x1c\x1d\x1e\x1f\x7f\x85\xa0\xaa\xac\xba\xbf\u0100\u2000\u200a\u2028\u2029"
    "\u3000\ufeff!$%*;<>?\\^`~" + "\U0001f600"
)

GUID_HEX = "0123456789abcdefABCDEF"


def guids() -> st.SearchStrategy[str]:
    def part(n: int) -> st.SearchStrategy[str]:
        return st.text(GUID_HEX, min_size=n, max_size=n)

    return st.builds(lambda *p: "-".join(p), part(8), part(4), part(4), part(4), part(12))


def reserved(value: str) -> bool:
    return value[:4].lower() == "aws:"


def external_ids() -> st.SearchStrategy[str]:
    return st.text(EXTERNAL_ID_ALPHABET, min_size=2, max_size=64).filter(lambda v: not reserved(v))


def triples() -> st.SearchStrategy[tuple[str, str, str]]:
    return st.tuples(st.sampled_from(MEDIA), st.sampled_from(MEDIA), st.sampled_from(MEDIA))


def expected_errors(
    triple: tuple[str, str, str], video_res: Optional[str], content_res: Optional[str]
) -> set[tuple[str, str]]:
    """(code, member) the documentation says a requested triple breaks. None = unknown."""
    _, video, content = triple
    out = set()
    if video_res == "None" and video != "None":
        out.add(("E301", "Video"))
    if content_res == "None" and content != "None":
        out.add(("E302", "Content"))
    if content in RECEIVE and video not in RECEIVE:
        out.add(("E303", "Content"))
    return out


def caps(triple: tuple[str, str, str]) -> dict[str, str]:
    return {"Audio": triple[0], "Video": triple[1], "Content": triple[2]}


@st.composite
def meeting_features(draw: st.DrawFn) -> dict[str, Any]:
    """Valid MeetingFeatures: any resolutions, MaxCount within bounds (<= 25 when FHD/UHD)."""
    features: dict[str, Any] = {}
    video = draw(st.sampled_from((None, *VIDEO_RES)))
    content = draw(st.sampled_from((None, *CONTENT_RES)))
    if video is not None:
        features["Video"] = {"MaxResolution": video}
    if content is not None:
        features["Content"] = {"MaxResolution": content}
    high = video == "FHD" or content == "UHD"
    if high or draw(st.booleans()):
        features["Attendee"] = {"MaxCount": draw(st.integers(1, 25 if high else 250))}
    if draw(st.booleans()):
        features["Audio"] = {"EchoReduction": draw(st.sampled_from(("AVAILABLE", "UNAVAILABLE")))}
    return features


def resolutions_of(features: dict[str, Any]) -> tuple[str, str]:
    return (
        features.get("Video", {}).get("MaxResolution", "HD"),
        features.get("Content", {}).get("MaxResolution", "FHD"),
    )


def allowed_triples(features: dict[str, Any]) -> list[tuple[str, str, str]]:
    v, c = resolutions_of(features)
    return [
        (a, b, d)
        for a in MEDIA
        for b in MEDIA
        for d in MEDIA
        if not expected_errors((a, b, d), v, c)
    ]


@st.composite
def attendee_item(draw: st.DrawFn, features: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"ExternalUserId": draw(external_ids())}
    if draw(st.booleans()):
        item["Capabilities"] = caps(draw(st.sampled_from(allowed_triples(features))))
    return item


@st.composite
def valid_requests(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(operation, params, meeting features) for a request the documentation allows."""
    op = draw(
        st.sampled_from(
            (
                "CreateAttendee",
                "BatchCreateAttendee",
                "CreateMeetingWithAttendees",
                "UpdateAttendeeCapabilities",
                "BatchUpdateAttendeeCapabilitiesExcept",
                "CreateMeeting",
            )
        )
    )
    features = draw(meeting_features())
    meeting = draw(guids())
    if op == "CreateAttendee":
        params = {"MeetingId": meeting, **draw(attendee_item(features))}
    elif op == "BatchCreateAttendee":
        items = draw(st.lists(attendee_item(features), min_size=1, max_size=100))
        params = {"MeetingId": meeting, "Attendees": _unique_ids(items)}
    elif op in ("CreateMeeting", "CreateMeetingWithAttendees"):
        params = {
            "ClientRequestToken": draw(
                st.text(string.ascii_letters + string.digits + "-_", min_size=2, max_size=64)
            ),
            "MediaRegion": draw(st.sampled_from(("us-east-1", "eu-central-1", "ap-south-1"))),
            "ExternalMeetingId": draw(external_ids()),
        }
        if draw(st.booleans()) or features:
            params["MeetingFeatures"] = features
        if op == "CreateMeetingWithAttendees":
            items = draw(st.lists(attendee_item(features), min_size=1, max_size=20))
            params["Attendees"] = _unique_ids(items)
    elif op == "UpdateAttendeeCapabilities":
        params = {
            "MeetingId": meeting,
            "AttendeeId": draw(guids()),
            "Capabilities": caps(draw(st.sampled_from(allowed_triples(features)))),
        }
    else:
        ids = draw(st.lists(guids(), min_size=1, max_size=250, unique_by=str.lower))
        params = {
            "MeetingId": meeting,
            "ExcludedAttendeeIds": [{"AttendeeId": i} for i in ids],
            "Capabilities": caps(draw(st.sampled_from(allowed_triples(features)))),
        }
    return op, params, features


def _unique_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item["ExternalUserId"] not in seen:
            seen.add(item["ExternalUserId"])
            out.append(item)
    return out


def json_values() -> st.SearchStrategy[Any]:
    """Arbitrary JSON-like values, with keys drawn partly from the API's member names."""
    keys = st.one_of(
        st.sampled_from(
            (
                "MeetingId",
                "AttendeeId",
                "ExternalUserId",
                "Capabilities",
                "Audio",
                "Video",
                "Content",
                "Attendees",
                "MeetingFeatures",
                "MaxResolution",
                "Attendee",
                "MaxCount",
                "ExcludedAttendeeIds",
                "ClientRequestToken",
                "MediaRegion",
                "ExternalMeetingId",
                "Tags",
                "TenantIds",
                "Key",
                "Value",
            )
        ),
        st.text(max_size=5),
    )
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=70),
        st.sampled_from(MEDIA + VIDEO_RES + CONTENT_RES),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
        ),
        max_leaves=25,
    )
