"""A request built with Python subclasses reports exactly as its plain twin.

botocore's ``ParamValidator`` tests ``isinstance``: any dict subclass is a structure, a list or
tuple (or subclass) a list, a str subclass a string, an int subclass an integer. For every
request of the strategies (valid, and mutated) that the service model's own validator accepts,
a twin built of such subclasses (OrderedDict, defaultdict, ``class X(str, Enum)`` members,
IntEnum, tuple subclasses) is accepted by that validator too, and gives ``validate`` the same
findings, fixes and unchecked rules as the plain request.
"""

from __future__ import annotations

import enum
from collections import OrderedDict, defaultdict
from typing import Any, cast

import botocore.session
from botocore.validate import ParamValidator
from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities import _model as m

from .strategies import any_requests, maybe_mutated

_MODEL = botocore.session.get_session().get_service_model("chime-sdk-meetings")


class Text(str):
    """A str subclass whose str() is not its value."""

    def __str__(self) -> str:
        return "<Text>"


class Items(tuple):  # type: ignore[type-arg]
    pass


class Mapping_(dict):  # type: ignore[type-arg]
    def __repr__(self) -> str:
        return "Mapping_()"


def _enum_member(value: str) -> str:
    """A member of ``class E(str, Enum)`` whose name differs from its value."""
    kind = enum.Enum("Kind", [("MEMBER", value)], type=str)  # type: ignore[misc]
    return cast(str, kind["MEMBER"])


def _int_member(value: int) -> int:
    kind = enum.IntEnum("Count", [("MEMBER", value)])  # type: ignore[misc]
    return cast(int, kind["MEMBER"])


def _twin(value: Any, choices: st.DataObject) -> Any:
    """``value`` rebuilt of subclasses where the draw says so."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, dict):
        items = [
            (_twin(k, choices) if isinstance(k, str) else k, _twin(v, choices))
            for k, v in value.items()
        ]
        kind = choices.draw(st.sampled_from(("dict", "ordered", "default", "subclass")))
        if kind == "ordered":
            return OrderedDict(items)
        if kind == "default":
            out: defaultdict[Any, Any] = defaultdict(list)
            out.update(items)
            return out
        return Mapping_(items) if kind == "subclass" else dict(items)
    if isinstance(value, (list, tuple)):
        items_ = [_twin(item, choices) for item in value]
        kind = choices.draw(st.sampled_from(("list", "tuple", "subclass")))
        return {"list": list, "tuple": tuple, "subclass": Items}[kind](items_)
    if isinstance(value, str):
        kind = choices.draw(st.sampled_from(("str", "subclass", "enum")))
        if kind == "subclass":
            return Text(value)
        return _enum_member(value) if kind == "enum" else value
    if isinstance(value, int):
        return _int_member(value) if choices.draw(st.booleans()) else value
    return value


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, Any]:
    """(operation, params): valid requests of every operation, as they are or mutated."""
    op, params = draw(any_requests())
    return op, draw(maybe_mutated(st.just(params)))


def _botocore_accepts(op: str, params: Any) -> bool:
    shape = _MODEL.operation_model(op).input_shape
    assert shape is not None
    return not ParamValidator().validate(params, shape).has_errors()


def _seen(report: capabilities.Report) -> Any:
    return (
        [(f.code, f.path, f.message, f.fix) for f in report.findings],
        report.unchecked,
        report.ok,
    )


@given(requests(), st.data())
def test_a_subclass_twin_reports_as_its_plain_twin(
    request: tuple[str, dict[str, Any]], data: st.DataObject
) -> None:
    op, plain = request
    if not _botocore_accepts(op, plain):
        return  # the property is about what botocore lets through
    twin = _twin(plain, data)
    assert _botocore_accepts(op, twin)
    assert _seen(capabilities.validate(op, twin)) == _seen(capabilities.validate(op, plain))


@given(requests(), st.data())
def test_meeting_features_and_previous_as_subclasses(
    request: tuple[str, dict[str, Any]], data: st.DataObject
) -> None:
    op, plain = request
    if m.OPERATIONS[op].creates_meeting:
        return
    features = data.draw(st.sampled_from(({}, {"Video": {"MaxResolution": "None"}})))
    previous = {"Audio": "Receive", "Video": "None", "Content": "None"}
    kwargs: dict[str, Any] = {"meeting_features": features}
    if m.OPERATIONS[op].updates_capabilities:
        kwargs["previous"] = previous
    twins = {k: _twin(v, data) for k, v in kwargs.items()}
    assert _seen(capabilities.validate(op, _twin(plain, data), **twins)) == _seen(
        capabilities.validate(op, plain, **kwargs)
    )
