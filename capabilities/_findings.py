"""Findings of the walk: what one validation knows and has found (``Context``), and the plain
functions the generated walks call to report each kind of finding. Every message of a
shape's own rules is written here; the cross-field rules write theirs (``_crossfield.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Optional

from . import _model as m
from ._crossfield import Resolutions, Triple
from ._values import is_int, show, string_value, type_name
from .report import Finding, Location, make_finding, pointer
from .rules import RULES
from .suggest import did_you_mean, near_region


class Context:
    """What one validation knows (the facts the cross-field rules read: see ``Facts``) and
    what it has found."""

    __slots__ = (
        "cross_field",
        "findings",
        "media_region",
        "previous",
        "resolutions",
        "response",
        "unchecked",
    )

    def __init__(
        self,
        response: bool,
        resolutions: Optional[Resolutions],
        cross_field: bool = True,
        media_region: Optional[str] = None,
        previous: Optional[Triple] = None,
    ) -> None:
        self.response = response
        #: The MediaRegion of the meeting a request is about; None when unknown.
        self.media_region = media_region
        #: The meeting's resolutions for capability rules; None when unknown.
        self.resolutions = resolutions
        #: The attendee's current capabilities, for an update; None when unknown.
        self.previous = previous
        #: False to check shapes only (the cross-field rules are skipped).
        self.cross_field = cross_field
        self.findings: list[Finding] = []
        self.unchecked: set[str] = set()

    def add(
        self,
        code: str,
        location: Location,
        message: str,
        fix: Optional[Mapping[str, object]] = None,
    ) -> None:
        if self.response and code in IN_RESPONSE:
            code = IN_RESPONSE[code]
            if not code:
                return
        self.findings.append(make_finding(code, location, message, fix))


#: Rules that read values the service sent differently (Rule.in_response): "" drops one.
IN_RESPONSE = {
    code: rule.in_response for code, rule in RULES.items() if rule.in_response is not None
}


def wrong_type(shape: m.Shape, value: object, loc: Location, ctx: Context) -> None:
    kind = {
        m.Structure: "an object",
        m.ListOf: "an array",
        m.String: "a string",
        m.Boolean: "a boolean",
    }
    expected = kind.get(type(shape), "an integer")
    ctx.add("CHM-E101", loc, f"expected {expected} ({shape.name}), got {type_name(value)}")


def missing(name: str, loc: Location, ctx: Context) -> None:
    ctx.add("CHM-E102", (*loc, name), f"required member {name} is missing")


def unknown(shape: m.Structure, value: dict[Any, Any], loc: Location, ctx: Context) -> None:
    """CHM-E103 (CHM-I109 in a response) for each key that is neither a member nor ignored."""
    for key in value:
        if (isinstance(key, str) and key in shape.members) or key in shape.ignored:
            continue
        shown = show(key)
        # a non-string key (possible from Python, not from JSON) is named by its type
        at = (*loc, str.__str__(key) if isinstance(key, str) else shown)
        if ctx.response:
            ctx.add("CHM-I109", at, f"member {shown} is not in the service model")
        else:
            known = ", ".join(shape.members)
            hint = did_you_mean(key, shape.members) if isinstance(key, str) else ""
            ctx.add("CHM-E103", at, f"unknown member {shown}{hint}; {shape.name} has: {known}")


def count_finding(shape: m.ListOf, count: int, loc: Location, ctx: Context) -> None:
    ctx.add(
        "CHM-E105", loc, f"{count} item(s); allowed {_bounds(shape.min_items, shape.max_items)}"
    )


def duplicates(
    items: list[Any] | tuple[Any, ...],
    unique: tuple[str, str],
    fold: bool,
    loc: Location,
    ctx: Context,
) -> None:
    """``fold``: the values compare without regard to letter case."""
    name, code = unique
    keys = [string_value(item.get(name)) if isinstance(item, dict) else None for item in items]
    strings = [key.lower() if fold else key for key in keys if isinstance(key, str)]
    if len(set(strings)) == len(strings):
        return
    first_seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if not isinstance(key, str):
            continue
        if fold:
            key = key.lower()
        if key in first_seen:
            where = pointer((*loc, first_seen[key], name))
            ctx.add(code, (*loc, index, name), f"same {name} as {where}")
        else:
            first_seen[key] = index


def integer_findings(shape: m.Integer, value: object, loc: Location, ctx: Context) -> None:
    if not is_int(value):
        wrong_type(shape, value, loc, ctx)
        return
    assert isinstance(value, int)
    if (shape.minimum is not None and value < shape.minimum) or (
        shape.maximum is not None and value > shape.maximum
    ):
        shown = str(int(value)) if abs(value) < 10**15 else "a value of that size"
        ctx.add(
            "CHM-E106",
            loc,
            f"{shown} is out of range; allowed {_bounds(shape.minimum, shape.maximum)}",
        )


def length_finding(shape: m.String, length: int, loc: Location, ctx: Context) -> None:
    allowed = _bounds(shape.min_length, shape.max_length)
    ctx.add("CHM-E104", loc, f"length {length} is out of bounds; allowed {allowed}")


def reserved_finding(shape: m.String, loc: Location, ctx: Context) -> None:
    ctx.add(
        shape.reserved_code,
        loc,
        f"{shape.name} begins with 'aws:' (any letter case), reserved for the service",
    )


def pattern_finding(shape: m.String, value: str, loc: Location, ctx: Context) -> None:
    """For a value its shape's pattern refuses."""
    pattern = shape.pattern
    assert pattern is not None
    if shape.content_share and ctx.response and m.CONTENT_SHARE_ATTENDEE.fullmatch(value):
        ctx.add("CHM-I204", loc, "the content-share attendee (<AttendeeId>#content)")
    elif shape.pattern_by_character:
        index = pattern.first_disallowed(value)
        assert index is not None  # a single-class pattern fails only on a character
        ctx.add(
            shape.pattern_code,
            loc,
            f"character {index + 1} (U+{ord(value[index]):04X}) is not allowed in {shape.name}",
        )
    elif shape.sensitive:
        ctx.add(shape.pattern_code, loc, f"{shape.name} does not match {pattern.documented}")
    else:
        ctx.add(
            shape.pattern_code,
            loc,
            f"{show(value)} does not match {shape.name} {pattern.documented}",
        )


