"""Properties of the engine over generated requests."""

from __future__ import annotations

import copy
import math
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import capabilities
from capabilities._model import OPERATIONS
from tests.property.strategies import (
    EXTERNAL_ID_ALPHABET,
    MEDIA,
    REFUSED_BOUNDARY,
    allowed_triples,
    caps,
    expected_errors,
    external_ids,
    guids,
    json_values,
    meeting_features,
    resolutions_of,
    triples,
    valid_requests,
)

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
CAPABILITY_CODES = {"CHM-E301", "CHM-E302", "CHM-E303"}


def check(op: str, params: Any, features: dict[str, Any]) -> capabilities.Report:
    if OPERATIONS[op].creates_meeting:
        return capabilities.validate(op, params)
    return capabilities.validate(op, params, meeting_features=features)


@given(valid_requests())
def test_valid_requests_pass(case: tuple[str, dict[str, Any], dict[str, Any]]) -> None:
    op, params, features = case
    report = check(op, params, features)
    assert report.ok, report
    assert not report.warnings, report


def _targets(params: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(pointer, object) for every object holding an ExternalUserId or Capabilities."""
    out = [("", params)]
    for index, item in enumerate(params.get("Attendees", [])):
        out.append((f"/Attendees/{index}", item))
    return out


# One mutation per rule: (code, member, function producing the new value or None to delete).
def _mutations(data: st.DataObject, holder: dict[str, Any]) -> list[tuple[str, str, Any]]:
    options: list[tuple[str, str, Any]] = []
    if "ExternalUserId" in holder:
        options += [
            (
                "CHM-E104",
                "ExternalUserId",
                data.draw(st.text(EXTERNAL_ID_ALPHABET, min_size=0, max_size=1)),
            ),
            (
                "CHM-E104",
                "ExternalUserId",
                data.draw(st.text(EXTERNAL_ID_ALPHABET, min_size=65, max_size=80)),
            ),
            (
                "CHM-E202",
                "ExternalUserId",
                data.draw(st.sampled_from(["aws:", "AWS:", "Aws:", "aWs:", "awS:"]))
                + data.draw(st.text(EXTERNAL_ID_ALPHABET, min_size=0, max_size=60)),
            ),
        ]
        bad = data.draw(st.sampled_from(REFUSED_BOUNDARY))
        value = holder["ExternalUserId"]
        pos = data.draw(st.integers(0, len(value)))
        new = (value[:pos] + bad + value[pos:])[:64]
        if bad in new and new[:4].lower() != "aws:":
            options.append(("CHM-E201", "ExternalUserId", new))
    if "Capabilities" in holder:
        member = data.draw(st.sampled_from(["Audio", "Video", "Content"]))
        wrong_case = data.draw(
            st.sampled_from(["sendreceive", "SEND", "receive", "none", "Sendreceive"])
        )
        options.append(("CHM-E107", f"Capabilities/{member}", wrong_case))
        options.append(
            ("CHM-E101", f"Capabilities/{member}", data.draw(st.sampled_from([1, True, None, []])))
        )
    return options


@given(valid_requests(), st.data())
def test_single_mutation_reports_its_rule_at_its_path(
    case: tuple[str, dict[str, Any], dict[str, Any]], data: st.DataObject
) -> None:
    op, params, features = case
    where, holder = data.draw(st.sampled_from(_targets(params)))
    options = _mutations(data, holder)
    assume(options)
    code, member, value = data.draw(st.sampled_from(options))
    mutated = copy.deepcopy(params)
    target = mutated if not where else mutated["Attendees"][int(where.rsplit("/", 1)[1])]
    parts = member.split("/")
    for part in parts[:-1]:
        target = target[part]
    target[parts[-1]] = value
    report = check(op, mutated, features)
    assert (code, f"{where}/{member}") in {(f.code, f.path) for f in report.findings}, report
    assert not report.ok


@given(
    st.sampled_from(["CreateAttendee", "UpdateAttendeeCapabilities"]),
    meeting_features(),
    triples(),
    st.booleans(),
)
def test_capability_mutation_and_fixes(
    op: str, features: dict[str, Any], triple: tuple[str, str, str], meet: bool
) -> None:
    if op == "CreateAttendee":
        params: dict[str, Any] = {
            "MeetingId": GUID,
            "ExternalUserId": "ab",
            "Capabilities": caps(triple),
        }
    else:
        params = {"MeetingId": GUID, "AttendeeId": GUID, "Capabilities": caps(triple)}
    report = capabilities.validate(op, params, meeting_features=features)
    want = {
        (c, f"/Capabilities/{m}") for c, m in expected_errors(triple, *resolutions_of(features))
    }
    assert {(f.code, f.path) for f in report.errors} == want
    fixed = capabilities.apply_fixes(params, report.fixes)
    again = capabilities.validate(op, fixed, meeting_features=features)
    assert again.ok, (report, again)
    # a fix changes only what it must: Audio never, and nothing when nothing is wrong
    assert fixed["Capabilities"]["Audio"] == triple[0]
    if not want:
        assert fixed == params
    assert params["Capabilities"] == caps(triple)  # apply_fixes never changes its input


@given(meeting_features(), st.one_of(st.none(), triples()))
def test_normalize_idempotent_and_effective(features: dict[str, Any], triple: Any) -> None:
    given_caps = None
    if triple is not None:
        assume(triple in allowed_triples(features))
        given_caps = caps(triple)
    once = capabilities.normalize(given_caps, meeting_features=features)
    if given_caps is not None:
        assert once == given_caps
    assert capabilities.normalize(once, meeting_features=features) == once
    response = {"Attendee": {"AttendeeId": GUID, "ExternalUserId": "ab", "Capabilities": once}}
    assert capabilities.validate_response("GetAttendee", response, meeting_features=features).ok


@given(meeting_features(), triples())
def test_normalize_refuses_what_no_meeting_assigns(
    features: dict[str, Any], triple: tuple[str, str, str]
) -> None:
    default = capabilities.normalize(None, meeting_features=features)
    errors = expected_errors(triple, *resolutions_of(features))
    if not errors or caps(triple) == default:
        assert capabilities.normalize(caps(triple), meeting_features=features) == caps(triple)
        return
    with pytest.raises(capabilities.CapabilityValidationError) as info:
        capabilities.normalize(caps(triple), meeting_features=features)
    assert {f.code for f in info.value.report.errors} == {c for c, _ in errors}


@given(st.sampled_from(sorted(OPERATIONS)), json_values())
def test_arbitrary_values_never_raise(op: str, value: Any) -> None:
    report = capabilities.validate(op, value)
    assert isinstance(report, capabilities.Report)
    assert list(report.findings) == sorted(report.findings, key=_order)
    assert len(set(report.findings)) == len(report.findings)  # each problem is told once
    if OPERATIONS[op].response is not None:
        assert isinstance(capabilities.validate_response(op, value), capabilities.Report)


def _order(f: capabilities.Finding) -> tuple[Any, ...]:
    return (tuple((isinstance(p, str), p) for p in f.location), f.code, f.message)


@given(
    st.text(EXTERNAL_ID_ALPHABET, min_size=2, max_size=64),
    st.sampled_from(["ExternalUserId", "ExternalMeetingId", "MeetingHostId"]),
)
def test_external_ids_from_the_alphabet_pass(value: str, member: str) -> None:
    assume(value[:4].lower() != "aws:")
    report = _external_id_report(member, value)
    assert not [f for f in report.errors if f.path == f"/{member}"], report


@given(
    external_ids(),
    st.one_of(
        st.sampled_from(REFUSED_BOUNDARY),
        st.characters().filter(lambda ch: ch not in EXTERNAL_ID_ALPHABET),
    ),
    st.data(),
    st.sampled_from(["ExternalUserId", "ExternalMeetingId", "MeetingHostId"]),
)
def test_any_other_character_fails(value: str, bad: str, data: st.DataObject, member: str) -> None:
    pos = data.draw(st.integers(0, len(value) - 1))
    new = value[:pos] + bad + value[pos + 1 :]
    report = _external_id_report(member, new)
    codes = {f.code for f in report.errors if f.path == f"/{member}"}
    assert codes == {"CHM-E201"}
    (finding,) = [f for f in report.errors if f.code == "CHM-E201"]
    assert finding.message.endswith(
        f"character {pos + 1} (U+{ord(bad):04X}) is not allowed in {member}"
    )


def _external_id_report(member: str, value: str) -> capabilities.Report:
    if member == "ExternalUserId":
        return capabilities.validate("CreateAttendee", {"MeetingId": GUID, "ExternalUserId": value})
    params = {
        "ClientRequestToken": "tok",
        "MediaRegion": "us-east-1",
        "ExternalMeetingId": "meeting",
    }
    params[member] = value
    return capabilities.validate("CreateMeeting", params)


@given(guids(), st.text(max_size=3))
def test_guid_whole_value(guid: str, extra: str) -> None:
    ok = capabilities.validate("GetAttendee", {"MeetingId": guid, "AttendeeId": guid})
    assert ok.ok
    if extra:
        bad = capabilities.validate(
            "GetAttendee", {"MeetingId": guid + extra, "AttendeeId": extra + guid}
        )
        assert {(f.code, f.path) for f in bad.errors} == {
            ("CHM-E203", "/MeetingId"),
            ("CHM-E203", "/AttendeeId"),
        }


@given(
    st.one_of(st.booleans(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3))
)
def test_non_integers_for_integers(value: Any) -> None:
    report = capabilities.validate("ListAttendees", {"MeetingId": GUID, "MaxResults": value})
    assert [(f.code, f.path) for f in report.errors] == [("CHM-E101", "/MaxResults")]
    assert not (isinstance(value, float) and math.isnan(value) and report.ok)


@given(st.integers())
def test_integer_bounds(value: int) -> None:
    report = capabilities.validate("ListAttendees", {"MeetingId": GUID, "MaxResults": value})
    assert report.ok == (1 <= value <= 100)


@given(st.sampled_from(MEDIA), st.sampled_from(MEDIA), st.sampled_from(MEDIA), triples())
def test_transition_warnings(a: str, v: str, c: str, before: tuple[str, str, str]) -> None:
    params = {"MeetingId": GUID, "AttendeeId": GUID, "Capabilities": caps((a, v, c))}
    report = capabilities.validate("UpdateAttendeeCapabilities", params, previous=caps(before))
    starts = {"Send", "SendReceive"}
    want = set()
    for member, old, new in zip(("Audio", "Video", "Content"), before, (a, v, c)):
        if old in ("None", "Receive") and new in starts:
            want.add(("CHM-W304" if member == "Audio" else "CHM-W305", f"/Capabilities/{member}"))
    assert {(f.code, f.path) for f in report.warnings} == want
    assert "CHM-W304" not in report.unchecked
