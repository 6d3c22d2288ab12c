"""The botocore hook, on a real client with a Stubber (no network)."""

from __future__ import annotations

import copy
import logging
import pickle
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import botocore.session
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from hypothesis import given
from hypothesis import strategies as st

from capabilities import CapabilityValidationError, validate
from capabilities.integrations.botocore import (
    FEATURE_RULES,
    CapabilityParamValidationError,
    install,
    installed,
    uninstall,
)
from capabilities.types import (
    CreateAttendeeRequest,
    CreateAttendeeRequestItem,
    UpdateAttendeeCapabilitiesRequest,
)

if TYPE_CHECKING:
    from mypy_boto3_chime_sdk_meetings import ChimeSDKMeetingsClient

from .strategies import (
    caps,
    external_ids,
    guids,
    meeting_features,
    requestable,
    resolutions,
    triples,
    valid_calls,
)

_SESSION = botocore.session.get_session()
LOGGER = "capabilities.integrations.botocore"
MEETING = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
ATTENDEE = "11111111-2222-4333-8444-555555555555"
VIDEO_OFF = {"Video": {"MaxResolution": "None"}}
ALL_ON = caps(("SendReceive", "SendReceive", "SendReceive"))
VIDEO_SENDRECEIVE_ONLY = caps(("SendReceive", "SendReceive", "None"))
VIDEO_NONE = caps(("SendReceive", "None", "None"))


def new_client() -> ChimeSDKMeetingsClient:
    made = _SESSION.create_client(
        "chime-sdk-meetings",
        region_name="us-east-1",
        aws_access_key_id="x",
        aws_secret_access_key="x",
    )
    return cast("ChimeSDKMeetingsClient", made)


@pytest.fixture
def client() -> Iterator[ChimeSDKMeetingsClient]:
    made = new_client()
    yield made
    uninstall(made)


def call(client: ChimeSDKMeetingsClient, method: str, **params: Any) -> Any:
    return getattr(client, method)(**params)


def create_meeting_params(**extra: Any) -> dict[str, Any]:
    return {"MediaRegion": "us-east-1", "ExternalMeetingId": "ext-meeting-1", **extra}


def stubbed_meeting(stubber: Stubber, features: dict[str, Any] | None) -> None:
    meeting: dict[str, Any] = {"MeetingId": MEETING}
    if features is not None:
        meeting["MeetingFeatures"] = features
    stubber.add_response("get_meeting", {"Meeting": meeting}, {"MeetingId": MEETING})


# --- refused before the stub; passed through unchanged ------------------------------------


def test_invalid_call_raises_before_the_stub_and_leaves_its_queue(
    client: ChimeSDKMeetingsClient,
) -> None:
    install(client, meeting_features={MEETING: VIDEO_OFF})
    attendee = {"Attendee": {"AttendeeId": ATTENDEE}}
    with Stubber(client) as stubber:
        stubber.add_response("create_attendee", attendee)
        with pytest.raises(CapabilityParamValidationError) as raised:
            client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=ALL_ON)
        assert [f.code for f in raised.value.report.errors] == ["CHM-E301"]
        # The queued response is still there, for the next (valid) call.
        response = client.create_attendee(
            MeetingId=MEETING, ExternalUserId="user-1", Capabilities=VIDEO_NONE
        )
        assert response["Attendee"] == {"AttendeeId": ATTENDEE}
        stubber.assert_no_pending_responses()


def test_invalid_call_with_an_empty_queue_never_reaches_the_stub(
    client: ChimeSDKMeetingsClient,
) -> None:
    install(client)
    with Stubber(client), pytest.raises(CapabilityParamValidationError) as raised:
        client.get_attendee(MeetingId="not-a-guid", AttendeeId=ATTENDEE)
    assert [f.code for f in raised.value.report.errors] == ["CHM-E203"]


@given(valid_calls())
def test_valid_calls_go_through_with_exactly_the_parameters_given(
    generated: tuple[str, dict[str, Any], dict[str, Any]],
) -> None:
    method, params, features = generated
    client = new_client()
    hook = install(client, warnings="raise")  # not even a warning for these
    if "MeetingId" in params:
        hook.remember(params["MeetingId"], features)
    sent = copy.deepcopy(params)
    with Stubber(client) as stubber:
        stubber.add_response(method, {}, expected_params=copy.deepcopy(params))
        call(client, method, **params)
        stubber.assert_no_pending_responses()
    assert params == sent