def unknown_value(shape: m.String, value: str, loc: Location, ctx: Context) -> None:
    hint = near_region(value, shape.known_values or ())
    ctx.add("CHM-W205", loc, f"{show(value)} is not a documented {shape.name}{hint}")


def enum_finding(shape: m.String, value: str, loc: Location, ctx: Context) -> None:
    allowed, folded = _enum_text(shape.enum or ())
    other = shape.other_values
    if other is not None and value in other.values:
        ctx.add(other.code, loc, f"{value} is a {other.said}; {other.own} allows {allowed}")
        return
    hint = ""
    meant = folded.get(value.strip().casefold())
    if meant is not None:
        hint = f" (did you mean {meant!r}? values are case-sensitive)"
    ctx.add("CHM-E107", loc, f"{show(value)} is not a {shape.name}: one of {allowed}{hint}")


@cache
def _enum_text(values: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """The values as listed in a message (the first ones and their count, for a long list),
    and each value by its case-folded form."""
    listed = ", ".join(values)
    if len(listed) > _ENUM_TEXT_LIMIT:
        shown = listed[:_ENUM_TEXT_LIMIT].rsplit(", ", 1)[0]
        listed = f"{shown}, ... ({len(values)} values)"
    return listed, {v.casefold(): v for v in values}


#: The longest list of enumerated values a message spells out.
_ENUM_TEXT_LIMIT = 100


def _bounds(low: Optional[int], high: Optional[int]) -> str:
    if low is not None and high is not None:
        return f"{low}..{high}"
    return f"at least {low}" if low is not None else f"at most {high}"
