"""Values of sensitive members never appear in findings, reports or exceptions."""

from __future__ import annotations

from typing import Any, Callable

from hypothesis import given
from hypothesis import strategies as st

import capabilities

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"

#: (operation, build params or response from the secret, is it a response)
PLACES: dict[str, tuple[str, Callable[[str], Any], bool]] = {
    "ExternalUserId": ("CreateAttendee", lambda s: {"MeetingId": GUID, "ExternalUserId": s}, False),
    "BatchExternalUserId": (
        "BatchCreateAttendee",
        lambda s: {"MeetingId": GUID, "Attendees": [{"ExternalUserId": s}, {"ExternalUserId": s}]},
        False,
    ),
    "ExternalMeetingId": (
        "CreateMeeting",
        lambda s: {"ClientRequestToken": "tok", "MediaRegion": "us-east-1", "ExternalMeetingId": s},
        False,
    ),
    "MeetingHostId": (
        "CreateMeeting",
        lambda s: {
            "ClientRequestToken": "tok",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "m1",
            "MeetingHostId": s,
        },
        False,
    ),
    "ClientRequestToken": (
        "CreateMeeting",
        lambda s: {"ClientRequestToken": s, "MediaRegion": "us-east-1", "ExternalMeetingId": "m1"},
        False,
    ),
    "SnsTopicArn": (
        "CreateMeeting",
        lambda s: {
            "ClientRequestToken": "tok",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "m1",
            "NotificationsConfiguration": {
                "SnsTopicArn": s,
                "SqsQueueArn": s,
                "LambdaFunctionArn": s,
            },
        },
        False,
    ),
    "JoinToken": (
        "GetAttendee",
        lambda s: {"Attendee": {"JoinToken": s, "ExternalUserId": s}},
        True,
    ),
}

# A distinctive core, with something around it that may or may not break a rule.
secrets = st.builds(
    lambda pre, core, post: pre + core + post,
    st.sampled_from(["", "aws:", "AWS:", "!", " ", "arn:", "é", "\u2028", "x" * 70]),
    st.uuids().map(lambda u: u.hex),
    st.sampled_from(["", "!", "#", "«»", "\x00", "x" * 2100, "é" * 10, "%s", "{0}"]),
)


@given(st.sampled_from(sorted(PLACES)), secrets)
def test_secret_never_shown(place: str, secret: str) -> None:
    op, build, response = PLACES[place]
    document: Any = build(secret)
    report = (capabilities.validate_response if response else capabilities.validate)(op, document)
    core = secret.strip()[:40]
    texts = [str(report), repr(report)]
    texts += [f.message for f in report.findings] + [repr(f) for f in report.findings]
    try:
        report.raise_for_errors()
    except capabilities.CapabilityValidationError as error:
        texts += [str(error), repr(error)]
    for text in texts:
        assert secret not in text
        assert core not in text