@given(st.data())
def test_capabilities_are_checked_against_features_learned_from_create_meeting(
    data: st.DataObject,
) -> None:
    features = data.draw(meeting_features())
    triple = data.draw(triples)
    client = new_client()
    install(client)
    with Stubber(client) as stubber:
        stubber.add_response(
            "create_meeting", {"Meeting": {"MeetingId": MEETING, "MeetingFeatures": features}}
        )
        client.create_meeting(**create_meeting_params(MeetingFeatures=features))
        request: CreateAttendeeRequest = {
            "MeetingId": MEETING,
            "ExternalUserId": "user-1",
            "Capabilities": caps(triple),
        }
        if requestable(triple, *resolutions(features)):
            stubber.add_response("create_attendee", {}, request)
            client.create_attendee(**request)
        else:
            with pytest.raises(CapabilityParamValidationError):
                client.create_attendee(**request)
        stubber.assert_no_pending_responses()


def test_video_off_meeting_learned_from_create_meeting_refuses_video(
    client: ChimeSDKMeetingsClient,
) -> None:
    install(client)
    with Stubber(client) as stubber:
        stubber.add_response(
            "create_meeting", {"Meeting": {"MeetingId": MEETING, "MeetingFeatures": VIDEO_OFF}}
        )
        client.create_meeting(**create_meeting_params(MeetingFeatures=VIDEO_OFF))
        with pytest.raises(CapabilityParamValidationError) as raised:
            client.create_attendee(
                MeetingId=MEETING.upper(),  # GUIDs compare case-insensitively
                ExternalUserId="user-1",
                Capabilities=VIDEO_SENDRECEIVE_ONLY,
            )
    assert {(f.code, f.path) for f in raised.value.report.errors} == {
        ("CHM-E301", "/Capabilities/Video")
    }


def test_features_come_from_the_request_when_the_response_has_none(
    client: ChimeSDKMeetingsClient,
) -> None:
    hook = install(client)
    with Stubber(client) as stubber:
        stubber.add_response("create_meeting", {"Meeting": {"MeetingId": MEETING}})
        client.create_meeting(**create_meeting_params(MeetingFeatures=VIDEO_OFF))
    learned = hook.meeting_features(MEETING)
    assert learned is not None
    assert learned["Video"] == {"MaxResolution": "None"}


def test_features_and_attendees_learned_from_create_meeting_with_attendees(
    client: ChimeSDKMeetingsClient,
) -> None:
    hook = install(client)
    response = {
        "Meeting": {"MeetingId": MEETING, "MeetingFeatures": VIDEO_OFF},
        "Attendees": [{"AttendeeId": ATTENDEE, "Capabilities": VIDEO_NONE}],
        "Errors": [],
    }
    with Stubber(client) as stubber:
        stubber.add_response("create_meeting_with_attendees", response)
        client.create_meeting_with_attendees(
            **create_meeting_params(
                MeetingFeatures=VIDEO_OFF, Attendees=[{"ExternalUserId": "user-1"}]
            )
        )
    assert hook.capabilities(MEETING, ATTENDEE) == VIDEO_NONE
    with pytest.raises(CapabilityParamValidationError):
        client.batch_create_attendee(
            MeetingId=MEETING,
            Attendees=[{"ExternalUserId": "user-2", "Capabilities": VIDEO_SENDRECEIVE_ONLY}],
        )


def test_a_meeting_without_features_has_the_defaults(client: ChimeSDKMeetingsClient) -> None:
    hook = install(client)
    with Stubber(client) as stubber:
        stubbed_meeting(stubber, None)
        client.get_meeting(MeetingId=MEETING)
    assert hook.meeting_features(MEETING) == {
        "Video": {"MaxResolution": "HD"},
        "Content": {"MaxResolution": "FHD"},
    }


