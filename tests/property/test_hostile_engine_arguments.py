"""Hostile input to the engine, beyond tests/property/test_hostile_engine.py: the keyword
arguments and the operation name as well as the document, and a 10 MB string in every string
member of every operation (request and response) without a regular expression run on it."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities import _model as m
from tests.property.test_hostile_engine import python_values

OPERATIONS = sorted(m.OPERATIONS)
#: The ValueErrors validate documents, besides CapabilityValidationError for an invalid
#: meeting_features or previous argument.
DOCUMENTED = ("carries its own MeetingFeatures", "previous capabilities apply to")


def _documented(error: ValueError) -> None:  # (called outside the except block)
    if isinstance(error, capabilities.CapabilityValidationError):
        assert error.report.errors
        assert error.report.operation in ("meeting_features", "previous")
    else:
        assert any(text in str(error) for text in DOCUMENTED), str(error)


@given(
    st.sampled_from(OPERATIONS),
    python_values,
    st.one_of(st.none(), python_values),
    st.one_of(st.none(), python_values),
)
def test_validate_with_any_keyword_arguments(
    op: str, params: Any, features: Any, previous: Any
) -> None:
    refused: Optional[ValueError] = None
    try:
        report = capabilities.validate(op, params, meeting_features=features, previous=previous)
    except ValueError as error:
        refused = error
    if refused is not None:
        _documented(refused)
    else:
        assert isinstance(report, capabilities.Report)
        str(report)


@given(st.one_of(python_values, st.text(max_size=30)))
def test_any_operation_name(op: Any) -> None:
    if isinstance(op, str) and op in {*m.OPERATIONS, *(o.method for o in m.OPERATIONS.values())}:
        return
    for check in (capabilities.validate, capabilities.validate_response):
        with pytest.raises(ValueError, match="unsupported operation"):
            check(op, {})


@given(st.sampled_from([op for op in OPERATIONS if m.OPERATIONS[op].response is None]))
def test_response_of_an_operation_without_one(op: str) -> None:
    with pytest.raises(ValueError, match="returns no body"):
        capabilities.validate_response(op, {})


@given(python_values)
def test_meeting_features_functions_with_any_value(features: Any) -> None:
    for call in (capabilities.normalize_meeting_features, capabilities.allowed_capabilities):
        refused = None
        try:
            call(features)
        except capabilities.CapabilityValidationError as error:
            refused = error
        assert refused is None or refused.report.errors


# --- a 10 MB string in every string member ----------------------------------------------


def _string_members(
    shape: m.Shape, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], m.String]]:
    if isinstance(shape, m.String):
        yield path, shape
    elif isinstance(shape, m.Structure):
        for name, sub in shape.members.items():
            yield from _string_members(sub, (*path, name))
    elif isinstance(shape, m.ListOf):
        yield from _string_members(shape.member, (*path, 0))


def _placed(path: tuple[str | int, ...], value: str) -> Any:
    """The smallest document holding ``value`` at ``path`` (lists of one item)."""
    document: Any = value
    for part in reversed(path):
        document = [document] if isinstance(part, int) else {part: document}
    return document


CASES = [
    pytest.param(
        op, response, path, id=f"{op}{'-response' if response else ''}:{'/'.join(map(str, path))}"
    )
    for op in OPERATIONS
    for response, shape in ((False, m.OPERATIONS[op].request), (True, m.OPERATIONS[op].response))
    if shape is not None
    for path, _ in _string_members(shape, ())
]
HUGE = "!" * 10_000_000


class _RegexOnHuge:
    """Records each call of a compiled pattern's method (a C function, seen by a profiler)
    made from a frame that holds the huge value: the value it ran on, in the engines written
    so far. The reserved prefix is looked for in the first four characters only."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, frame: FrameType, event: str, arg: Optional[Any]) -> None:
        pattern = getattr(arg, "__self__", None)
        if event != "c_call" or not isinstance(pattern, re.Pattern):
            return
        if pattern.pattern == m.RESERVED_PREFIX.source:  # `aws:` is looked for in value[:4]
            return
        if any(local is HUGE for local in frame.f_locals.values()):
            self.calls.append(f"{pattern.pattern!r}.{getattr(arg, '__name__', '?')}")


def _rule_codes(shape: m.Shape) -> set[str]:
    """The codes of the cross-field rules of ``shape`` and of every shape inside it."""
    if isinstance(shape, m.ListOf):
        return _rule_codes(shape.member)
    if not isinstance(shape, m.Structure):
        return set()
    codes = {code for rule in shape.rules for code in rule.codes}
    return codes.union(*(_rule_codes(member) for member in shape.members.values()))


#: Findings of rules across members: a member given alone may also break one of them (a
#: PiiEntityTypes without ContentRedactionType), whatever its value.
_ACROSS: set[str] = set().union(
    *(
        _rule_codes(shape)
        for op in m.OPERATIONS.values()
        for shape in (op.request, op.response)
        if shape is not None
    )
)


@pytest.mark.parametrize(("op", "response", "path"), CASES)
def test_ten_megabyte_string_everywhere(op: str, response: bool, path: tuple[Any, ...]) -> None:
    document = _placed(path, HUGE)
    calls = _RegexOnHuge()
    sys.setprofile(calls)
    try:
        if response:
            report = capabilities.validate_response(op, document)
        else:
            report = capabilities.validate(op, document)
    finally:
        sys.setprofile(None)
    pointer = "".join(f"/{part}" for part in path)
    at_path = [f for f in report.findings if f.path == pointer and f.code not in _ACROSS]
    assert len(at_path) == 1, report
    assert at_path[0].severity == "error"
    assert calls.calls == []  # no regular expression ran on the value
    assert all(len(f.message) < 200 for f in report.findings)
