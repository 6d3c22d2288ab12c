"""Validate requests and responses of the Chime SDK Meetings API against the rule data."""

from __future__ import annotations

import linecache
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from itertools import product
from typing import Any, Callable, NamedTuple, Optional, cast

from . import _model as m
from ._crossfield import UNREADABLE, StructureRule
from ._values import is_int, plain_value, show, string_value, type_name
from .matrix import (
    Resolutions,
    Triple,
    capability_violations,
    default_triple,
    effective_triples,
    repair,
    requestable_triples,
    transition_warnings,
)
from .report import Finding, Location, Report, make_finding, pointer
from .rules import RULES
from .suggest import did_you_mean, near_region
from .types import AttendeeCapabilities, MeetingFeatures

#: The public API is ``__all__``. ``profiles.py`` and the command line also use
#: ``effective_triple``, ``features_argument``, ``features_resolutions``, ``meeting_parts``,
#: ``part_findings``, ``transition_texts`` and ``capability_transitions``: internal, not
#: exported by the package.
__all__ = [
    "allowed_capabilities",
    "normalize",
    "normalize_meeting_features",
    "operation_name",
    "validate",
    "validate_response",
]

#: Each operation under its API name, its boto3 method name and its AWS CLI command name.
_OPERATIONS = {
    name: op
    for op in m.OPERATIONS.values()
    for name in (op.name, op.method, op.method.replace("_", "-"))
}
_CAPABILITY_MEMBERS = m.CAPABILITY_MEMBERS


def operation_name(operation: str) -> str:
    """The API name of a covered operation given as API name (``CreateAttendee``), boto3
    method name (``create_attendee``) or AWS CLI command name (``create-attendee``); a str
    subclass or ``str`` Enum member is read by its string value."""
    if isinstance(operation, str):
        operation = str.__str__(operation)
        if operation in _OPERATIONS:
            return _OPERATIONS[operation].name
    supported = ", ".join(m.OPERATIONS)
    raise ValueError(f"unsupported operation {show(operation)}; supported: {supported}")


# --- the walk --------------------------------------------------------------------------------
#
# Each shape is checked by two functions generated once from the rule data as Python source, by
# one writer (``_Writer``) in two modes:
#
# - a predicate, "this value gives no finding at all" (``_clean``). It only has to be sound:
#   never true where the walk would report something. Valid requests, the common case, are
#   checked by it alone, without building a location or a finding.
# - the walk (``_walker``): the same checks, rule by rule, each followed by a call to the
#   plain function below that reports what failed (CHM-E101 ``_wrong_type``, CHM-E102
#   ``_missing``, CHM-E103 ``_unknown``, CHM-E104 ``_length_finding``, CHM-E202
#   ``_reserved_finding``, the patterns' ``_pattern_finding``, ``_enum_finding``,
#   ``_integer_findings``, CHM-E105 ``_count_finding``,
#   duplicates, and the cross-field rules). Every message is written in those functions.
#
# Both come from one description of each check; tests/property/test_fast_path.py holds the two
# modes to each other.


class _Context:
    """What one validation knows (the meeting's resolutions) and what it has found."""

    __slots__ = (
        "clean_triples",
        "cross_field",
        "findings",
        "media_region",
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
    ) -> None:
        self.response = response
        #: The MediaRegion of the meeting a request is about; None when unknown.
        self.media_region = media_region
        #: The meeting's resolutions for capability rules; None when unknown.
        self.resolutions = resolutions
        #: False to check shapes only (the capability and meeting-feature rules are skipped).
        self.cross_field = cross_field
        self.findings: list[Finding] = []
        self.unchecked: set[str] = set()
        #: The capability triples that give no finding in this context.
        self.clean_triples = _clean_triples(response, resolutions, cross_field)

    def add(
        self,
        code: str,
        location: Location,
        message: str,
        fix: Optional[Mapping[str, object]] = None,
    ) -> None:
        if self.response and code in _IN_RESPONSE:
            code = _IN_RESPONSE[code]
            if not code:
                return
        self.findings.append(make_finding(code, location, message, fix))


#: Rules that read values the service sent differently (Rule.in_response): "" drops one.
_IN_RESPONSE = {
    code: rule.in_response for code, rule in RULES.items() if rule.in_response is not None
}


def _requests_only(shape: m.Shape) -> set[StructureRule]:
    """The cross-field rules within ``shape`` that constrain requests only (every code of
    theirs has Rule.in_response "")."""
    if isinstance(shape, m.ListOf):
        return _requests_only(shape.member)
    if not isinstance(shape, m.Structure):
        return set()
    out = {rule for rule in shape.rules if all(_IN_RESPONSE.get(c) == "" for c in rule.codes)}
    for sub in shape.members.values():
        out |= _requests_only(sub)
    return out


#: The ids of the rules a response is not checked against.
_REQUESTS_ONLY = frozenset(
    id(rule)
    for op in m.OPERATIONS.values()
    for shape in (op.request, op.response)
    if shape is not None
    for rule in _requests_only(shape)
)


def _walk(shape: m.Shape, value: object, loc: Location, ctx: _Context) -> None:
    """Report every finding about ``value``, a ``shape`` at ``loc``."""
    if not _clean(shape)(value, ctx):
        _walker(shape)(value, loc, ctx)


# --- findings (called by the generated walks) ------------------------------------------------