def test_a_failed_call_teaches_nothing(client: ChimeSDKMeetingsClient) -> None:
    hook = install(client)
    with Stubber(client) as stubber:
        stubber.add_client_error("get_meeting", "NotFoundException", http_status_code=404)
        with pytest.raises(client.exceptions.NotFoundException):
            client.get_meeting(MeetingId=MEETING)
    assert hook.meeting_features(MEETING) is None


def test_unusable_features_in_a_response_are_not_remembered(client: ChimeSDKMeetingsClient) -> None:
    hook = install(client, meeting_features={MEETING: VIDEO_OFF})
    with Stubber(client) as stubber:
        stubbed_meeting(stubber, {"Video": {"MaxResolution": "8K"}})
        response = client.get_meeting(MeetingId=MEETING)  # the call itself succeeds
    assert response["Meeting"]["MeetingId"] == MEETING
    assert hook.meeting_features(MEETING) is None  # and the stale entry is gone


# --- explicit features, unknown features, lookup ------------------------------------------


def test_features_given_explicitly(client: ChimeSDKMeetingsClient) -> None:
    hook = install(client)
    other = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
    hook.remember(other, {"Content": {"MaxResolution": "None"}})
    with pytest.raises(CapabilityParamValidationError) as raised:
        client.create_attendee(MeetingId=other, ExternalUserId="user-1", Capabilities=ALL_ON)
    assert [f.code for f in raised.value.report.errors] == ["CHM-E302"]
    with pytest.raises(CapabilityValidationError):
        hook.remember(other, {"Video": {"MaxResolution": "UHD"}})
    with pytest.raises(CapabilityValidationError):
        install(client, meeting_features={other: {"Video": {"MaxResolution": "4K"}}})
    assert installed(client) is hook  # a refused install replaces nothing
    # features are read as the service sends them: CHM-E401 constrains CreateMeeting requests only
    hook.remember(other, {"Video": {"MaxResolution": "FHD"}})
    assert hook.meeting_features(other) == {
        "Video": {"MaxResolution": "FHD"},
        "Content": {"MaxResolution": "FHD"},
    }


def test_unknown_features_leave_a_debug_log_of_what_went_unchecked(
    client: ChimeSDKMeetingsClient, caplog: pytest.LogCaptureFixture
) -> None:
    install(client)
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    with Stubber(client) as stubber:
        stubber.add_response("create_attendee", {})
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=ALL_ON)
    (record,) = [r for r in caplog.records if r.name == LOGGER]
    assert record.levelno == logging.DEBUG
    assert "CHM-E301" in record.getMessage()
    assert "CHM-E302" in record.getMessage()
    assert MEETING in record.getMessage()


def test_feature_rules_are_what_the_validator_leaves_unchecked() -> None:
    report = validate(
        "CreateAttendee", {"MeetingId": MEETING, "ExternalUserId": "user-1", "Capabilities": ALL_ON}
    )
    assert set(report.unchecked) == FEATURE_RULES


def test_lookup_mode_asks_get_meeting_once(client: ChimeSDKMeetingsClient) -> None:
    install(client, lookup=True)
    with Stubber(client) as stubber:
        stubbed_meeting(stubber, VIDEO_OFF)
        with pytest.raises(CapabilityParamValidationError) as raised:
            client.create_attendee(
                MeetingId=MEETING, ExternalUserId="user-1", Capabilities=VIDEO_SENDRECEIVE_ONLY
            )
        assert [f.code for f in raised.value.report.errors] == ["CHM-E301"]
        stubber.assert_no_pending_responses()
        # Known now: no second GetMeeting.
        stubber.add_response("create_attendee", {})
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-2", Capabilities=VIDEO_NONE)
        stubber.assert_no_pending_responses()


def test_lookup_only_when_capabilities_need_it(client: ChimeSDKMeetingsClient) -> None:
    install(client, lookup=True)
    with Stubber(client) as stubber:
        stubber.add_response("create_attendee", {})
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1")
        stubber.add_response("get_attendee", {})
        client.get_attendee(MeetingId=MEETING, AttendeeId=ATTENDEE)
        stubber.assert_no_pending_responses()


