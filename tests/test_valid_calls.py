"""Valid calls are never refused, and rules are never reported as checked when they were not.

One test (or a few) per case: Python subclasses, the idempotency token, service-created
attendees and request-only rules in responses, Unicode tag values, responses as the service
sends them (fixtures in tests/data/responses, their sources named there), and meeting features
given at the level a caller has them.
"""

from __future__ import annotations

import enum
import json
import string
import unicodedata
from collections import OrderedDict, defaultdict
from pathlib import Path
from typing import Any

import pytest
from botocore.stub import Stubber
from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities import _model as m
from capabilities.integrations.botocore import install, uninstall
from capabilities.profiles import check_profiles
from capabilities.validator import operation_name
from tests.cli.helpers import run
from tests.integrations.test_botocore import new_client

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
OTHER = "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"
RESPONSES = Path(__file__).parent / "data" / "responses"
ALL_ON = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}


def response(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESPONSES / name).read_text(encoding="utf-8"))
    return data


def codes(report: capabilities.Report) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in report.findings}


# --- Python subclasses ------------------------------------------------------------------


class Capability(str, enum.Enum):
    SEND_RECEIVE = "SendReceive"
    RECEIVE = "Receive"
    NONE = "None"


class Resolution(str, enum.Enum):
    NONE = "None"
    FHD = "FHD"


class Count(enum.IntEnum):
    TEN = 10


def test_subclasses_are_accepted_where_botocore_accepts_them() -> None:
    caps: defaultdict[str, str] = defaultdict(str)
    caps.update(Audio=Capability.SEND_RECEIVE, Video=Capability.SEND_RECEIVE)
    caps["Content"] = Capability.NONE
    params = OrderedDict(MeetingId=GUID, ExternalUserId="user-1", Capabilities=caps)
    assert str(Capability.SEND_RECEIVE) != "SendReceive"  # compared by value, not str()
    report = capabilities.validate("create_attendee", params, meeting_features={})
    assert not report.findings
    assert not report.unchecked
    listing = {"MeetingId": GUID, "MaxResults": Count.TEN}
    assert capabilities.validate("ListAttendees", listing).ok
    # bool is an int to Python, but not an integer to the service
    assert codes(capabilities.validate("ListAttendees", {"MeetingId": GUID, "MaxResults": True}))


def test_enum_features_apply_their_rules_with_plain_values_in_fixes() -> None:
    features = {"Video": {"MaxResolution": Resolution.NONE}}
    caps = {"Audio": Capability.SEND_RECEIVE, "Video": Capability.RECEIVE, "Content": "None"}
    report = capabilities.validate(
        "CreateAttendee",
        {"MeetingId": GUID, "ExternalUserId": "user-1", "Capabilities": caps},
        meeting_features=features,
    )
    assert codes(report) == {("CHM-E301", "/Capabilities/Video")}
    assert report.fixes == {"/Capabilities/Video": "None"}
    assert type(report.fixes["/Capabilities/Video"]) is str
    effective = capabilities.normalize(None, meeting_features=features)
    assert all(type(v) is str for v in effective.values())
    assert capabilities.normalize_meeting_features(features)["Video"] == {"MaxResolution": "None"}


def test_update_with_enum_previous_gives_the_transition_warnings() -> None:
    previous = {"Audio": Capability.RECEIVE, "Video": Capability.NONE, "Content": "None"}
    report = capabilities.validate(
        "UpdateAttendeeCapabilities",
        {"MeetingId": GUID, "AttendeeId": OTHER, "Capabilities": OrderedDict(ALL_ON)},
        meeting_features={},
        previous=previous,
    )
    assert {f.code for f in report.findings} == {"CHM-W304", "CHM-W305"}
    assert all("Capability." not in f.message for f in report.findings)


class Secret(str):
    def __repr__(self) -> str:
        return "Secret()"


def test_sensitive_subclass_values_stay_out_of_messages() -> None:
    secret = "aws:do-not-show"
    report = capabilities.validate(
        "CreateAttendee", {"MeetingId": GUID, "ExternalUserId": Secret(secret)}
    )
    assert codes(report) == {("CHM-E202", "/ExternalUserId")}
    assert "do-not-show" not in repr(report) + str(report.findings)


