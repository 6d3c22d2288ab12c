"""The drift guard: the rule data against the service model of the installed botocore.

Every operation, member, required set, bound, enum value, pattern, HTTP binding and error list
of ``chime-sdk-meetings`` is compared with ``capabilities/_model.py``. A difference fails the
test and is named, unless ALLOWED lists it with the entry of the reference
(chime-sdk-meetings.md) under which the project decided otherwise. Run against a newer
botocore, the failures are what the service changed.
"""

from __future__ import annotations

import copy
from typing import Any, Optional

import botocore.session
import pytest

from capabilities import _model as m

Model = dict[str, Any]
MODEL: Model = (
    botocore.session.get_session()
    .get_component("data_loader")
    .load_service_model("chime-sdk-meetings", "service-2")
)

#: Difference -> the reference entry that decided it.
ALLOWED: dict[str, str] = {
    **{
        f"{name}: pattern None in the model, {m.EXTERNAL_ID.documented!r} here": (
            "section 4, Identifier rules: the documented ExternalUserId pattern (API "
            "reference), also for ExternalMeetingId and MeetingHostId"
        )
        for name in ("ExternalUserId", "ExternalMeetingId")
    },
}

_KINDS = {
    m.Structure: "structure",
    m.ListOf: "list",
    m.String: "string",
    m.Integer: "integer",
    m.Boolean: "boolean",
}


def _bounds(shape: m.Shape) -> tuple[Optional[int], Optional[int]]:
    if isinstance(shape, m.String):
        return shape.min_length, shape.max_length
    if isinstance(shape, m.Integer):
        return shape.minimum, shape.maximum
    if isinstance(shape, m.ListOf):
        return shape.min_items, shape.max_items
    return None, None


def shape_differences(shapes: Model, where: str, ours: m.Shape, name: str) -> list[str]:
    """Differences between the rule data's shape at ``where`` and the model's shape ``name``.
    A difference of a string, integer or boolean is named by the model's shape."""
    theirs = shapes[name]
    out = []
    if _KINDS[type(ours)] != theirs["type"]:
        return [f"{where}: type {theirs['type']} in the model, {_KINDS[type(ours)]} here"]
    if not isinstance(ours, (m.ListOf, m.Structure)):
        where = name
    bounds = (theirs.get("min"), theirs.get("max"))
    if _bounds(ours) != bounds and not (
        isinstance(ours, m.String) and ours.enum is not None and bounds == (None, None)
    ):
        out.append(f"{where}: bounds {bounds} in the model, {_bounds(ours)} here")
    if isinstance(ours, m.String):
        if ours.enum != (tuple(theirs["enum"]) if "enum" in theirs else None):
            out.append(f"{where}: enum {theirs.get('enum')} in the model, {ours.enum} here")
        documented = None if ours.pattern is None else ours.pattern.documented
        if documented != theirs.get("pattern"):
            out.append(
                f"{where}: pattern {theirs.get('pattern')!r} in the model, {documented!r} here"
            )
    elif isinstance(ours, m.ListOf):
        out += shape_differences(shapes, f"{where}[]", ours.member, theirs["member"]["shape"])
    elif isinstance(ours, m.Structure):
        out += structure_differences(shapes, where, ours, theirs)
    return out


def structure_differences(shapes: Model, where: str, ours: m.Structure, theirs: Model) -> list[str]:
    out = []
    members = theirs["members"]
    for member in sorted(set(members) - set(ours.members)):
        out.append(f"{where}.{member}: in the model, not here")
    for member in sorted(set(ours.members) - set(members)):
        out.append(f"{where}.{member}: here, not in the model")
    tokens = {name for name, member in members.items() if member.get("idempotencyToken")}
    our_tokens = {
        name
        for name, shape in ours.members.items()
        if isinstance(shape, m.String) and shape.idempotency_token
    }
    if tokens != our_tokens:
        out.append(
            f"{where}: idempotency tokens {sorted(tokens)} in the model, {sorted(our_tokens)} here"
        )
    # The SDKs fill an idempotency token in, so a request need not carry it (reference
    # section 5): the rule data leaves it out of the required members, by the flag above.
    required = set(theirs.get("required", ())) - tokens
    if required != set(ours.required) and not ours.ignored:  # responses: every member optional
        out.append(
            f"{where}: required {sorted(required)} in the model, {sorted(ours.required)} here"
        )
    for member, shape in ours.members.items():
        if member in members:
            out += shape_differences(shapes, f"{where}.{member}", shape, members[member]["shape"])
    return out


def operation_differences(model: Model, name: str) -> list[str]:
    if name not in m.OPERATIONS:
        return [f"{name}: an operation of the model, not here"]
    op, theirs, shapes = m.OPERATIONS[name], model["operations"][name], model["shapes"]
    http = theirs["http"]
    out = []
    model_http = (http["method"], http["requestUri"], http.get("responseCode", 200))
    if op.http != model_http:
        out.append(f"{name}: http {model_http} in the model, {op.http} here")
    errors = tuple(error["shape"] for error in theirs.get("errors", ()))
    if op.errors != errors:
        out.append(f"{name}: errors {errors} in the model, {op.errors} here")
    request = theirs["input"]["shape"]
    out += structure_differences(shapes, request, op.request, shapes[request])
    output = theirs.get("output", {}).get("shape")
    if output is None and op.response is not None:
        out.append(f"{name}: a response here, none in the model")
    elif output is not None and op.response is None and shapes[output]["members"]:
        out.append(f"{name}: a response in the model, none here")
    elif output is not None and op.response is not None:
        out += structure_differences(shapes, output, op.response, shapes[output])
    return out


def all_differences(model: Model = MODEL) -> list[str]:
    out = [
        f"{name}: here, not in the model"
        for name in m.OPERATIONS
        if name not in model["operations"]
    ]
    for name in model["operations"]:
        out += operation_differences(model, name)
    return out


def test_the_rule_data_matches_the_installed_model() -> None:
    unexplained = [d for d in all_differences() if d not in ALLOWED]
    assert not unexplained, "the service model differs from the rule data:\n" + "\n".join(
        unexplained
    )


def test_every_allowed_difference_still_exists() -> None:
    found = set(all_differences())
    stale = [f"{d} (reference: {entry})" for d, entry in ALLOWED.items() if d not in found]
    assert not stale, "no longer a difference:\n" + "\n".join(stale)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda model: model["operations"].pop("TagResource"),
            "TagResource: here, not in the model",
        ),
        (
            lambda model: model["shapes"]["TranscribeRegion"]["enum"].append("xx-new-1"),
            "TranscribeRegion: enum",
        ),
        (
            lambda model: model["shapes"]["TagKey"].update(max=129),
            "TagKey: bounds (1, 129) in the model, (1, 128) here",
        ),
        (
            lambda model: model["shapes"]["StopMeetingTranscriptionRequest"]["members"].update(
                Extra={"shape": "String"}
            ),
            "StopMeetingTranscriptionRequest.Extra: in the model, not here",
        ),
        (
            lambda model: model["operations"]["UntagResource"]["http"].update(responseCode=200),
            "UntagResource: http ('POST', '/tags?operation=untag-resource', 200) in the model",
        ),
    ],
)
def test_a_changed_model_is_named(change: Any, expected: str) -> None:
    changed = copy.deepcopy(MODEL)
    change(changed)
    found = all_differences(changed)
    assert any(d.startswith(expected) for d in found), found