def _wrong_type(shape: m.Shape, value: object, loc: Location, ctx: _Context) -> None:
    kind = {
        m.Structure: "an object",
        m.ListOf: "an array",
        m.String: "a string",
        m.Boolean: "a boolean",
    }
    expected = kind.get(type(shape), "an integer")
    ctx.add("CHM-E101", loc, f"expected {expected} ({shape.name}), got {type_name(value)}")


def _missing(name: str, loc: Location, ctx: _Context) -> None:
    ctx.add("CHM-E102", (*loc, name), f"required member {name} is missing")


def _unknown(shape: m.Structure, value: dict[Any, Any], loc: Location, ctx: _Context) -> None:
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


def _count_finding(shape: m.ListOf, count: int, loc: Location, ctx: _Context) -> None:
    ctx.add(
        "CHM-E105", loc, f"{count} item(s); allowed {_bounds(shape.min_items, shape.max_items)}"
    )


def _duplicates(
    items: list[Any] | tuple[Any, ...],
    unique: tuple[str, str],
    fold: bool,
    loc: Location,
    ctx: _Context,
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


def _integer_findings(shape: m.Integer, value: object, loc: Location, ctx: _Context) -> None:
    if not is_int(value):
        _wrong_type(shape, value, loc, ctx)
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


def _length_finding(shape: m.String, length: int, loc: Location, ctx: _Context) -> None:
    allowed = _bounds(shape.min_length, shape.max_length)
    ctx.add("CHM-E104", loc, f"length {length} is out of bounds; allowed {allowed}")


def _reserved_finding(shape: m.String, loc: Location, ctx: _Context) -> None:
    ctx.add(
        shape.reserved_code,
        loc,
        f"{shape.name} begins with 'aws:' (any letter case), reserved for the service",
    )


def _pattern_finding(shape: m.String, value: str, loc: Location, ctx: _Context) -> None:
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


def _unknown_value(shape: m.String, value: str, loc: Location, ctx: _Context) -> None:
    hint = near_region(value, shape.known_values or ())
    ctx.add("CHM-W205", loc, f"{show(value)} is not a documented {shape.name}{hint}")


def _enum_finding(shape: m.String, value: str, loc: Location, ctx: _Context) -> None:
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


def _rules_clean(shape: m.Structure, value: dict[str, Any], ctx: _Context) -> bool:
    """The cross-field rules of ``shape`` give nothing for ``value``, whose members are clean."""
    for rule in shape.rules:
        if ctx.response and id(rule) in _REQUESTS_ONLY:
            continue
        ctx.unchecked.update(rule.unchecked(value, ctx.media_region))
        if not rule.clean(value, ctx.media_region):
            return False
    return True


def _rule_findings(shape: m.Structure, value: dict[Any, Any], loc: Location, ctx: _Context) -> None:
    """The findings of the cross-field rules of ``shape``. A rule reads the members that are
    valid on their own (an object or list member: of the right type); another member that is
    present counts as given, with a value no rule reads (``UNREADABLE``)."""
    usable = {
        name: value[name] if _usable(sub, value[name]) else UNREADABLE
        for name, sub in shape.members.items()
        if name in value and not (ctx.response and value[name] is None)
    }
    for rule in shape.rules:
        if ctx.response and id(rule) in _REQUESTS_ONLY:
            continue
        ctx.unchecked.update(rule.unchecked(usable, ctx.media_region))
        for code, at, message, fix in rule.findings(usable, ctx.media_region):
            moved = None if fix is None else {pointer((*loc, *p)): v for p, v in fix.items()}
            ctx.add(code, (*loc, *at), message, moved)


def _usable(shape: m.Shape, value: object) -> bool:
    """An object or list member of the right type; a scalar member without finding."""
    if isinstance(shape, m.Structure):
        return isinstance(value, dict)
    if isinstance(shape, m.ListOf):
        return isinstance(value, (list, tuple))
    scratch = _Context(response=False, resolutions=None, cross_field=False)
    _walker(shape)(value, (), scratch)
    return not scratch.findings


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


# --- generated code --------------------------------------------------------------------------

_Clean = Callable[[object, _Context], bool]
_Walker = Callable[[object, Location, _Context], None]
_CLEAN: dict[int, _Clean] = {}
_WALKER: dict[int, _Walker] = {}
_MISSING = object()


def _clean(shape: m.Shape) -> _Clean:
    compiled = _CLEAN.get(id(shape))
    if compiled is None:
        compiled = _CLEAN[id(shape)] = cast(_Clean, _Writer(walk=False).function(shape))
    return compiled


def _walker(shape: m.Shape) -> _Walker:
    compiled = _WALKER.get(id(shape))
    if compiled is None:
        compiled = _WALKER[id(shape)] = cast(_Walker, _Writer(walk=True).function(shape))
    return compiled


_SHAPES = (m.String, m.Integer, m.Boolean, m.ListOf, m.Structure)


def shape_source(shape: m.Shape, *, walk: bool = True) -> str:
    """The source of the walk (or, ``walk`` False, the predicate) generated for ``shape``,
    with the names of its constants."""
    writer = _Writer(walk)
    text = writer.source(shape)
    names = "\n".join(f"# {name} = {_described(value)}" for name, value in writer.constants.items())
    return f"{names}\n\n{text}"


def _described(value: object) -> str:
    if isinstance(value, _SHAPES):
        return f"<{type(value).__name__} {value.name}>"
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(map(repr, value))) + "}"
    owner = getattr(value, "__self__", None)
    if isinstance(owner, re.Pattern):
        return f"re.compile({owner.pattern!r}).fullmatch"
    return f"<{getattr(value, '__qualname__', type(value).__name__)}>"


