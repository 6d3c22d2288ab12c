"""The generated fast path never changes a report: with it and without it (every value walked),
validate and validate_response give the same findings and the same unchecked rules."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities import _findings, _writer
from capabilities._model import CAPABILITY_MEMBERS, MEDIA_CAPABILITIES, OPERATIONS
from tests.property.strategies import (
    REFUSED_BOUNDARY,
    external_ids,
    guids,
    json_values,
    meeting_features,
    resolutions_of,
    triples,
    valid_requests,
)

RESPONSE_OPS = sorted(name for name, op in OPERATIONS.items() if op.response is not None)


class _NothingKnownClean(dict[Any, frozenset[Any]]):
    """Clean values of an enumerated structure known to be none: its rules always run."""

    def __missing__(self, key: Any) -> frozenset[Any]:
        return frozenset()


def both(call: Any) -> tuple[capabilities.Report, capabilities.Report]:
    fast = call()
    with pytest.MonkeyPatch.context() as patch:
        # no predicate says "clean": not before the walk, nor inside it (walks written anew),
        # and the cross-field rules run on every object, whatever its members' states
        patch.setattr(_writer, "clean", lambda shape: lambda value, ctx: False)
        patch.setattr(_writer, "clean_tuples", lambda shape: _NothingKnownClean())
        patch.setattr(_writer, "_WALKER", {})
        slow = call()
    return fast, slow


def assert_same(fast: capabilities.Report, slow: capabilities.Report) -> None:
    assert fast.findings == slow.findings
    assert len(set(fast.findings)) == len(fast.findings)  # each problem is told once
    assert fast.unchecked == slow.unchecked


def _mutate(value: Any, data: st.DataObject) -> Any:
    """Replace one nested value by an arbitrary one."""
    out = copy.deepcopy(value)
    node = out
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(
            st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
        )
        if not isinstance(node[key], (dict, list)) or data.draw(st.booleans()):
            node[key] = data.draw(json_values())
            return out
        node = node[key]
    return out


@given(valid_requests(), st.data(), st.booleans())
def test_requests(
    case: tuple[str, dict[str, Any], dict[str, Any]], data: st.DataObject, known: bool
) -> None:
    op, params, features = case
    params = _mutate(params, data) if data.draw(st.booleans()) else params
    kwargs: dict[str, Any] = {}
    if known and not OPERATIONS[op].creates_meeting:
        kwargs["meeting_features"] = features
    if OPERATIONS[op].updates_capabilities and data.draw(st.booleans()):
        kwargs["previous"] = dict(zip(("Audio", "Video", "Content"), data.draw(triples())))
    assert_same(*both(lambda: capabilities.validate(op, params, **kwargs)))


@given(st.sampled_from(sorted(OPERATIONS)), json_values())
def test_arbitrary_requests(op: str, value: Any) -> None:
    assert_same(*both(lambda: capabilities.validate(op, value)))


@given(st.sampled_from(RESPONSE_OPS), st.data(), st.one_of(st.none(), meeting_features()))
def test_responses(op: str, data: st.DataObject, features: Any) -> None:
    attendee = {
        "AttendeeId": "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9",
        "ExternalUserId": "user-1",
        "JoinToken": "token",
        "Capabilities": dict(zip(("Audio", "Video", "Content"), data.draw(triples()))),
    }
    response = {
        "Attendee": attendee,
        "Attendees": [attendee, attendee],
        "Meeting": {"MeetingId": "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"},
        "ResponseMetadata": {},
    }
    response = _mutate(response, data)
    assert_same(
        *both(lambda: capabilities.validate_response(op, response, meeting_features=features))
    )


@given(valid_requests())
def test_valid_requests_take_the_fast_path(
    case: tuple[str, dict[str, Any], dict[str, Any]],
) -> None:
    op, params, features = case
    # MeetingFeatures are always walked (their rule reads several members); the attendees of a
    # CreateMeetingWithAttendees are then judged against the resolutions given to the context.
    params = {key: value for key, value in params.items() if key != "MeetingFeatures"}
    context = _findings.Context(response=False, resolutions=resolutions_of(features))
    assert _writer.clean(OPERATIONS[op].request)(params, context)


@given(
    st.lists(external_ids(), min_size=1, max_size=30, unique=True),
    st.sampled_from(REFUSED_BOUNDARY),
    st.data(),
)
def test_refused_character_in_a_batch(ids: list[str], bad: str, data: st.DataObject) -> None:
    # values of a list are matched together, joined by a character the class refuses
    index = data.draw(st.integers(0, len(ids) - 1))
    value = ids[index]
    at = data.draw(st.integers(0, len(value)))
    ids[index] = (value[:at] + bad + value[at:])[:64]
    params = {
        "MeetingId": "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9",
        "Attendees": [{"ExternalUserId": i} for i in ids],
    }
    fast, slow = both(lambda: capabilities.validate("BatchCreateAttendee", params))
    assert_same(fast, slow)
    assert fast.ok == all(bad not in i for i in ids)


@given(st.lists(st.sampled_from(["user-1", "user-2", "User-1", "user-3"]), min_size=1))
def test_repeated_external_user_ids(ids: list[str]) -> None:
    # the values the loop gathers for the joined pattern also tell the repeats
    params = {
        "MeetingId": "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9",
        "Attendees": [{"ExternalUserId": i} for i in ids[:100]],
    }
    fast, slow = both(lambda: capabilities.validate("BatchCreateAttendee", params))
    assert_same(fast, slow)
    repeated = len(set(ids[:100])) != len(ids[:100])  # letter case counts
    assert any(f.code == "CHM-W206" for f in fast.findings) == repeated


@given(st.lists(guids(), min_size=1, max_size=4), st.data())
def test_repeated_attendee_ids_in_any_case(ids: list[str], data: st.DataObject) -> None:
    ids += [data.draw(st.sampled_from([i, i.upper(), i.lower()])) for i in ids[:2]]
    params = {
        "MeetingId": "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9",
        "ExcludedAttendeeIds": [{"AttendeeId": i} for i in ids],
        "Capabilities": {"Audio": "SendReceive", "Video": "SendReceive", "Content": "None"},
    }
    fast, slow = both(
        lambda: capabilities.validate("BatchUpdateAttendeeCapabilitiesExcept", params)
    )
    assert_same(fast, slow)
    repeated = len({i.lower() for i in ids}) != len(ids)
    assert any(f.code == "CHM-W207" for f in fast.findings) == repeated


_MEMBER_STATES = st.one_of(
    st.sampled_from([*MEDIA_CAPABILITIES, "sendreceive", "", "Recieve"]),
    st.sampled_from([None, 1, True, ["Send"], {"Send": 1}]),
)


@given(
    st.fixed_dictionaries({}, optional=dict.fromkeys(CAPABILITY_MEMBERS, _MEMBER_STATES)),
    st.one_of(st.none(), meeting_features()),
    st.booleans(),
    st.sampled_from(["CreateAttendee", "UpdateAttendeeCapabilities"]),
)
def test_capabilities_in_every_member_state(
    capabilities_value: dict[str, Any], features: Any, response: bool, op: str
) -> None:
    """Members valid, absent, of the wrong type or not a capability: the rules are skipped
    for exactly the states they give nothing for (the slow path runs them always)."""
    guid = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
    if response:
        attendee = {"AttendeeId": guid, "ExternalUserId": "user-1"}
        body = {"Attendee": {**attendee, "Capabilities": capabilities_value}}
        assert_same(
            *both(lambda: capabilities.validate_response(op, body, meeting_features=features))
        )
    else:
        params = {"MeetingId": guid, "Capabilities": capabilities_value}
        params.update(
            {"ExternalUserId": "user-1"} if op == "CreateAttendee" else {"AttendeeId": guid}
        )
        assert_same(*both(lambda: capabilities.validate(op, params, meeting_features=features)))
