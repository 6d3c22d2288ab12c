"""Hostile input to the engine: any Python value, huge values, deep nesting."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities._model import OPERATIONS
from tests.property.strategies import json_values


class Weird:
    def __repr__(self) -> str:
        raise RuntimeError("repr must not be called")

    def __str__(self) -> str:
        raise RuntimeError("str must not be called")


scalars = st.one_of(
    st.binary(max_size=8),
    st.sets(st.integers(), max_size=3),
    st.frozensets(st.text(max_size=2), max_size=2),
    st.just(float("nan")),
    st.just(float("inf")),
    st.just(-float("inf")),
    st.integers(min_value=10**5000, max_value=10**5000 + 10),
    st.complex_numbers(),
    st.builds(Weird),
    st.just(Ellipsis),
)
python_values = st.recursive(
    st.one_of(scalars, json_values()),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.tuples(children),
        st.dictionaries(
            st.one_of(st.text(max_size=12), st.integers(), st.builds(Weird)), children, max_size=4
        ),
    ),
    max_leaves=12,
)

RESPONSE_OPS = sorted(name for name, op in OPERATIONS.items() if op.response is not None)


@given(st.sampled_from(sorted(OPERATIONS)), python_values)
def test_validate_any_python_value(op: str, value: Any) -> None:
    report = capabilities.validate(op, value)
    assert isinstance(report, capabilities.Report)
    for finding in report.findings:
        assert isinstance(finding.message, str)
        assert isinstance(finding.path, str)
    str(report)


@given(st.sampled_from(RESPONSE_OPS), python_values, st.one_of(st.none(), python_values))
def test_validate_response_any_python_value(op: str, value: Any, features: Any) -> None:
    try:
        report = capabilities.validate_response(op, value, meeting_features=features)
    except capabilities.CapabilityValidationError:  # only for invalid meeting_features
        assert features is not None
    else:
        assert isinstance(report, capabilities.Report)


@given(python_values, python_values)
def test_normalize_any_python_value(caps: Any, features: Any) -> None:
    refused = None
    try:
        out = capabilities.normalize(caps, meeting_features=features)
    except capabilities.CapabilityValidationError as error:
        refused = error
    if refused is not None:
        assert refused.report.errors
        assert str(refused)
    else:
        assert set(out) == {"Audio", "Video", "Content"}


@given(st.sampled_from(sorted(OPERATIONS)))
def test_deep_nesting_and_long_lists(op: str) -> None:
    deep: dict[str, Any] = {}
    node = deep
    for _ in range(100_000):
        node["Capabilities"] = {}
        node = node["Capabilities"]
    report = capabilities.validate(
        op, {"Attendees": deep, "Capabilities": deep, "MeetingId": [0] * 100_000}
    )
    assert not report.ok


def test_hundred_thousand_attendees() -> None:
    attendees = [{"ExternalUserId": "ab"}] * 100_000
    report = capabilities.validate(
        "BatchCreateAttendee",
        {"MeetingId": "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9", "Attendees": attendees},
    )
    assert ("CHM-E105", "/Attendees") in {(f.code, f.path) for f in report.errors}


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e999, True, 25.0, "25", 10**400])
def test_numbers(value: Any) -> None:
    report = capabilities.validate(
        "CreateMeeting",
        {
            "ClientRequestToken": "tok",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "m1",
            "MeetingFeatures": {"Attendee": {"MaxCount": value}},
        },
    )
    expected = "CHM-E106" if isinstance(value, int) and not isinstance(value, bool) else "CHM-E101"
    assert [(f.code, f.path) for f in report.errors] == [
        (expected, "/MeetingFeatures/Attendee/MaxCount")
    ]
    assert not (isinstance(value, float) and math.isnan(value) and report.ok)