class _Writer:
    """Writes the source of one shape's function from one description of each check, in one
    of two modes:

    - the predicate (``clean(v0, ctx)``, ``walk`` False): each check is ``if <fails>: return
      False``; a value that passes them all gives no finding, and the function returns True.
    - the walk (``walk(v0, loc, ctx)``, ``walk`` True): each check is followed by the call that
      reports its finding, and the walk goes on. A location is built only for that call.

    A ``generate_<kind>`` method describes the checks of each kind of shape; ``check``,
    ``unless`` and ``report`` say what a check becomes in each mode."""

    def __init__(self, walk: bool) -> None:
        self.walk = walk
        self.name, self.parameters = ("walk", "v0, loc, ctx") if walk else ("clean", "v0, ctx")
        self.lines: list[str] = []
        self.indent = 0
        self.constants: dict[str, object] = {"_MISSING": _MISSING}
        self.names = 0
        #: For each enclosing list loop of the predicate: (list name, matcher) of each
        #: pattern matched once after the loop, over the concatenation of the values.
        self.loops: list[list[tuple[str, str]]] = []

    # --- the source ----------------------------------------------------------------------

    def source(self, shape: m.Shape) -> str:
        """The generated function's source (its constants are in ``self.constants``)."""
        with self.block(f"def {self.name}({self.parameters}):"):
            self.line("response = ctx.response")
            self.line("triples = ctx.clean_triples")
            self.line("cross_field = ctx.cross_field")
            self.line("unknown_meeting = cross_field and ctx.resolutions is None")
            # CHM-E301 and CHM-E302 go unchecked when the value holds capabilities and the meeting's
            # features are unknown: recorded once, at the end.
            self.line("capabilities = False")
            self.generate(shape, "v0", "*loc")
            self.line(
                "if capabilities and unknown_meeting: "
                "ctx.unchecked.update(('CHM-E301', 'CHM-E302'))"
            )
            if not self.walk:
                self.line("return True")
        return "\n".join(self.lines) + "\n"

    def function(self, shape: m.Shape) -> Callable[..., Any]:
        """The compiled function. Its file name, ``<chime-capabilities: Shape walk>``, is
        registered with ``linecache``: tracebacks and profilers show the generated lines."""
        text = self.source(shape)
        lines = text.splitlines(True)
        filename, number = f"<chime-capabilities: {shape.name} {self.name}>", 1
        while filename in linecache.cache and linecache.getlines(filename) != lines:
            number += 1  # another shape of the same name
            filename = f"<chime-capabilities: {shape.name} {self.name} {number}>"
        linecache.cache[filename] = (len(text), None, lines, filename)
        namespace = dict(self.constants)
        # source built from the rule data only
        exec(compile(text, filename, "exec"), namespace)
        return cast("Callable[..., Any]", namespace[self.name])

    def line(self, text: str) -> None:
        self.lines.append("    " * self.indent + text)

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        """``header`` (``if ...:``, ``for ...:``, ``else:``), and the lines written within,
        one level deeper."""
        self.line(header)
        self.indent += 1
        try:
            yield
        finally:
            self.indent -= 1

    @contextmanager
    def captured(self) -> Iterator[list[str]]:
        """The lines written within, kept apart (to be placed after lines written later)."""
        kept, self.lines = self.lines, []
        try:
            yield self.lines
        finally:
            self.lines = kept

    def constant(self, value: object, base: str = "") -> str:
        """The name the source gives ``value``: ``base``, or a function by its own name, a
        shape by its name (a number follows a name already taken by another value; a value
        equal to the one already named ``base`` keeps that name)."""
        for name, known in self.constants.items():
            if known is value or (name == base and known == value):
                return name
        if not base:
            named = value.name if isinstance(value, _SHAPES) else getattr(value, "__name__", "k")
            base = "_" + str(named).strip("_")
        name, number = base, 1
        while name in self.constants:
            number += 1
            name = f"{base}{number}"
        self.constants[name] = value
        return name

    def variable(self) -> str:
        self.names += 1
        return f"v{self.names}"

    # --- what a check becomes in each mode -----------------------------------------------

    def report(self, function: Callable[..., None], *arguments: str) -> None:
        """The call that reports a finding (the walk only)."""
        self.line(f"{self.constant(function)}({', '.join(arguments)}, ctx)")

    def check(self, fails: str, function: Callable[..., None], *arguments: str) -> None:
        """A check: ``fails`` true gives the finding ``function`` reports."""
        if not self.walk:
            self.line(f"if {fails}: return False")
            return
        with self.block(f"if {fails}:"):
            self.report(function, *arguments)

    @contextmanager
    def unless(self, fails: str, function: Callable[..., None], *arguments: str) -> Iterator[None]:
        """A check whose finding ends the checks of the value: the lines written within run
        only when it passes (in the walk, as its ``else``)."""
        self.check(fails, function, *arguments)
        if not self.walk:
            yield
            return
        with self.block("else:"):
            yield

    def not_of_type(self, v: str, *types: str) -> str:
        """True for a value not of ``types``. The predicate accepts the types themselves only;
        the walk accepts their subclasses too (a str Enum member is read by its value)."""
        exact = " and ".join(f"type({v}) is not {t}" for t in types)
        if not self.walk:
            return exact
        of = types[0] if len(types) == 1 else f"({', '.join(types)})"
        return f"{exact} and not isinstance({v}, {of})"

    @staticmethod
    def requests_only(condition: str, *codes: str) -> str:
        """``condition``, or False in a response when the rules ``codes`` constrain requests
        only (Rule.in_response "")."""
        if condition != "False" and all(_IN_RESPONSE.get(code) == "" for code in codes):
            return f"not response and ({condition})"
        return condition

    @staticmethod
    def outside(expression: str, low: Optional[int], high: Optional[int]) -> str:
        if low is not None and high is not None:
            return f"not {low} <= {expression} <= {high}"
        if low is not None:
            return f"{expression} < {low}"
        return "False" if high is None else f"{expression} > {high}"

    def reserved(self, v: str) -> str:
        """True for a string that begins with the reserved prefix (the regular expression reads
        its first four characters only)."""
        prefix = self.constant(m.RESERVED_PREFIX.compiled.fullmatch, "_reserved_prefix")
        return f"':' in {v} and {v}[3:4] == ':' and {prefix}({v}[:4]) is not None"

    def clean_capabilities(self, v: str) -> str:
        """True for AttendeeCapabilities that give no finding: the three members, nothing else,
        and a triple of the clean set (see _clean_triples)."""
        names = [self.variable() for _ in _CAPABILITY_MEMBERS]
        strings = " and ".join(
            f"type({name} := {v}.get({member!r})) is str"
            for name, member in zip(names, _CAPABILITY_MEMBERS)
        )
        return (
            f"type({v}) is dict and len({v}) == 3 and {strings} and ({', '.join(names)}) in triples"
        )

    # --- the checks of each kind of shape ------------------------------------------------

    def generate(self, shape: m.Shape, v: str, where: str) -> None:
        """The checks of ``v``, a ``shape``. ``where``: its location, as the items of a tuple
        display (the walk's reports only)."""
        if isinstance(shape, m.String):
            self.generate_string(shape, v, where)
        elif isinstance(shape, m.Integer):
            self.generate_integer(shape, v, where)
        elif isinstance(shape, m.Boolean):
            self.check(
                f"type({v}) is not bool", _wrong_type, self.constant(shape), v, f"({where},)"
            )
        elif isinstance(shape, m.ListOf):
            self.generate_list(shape, v, where)
        else:
            self.generate_structure(shape, v, where)

    def generate_integer(self, shape: m.Integer, v: str, where: str) -> None:
        # _integer_findings tells a wrong type from a value out of range
        wrong = f"not {self.constant(is_int)}({v})" if self.walk else f"type({v}) is not int"
        fails = f"{wrong} or {self.outside(v, shape.minimum, shape.maximum)}"
        self.check(fails, _integer_findings, self.constant(shape), v, f"({where},)")

    def generate_string(self, shape: m.String, v: str, where: str) -> None:
        """Each rule of a string on its own: a valid value costs the checks once, and an
        invalid one is tested once by each rule."""
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "str"), _wrong_type, this, v, at):
            if self.walk:
                # a str subclass (an Enum member) is read by its value, whatever its methods say
                self.line(f"if type({v}) is not str: {v} = {self.constant(str.__str__)}({v})")
            if shape.enum is not None:
                values = self.constant(frozenset(shape.enum), f"_{shape.name}_values")
                self.check(f"{v} not in {values}", _enum_finding, this, v, at)
                return
            size = f"len({v})"
            if shape.min_length is not None or shape.max_length is not None:
                size = self.variable()
                self.line(f"{size} = len({v})")
                bounds = self.outside(size, shape.min_length, shape.max_length)
                self.check(bounds, _length_finding, this, size, at)
            if shape.reserved_prefix:
                self.check(self.reserved(v), _reserved_finding, this, at)
            # no regular expression runs on a value longer than its shape allows (the
            # predicate has returned for such a value)
            fits = (
                ""
                if shape.max_length is None or not self.walk
                else f"{size} <= {shape.max_length} and "
            )
            pattern = shape.pattern
            if pattern is not None:
                self.generate_pattern(shape, pattern, v, size, fits, at)
            if shape.known_values is not None:
                known = self.constant(frozenset(shape.known_values), f"_{shape.name}_known")
                self.check(f"{fits}{v} not in {known}", _unknown_value, this, v, at)

    def generate_pattern(
        self, shape: m.String, pattern: m.Pattern, v: str, size: str, fits: str, at: str
    ) -> None:
        this = self.constant(shape)
        joined = None if self.walk or not self.loops else _concatenation_matcher(pattern)
        if joined is not None:
            # The values of the loop all match exactly when their concatenation matches the
            # joined pattern: one call after the loop checks them all.
            if pattern.length is not None:
                self.check(f"{size} != {pattern.length}", _pattern_finding, this, v, at)
            name = self.variable()
            self.loops[-1].append((name, self.constant(joined, f"_{shape.name}_joined_pattern")))
            self.line(f"{name}.append({v})")
            return
        matcher = self.constant(pattern.compiled.fullmatch, f"_{shape.name}_pattern")
        refused = f"{matcher}({v}) is None"
        if pattern.length is not None:
            refused = f"({size} != {pattern.length} or {refused})"
        self.check(f"{fits}{refused}", _pattern_finding, this, v, at)

    def generate_list(self, shape: m.ListOf, v: str, where: str) -> None:
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "list", "tuple"), _wrong_type, this, v, at):
            bounds = self.requests_only(
                self.outside(f"len({v})", shape.min_items, shape.max_items), "CHM-E105"
            )
            if bounds != "False":
                self.check(bounds, _count_finding, this, f"len({v})", at)
            index = self.variable() if self.walk else ""
            item = self.variable()
            loop = f"for {index}, {item} in enumerate({v}):" if self.walk else f"for {item} in {v}:"
            self.loops.append([])
            with self.captured() as body, self.block(loop):
                self.generate(shape.member, item, f"{where}, {index}")
            deferred = self.loops.pop()
            for name, _ in deferred:
                self.line(f"{name} = []")
            self.lines += body
            for name, matcher in deferred:  # the predicate only
                self.line(f"if {matcher}(''.join({name})) is None: return False")
            if shape.unique_member is None:
                return
            if self.walk:
                unique = self.constant(shape.unique_member, "_unique")
                self.report(_duplicates, v, unique, str(shape.unique_ignores_case), at)
            else:
                # the items are clean here, so each unique member is a string or absent
                name, _ = shape.unique_member
                fold = ".lower()" if shape.unique_ignores_case else ""
                keys = f"{{{item}.get({name!r}, ''){fold} for {item} in {v}}}"
                self.line(f"if len({keys}) != len({v}): return False")

    def generate_structure(self, shape: m.Structure, v: str, where: str) -> None:
        if shape is not m.ATTENDEE_CAPABILITIES:
            with self.members(shape, v, where):
                pass
            return
        # Most AttendeeCapabilities are clean, and one test says so: the predicate stops there,
        # the walk checks the others member by member, then by the capability rules.
        clean = self.clean_capabilities(v)
        if not self.walk:
            self.line(f"if not ({clean}): return False")
            self.line("capabilities = True")
            return
        with self.block(f"if {clean}:"):
            self.line("capabilities = True")
        with self.block("else:"), self.members(shape, v, where) as members:
            # the rules give nothing for a triple of the clean set (see _clean_triples)
            strings = " and ".join(f"type({name}) is str" for name in members)
            with self.block(f"if cross_field and {strings} and ({', '.join(members)}) in triples:"):
                self.line("capabilities = True")
            with self.block("elif cross_field:"):
                self.report(_capability_rules, v, f"({where},)")

    @contextmanager
    def members(self, shape: m.Structure, v: str, where: str) -> Iterator[list[str]]:
        """The checks of an object: its type, members, unknown members and cross-field rules.
        The lines written within follow them, for an object (the members' variables given)."""
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "dict"), _wrong_type, this, v, at):
            count = self.variable()  # members found; any other key is unknown
            self.line(f"{count} = 0")
            members: list[str] = []
            for name, sub in shape.members.items():
                member = self.variable()
                members.append(member)
                self.line(f"{member} = {v}.get({name!r}, _MISSING)")
                if name in shape.required:
                    with self.unless(f"{member} is _MISSING", _missing, repr(name), at):
                        self.line(f"{count} += 1")
                        self.generate_member(sub, member, f"{where}, {name!r}")
                else:
                    self.line(f"if {member} is None and response: {count} += 1  # absent")
                    with self.block(f"elif {member} is not _MISSING:"):
                        self.line(f"{count} += 1")
                        self.generate_member(sub, member, f"{where}, {name!r}")
            for name in shape.ignored:
                self.line(f"if {name!r} in {v}: {count} += 1")
            self.check(f"{count} != len({v})", _unknown, this, v, at)
            if shape.rules and self.walk:
                with self.block("if cross_field:"):
                    self.report(_rule_findings, this, v, at)
            elif shape.rules:
                rules = f"{self.constant(_rules_clean)}({this}, {v}, ctx)"
                self.line(f"if cross_field and not {rules}: return False")
            yield members

    def generate_member(self, shape: m.Shape, v: str, where: str) -> None:
        if self.walk and isinstance(shape, m.Structure) and shape is not m.ATTENDEE_CAPABILITIES:
            # most nested objects are clean: one call says so
            clean = self.constant(_clean(shape), f"_{shape.name}_clean")
            with self.block(f"if not {clean}({v}, ctx):"):
                self.generate(shape, v, where)
        else:
            self.generate(shape, v, where)


