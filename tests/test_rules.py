"""Boundaries of each rule, one case per documented edge, by rule code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import capabilities
from capabilities import RULES
from capabilities.rules import PREFIX

ROOT = Path(__file__).resolve().parents[1]

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"


def meeting(**extra: Any) -> dict[str, Any]:
    return {
        "ClientRequestToken": "token-1",
        "MediaRegion": "us-east-1",
        "ExternalMeetingId": "m1",
        **extra,
    }


def codes_at(report: capabilities.Report) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in report.findings}


# --- CHM-E101 / CHM-E102 / CHM-E103 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [True, False, 25.0, 1.5, "25", None, float("nan"), float("inf"), [25]]
)
def test_e101_integers_are_integers(value: Any) -> None:
    features = {"Attendee": {"MaxCount": value}}
    report = capabilities.validate("CreateMeeting", meeting(MeetingFeatures=features))
    assert codes_at(report) == {("CHM-E101", "/MeetingFeatures/Attendee/MaxCount")}


def test_e102_required_members_per_operation() -> None:
    # ClientRequestToken, required in the model, is an idempotency token the SDKs fill in
    want = {
        "CreateMeeting": {"MediaRegion", "ExternalMeetingId"},
        "CreateMeetingWithAttendees": {
            "MediaRegion",
            "ExternalMeetingId",
            "Attendees",
        },
        "CreateAttendee": {"MeetingId", "ExternalUserId"},
        "BatchCreateAttendee": {"MeetingId", "Attendees"},
        "UpdateAttendeeCapabilities": {"MeetingId", "AttendeeId", "Capabilities"},
        "BatchUpdateAttendeeCapabilitiesExcept": {
            "MeetingId",
            "ExcludedAttendeeIds",
            "Capabilities",
        },
        "GetAttendee": {"MeetingId", "AttendeeId"},
        "DeleteAttendee": {"MeetingId", "AttendeeId"},
        "GetMeeting": {"MeetingId"},
        "DeleteMeeting": {"MeetingId"},
        "ListAttendees": {"MeetingId"},
    }
    for op, members in want.items():
        report = capabilities.validate(op, {})
        assert codes_at(report) == {("CHM-E102", "/" + name) for name in members}, op


def test_e102_capabilities_members_and_items() -> None:
    report = capabilities.validate(
        "BatchCreateAttendee",
        {"MeetingId": GUID, "Attendees": [{"Capabilities": {"Audio": "None"}}]},
    )
    assert codes_at(report) == {
        ("CHM-E102", "/Attendees/0/ExternalUserId"),
        ("CHM-E102", "/Attendees/0/Capabilities/Video"),
        ("CHM-E102", "/Attendees/0/Capabilities/Content"),
    }


def test_e103_unknown_members_everywhere() -> None:
    report = capabilities.validate(
        "CreateAttendee",
        {
            "MeetingId": GUID,
            "ExternalUserId": "ab",
            "externalUserId": "ab",
            "Capabilities": {"Audio": "None", "Video": "None", "Content": "None", "Screen": "None"},
            "a/b~c": 1,
        },
    )
    assert codes_at(report) == {
        ("CHM-E103", "/externalUserId"),
        ("CHM-E103", "/Capabilities/Screen"),
        ("CHM-E103", "/a~1b~0c"),
    }


# --- CHM-E104 / CHM-E105 / CHM-E106 ---------------------------------------------------------------


@pytest.mark.parametrize("member", ["ExternalMeetingId", "MeetingHostId", "ClientRequestToken"])
@pytest.mark.parametrize(
    ("length", "ok"), [(0, False), (1, False), (2, True), (64, True), (65, False)]
)
def test_e104_identifier_lengths(member: str, length: int, ok: bool) -> None:
    report = capabilities.validate("CreateMeeting", meeting(**{member: "a" * length}))
    assert report.ok == ok
    assert (("CHM-E104", "/" + member) in codes_at(report)) == (not ok)


def test_e104_counts_code_points() -> None:
    value = "é" * 64  # 128 bytes in UTF-8, 64 code points
    assert capabilities.validate("CreateAttendee", {"MeetingId": GUID, "ExternalUserId": value}).ok
    too_long = capabilities.validate(
        "CreateAttendee", {"MeetingId": GUID, "ExternalUserId": value + "é"}
    )
    assert codes_at(too_long) == {("CHM-E104", "/ExternalUserId")}


def test_e104_oversized_value_gets_no_pattern_check() -> None:
    huge = "!" * 10_000_000
    report = capabilities.validate("CreateAttendee", {"MeetingId": GUID, "ExternalUserId": huge})
    assert codes_at(report) == {("CHM-E104", "/ExternalUserId")}
    assert "10000000" in report.findings[0].message


@pytest.mark.parametrize(
    ("op", "member", "low", "high", "item"),
    [
        ("BatchCreateAttendee", "Attendees", 1, 100, None),
        ("CreateMeetingWithAttendees", "Attendees", 1, 20, None),
        ("BatchUpdateAttendeeCapabilitiesExcept", "ExcludedAttendeeIds", 1, 250, None),
        ("CreateMeeting", "TenantIds", 1, 5, None),
        ("CreateMeeting", "Tags", 0, 50, None),
    ],
)
def test_e105_list_bounds(op: str, member: str, low: int, high: int, item: None) -> None:
    def make(n: int) -> list[Any]:
        if member == "Attendees":
            return [{"ExternalUserId": f"user-{i}"} for i in range(n)]
        if member == "ExcludedAttendeeIds":
            return [{"AttendeeId": f"{i:08x}-0000-0000-0000-000000000000"} for i in range(n)]
        if member == "TenantIds":
            return [f"tenant-{i}" for i in range(n)]
        return [{"Key": f"k{i}", "Value": "v"} for i in range(n)]

    base: dict[str, Any] = meeting() if op.startswith("CreateMeeting") else {"MeetingId": GUID}
    if op == "BatchUpdateAttendeeCapabilitiesExcept":
        base["Capabilities"] = {"Audio": "None", "Video": "None", "Content": "None"}
    for n, ok in ((low - 1, False), (low, True), (high, True), (high + 1, False)):
        if n < 0:
            continue
        report = capabilities.validate(op, {**base, member: make(n)})
        assert (("CHM-E105", "/" + member) in codes_at(report)) == (not ok), (member, n)


@pytest.mark.parametrize(
    ("value", "ok"), [(0, False), (1, True), (250, True), (251, False), (-1, False)]
)
def test_e106_max_count(value: int, ok: bool) -> None:
    report = capabilities.validate(
        "CreateMeeting", meeting(MeetingFeatures={"Attendee": {"MaxCount": value}})
    )
    assert report.ok == ok
    assert (("CHM-E106", "/MeetingFeatures/Attendee/MaxCount") in codes_at(report)) == (not ok)


# --- CHM-E107 / CHM-E108 / CHM-E403 ---------------------------------------------------------------


def test_e107_exact_case_with_hint() -> None:
    report = capabilities.validate(
        "UpdateAttendeeCapabilities",
        {
            "MeetingId": GUID,
            "AttendeeId": GUID,
            "Capabilities": {"Audio": "sendReceive", "Video": "None", "Content": "None"},
        },
    )
    (finding,) = report.errors
    assert (finding.code, finding.path) == ("CHM-E107", "/Capabilities/Audio")
    assert "'SendReceive'" in finding.message


@pytest.mark.parametrize(
    ("features", "code", "path"),
    [
        ({"Video": {"MaxResolution": "UHD"}}, "CHM-E403", "/MeetingFeatures/Video/MaxResolution"),
        (
            {"Content": {"MaxResolution": "HD"}},
            "CHM-E403",
            "/MeetingFeatures/Content/MaxResolution",
        ),
        ({"Video": {"MaxResolution": "hd"}}, "CHM-E107", "/MeetingFeatures/Video/MaxResolution"),
        (
            {"Audio": {"EchoReduction": "Available"}},
            "CHM-E107",
            "/MeetingFeatures/Audio/EchoReduction",
        ),
    ],
)
def test_e107_e403_resolutions(features: dict[str, Any], code: str, path: str) -> None:
    report = capabilities.validate("CreateMeeting", meeting(MeetingFeatures=features))
    assert codes_at(report) == {(code, path)}


@pytest.mark.parametrize(
    ("member", "value", "ok"),
    [
        ("ClientRequestToken", "abc-DEF_123", True),
        ("ClientRequestToken", "abc def", False),
        ("ClientRequestToken", "abc\n", False),
        ("TenantIds", ["ab-!@#$"], True),
        ("TenantIds", ["aaab"], True),
        ("TenantIds", ["aaaab"], False),
        ("TenantIds", ["ab%"], False),
        ("Tags", [{"Key": "team:owner/1=2<3", "Value": ""}], True),  # +-= is a range: digits, <
        ("Tags", [{"Key": "a b", "Value": "x"}], False),
        ("Tags", [{"Key": "k", "Value": "with space\tand_under+@:/"}], True),
        ("Tags", [{"Key": "k", "Value": "é"}], True),  # non-ASCII letters (reference 7)
        ("Tags", [{"Key": "team", "Value": "日本"}], True),
        ("Tags", [{"Key": "k", "Value": "a\u00a0b"}], True),  # a space representable in UTF-8
        ("Tags", [{"Key": "k", "Value": "a\x1cb"}], False),  # ASCII: the model's class only
        ("Tags", [{"Key": "k", "Value": "x!"}], False),
        ("Tags", [{"Key": "", "Value": "x"}], False),
        ("NotificationsConfiguration", {"SnsTopicArn": "arn:aws:sns:us-east-1:123:topic"}, True),
        ("NotificationsConfiguration", {"SqsQueueArn": "arn"}, False),
        ("NotificationsConfiguration", {"LambdaFunctionArn": "arn:x y"}, False),
        ("PrimaryMeetingId", "p", False),
        ("MediaPlacementNetworkType", "DualStack", True),
        ("MediaPlacementNetworkType", "dualstack", False),
    ],
)
def test_meeting_members(member: str, value: Any, ok: bool) -> None:
    report = capabilities.validate("CreateMeeting", meeting(**{member: value}))
    assert report.ok == ok, report


# --- identifiers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("aws:user", False),
        ("AWS:user", False),
        ("Aws:user", False),
        ("aWS:", False),
        (" aws:user", True),
        ("awsx:user", True),
        ("aws-user", True),
        ("aws", True),
        ("Ab×÷ÿÀ«»", True),
        ("a\tb\nc\x0bd\fe\rf g", True),
        ("a\x1cb", False),
        ("a\x85b", False),
        ("a\xa0b", False),
        ("a\u2000b", False),
        ("a\u2028b", False),
        ("a\xbfb", False),
        ("a\u0100b", False),
        ("a\xaab", False),
        ("a\xbab", False),
    ],
)
def test_e201_e202_external_user_id(value: str, ok: bool) -> None:
    report = capabilities.validate("CreateAttendee", {"MeetingId": GUID, "ExternalUserId": value})
    assert report.ok == ok, report


def test_e202_with_bad_length_reports_both() -> None:
    report = capabilities.validate(
        "CreateAttendee", {"MeetingId": GUID, "ExternalUserId": "aws:" + "x" * 61}
    )
    assert codes_at(report) == {("CHM-E104", "/ExternalUserId"), ("CHM-E202", "/ExternalUserId")}


@pytest.mark.parametrize(
    "value",
    [
        GUID.upper(),
        GUID[:-1],
        GUID + "0",
        GUID.replace("-", ""),
        "{" + GUID + "}",
        GUID + "\n",
        GUID + "#content",
        "g" + GUID[1:],
    ],
)
def test_e203_guid(value: str) -> None:
    report = capabilities.validate("DeleteAttendee", {"MeetingId": GUID, "AttendeeId": value})
    assert report.ok == (value == GUID.upper()), report


def test_i204_content_share_attendee_in_responses_only() -> None:
    content = GUID + "#content"
    response = capabilities.validate_response("GetAttendee", {"Attendee": {"AttendeeId": content}})
    assert response.ok
    assert codes_at(response) == {("CHM-I204", "/Attendee/AttendeeId")}
    request = capabilities.validate("GetAttendee", {"MeetingId": GUID, "AttendeeId": content})
    assert codes_at(request) == {("CHM-E203", "/AttendeeId")}


def test_w205_unknown_region_is_a_warning() -> None:
    report = capabilities.validate("CreateMeeting", meeting(MediaRegion="mx-central-1"))
    assert report.ok
    assert codes_at(report) == {("CHM-W205", "/MediaRegion")}
    assert (
        capabilities.validate("CreateMeeting", meeting(MediaRegion="us-gov-west-1")).findings == ()
    )


def test_w206_w207_duplicates() -> None:
    batch = capabilities.validate(
        "BatchCreateAttendee",
        {
            "MeetingId": GUID,
            "Attendees": [
                {"ExternalUserId": "same"},
                {"ExternalUserId": "other"},
                {"ExternalUserId": "same"},
            ],
        },
    )
    assert batch.ok
    assert codes_at(batch) == {("CHM-W206", "/Attendees/2/ExternalUserId")}
    assert "/Attendees/0/ExternalUserId" in batch.findings[0].message
    excluded = capabilities.validate(
        "BatchUpdateAttendeeCapabilitiesExcept",
        {
            "MeetingId": GUID,
            "ExcludedAttendeeIds": [{"AttendeeId": GUID}, {"AttendeeId": GUID.upper()}],
            "Capabilities": {"Audio": "None", "Video": "None", "Content": "None"},
        },
    )
    assert codes_at(excluded) == {("CHM-W207", "/ExcludedAttendeeIds/1/AttendeeId")}


# --- CHM-E401 / CHM-E402 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("video", "content", "count", "codes"),
    [
        ("FHD", None, None, {"CHM-E401"}),
        (None, "UHD", None, {"CHM-E401"}),
        ("FHD", "UHD", 25, set()),
        ("FHD", None, 26, {"CHM-E402"}),
        (None, "UHD", 250, {"CHM-E402"}),
        ("HD", "FHD", None, set()),
        ("HD", "FHD", 250, set()),
        ("FHD", None, 1, set()),
        ("FHD", "HD", None, {"CHM-E401", "CHM-E403"}),
    ],
)
def test_e401_e402_high_resolution(video: Any, content: Any, count: Any, codes: set[str]) -> None:
    features: dict[str, Any] = {}
    if video:
        features["Video"] = {"MaxResolution": video}
    if content:
        features["Content"] = {"MaxResolution": content}
    if count is not None:
        features["Attendee"] = {"MaxCount": count}
    report = capabilities.validate("CreateMeeting", meeting(MeetingFeatures=features))
    assert {f.code for f in report.findings} == codes
    for finding in report.findings:
        if finding.code in ("CHM-E401", "CHM-E402"):
            assert finding.path == "/MeetingFeatures/Attendee/MaxCount"
            fixed = capabilities.apply_fixes(meeting(MeetingFeatures=features), finding.fix or {})
            assert not {f.code for f in capabilities.validate("CreateMeeting", fixed).errors} & {
                "CHM-E401",
                "CHM-E402",
            }


# --- the API around the rules ------------------------------------------------------------------


def test_operation_names() -> None:
    params = {"MeetingId": GUID}
    assert capabilities.validate("get_meeting", params).operation == "GetMeeting"
    with pytest.raises(ValueError, match="CreateAttendee") as info:
        capabilities.validate("CreateAttendees", params)
    assert "BatchUpdateAttendeeCapabilitiesExcept" in str(info.value)
    with pytest.raises(ValueError, match="returns no body"):
        capabilities.validate_response("DeleteMeeting", {})


def test_arguments_that_do_not_apply_are_refused() -> None:
    with pytest.raises(ValueError, match="own MeetingFeatures"):
        capabilities.validate("CreateMeeting", meeting(), meeting_features={})
    with pytest.raises(ValueError, match="capability updates"):
        capabilities.validate(
            "CreateAttendee", {}, previous={"Audio": "None", "Video": "None", "Content": "None"}
        )
    with pytest.raises(capabilities.CapabilityValidationError):
        capabilities.validate(
            "CreateAttendee", {}, meeting_features={"Video": {"MaxResolution": "hd"}}
        )
    with pytest.raises(capabilities.CapabilityValidationError):
        capabilities.validate("UpdateAttendeeCapabilities", {}, previous={"Audio": "None"})


def test_meeting_features_from_get_meeting_tolerate_new_members() -> None:
    features = {"Video": {"MaxResolution": "None"}, "Transcription": {"Mode": "On"}}
    report = capabilities.validate(
        "CreateAttendee",
        {
            "MeetingId": GUID,
            "ExternalUserId": "ab",
            "Capabilities": {"Audio": "None", "Video": "Send", "Content": "None"},
        },
        meeting_features=features,
    )
    assert codes_at(report) == {("CHM-E301", "/Capabilities/Video")}


def test_responses() -> None:
    response = {
        "Attendees": [
            {"AttendeeId": GUID, "ExternalUserId": "ab", "JoinToken": "x" * 2048},
            {"AttendeeId": GUID, "JoinToken": "x", "Extra": 1},
        ],
        "Errors": [{"ExternalUserId": "aws:x", "ErrorCode": "Conflict", "ErrorMessage": "m"}],
        "ResponseMetadata": {"HTTPStatusCode": 200},
    }
    report = capabilities.validate_response("BatchCreateAttendee", response)
    assert codes_at(report) == {
        ("CHM-E104", "/Attendees/1/JoinToken"),
        ("CHM-I109", "/Attendees/1/Extra"),
        ("CHM-I208", "/Errors/0/ExternalUserId"),  # the prefix is the service's own
    }


@pytest.mark.parametrize("member", ["Audio", "Video", "Content"])
def test_capabilities_in_a_response_are_complete(member: str) -> None:
    # AttendeeCapabilities requires its three members in the model, whichever way it goes
    caps = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}
    del caps[member]
    report = capabilities.validate_response(
        "GetAttendee", {"Attendee": {"AttendeeId": GUID, "Capabilities": caps}}
    )
    assert ("CHM-E102", f"/Attendee/Capabilities/{member}") in codes_at(report)
    assert not report.ok


def test_meeting_response_uses_its_own_features() -> None:
    response = {
        "Meeting": {"MeetingId": GUID, "MeetingFeatures": {"Content": {"MaxResolution": "None"}}},
        "Attendees": [
            {
                "AttendeeId": GUID,
                "Capabilities": {"Audio": "SendReceive", "Video": "SendReceive", "Content": "None"},
            },
            {
                "AttendeeId": GUID,
                "Capabilities": {"Audio": "SendReceive", "Video": "SendReceive", "Content": "Send"},
            },
        ],
    }
    report = capabilities.validate_response("CreateMeetingWithAttendees", response)
    assert codes_at(report) == {("CHM-E302", "/Attendees/1/Capabilities/Content")}
    assert report.unchecked == ()


def test_report_and_exception() -> None:
    report = capabilities.validate(
        "CreateAttendee", {"MeetingId": "x", "ExternalUserId": "secret-value!"}
    )
    assert not report.ok
    assert len(report.errors) == 2
    assert report.warnings == ()
    with pytest.raises(capabilities.CapabilityValidationError) as info:
        report.raise_for_errors()
    assert info.value.report is report
    assert isinstance(info.value, ValueError)
    assert "secret-value" not in str(info.value)
    assert "CHM-E201" in str(info.value)
    assert "CHM-E203" in str(info.value)
    # the text names the package, so a log line or a search leads here
    assert str(info.value).startswith("chime-capabilities: CreateAttendee: 2 error(s)")
    assert len({*report.findings, *report.findings}) == 2  # findings are hashable
    capabilities.validate("GetMeeting", {"MeetingId": GUID}).raise_for_errors()


def test_rule_catalog() -> None:
    for code, rule in RULES.items():
        assert rule.code == code
        letter = {"error": "E", "warning": "W", "info": "I"}[rule.severity]
        assert re.fullmatch(rf"{PREFIX}{letter}[1-7]\d\d", code), code
        # family 5 is about the checked file itself: the service never sees those problems
        service_error = rule.severity == "error" and not code.startswith(f"{PREFIX}E5")
        assert (rule.exception is not None) == service_error
        assert rule.status in ("documented", "decided")
        if rule.own_format:  # a section of the project's documentation
            document, anchor = rule.source_url.split("#")
            headings = re.findall(r"^#+ (.+)$", (ROOT / document).read_text(), re.M)
            assert anchor in [h.lower().replace(" ", "-") for h in headings], rule.source_url
        else:
            assert rule.source_url.startswith("https://")
        assert rule.summary
        assert rule.description


def _printed(code: str) -> str:
    """What ``code`` prints, run in a new interpreter."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_import_is_light() -> None:
    code = (
        "import sys, capabilities; "
        "heavy = {'jsonschema', 'yaml', 'botocore', 'boto3', 'tomllib', 'tomli', 'json'}; "
        "heavy &= set(sys.modules); "
        "print(sorted(heavy))"
    )
    assert _printed(code) == "[]"


def test_import_loads_no_module_only_a_first_call_or_a_slip_needs() -> None:
    # dataclasses (with inspect) costs more than the rest of the package; difflib serves a
    # misspelt name, copy a fix applied, linecache the first generated function
    code = (
        "import sys; before = set(sys.modules); import capabilities; "
        "added = {'dataclasses', 'inspect', 'difflib', 'copy', 'linecache'}; "
        "added &= set(sys.modules) - before; "
        "print(sorted(added))"
    )
    assert _printed(code) == "[]"