def test_the_hook_lets_subclasses_through() -> None:
    client = new_client()
    install(client)
    try:
        with Stubber(client) as stubber:
            stubber.add_response("create_attendee", {})
            client.create_attendee(
                **OrderedDict(  # type: ignore[arg-type]
                    MeetingId=GUID,
                    ExternalUserId="user-1",
                    Capabilities=OrderedDict(
                        Audio=Capability.SEND_RECEIVE,
                        Video=Capability.SEND_RECEIVE,
                        Content=Capability.SEND_RECEIVE,
                    ),
                )
            )
    finally:
        uninstall(client)


# --- ClientRequestToken --------------------------------------------------------------------


MEETING = {"MediaRegion": "us-east-1", "ExternalMeetingId": "meeting-1"}


def test_the_idempotency_token_may_be_left_out_and_is_checked_when_given() -> None:
    assert m.CLIENT_TOKEN.idempotency_token
    for op in ("CreateMeeting", "CreateMeetingWithAttendees"):
        assert "ClientRequestToken" not in m.OPERATIONS[op].request.required
        schema = capabilities.json_schema(f"{op}.request")
        assert "ClientRequestToken" not in schema["required"]
    assert capabilities.validate("CreateMeeting", MEETING).ok
    given = capabilities.validate("CreateMeeting", {**MEETING, "ClientRequestToken": "a"})
    assert codes(given) == {("CHM-E104", "/ClientRequestToken")}
    bad = capabilities.validate("CreateMeeting", {**MEETING, "ClientRequestToken": "a b"})
    assert codes(bad) == {("CHM-E108", "/ClientRequestToken")}


def test_the_checker_accepts_a_cli_input_file_without_a_token(tmp_path: Path) -> None:
    path = tmp_path / "create-meeting.json"
    path.write_text(json.dumps(MEETING), encoding="utf-8")
    result = run("check", str(path), cwd=tmp_path)
    assert result.status == 0, result.out + result.err


# --- responses -----------------------------------------------------------------------------


def test_service_created_attendees_are_an_info_in_a_response_only() -> None:
    listed = capabilities.validate_response(
        "ListAttendees", response("list-attendees.service.json")
    )
    assert listed.ok
    assert codes(listed) == {("CHM-I208", "/Attendees/1/ExternalUserId")}
    pipeline = {"Attendee": {"ExternalUserId": "aws:MediaPipeline-1", "AttendeeId": GUID}}
    assert capabilities.validate_response("GetAttendee", pipeline).ok
    request = {"MeetingId": GUID, "ExternalUserId": "aws:MediaPipeline-1"}
    assert codes(capabilities.validate("CreateAttendee", request)) == {
        ("CHM-E202", "/ExternalUserId")
    }


def test_request_only_rules_do_not_apply_to_responses_or_given_features() -> None:
    fhd = {"Video": {"MaxResolution": "FHD"}, "Attendee": {"MaxCount": 250}}
    for features in ({"Video": {"MaxResolution": "FHD"}}, fhd):
        meeting = {"Meeting": {"MeetingId": GUID, "MeetingFeatures": features}}
        for op in ("GetMeeting", "CreateMeeting"):
            assert not capabilities.validate_response(op, meeting).findings
        attendee = {"MeetingId": GUID, "ExternalUserId": "user-1", "Capabilities": ALL_ON}
        assert capabilities.validate("CreateAttendee", attendee, meeting_features=features).ok
    # the request that creates such a meeting is still refused
    request = {**MEETING, "MeetingFeatures": {"Video": {"MaxResolution": "FHD"}}}
    assert codes(capabilities.validate("CreateMeeting", request)) == {
        ("CHM-E401", "/MeetingFeatures/Attendee/MaxCount")
    }


@pytest.mark.parametrize(
    ("op", "name"),
    [
        ("CreateMeeting", "create-meeting.service.json"),
        ("GetMeeting", "create-meeting.service.json"),
        ("GetMeeting", "get-meeting.boto3.json"),
        ("ListAttendees", "list-attendees.service.json"),
    ],
)
def test_responses_as_the_service_sends_them_validate(op: str, name: str) -> None:
    report = capabilities.validate_response(op, response(name))
    assert report.ok, report.findings
    assert {f.severity for f in report.findings} <= {"info"}


def test_nulls_and_empty_lists_are_read_as_the_service_means_them() -> None:
    meeting: dict[str, Any] = {
        "MeetingId": GUID,
        "TenantIds": [],
        "MeetingHostId": None,
        "MediaRegion": None,
    }
    assert not capabilities.validate_response("GetMeeting", {"Meeting": meeting}).findings
    # in a request a null is still a wrong type, and the bound still holds
    request: dict[str, Any] = {**MEETING, "TenantIds": [], "MeetingHostId": None}
    assert codes(capabilities.validate("CreateMeeting", request)) == {
        ("CHM-E105", "/TenantIds"),
        ("CHM-E101", "/MeetingHostId"),
    }