def _concatenation_matcher(pattern: m.Pattern) -> Optional[Callable[[str], object]]:
    """A matcher of concatenated values, for the patterns where it is exact: a single class
    repeated (``[...]*``: every character is checked wherever it stands), and patterns of a
    fixed length (the values were checked to have it, so the pieces cannot shift)."""
    if pattern.alphabet is not None:
        return pattern.compiled.fullmatch
    if pattern.length is not None:
        return re.compile(f"(?:{pattern.source})*").fullmatch
    return None


@cache
def _clean_triples(
    response: bool, resolutions: Optional[Resolutions], cross_field: bool
) -> frozenset[Triple]:
    every = frozenset((a, v, c) for a, v, c in product(m.MEDIA_CAPABILITIES, repeat=3))
    if not cross_field:
        return every
    if resolutions is None:  # only CHM-E303 can be evaluated
        base = frozenset(t for t in every if not capability_violations(t[1], t[2], None))
    elif response:
        base = effective_triples(resolutions)
    else:
        base = requestable_triples(resolutions)
    return base


# --- cross-field rules -----------------------------------------------------------------------


def capability_value(value: Any) -> Optional[str]:
    """A MediaCapabilities value by its string value (a str subclass or Enum member too);
    None for anything else."""
    text = string_value(value)
    return text if text in m.MEDIA_CAPABILITIES else None


