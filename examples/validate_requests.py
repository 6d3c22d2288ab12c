"""Validate a few example requests and print the reports.

Run: python examples/validate_requests.py
"""

from __future__ import annotations

import capabilities

MEETING_ID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
WEBINAR = {"Video": {"MaxResolution": "HD"}, "Content": {"MaxResolution": "FHD"}}
SCREEN_SHARE_ONLY = {"Video": {"MaxResolution": "None"}, "Content": {"MaxResolution": "FHD"}}

EXAMPLES = [
    (
        "a viewer in a webinar (valid)",
        "create_attendee",
        {
            "MeetingId": MEETING_ID,
            "ExternalUserId": "viewer-42",
            "Capabilities": {"Audio": "Receive", "Video": "Receive", "Content": "Receive"},
        },
        WEBINAR,
    ),
    (
        "a presenter who sends video in a screen-share-only meeting (video off)",
        "create_attendee",
        {
            "MeetingId": MEETING_ID,
            "ExternalUserId": "presenter-1",
            "Capabilities": {"Audio": "SendReceive", "Video": "SendReceive", "Content": "Send"},
        },
        SCREEN_SHARE_ONLY,
    ),
    (
        "content receive without video receive, a reserved ExternalUserId, a wrong case",
        "batch_create_attendee",
        {
            "MeetingId": MEETING_ID,
            "Attendees": [
                {
                    "ExternalUserId": "AWS:bot",
                    "Capabilities": {"Audio": "sendreceive", "Video": "Send", "Content": "Receive"},
                },
                {"ExternalUserId": "guest<1>"},
            ],
        },
        None,
    ),
    (
        "an FHD meeting without Attendee.MaxCount",
        "create_meeting",
        {
            "ClientRequestToken": "request-0001",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "standup",
            "MeetingFeatures": {"Video": {"MaxResolution": "FHD"}},
        },
        None,
    ),
]


def main() -> None:
    for title, operation, params, features in EXAMPLES:
        report = capabilities.validate(operation, params, meeting_features=features)
        print(f"# {title}")
        print(report)
        if report.fixes:
            print(f"  suggested fix: {report.fixes}")
        print()


if __name__ == "__main__":
    main()