# --- tag values ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["日本", "équipe", "a\u00a0b", "١٢٣", "team_1 +-=.:/@"])
def test_unicode_tag_values_are_accepted(value: str) -> None:
    request = {**MEETING, "Tags": [{"Key": "team", "Value": value}]}
    assert capabilities.validate("CreateMeeting", request).ok


@pytest.mark.parametrize("value", ["x!", "a\x1cb", "#", "<>", "a\x7f"])
def test_ascii_outside_the_tag_value_class_is_refused(value: str) -> None:
    request = {**MEETING, "Tags": [{"Key": "team", "Value": value}]}
    assert codes(capabilities.validate("CreateMeeting", request)) == {("CHM-E108", "/Tags/0/Value")}


@pytest.mark.parametrize("value", ["😀", "5€", "a\u200bb", "a\x85b", "©", "«x»", "a\u2010b"])
def test_non_ascii_symbols_punctuation_and_controls_in_a_tag_value_are_refused(
    value: str,
) -> None:
    request = {**MEETING, "Tags": [{"Key": "team", "Value": value}]}
    assert codes(capabilities.validate("CreateMeeting", request)) == {("CHM-E108", "/Tags/0/Value")}


#: The model's TagValue class, ``[\s\w+-=\.:/@]``, read as Java reads it: ASCII \s and \w,
#: the range + (U+002B) to = (U+003D), and . : / @.
_MODEL_TAG_VALUE_ASCII = frozenset(
    " \t\n\x0b\f\r_@.:/"
    + string.ascii_letters
    + string.digits
    + "".join(map(chr, range(ord("+"), ord("=") + 1)))
)


@given(st.characters())
def test_a_tag_value_character_is_accepted_as_the_reading_says(char: str) -> None:
    """ASCII: the model's class; any other character: a Unicode letter, number or space
    separator (the AWS tagging pattern's \\p{L}, \\p{N}, \\p{Z})."""
    if char.isascii():
        expected = char in _MODEL_TAG_VALUE_ASCII
    else:
        expected = unicodedata.category(char)[0] in "LNZ"
    request = {**MEETING, "Tags": [{"Key": "team", "Value": f"a{char}b"}]}
    assert capabilities.validate("CreateMeeting", request).ok is expected


# --- meeting features at the level a caller has them ---------------------------------------


VIDEO_OFF_MEETING = {
    "MeetingId": GUID,
    "MediaRegion": "us-east-1",
    "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
}
ATTENDEE = {"MeetingId": GUID, "ExternalUserId": "user-1", "Capabilities": ALL_ON}


@pytest.mark.parametrize(
    "features",
    [
        VIDEO_OFF_MEETING["MeetingFeatures"],
        VIDEO_OFF_MEETING,
        {"Meeting": VIDEO_OFF_MEETING},
        {"Meeting": VIDEO_OFF_MEETING, "ResponseMetadata": {"HTTPStatusCode": 200}},
        # the CreateMeeting request that made the meeting
        {
            **MEETING,
            "ClientRequestToken": "t-1",
            "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
        },
    ],
)
def test_meeting_features_a_meeting_or_a_response(features: dict[str, Any]) -> None:
    report = capabilities.validate("CreateAttendee", ATTENDEE, meeting_features=features)
    assert codes(report) == {("CHM-E301", "/Capabilities/Video")}
    hook = install(new_client())
    hook.remember(GUID, features)
    assert hook.meeting_features(GUID) == {
        "Video": {"MaxResolution": "None"},
        "Content": {"MaxResolution": "FHD"},
    }


def test_a_meeting_without_features_has_the_defaults() -> None:
    meeting = {"Meeting": {"MeetingId": GUID, "MediaRegion": "us-east-1"}}
    report = capabilities.validate("CreateAttendee", ATTENDEE, meeting_features=meeting)
    assert report.ok
    assert not report.unchecked


@pytest.mark.parametrize(
    "features",
    [
        {"MaxResolution": "None"},
        {"Foo": {"Bar": 1}},
        {"video": {"MaxResolution": "None"}},
        {"Content": {"MaxResolution": "FHD"}, "video": {"MaxResolution": "None"}},
    ],
)
def test_unrecognised_features_leave_the_rules_unchecked(features: dict[str, Any]) -> None:
    report = capabilities.validate("CreateAttendee", ATTENDEE, meeting_features=features)
    assert {"CHM-E301", "CHM-E302"} <= set(report.unchecked)