def _capability_rules(caps: dict[Any, Any], loc: Location, ctx: _Context) -> None:
    # Audio takes part in no rule; an invalid value is None here (its own finding says why).
    video = capability_value(caps.get("Video"))
    content = capability_value(caps.get("Content"))
    resolutions = ctx.resolutions
    if resolutions is None:
        ctx.unchecked.update(("CHM-E301", "CHM-E302"))
    codes = capability_violations(video, content, resolutions)
    if not codes:
        return
    fix: Optional[dict[str, object]] = None
    if ctx.response:
        audio = capability_value(caps.get("Audio"))
        if resolutions is not None and (audio, video, content) in effective_triples(resolutions):
            return
    else:
        new_video, new_content = repair(video, content, resolutions)
        fix = {}
        here = pointer(loc)
        if new_video is not None and new_video != video:
            fix[here + "/Video"] = new_video
        if new_content is not None and new_content != content:
            fix[here + "/Content"] = new_content
    fix = fix or None
    video_why = "the meeting has video off" if "CHM-E301" in codes else "content needs video"
    for code in codes:
        if code == "CHM-E301":
            text = f"the meeting has video off (Video MaxResolution None): Video {video} is refused"
            why = "content is received only while video is received"
            ctx.add(code, (*loc, "Video"), text + _also(fix, "Content", why), fix)
        elif code == "CHM-E302":
            text = (
                "the meeting has content off (Content MaxResolution None): "
                f"Content {content} is refused"
            )
            ctx.add(code, (*loc, "Content"), text + _also(fix, "Video", video_why), fix)
        else:
            text = (
                f"an attendee who receives content (Content {content}) must also receive video "
                f"(Video SendReceive or Receive), and Video is {video}"
            )
            ctx.add(code, (*loc, "Content"), text + _also(fix, "Video", video_why), fix)