def test_a_failed_lookup_leaves_the_call_checked_without_features(
    client: ChimeSDKMeetingsClient, caplog: pytest.LogCaptureFixture
) -> None:
    install(client, lookup=True)
    with Stubber(client) as stubber:
        stubber.add_client_error("get_meeting", "ForbiddenException", http_status_code=403)
        stubber.add_response("create_attendee", {})
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=ALL_ON)
        stubber.assert_no_pending_responses()
    warned = [r for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING]
    assert len(warned) == 1
    assert "ForbiddenException" in warned[0].getMessage()


def test_without_lookup_no_get_meeting_is_sent(client: ChimeSDKMeetingsClient) -> None:
    install(client)
    with Stubber(client) as stubber:
        stubber.add_response("create_attendee", {})
        client.create_attendee(
            MeetingId=MEETING, ExternalUserId="user-1", Capabilities=VIDEO_SENDRECEIVE_ONLY
        )
        stubber.assert_no_pending_responses()


# --- previous capabilities ----------------------------------------------------------------


def test_previous_capabilities_give_the_transition_warnings(
    client: ChimeSDKMeetingsClient, caplog: pytest.LogCaptureFixture
) -> None:
    hook = install(client)
    muted = caps(("Receive", "None", "None"))
    with Stubber(client) as stubber:
        stubber.add_response(
            "create_attendee", {"Attendee": {"AttendeeId": ATTENDEE, "Capabilities": muted}}
        )
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=muted)
        stubber.add_response("update_attendee_capabilities", {})
        update: UpdateAttendeeCapabilitiesRequest = {
            "MeetingId": MEETING,
            "AttendeeId": ATTENDEE,
            "Capabilities": VIDEO_NONE,
        }
        client.update_attendee_capabilities(**update)
    warned = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(warned) == 1
    assert "CHM-W304" in warned[0]
    hook.warnings = "raise"
    with pytest.raises(CapabilityParamValidationError) as raised:
        client.update_attendee_capabilities(**update)
    assert [f.code for f in raised.value.report.warnings] == ["CHM-W304"]
    assert not raised.value.report.errors


def test_batch_update_and_delete_keep_the_memory_current(client: ChimeSDKMeetingsClient) -> None:
    hook = install(client)
    other = "99999999-8888-4777-8666-555555555555"
    hook.remember_capabilities(MEETING, ATTENDEE, VIDEO_NONE)
    hook.remember_capabilities(MEETING, other, VIDEO_NONE)
    with Stubber(client) as stubber:
        stubber.add_response("batch_update_attendee_capabilities_except", {})
        client.batch_update_attendee_capabilities_except(
            MeetingId=MEETING, ExcludedAttendeeIds=[{"AttendeeId": other}], Capabilities=ALL_ON
        )
        assert hook.capabilities(MEETING, ATTENDEE) == ALL_ON
        assert hook.capabilities(MEETING, other) == VIDEO_NONE
        stubber.add_response("delete_attendee", {})
        client.delete_attendee(MeetingId=MEETING, AttendeeId=ATTENDEE)
        assert hook.capabilities(MEETING, ATTENDEE) is None
        hook.remember(MEETING, {})
        stubber.add_response("delete_meeting", {})
        client.delete_meeting(MeetingId=MEETING)
    assert hook.capabilities(MEETING, other) is None
    assert hook.meeting_features(MEETING) is None


def test_memory_is_bounded(client: ChimeSDKMeetingsClient) -> None:
    hook = install(client, max_meetings=2, max_attendees=2)
    first, second, third = (f"{n}0000000-0000-4000-8000-000000000000" for n in "123")
    hook.remember(first, {})
    hook.remember(second, {})
    assert hook.meeting_features(first) is not None  # now the most recently used
    hook.remember(third, {})
    assert hook.meeting_features(second) is None
    assert hook.meeting_features(first) is not None
    for attendee in (first, second, third):
        hook.remember_capabilities(MEETING, attendee, ALL_ON)
    assert hook.capabilities(MEETING, first) is None
    assert hook.capabilities(MEETING, third) == ALL_ON


# --- install, uninstall -------------------------------------------------------------------


