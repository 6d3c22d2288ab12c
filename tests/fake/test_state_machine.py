"""Random sequences of calls against a simple reference model of the state."""

from __future__ import annotations

from typing import Any, Optional

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule

from capabilities import allowed_capabilities, normalize, validate_response
from capabilities.fake import FakeChimeSdkMeetings, ServiceError

FEATURES = st.sampled_from(
    [
        None,
        {"Video": {"MaxResolution": "None"}},
        {"Content": {"MaxResolution": "None"}},
        {"Video": {"MaxResolution": "None"}, "Content": {"MaxResolution": "None"}},
        {"Attendee": {"MaxCount": 1}},
        {"Attendee": {"MaxCount": 2}},
    ]
)
USERS = st.sampled_from([f"user-{index}" for index in range(6)])


class Reference:
    """A meeting as the reference model keeps it: attendees by ExternalUserId."""

    def __init__(self, features: Optional[dict[str, Any]]) -> None:
        self.features = features
        self.limit = (features or {}).get("Attendee", {}).get("MaxCount", 250)
        self.attendees: dict[str, str] = {}  # ExternalUserId -> AttendeeId
        self.capabilities: dict[str, dict[str, str]] = {}  # AttendeeId -> capabilities


class FakeMachine(RuleBasedStateMachine):
    meetings = Bundle("meetings")

    def __init__(self) -> None:
        super().__init__()
        self.fake = FakeChimeSdkMeetings(seed=0)
        self.model: dict[str, Reference] = {}
        self.gone: set[str] = set()  # deleted meeting and attendee ids
        self.seen_ids: set[str] = set()
        self.tokens = 0

    def call(self, operation: str, **params: Any) -> Any:
        return self.fake.call(operation, params)

    def refused(self, code: str, operation: str, params: dict[str, Any]) -> None:
        with pytest.raises(ServiceError) as info:
            self.fake.call(operation, params)
        assert info.value.code == code

    @precondition(lambda self: len(self.model) < 2)  # so that meetings fill up
    @rule(target=meetings, features=FEATURES)
    def create_meeting(self, features: Optional[dict[str, Any]]) -> str:
        self.tokens += 1
        params: dict[str, Any] = {
            "ClientRequestToken": f"token-{self.tokens}",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "meeting",
        }
        if features is not None:
            params["MeetingFeatures"] = features
        meeting_id: str = self.call("CreateMeeting", **params)["Meeting"]["MeetingId"]
        assert meeting_id not in self.seen_ids
        self.seen_ids.add(meeting_id)
        self.model[meeting_id] = Reference(features)
        return meeting_id

    @rule(meeting_id=meetings, user=USERS, explicit=st.booleans(), data=st.data())
    def create_attendee(self, meeting_id: str, user: str, explicit: bool, data: Any) -> None:
        params: dict[str, Any] = {"MeetingId": meeting_id, "ExternalUserId": user}
        reference = self.model.get(meeting_id)
        if explicit and reference is not None:
            audio, video, content = data.draw(
                st.sampled_from(sorted(allowed_capabilities(reference.features)))
            )
            params["Capabilities"] = {"Audio": audio, "Video": video, "Content": content}
        if reference is None:
            self.refused("NotFoundException", "CreateAttendee", params)
            return
        if user not in reference.attendees and len(reference.attendees) == reference.limit:
            self.refused("LimitExceededException", "CreateAttendee", params)
            return
        attendee = self.call("CreateAttendee", **params)["Attendee"]
        known = reference.attendees.get(user)
        if known is not None:
            assert attendee["AttendeeId"] == known  # idempotent on ExternalUserId
            return
        assert attendee["AttendeeId"] not in self.seen_ids
        self.seen_ids.add(attendee["AttendeeId"])
        expected = normalize(params.get("Capabilities"), meeting_features=reference.features)
        assert attendee["Capabilities"] == expected
        reference.attendees[user] = attendee["AttendeeId"]
        reference.capabilities[attendee["AttendeeId"]] = attendee["Capabilities"]

    @rule(meeting_id=meetings, data=st.data())
    def update_attendee(self, meeting_id: str, data: Any) -> None:
        reference = self.model.get(meeting_id)
        if reference is None or not reference.attendees:
            return
        attendee_id = data.draw(st.sampled_from(sorted(reference.attendees.values())))
        audio, video, content = data.draw(
            st.sampled_from(sorted(allowed_capabilities(reference.features)))
        )
        capabilities = {"Audio": audio, "Video": video, "Content": content}
        self.call(
            "UpdateAttendeeCapabilities",
            MeetingId=meeting_id,
            AttendeeId=attendee_id,
            Capabilities=capabilities,
        )
        reference.capabilities[attendee_id] = capabilities

    @rule(meeting_id=meetings, data=st.data())
    def delete_attendee(self, meeting_id: str, data: Any) -> None:
        reference = self.model.get(meeting_id)
        if reference is None or not reference.attendees:
            return
        user = data.draw(st.sampled_from(sorted(reference.attendees)))
        attendee_id = reference.attendees.pop(user)
        del reference.capabilities[attendee_id]
        self.call("DeleteAttendee", MeetingId=meeting_id, AttendeeId=attendee_id)
        self.gone.add(attendee_id)

    @precondition(lambda self: len(self.model) == 2)
    @rule(data=st.data())
    def delete_meeting(self, data: Any) -> None:
        meeting_id = data.draw(st.sampled_from(sorted(self.model)))
        self.gone.update(self.model.pop(meeting_id).attendees.values())
        self.call("DeleteMeeting", MeetingId=meeting_id)
        self.gone.add(meeting_id)

    @rule(meeting_id=meetings, page=st.integers(1, 4))
    def list_attendees(self, meeting_id: str, page: int) -> None:
        reference = self.model.get(meeting_id)
        listed: list[str] = []
        params: dict[str, Any] = {"MeetingId": meeting_id, "MaxResults": page}
        if reference is None:
            self.refused("NotFoundException", "ListAttendees", params)
            return
        for _ in range(len(reference.attendees) // page + 1):
            answer = self.call("ListAttendees", **params)
            listed += [a["AttendeeId"] for a in answer["Attendees"]]
            if "NextToken" not in answer:
                break
            params["NextToken"] = answer["NextToken"]
        else:
            raise AssertionError("more pages than attendees")
        assert sorted(listed) == sorted(reference.attendees.values())  # each exactly once

    @invariant()
    def matches_the_reference(self) -> None:
        state = self.fake.state()["Meetings"]
        assert {entry["Meeting"]["MeetingId"] for entry in state} == set(self.model)
        for entry in state:
            reference = self.model[entry["Meeting"]["MeetingId"]]
            for attendee in entry["Attendees"]:
                assert attendee["AttendeeId"] not in self.gone
                assert attendee["Capabilities"] == reference.capabilities[attendee["AttendeeId"]]
                response = {"Attendee": attendee}
                report = validate_response(
                    "GetAttendee", response, meeting_features=reference.features or {}
                )
                assert report.ok, report
            assert len(entry["Attendees"]) == len(reference.attendees) <= reference.limit


TestFakeMachine = FakeMachine.TestCase