def _also(fix: Optional[Mapping[str, object]], other: str, why: str) -> str:
    """Why the fix of a capability finding also changes the ``other`` member, when it does."""
    changed = [value for path, value in (fix or {}).items() if path.endswith("/" + other)]
    return f"; the fix also sets {other} to {changed[0]}: {why}" if changed else ""


def _transition_rules(previous: Triple, caps: object, ctx: _Context) -> None:
    """CHM-W304/CHM-W305 for the top-level Capabilities of an update, given the attendee's current
    ones (kept out of the walk: they read an argument, not the request)."""
    for name, code, text in capability_transitions(previous, caps):
        ctx.add(code, ("Capabilities", name), text)


def capability_transitions(previous: Triple, caps: object) -> tuple[tuple[str, str, str], ...]:
    """(member, code, message) of each warning for capabilities ``caps`` replacing
    ``previous``; nothing for a value that is not an object."""
    if not isinstance(caps, dict):
        return ()
    new_values = (
        capability_value(caps.get("Audio")),
        capability_value(caps.get("Video")),
        capability_value(caps.get("Content")),
    )
    return transition_texts(previous, new_values)


@cache
def transition_texts(
    previous: Triple, new_values: tuple[Optional[str], ...]
) -> tuple[tuple[str, str, str], ...]:
    out = []
    for index, code in transition_warnings(previous, new_values):
        name = _CAPABILITY_MEMBERS[index]
        change = f"{name} goes from {previous[index]} to {new_values[index]}"
        if code == "CHM-W304":
            text = f"{change}: audio flows to the others as soon as the attendee is unmuted"
        else:
            text = f"{change}: remote attendees get the stream only after media renegotiation"
        out.append((name, code, text))
    return tuple(out)


def _resolution_parts(features: object) -> tuple[Optional[str], Optional[str]]:
    """(Video, Content) MaxResolution with the defaults applied; None for an unreadable one."""
    if features is None:
        return (m.DEFAULT_VIDEO_RESOLUTION, m.DEFAULT_CONTENT_RESOLUTION)
    if not isinstance(features, dict):
        return (None, None)
    video = _max_resolution(features.get("Video"), m.DEFAULT_VIDEO_RESOLUTION)
    content = _max_resolution(features.get("Content"), m.DEFAULT_CONTENT_RESOLUTION)
    return (
        video if video in m.VIDEO_RESOLUTIONS else None,
        content if content in m.CONTENT_RESOLUTIONS else None,
    )


def _max_resolution(part: object, default: str) -> Optional[str]:
    """A MaxResolution; the default where it is absent (or null, as a response says it)."""
    if part is None:
        return default
    if not isinstance(part, dict):
        return None
    value = part.get("MaxResolution")
    return default if value is None else string_value(value)


def _resolutions(features: object) -> Optional[Resolutions]:
    """Both resolutions, or None when either cannot be read (rules needing them go unchecked)."""
    video, content = _resolution_parts(features)
    return None if video is None or content is None else (video, content)


# --- public API ------------------------------------------------------------------------------


#: Contexts the fast path reads for the meeting_features and previous arguments; nothing is
#: ever written to them (features hold no capabilities; shapes alone record nothing unchecked).
_FEATURES_PROBE = _Context(response=True, resolutions=None)
_SHAPE_PROBE = _Context(response=False, resolutions=None, cross_field=False)


def _report(operation: str, ctx: _Context) -> Report:
    return Report.build(operation, ctx.findings, ctx.unchecked)


#: Where MeetingFeatures sit in a Meeting, and a Meeting in a response (from the rule data).
_FEATURES_MEMBER = next(n for n, s in m.MEETING.members.items() if s is m.MEETING_FEATURES)
_MEETING_MEMBER = next(
    n
    for op in m.OPERATIONS.values()
    if op.response is not None
    for n, s in op.response.members.items()
    if s is m.MEETING
)