def test_uninstall_restores_the_plain_behaviour(client: ChimeSDKMeetingsClient) -> None:
    install(client, meeting_features={MEETING: VIDEO_OFF})
    assert uninstall(client) is True
    assert installed(client) is None
    assert uninstall(client) is False
    with Stubber(client) as stubber:
        stubber.add_response("create_attendee", {})
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=ALL_ON)
        stubber.add_response("get_attendee", {})
        client.get_attendee(MeetingId=MEETING, AttendeeId=ATTENDEE.upper() + "#x")
        stubber.assert_no_pending_responses()
    with pytest.raises(ParamValidationError) as raised:  # botocore's own check is back alone
        call(client, "get_attendee", MeetingId=MEETING)
    assert not isinstance(raised.value, CapabilityValidationError)


def test_install_twice_registers_once_and_keeps_the_memory(
    client: ChimeSDKMeetingsClient, caplog: pytest.LogCaptureFixture
) -> None:
    first = install(client, meeting_features={MEETING: VIDEO_OFF})
    second = install(client)
    assert installed(client) is second
    assert second.meeting_features(MEETING) == first.meeting_features(MEETING)
    with Stubber(client) as stubber:
        stubber.add_response("create_meeting", {})
        call(client, "create_meeting", MediaRegion="xx-moon-1", ExternalMeetingId="ext-meeting-1")
    warned = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(warned) == 1
    assert "CHM-W205" in warned[0]
    first.uninstall()  # the replaced hook has nothing left to remove
    assert installed(client) is second
    with pytest.raises(CapabilityParamValidationError):
        client.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=ALL_ON)
    second.uninstall()
    assert installed(client) is None


def test_other_clients_are_not_affected() -> None:
    guarded, plain = new_client(), new_client()
    install(guarded, meeting_features={MEETING: VIDEO_OFF})
    try:
        with Stubber(plain) as stubber:
            stubber.add_response("create_attendee", {})
            plain.create_attendee(MeetingId=MEETING, ExternalUserId="user-1", Capabilities=ALL_ON)
    finally:
        uninstall(guarded)


def test_install_needs_a_chime_sdk_meetings_client() -> None:
    s3 = _SESSION.create_client(
        "s3", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    with pytest.raises(TypeError):
        install(s3)
    with pytest.raises(TypeError):
        install(object())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("option", "value"),
    [("warnings", "loud"), ("max_meetings", -1), ("max_attendees", True)],
)
def test_install_refuses_bad_options(
    client: ChimeSDKMeetingsClient, option: str, value: object
) -> None:
    with pytest.raises(ValueError, match=option):
        install(client, **{option: value})  # type: ignore[arg-type]


def test_uncovered_operations_are_left_alone(client: ChimeSDKMeetingsClient) -> None:
    install(client, warnings="raise")
    arn = "arn:aws:chime:us-east-1:111122223333:meeting/" + MEETING
    with Stubber(client) as stubber:
        stubber.add_response("list_tags_for_resource", {"Tags": []}, {"ResourceARN": arn})
        assert client.list_tags_for_resource(ResourceARN=arn)["Tags"] == []


def test_warnings_ignored(client: ChimeSDKMeetingsClient, caplog: pytest.LogCaptureFixture) -> None:
    install(client, warnings="ignore")
    with Stubber(client) as stubber:
        stubber.add_response("create_meeting", {})
        call(client, "create_meeting", MediaRegion="xx-moon-1", ExternalMeetingId="ext-meeting-1")
    assert not [r for r in caplog.records if r.name == LOGGER]


# --- ClientRequestToken ---------------------------------------------------------------------


def test_client_request_token_is_filled_by_botocore_not_refused(
    client: ChimeSDKMeetingsClient,
) -> None:
    install(client)
    seen: list[dict[str, Any]] = []

    def capture(params: dict[str, Any], **_: Any) -> None:
        seen.append(dict(params))

    # Runs after botocore's own before-parameter-build handlers (which fill the token).
    client.meta.events.register_last("before-parameter-build", capture)
    with Stubber(client) as stubber:
        stubber.add_response("create_meeting", {}, create_meeting_params())
        stubber.add_response("create_meeting_with_attendees", {})
        client.create_meeting(**create_meeting_params())
        client.create_meeting_with_attendees(
            **create_meeting_params(Attendees=[{"ExternalUserId": "user-1"}])
        )
        stubber.assert_no_pending_responses()
    assert len(seen) == 2
    for params in seen:
        assert re.fullmatch("[-_a-zA-Z0-9]{2,64}", params["ClientRequestToken"])