def test_meeting_features_file_may_be_a_meeting_object(tmp_path: Path) -> None:
    meeting = tmp_path / "meeting.json"
    meeting.write_text(json.dumps(VIDEO_OFF_MEETING), encoding="utf-8")
    attendee = tmp_path / "create-attendee.json"
    attendee.write_text(json.dumps(ATTENDEE), encoding="utf-8")
    result = run("check", "--format", "json", "--meeting-features", str(meeting), str(attendee))
    assert result.status == 1, result.err
    found = json.loads(result.out)["files"][0]["findings"]
    assert [f["code"] for f in found] == ["CHM-E301"]


def test_the_hook_learns_from_a_response_with_nulls() -> None:
    client = new_client()
    hook = install(client)
    body = response("get-meeting.boto3.json")
    del body["ResponseMetadata"]
    del body["Meeting"]["TenantIds"]  # the Stubber holds responses to the request bound
    try:
        with Stubber(client) as stubber:
            stubber.add_response("get_meeting", body, {"MeetingId": body["Meeting"]["MeetingId"]})
            client.get_meeting(MeetingId=body["Meeting"]["MeetingId"])
        assert hook.meeting_features(body["Meeting"]["MeetingId"]) is not None
    finally:
        uninstall(client)


class Operation(str, enum.Enum):
    CREATE_ATTENDEE = "CreateAttendee"
    LIST = "list_attendees"


def test_an_operation_named_by_an_enum_member() -> None:
    assert operation_name(Operation.LIST) == "ListAttendees"
    report = capabilities.validate(Operation.CREATE_ATTENDEE, ATTENDEE)
    assert report.operation == "CreateAttendee"
    assert type(report.operation) is str
    listed = capabilities.validate_response(Operation.LIST, {"Attendees": []})
    assert listed.operation == "ListAttendees"


def test_fixes_apply_through_a_tuple_of_attendees() -> None:
    item = {"ExternalUserId": "user-1", "Capabilities": dict(ALL_ON)}
    params = {"MeetingId": GUID, "Attendees": (item,)}
    report = capabilities.validate(
        "BatchCreateAttendee", params, meeting_features={"Video": {"MaxResolution": "None"}}
    )
    fixed = capabilities.apply_fixes(params, report.fixes)
    assert fixed["Attendees"][0]["Capabilities"]["Video"] == "None"
    assert capabilities.validate(
        "BatchCreateAttendee", fixed, meeting_features={"Video": {"MaxResolution": "None"}}
    ).ok


def test_a_profile_built_of_subclasses_reports_as_its_plain_twin() -> None:
    plain = {
        "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
        "presets": {
            "speaker": {"Audio": "SendReceive", "Video": "None", "Content": "None"},
            "viewer": {"Audio": "Receive", "Video": "Receive", "Content": "None"},
        },
        "transitions": [{"from": "speaker", "to": "viewer"}],
    }
    twin = OrderedDict(
        MeetingFeatures=OrderedDict(Video=OrderedDict(MaxResolution=Resolution.NONE)),
        presets=OrderedDict(
            speaker=OrderedDict(Audio=Capability.SEND_RECEIVE, Video="None", Content="None"),
            viewer=OrderedDict(Audio=Capability.RECEIVE, Video=Capability.RECEIVE, Content="None"),
        ),
        transitions=(OrderedDict({"from": "speaker", "to": "viewer"}),),
    )
    seen = [(f.code, f.path, f.message) for f in check_profiles(twin).findings]
    assert seen == [(f.code, f.path, f.message) for f in check_profiles(plain).findings]
    assert seen == [
        (
            "CHM-E301",
            "/presets/viewer/Video",
            "the meeting has video off (Video MaxResolution None): Video Receive is refused",
        )
    ]


def test_normalize_reads_enum_capabilities_by_value() -> None:
    caps = OrderedDict(Audio=Capability.RECEIVE, Video=Capability.NONE, Content=Capability.NONE)
    effective = capabilities.normalize(caps, meeting_features={"Video": {"MaxResolution": "None"}})
    assert effective == {"Audio": "Receive", "Video": "None", "Content": "None"}
    assert all(type(v) is str for v in effective.values())