def features_argument(value: object) -> object:
    """The MeetingFeatures of a meeting_features argument, which may be the MeetingFeatures
    themselves, a Meeting object, or a CreateMeeting or GetMeeting response (unwrapped).
    A Meeting without MeetingFeatures was created without them: ``{}``, the defaults."""
    if not isinstance(value, dict) or value.keys() & m.MEETING_FEATURES.members.keys():
        return value
    meeting = value.get(_MEETING_MEMBER)
    if isinstance(meeting, dict):
        value = meeting
    if value.keys() & m.MEETING.members.keys():
        features = value.get(_FEATURES_MEMBER)
        return {} if features is None else features
    return value


def _checked_features(value: object, what: str) -> dict[str, Any]:
    """The MeetingFeatures a meeting_features argument gives (see features_argument), read
    as the service sends them (nulls are absent, CHM-E401/CHM-E402 do not apply); plain types.
    Raises CapabilityValidationError on errors."""
    if value is None:
        return {}
    features = features_argument(value)
    clean = _clean(m.MEETING_FEATURES)
    if not clean(features, _FEATURES_PROBE):
        features = plain_value(m.MEETING_FEATURES, features)
        if not clean(features, _FEATURES_PROBE):
            ctx = _Context(response=True, resolutions=None)
            _walker(m.MEETING_FEATURES)(features, (), ctx)
            Report.build(what, ctx.findings).raise_for_errors()
    assert isinstance(features, dict)
    return features


def features_resolutions(value: object, what: str) -> Resolutions:
    """The resolutions of a meeting_features argument (see _checked_features)."""
    resolutions = _resolutions(_checked_features(value, what))
    assert resolutions is not None  # a features object without errors has readable resolutions
    return resolutions


#: The members of MeetingFeatures, case-folded.
_FOLDED_FEATURES = frozenset(name.casefold() for name in m.MEETING_FEATURES.members)


def _known_resolutions(value: object) -> Optional[Resolutions]:
    """The resolutions of the meeting_features argument of a validation; None (the rules
    that need them go unchecked) for an object holding none of the members of MeetingFeatures,
    a Meeting or a response, or one a member of it in the wrong case (``video``): what it
    says cannot be told, and it is never taken as the defaults."""
    features = _checked_features(value, "meeting_features")
    unknown = features.keys() - m.MEETING_FEATURES.members.keys()
    if features and len(unknown) == len(features):
        return None
    if any(isinstance(key, str) and key.casefold() in _FOLDED_FEATURES for key in unknown):
        return None
    return _resolutions(features)


def _checked_meeting_region(meeting: object) -> Optional[str]:
    """The MediaRegion of a ``meeting`` argument (a Meeting, or a response holding one under
    ``Meeting``); raise CapabilityValidationError when it is not a valid Meeting."""
    if meeting is None:
        return None
    if isinstance(meeting, dict) and isinstance(meeting.get("Meeting"), dict):
        meeting = meeting["Meeting"]
    ctx = _Context(response=True, resolutions=None, cross_field=False)
    _walk(m.MEETING, meeting, (), ctx)
    Report.build("meeting", ctx.findings).raise_for_errors()
    assert isinstance(meeting, dict)  # a value that is not an object gives an error
    region = meeting.get("MediaRegion")
    return region if isinstance(region, str) else None


def checked_triple(capabilities: object, what: str) -> Triple:
    """Check the shape of a capabilities argument (three valid values, nothing else)."""
    clean = _clean(m.ATTENDEE_CAPABILITIES)
    if not clean(capabilities, _SHAPE_PROBE):
        capabilities = plain_value(m.ATTENDEE_CAPABILITIES, capabilities)
        if not clean(capabilities, _SHAPE_PROBE):
            ctx = _Context(response=False, resolutions=None, cross_field=False)
            _walker(m.ATTENDEE_CAPABILITIES)(capabilities, (), ctx)
            Report.build(what, ctx.findings).raise_for_errors()
    assert isinstance(capabilities, dict)
    return (capabilities["Audio"], capabilities["Video"], capabilities["Content"])


def validate(
    operation: str,
    params: object,
    *,
    meeting_features: Optional[Mapping[str, Any]] = None,
    previous: Optional[Mapping[str, Any]] = None,
    meeting: Optional[Mapping[str, Any]] = None,
) -> Report:
    """Check the parameters of one API call, exactly as they would be passed to boto3.

    ``operation``: the API name, the boto3 method name or the AWS CLI command name.
    ``meeting_features``: the MeetingFeatures of the meeting an attendee request is about (as
    given to CreateMeeting or returned by GetMeeting). Without them the rules that need them
    are listed in ``Report.unchecked``. CreateMeeting and CreateMeetingWithAttendees use their
    own. ``previous``: the attendee's current capabilities, for the update operations; gives
    the transition warnings. ``meeting``: the meeting a transcription request is about (a
    Meeting, or a GetMeeting or CreateMeeting response); its MediaRegion is where
    transcription runs when the request names no Region (CHM-W616, unchecked without it).
    """
    op = _OPERATIONS.get(operation) if isinstance(operation, str) else None
    if op is None:
        op = m.OPERATIONS[operation_name(operation)]
    if op.creates_meeting:
        if meeting_features is not None:
            raise ValueError(
                f"{op.name} carries its own MeetingFeatures; do not pass meeting_features"
            )
        resolutions = _resolutions(
            params.get("MeetingFeatures") if isinstance(params, dict) else None
        )
    elif meeting_features is None:
        resolutions = None
    else:
        resolutions = _known_resolutions(meeting_features)
    prev: Optional[Triple] = None
    if previous is not None:
        if not op.updates_capabilities:
            raise ValueError(f"previous capabilities apply to capability updates, not {op.name}")
        prev = checked_triple(previous, "previous")
    ctx = _Context(False, resolutions, media_region=_checked_meeting_region(meeting))
    _walk(op.request, params, (), ctx)
    if op.updates_capabilities and isinstance(params, dict) and "Capabilities" in params:
        if prev is None:
            ctx.unchecked.update(("CHM-W304", "CHM-W305"))
        else:
            _transition_rules(prev, params["Capabilities"], ctx)
    return _report(op.name, ctx)