@pytest.mark.parametrize("token", ["x", "has space", "a" * 65])
def test_a_given_client_request_token_is_still_checked(
    client: ChimeSDKMeetingsClient, token: str
) -> None:
    install(client)
    with pytest.raises(CapabilityParamValidationError) as raised:
        client.create_meeting(**create_meeting_params(ClientRequestToken=token))
    assert [f.path for f in raised.value.report.errors] == ["/ClientRequestToken"]
    assert token not in str(raised.value)


def test_other_missing_members_are_still_reported(client: ChimeSDKMeetingsClient) -> None:
    install(client)
    with pytest.raises(CapabilityParamValidationError) as raised:
        call(client, "create_meeting", MediaRegion="us-east-1")
    assert [(f.code, f.path) for f in raised.value.report.errors] == [
        ("CHM-E102", "/ExternalMeetingId")
    ]


# --- the exception --------------------------------------------------------------------------

_NOT_IN_ALPHABET = st.sampled_from(["\x00", "\x1c", "\u00a0", "\u2028", "$", "!", "<", "\u00bf"])
#: Two letters of the ExternalUserId alphabet that no message or rule text contains: a value
#: starting with them can only be in a text if the value itself was copied there.
MARK = "\u00de\u00d0"


@given(head=external_ids, bad=_NOT_IN_ALPHABET, token=st.text(min_size=1, max_size=80))
def test_the_exception_is_catchable_both_ways_and_shows_no_sensitive_value(
    head: str, bad: str, token: str
) -> None:
    external_user_id = f"{MARK}{head[:60]}{bad}"
    external_meeting_id = f"{MARK}{bad}{head[:60]}"
    client = new_client()
    hook = install(client)
    hook.remember(MEETING, VIDEO_OFF)
    with pytest.raises(ParamValidationError) as as_botocore:
        client.create_attendee(
            MeetingId=MEETING, ExternalUserId=external_user_id, Capabilities=ALL_ON
        )
    with pytest.raises(CapabilityValidationError) as as_capabilities:
        client.create_meeting(
            ClientRequestToken="!" + token,
            MediaRegion="us-east-1",
            ExternalMeetingId=external_meeting_id,
            MeetingHostId=external_user_id,
        )
    for raised, secrets in (
        (as_botocore.value, [external_user_id]),
        (as_capabilities.value, [external_user_id, external_meeting_id, "!" + token]),
    ):
        assert isinstance(raised, CapabilityParamValidationError)
        text = str(raised)
        assert text.startswith("Parameter validation failed:\nchime-capabilities: ")
        assert raised.report.errors
        for secret in secrets:
            assert secret not in text
            assert secret not in repr(raised)


def test_the_exception_pickles_with_its_report(client: ChimeSDKMeetingsClient) -> None:
    install(client)
    with pytest.raises(CapabilityParamValidationError) as raised:
        client.get_meeting(MeetingId="nope")
    copied = pickle.loads(pickle.dumps(raised.value))
    assert isinstance(copied, CapabilityParamValidationError)
    assert copied.report == raised.value.report
    assert str(copied) == str(raised.value)


@given(guids, external_ids)
def test_logs_show_no_sensitive_value(meeting: str, head: str) -> None:
    external_id = MARK + head[:60]
    client = new_client()
    install(client)
    handler = _ListHandler()
    logger = logging.getLogger(LOGGER)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        attendees: list[CreateAttendeeRequestItem] = [
            {"ExternalUserId": external_id, "Capabilities": ALL_ON},
            {"ExternalUserId": external_id},
        ]
        with Stubber(client) as stubber:
            stubber.add_response("batch_create_attendee", {})
            client.batch_create_attendee(MeetingId=meeting, Attendees=attendees)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    assert any("CHM-W206" in message for message in handler.messages)  # a warning
    assert any("CHM-E301" in message for message in handler.messages)  # the unchecked rules
    for message in handler.messages:
        assert MARK not in message


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
