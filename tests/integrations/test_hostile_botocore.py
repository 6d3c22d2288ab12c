"""The botocore hook never shows a sensitive value: not in the exception it raises (str, repr,
its report), not in what it logs at any level (warnings, the debug notes of unchecked rules,
a failed GetMeeting lookup), for every sensitive member, valid or not."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from botocore.stub import Stubber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capabilities.integrations.botocore import CapabilityParamValidationError, install, uninstall

from .test_botocore import ALL_ON, ATTENDEE, LOGGER, MEETING, new_client

Call = tuple[str, dict[str, Any], dict[str, Any]]  # method, parameters, stubbed response
#: One client for every example (creating one takes longer than the checks); each example
#: installs the hook afresh and uninstalls it.
_CLIENT = [new_client()]
_MEETING_PARAMS = {"MediaRegion": "us-east-1", "ExternalMeetingId": "ext-meeting-1"}


def _meeting_response(secret: str) -> dict[str, Any]:
    return {
        "Meeting": {
            "MeetingId": MEETING,
            "ExternalMeetingId": secret,
            "MeetingHostId": secret,
            "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
        }
    }


def _attendee(secret: str) -> dict[str, Any]:
    return {
        "AttendeeId": ATTENDEE,
        "ExternalUserId": secret,
        "JoinToken": secret,
        "Capabilities": ALL_ON,
    }


def _create_meeting(member: str) -> Callable[[str], list[Call]]:
    def calls(secret: str) -> list[Call]:
        params: dict[str, Any] = {"ClientRequestToken": "token-1", **_MEETING_PARAMS}
        if member.endswith("Arn"):
            params["NotificationsConfiguration"] = {member: secret}
        else:
            params[member] = secret
        return [("create_meeting", params, _meeting_response(secret))]

    return calls


def _external_user_id(secret: str) -> list[Call]:
    twice = [{"ExternalUserId": secret}, {"ExternalUserId": secret, "Capabilities": ALL_ON}]
    return [
        (
            "create_attendee",
            {"MeetingId": MEETING, "ExternalUserId": secret, "Capabilities": ALL_ON},
            {"Attendee": _attendee(secret)},
        ),
        (
            "batch_create_attendee",
            {"MeetingId": MEETING, "Attendees": twice},
            {
                "Attendees": [_attendee(secret)],
                "Errors": [{"ExternalUserId": secret, "ErrorCode": "409", "ErrorMessage": "x"}],
            },
        ),
        (
            "create_meeting_with_attendees",
            {"ClientRequestToken": "token-2", **_MEETING_PARAMS, "Attendees": twice},
            {**_meeting_response(secret), "Attendees": [_attendee(secret)]},
        ),
    ]


def _join_token(secret: str) -> list[Call]:
    return [
        # not a request member: refused as unknown (CHM-E103), by name
        (
            "create_attendee",
            {"MeetingId": MEETING, "ExternalUserId": "u1", "JoinToken": secret},
            {},
        ),
        # in responses, learned from
        (
            "get_attendee",
            {"MeetingId": MEETING, "AttendeeId": ATTENDEE},
            {"Attendee": _attendee(secret)},
        ),
        (
            "update_attendee_capabilities",
            {"MeetingId": MEETING, "AttendeeId": ATTENDEE, "Capabilities": ALL_ON},
            {"Attendee": _attendee(secret)},
        ),
    ]


PLACES: dict[str, Callable[[str], list[Call]]] = {
    "ExternalUserId": _external_user_id,
    "JoinToken": _join_token,
    **{
        member: _create_meeting(member)
        for member in (
            "ExternalMeetingId",
            "MeetingHostId",
            "ClientRequestToken",
            "LambdaFunctionArn",
            "SnsTopicArn",
            "SqsQueueArn",
        )
    },
}

_PREFIXES = ["", "arn:aws:sns:us-east-1:111122223333:", "aws:", "!", " ", "x" * 70]
_SUFFIXES = ["", "!", "«»", "\u2028", "\n", "x" * 2100, "%s", "%(name)s", "{0}"]
secrets = st.tuples(
    st.sampled_from(_PREFIXES), st.uuids().map(lambda u: u.hex), st.sampled_from(_SUFFIXES)
)


def _asks_get_meeting(method: str, params: dict[str, Any]) -> bool:
    """Whether a hook with lookup asks GetMeeting first: an attendee call that carries
    capabilities, on a meeting it does not know (none of these calls teaches it one first)."""
    items = params.get("Attendees", [])
    carries = "Capabilities" in params or any("Capabilities" in item for item in items)
    return carries and not method.startswith("create_meeting")


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        yield caplog


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    member=st.sampled_from(sorted(PLACES)),
    parts=secrets,
    warnings=st.sampled_from(["log", "raise"]),
    lookup=st.booleans(),
)
def test_sensitive_values_never_in_exceptions_or_logs(
    records: pytest.LogCaptureFixture,
    member: str,
    parts: tuple[str, str, str],
    warnings: Any,
    lookup: bool,
) -> None:
    records.clear()
    prefix, core, suffix = parts
    secret = prefix + core + suffix
    client = _CLIENT[0]
    install(client, warnings=warnings, lookup=lookup)
    texts: list[str] = []
    try:
        _calls(client, PLACES[member](secret), lookup, texts)
    finally:
        uninstall(client)  # what it learned goes with it
    ours = [record for record in records.records if record.name == LOGGER]
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    texts += [formatter.format(record) for record in ours]
    for text in texts:
        assert core not in text
        assert secret not in text


def _calls(client: Any, calls: list[Call], lookup: bool, texts: list[str]) -> None:
    for method, params, response in calls:
        with Stubber(client) as stubber:
            if lookup and _asks_get_meeting(method, params):
                stubber.add_client_error("get_meeting", "ForbiddenException", "no", 403)
            stubber.add_response(method, response)
            try:
                getattr(client, method)(**params)
            except CapabilityParamValidationError as raised:
                texts += [str(raised), repr(raised), str(raised.report), repr(raised.report)]
                texts += [str(raised.args), str(raised.kwargs)]