def part_findings(shape: m.Shape, value: object, loc: Location) -> tuple[list[Finding], set[str]]:
    """The findings and unchecked rules of one part of a request (a ``shape`` at ``loc``)."""
    ctx = _Context(False, None)
    _walk(shape, value, loc, ctx)
    return ctx.findings, ctx.unchecked


class MeetingParts(NamedTuple):
    findings: list[Finding]
    unchecked: set[str]
    #: The meeting's resolutions, if its features gave no finding.
    resolutions: Optional[Resolutions]
    #: For each capabilities value, whether it gave no finding.
    clean: list[bool]


def meeting_parts(
    features: object,
    has_features: bool,
    features_at: Location,
    capabilities: list[tuple[Location, object]],
) -> MeetingParts:
    """What a CreateMeetingWithAttendees request says about its MeetingFeatures and its
    attendees' Capabilities, each value given with its own location (a meeting profile holds
    these parts and nothing else of the request)."""
    ctx = _Context(False, _resolutions(features if has_features else None))
    if has_features:
        _walk(m.MEETING_FEATURES, features, features_at, ctx)
    resolutions = None if ctx.findings else ctx.resolutions
    clean = []
    for loc, caps in capabilities:
        before = len(ctx.findings)
        _walk(m.ATTENDEE_CAPABILITIES, caps, loc, ctx)
        clean.append(len(ctx.findings) == before)
    return MeetingParts(ctx.findings, ctx.unchecked, resolutions, clean)


def validate_response(
    operation: str, response: object, *, meeting_features: Optional[Mapping[str, Any]] = None
) -> Report:
    """Check a response. Capabilities in it are *effective* ones (defaults applied)."""
    op = m.OPERATIONS[operation_name(operation)]
    if op.response is None:
        with_response = ", ".join(o.name for o in m.OPERATIONS.values() if o.response is not None)
        raise ValueError(f"{op.name} returns no body to validate; responses: {with_response}")
    resolutions: Optional[Resolutions] = None
    if meeting_features is not None:
        resolutions = _known_resolutions(meeting_features)
    elif isinstance(response, dict) and isinstance(response.get("Meeting"), dict):
        resolutions = _resolutions(response["Meeting"].get("MeetingFeatures"))
    ctx = _Context(response=True, resolutions=resolutions)
    _walk(op.response, response, (), ctx)
    return _report(op.name, ctx)


def normalize(
    capabilities: Optional[Mapping[str, Any]] = None,
    *,
    meeting_features: Optional[Mapping[str, Any]] = None,
) -> AttendeeCapabilities:
    """The effective AttendeeCapabilities the service assigns.

    ``meeting_features`` None means a meeting created without MeetingFeatures (the documented
    defaults). Capabilities left out get the defaults of the decision table; given ones come
    back unchanged when an attendee of the meeting can have them, and raise
    CapabilityValidationError when no attendee can. An attendee can have more than a request
    may set: in a meeting with video off the default Video ``Receive`` is refused in a
    request (CHM-E301). Check a request with :func:`validate`.
    """
    resolutions = features_resolutions(meeting_features, "meeting_features")
    triple = effective_triple(capabilities, resolutions)
    return cast("AttendeeCapabilities", dict(zip(_CAPABILITY_MEMBERS, triple)))


def effective_triple(capabilities: object, resolutions: Resolutions) -> Triple:
    """What :func:`normalize` returns, as a triple, in a meeting whose features were checked."""
    if capabilities is None:
        return default_triple(resolutions)
    triple = checked_triple(capabilities, "normalize")
    if triple not in effective_triples(resolutions):
        ctx = _Context(response=False, resolutions=resolutions)
        _capability_rules(dict(zip(_CAPABILITY_MEMBERS, triple)), (), ctx)
        Report.build("normalize", ctx.findings).raise_for_errors()
    return triple


def normalize_meeting_features(features: Optional[Mapping[str, Any]] = None) -> MeetingFeatures:
    """A copy of ``features`` with the documented defaults (Video HD, Content FHD) filled in.

    ``features`` may also be a Meeting object or a CreateMeeting/GetMeeting response; null
    members are dropped (read as absent)."""
    checked = _checked_features(features, "normalize_meeting_features")
    resolutions = _resolutions(checked)
    assert resolutions is not None  # as in features_resolutions
    video, content = resolutions
    # Copy the two levels that change; other values are kept as given (never walked).
    out: dict[str, Any] = {
        key: {k: v for k, v in value.items() if v is not None} if isinstance(value, dict) else value
        for key, value in checked.items()
        if value is not None
    }
    out.setdefault("Video", {}).setdefault("MaxResolution", video)
    out.setdefault("Content", {}).setdefault("MaxResolution", content)
    return cast("MeetingFeatures", out)


def allowed_capabilities(meeting_features: Optional[Mapping[str, Any]] = None) -> frozenset[Triple]:
    """Every (Audio, Video, Content) an explicit request may set in the meeting.

    ``meeting_features`` None means a meeting created without MeetingFeatures."""
    return requestable_triples(features_resolutions(meeting_features, "meeting_features"))
