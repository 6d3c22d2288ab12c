"""The code writer: each shape is checked by two functions generated once from the rule data
as Python source, by one writer (``_Writer``) in two modes:

- a predicate, "this value gives no finding at all" (``clean``). It only has to be sound:
  never true where the walk would report something. Valid requests, the common case, are
  checked by it alone, without building a location or a finding.
- the walk (``walker``): the same checks, rule by rule, each followed by a call to the plain
  function of ``_findings.py`` that reports what failed, and the cross-field rules of each
  structure (``rule_findings``). Every message is written in those functions.

Both come from one description of each check; tests/property/test_fast_path.py holds the two
modes to each other. ``python -m capabilities.codegen OPERATION`` prints the generated source.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from itertools import product
from typing import Any, Callable, Optional, cast

from . import _findings as f
from . import _model as m
from ._crossfield import UNREADABLE, Resolutions
from ._findings import IN_RESPONSE, Context
from ._values import is_int
from .report import Location, pointer

__all__ = ["clean", "shape_source", "walk", "walker"]


#: The ids of the rules a response is not checked against: those that constrain requests
#: only (every code of theirs has Rule.in_response "").
_REQUESTS_ONLY = frozenset(
    id(rule)
    for op in m.OPERATIONS.values()
    for shape in (op.request, op.response)
    if shape is not None
    for rule in m.rules_within(shape)
    if all(IN_RESPONSE.get(code) == "" for code in rule.codes)
)


def walk(shape: m.Shape, value: object, loc: Location, ctx: Context) -> None:
    """Report every finding about ``value``, a ``shape`` at ``loc``."""
    if not clean(shape)(value, ctx):
        walker(shape)(value, loc, ctx)


# --- the cross-field rules (called by the generated functions) --------------------------------


def rules_clean(shape: m.Structure, value: dict[str, Any], ctx: Context) -> bool:
    """The cross-field rules of ``shape`` give nothing for ``value``, whose members are clean."""
    for rule in shape.rules:
        if ctx.response and id(rule) in _REQUESTS_ONLY:
            continue
        ctx.unchecked.update(rule.unchecked(value, ctx))
        if not rule.clean(value, ctx):
            return False
    return True


def rule_findings(
    shape: m.Structure,
    value: dict[Any, Any],
    loc: Location,
    unusable: Collection[str],
    ctx: Context,
) -> None:
    """The findings of the cross-field rules of ``shape``. A rule reads the members that are
    valid on their own: an object or list member of the right type, a scalar member that gave
    no finding (``unusable`` lists those that did: the walk knows). Another member that is
    present counts as given, with a value no rule reads (``UNREADABLE``)."""
    members = {
        name: value[name] if _usable(sub, value[name], name, unusable) else UNREADABLE
        for name, sub in shape.members.items()
        if name in value and not (ctx.response and value[name] is None)
    }
    for rule in shape.rules:
        if ctx.response and id(rule) in _REQUESTS_ONLY:
            continue
        ctx.unchecked.update(rule.unchecked(members, ctx))
        for code, at, message, fix in rule.findings(members, ctx):
            moved = None if fix is None else {pointer((*loc, *p)): v for p, v in fix.items()}
            ctx.add(code, (*loc, *at), message, moved)


def _usable(shape: m.Shape, value: object, name: str, unusable: Collection[str]) -> bool:
    if isinstance(shape, (m.Structure, m.MapOf)):
        return isinstance(value, dict)
    if isinstance(shape, m.ListOf):
        return isinstance(value, (list, tuple))
    return name not in unusable


class CleanTuples(dict[tuple[bool, Optional[Resolutions], bool], frozenset[tuple[object, ...]]]):
    """For an enumerated structure (``Structure.enumerated``), by (response, the meeting's
    resolutions, cross_field): the states of its members, as tuples, that its cross-field
    rules give nothing for. A member's state is its value, ``_MISSING`` (absent) or
    ``UNREADABLE`` (present and not valid: see rule_findings). Such rules read no fact but
    the resolutions."""

    def __init__(self, shape: m.Structure) -> None:
        super().__init__()
        self.shape = shape

    def __missing__(
        self, key: tuple[bool, Optional[Resolutions], bool]
    ) -> frozenset[tuple[object, ...]]:
        response, resolutions, cross_field = key
        shape = self.shape
        states = [
            (*(cast(m.String, sub).enum or ()), _MISSING, UNREADABLE)
            for sub in shape.members.values()
        ]
        ctx = Context(response, resolutions)
        rules = [r for r in shape.rules if not (response and id(r) in _REQUESTS_ONLY)]
        found = set()
        for values in product(*states):
            given = {n: v for n, v in zip(shape.members, values) if v is not _MISSING}
            if not cross_field or all(rule.clean(given, ctx) for rule in rules):
                found.add(values)
        self[key] = frozen = frozenset(found)
        return frozen


def clean_tuples(shape: m.Structure) -> CleanTuples:
    table = _CLEAN_TUPLES.get(id(shape))
    if table is None:
        table = _CLEAN_TUPLES[id(shape)] = CleanTuples(shape)
    return table


_CLEAN_TUPLES: dict[int, CleanTuples] = {}


# --- generated code --------------------------------------------------------------------------

_Clean = Callable[[object, Context], bool]
_Walker = Callable[[object, Location, Context], None]
_CLEAN: dict[int, _Clean] = {}
_WALKER: dict[int, _Walker] = {}
_MISSING = object()


def clean(shape: m.Shape) -> _Clean:
    compiled = _CLEAN.get(id(shape))
    if compiled is None:
        compiled = _CLEAN[id(shape)] = cast(_Clean, _Writer(walk=False).function(shape))
    return compiled


def walker(shape: m.Shape) -> _Walker:
    compiled = _WALKER.get(id(shape))
    if compiled is None:
        compiled = _WALKER[id(shape)] = cast(_Walker, _Writer(walk=True).function(shape))
    return compiled


_SHAPES = (m.String, m.Integer, m.Boolean, m.ListOf, m.MapOf, m.Structure)


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
        #: The predicate's variable of each member read: by (the object's variable, name).
        self.member_variables: dict[tuple[str, str], str] = {}
        #: The list a loop of the predicate gathers a variable's values in (joined patterns).
        self.gathered: dict[str, str] = {}
        #: For each enumerated structure checked (by constant name): see enumerated_names.
        self.enumerated: dict[str, tuple[str, str, tuple[str, ...]]] = {}

    # --- the source ----------------------------------------------------------------------

    def source(self, shape: m.Shape) -> str:
        """The generated function's source (its constants are in ``self.constants``)."""
        with self.block(f"def {self.name}({self.parameters}):"):
            self.line("response = ctx.response")
            self.line("cross_field = ctx.cross_field")
            with self.captured() as body:
                self.generate(shape, "v0", "*loc")
            # An enumerated structure's clean values, read once (or where the meeting is set:
            # see meeting_of); and the rules it holds that go unchecked without the meeting's
            # features, recorded once, at the end.
            if not (isinstance(shape, m.Structure) and shape.features_member):
                self.read_clean_values()
            for _, unknown, codes in self.enumerated.values():
                if codes:
                    self.line(f"{unknown} = False")
            self.lines += body
            for _, unknown, codes in self.enumerated.values():
                if codes:
                    self.line(f"if {unknown} and cross_field: ctx.unchecked.update({codes!r})")
            if not self.walk:
                self.line("return True")
        return "\n".join(self.lines) + "\n"

    def function(self, shape: m.Shape) -> Callable[..., Any]:
        """The compiled function. Its file name, ``<chime-capabilities: Shape walk>``, is
        registered with ``linecache``: tracebacks and profilers show the generated lines."""
        import linecache  # here: generating code is the first call's work, not the import's

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
        if condition != "False" and all(IN_RESPONSE.get(code) == "" for code in codes):
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

    def enumerated_names(self, shape: m.Structure) -> tuple[str, str, tuple[str, ...]]:
        """For an enumerated structure: the names of its clean values and of its flag "one
        was given in a meeting of unknown features", and the codes its rules leave unchecked
        then."""
        this = self.constant(shape)
        if this not in self.enumerated:
            codes = tuple(sorted({c for rule in shape.rules for c in rule.needs_features}))
            self.enumerated[this] = (f"clean{this}", f"unchecked{this}", codes)
        return self.enumerated[this]

    def clean_enumerated(self, shape: m.Structure, v: str) -> str:
        """True for a value of an enumerated structure that gives no finding: its members,
        nothing else, and a tuple of the clean ones (see clean_tuples)."""
        names = [self.variable() for _ in shape.members]
        strings = " and ".join(
            f"type({name} := {v}.get({member!r})) is str"
            for name, member in zip(names, shape.members)
        )
        values = self.enumerated_names(shape)[0]
        return (
            f"type({v}) is dict and len({v}) == {len(shape.members)} and {strings} "
            f"and ({', '.join(names)},) in {values}"
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
                f"type({v}) is not bool", f.wrong_type, self.constant(shape), v, f"({where},)"
            )
        elif isinstance(shape, m.ListOf):
            self.generate_list(shape, v, where)
        elif isinstance(shape, m.MapOf):
            self.generate_map(shape, v, where)
        elif shape.features_member is None:
            self.generate_structure(shape, v, where)
        else:
            with self.meeting_of(shape, v):
                self.generate_structure(shape, v, where)

    @contextmanager
    def meeting_of(self, shape: m.Structure, v: str) -> Iterator[None]:
        """The checks written within read the meeting's resolutions that ``v``'s features
        member gives (the rules of AttendeeCapabilities in a request that creates a meeting),
        and the outer ones again after them. They are set on the context, which belongs to
        one validation."""
        outer = self.variable()
        reader = self.constant(m.resolutions_of)
        features = f"{v}.get({shape.features_member!r}) if isinstance({v}, dict) else None"
        self.line(f"{outer} = ctx.resolutions")
        self.line(f"ctx.resolutions = {reader}({features})")
        with self.block("try:"):
            with self.captured() as body:
                yield
            self.read_clean_values()
            self.lines += body
        with self.block("finally:"):
            self.line(f"ctx.resolutions = {outer}")
        self.read_clean_values()

    def read_clean_values(self) -> None:
        """The clean values of each enumerated structure, for the meeting's resolutions, and
        whether those are unknown."""
        if self.enumerated:
            self.line("meeting_unknown = ctx.resolutions is None")
        for this, (values, _, _) in self.enumerated.items():
            shape = cast(m.Structure, self.constants[this])
            table = self.constant(clean_tuples(shape), f"{this}_clean_values")
            self.line(f"{values} = {table}[response, ctx.resolutions, cross_field]")

    def generate_integer(self, shape: m.Integer, v: str, where: str) -> None:
        # integer_findings tells a wrong type from a value out of range
        wrong = f"not {self.constant(is_int)}({v})" if self.walk else f"type({v}) is not int"
        fails = f"{wrong} or {self.outside(v, shape.minimum, shape.maximum)}"
        self.check(fails, f.integer_findings, self.constant(shape), v, f"({where},)")

    def generate_string(self, shape: m.String, v: str, where: str) -> None:
        """Each rule of a string on its own: a valid value costs the checks once, and an
        invalid one is tested once by each rule."""
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "str"), f.wrong_type, this, v, at):
            if self.walk:
                # a str subclass (an Enum member) is read by its value, whatever its methods say
                self.line(f"if type({v}) is not str: {v} = {self.constant(str.__str__)}({v})")
            if shape.enum is not None:
                values = self.constant(frozenset(shape.enum), f"_{shape.name}_values")
                self.check(f"{v} not in {values}", f.enum_finding, this, v, at)
                return
            size = f"len({v})"
            if shape.min_length is not None or shape.max_length is not None:
                size = self.variable()
                self.line(f"{size} = len({v})")
                bounds = self.outside(size, shape.min_length, shape.max_length)
                self.check(bounds, f.length_finding, this, size, at)
            if shape.reserved_prefix:
                self.check(self.reserved(v), f.reserved_finding, this, at)
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
                self.check(f"{fits}{v} not in {known}", f.unknown_value, this, v, at)

    def generate_pattern(
        self, shape: m.String, pattern: m.Pattern, v: str, size: str, fits: str, at: str
    ) -> None:
        this = self.constant(shape)
        joined = None if self.walk or not self.loops else _concatenation_matcher(pattern)
        if joined is not None:
            # The values of the loop all match exactly when their concatenation matches the
            # joined pattern: one call after the loop checks them all.
            if pattern.length is not None:
                self.check(f"{size} != {pattern.length}", f.pattern_finding, this, v, at)
            name = self.variable()
            self.loops[-1].append((name, self.constant(joined, f"_{shape.name}_joined_pattern")))
            self.line(f"{name}.append({v})")
            self.gathered[v] = name
            return
        matcher = self.constant(pattern.compiled.fullmatch, f"_{shape.name}_pattern")
        refused = f"{matcher}({v}) is None"
        if pattern.length is not None:
            refused = f"({size} != {pattern.length} or {refused})"
        self.check(f"{fits}{refused}", f.pattern_finding, this, v, at)

    def generate_list(self, shape: m.ListOf, v: str, where: str) -> None:
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "list", "tuple"), f.wrong_type, this, v, at):
            bounds = self.requests_only(
                self.outside(f"len({v})", shape.min_items, shape.max_items), "CHM-E105"
            )
            if bounds != "False":
                self.check(bounds, f.count_finding, this, f"len({v})", at)
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
                self.report(f.duplicates, v, unique, str(shape.unique_ignores_case), at)
            else:
                # the items are clean here, so each unique member is a string or absent
                name, _ = shape.unique_member
                fold = ".lower()" if shape.unique_ignores_case else ""
                keys = f"{{{item}.get({name!r}, ''){fold} for {item} in {v}}}"
                required = isinstance(shape.member, m.Structure) and name in shape.member.required
                gathered = self.gathered.get(self.member_variables.get((item, name), ""))
                if required and gathered is not None:
                    # every item's value is in the list the loop gathered for the pattern
                    key = self.variable()
                    keys = (
                        f"{{{key}{fold} for {key} in {gathered}}}" if fold else f"set({gathered})"
                    )
                self.line(f"if len({keys}) != len({v}): return False")

    def generate_map(self, shape: m.MapOf, v: str, where: str) -> None:
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "dict"), f.wrong_type, this, v, at):
            name, item = self.variable(), self.variable()
            # a member name that is not a string (a YAML key can be a number) is located by
            # its text
            where = f"{where}, {self.constant(str, '_as_text')}({name})"
            loops, self.loops = self.loops, []  # no pattern is joined across the members
            with self.block(f"for {name}, {item} in {v}.items():"):
                if shape.nullable:
                    with self.block(f"if {item} is not None:"):
                        self.generate_member(shape.value, item, where)
                else:
                    self.generate_member(shape.value, item, where)
            self.loops = loops

    def generate_structure(self, shape: m.Structure, v: str, where: str) -> None:
        if not (shape.rules and shape.enumerated):
            with self.members(shape, v, where):
                pass
            return
        # An enumerated structure has finitely many values, and which of them its rules give
        # nothing for is known (clean_tuples). Most values are one of those, and one test says
        # so: the predicate stops there; the walk checks the others member by member, then by
        # the rules, unless the members' states (a member may be absent or not valid) are
        # among those the rules give nothing for either.
        values, unknown, codes = self.enumerated_names(shape)
        # the rules that go unchecked without the meeting's features: recorded at the end
        unchecked = f"if meeting_unknown: {unknown} = True" if codes else "pass"
        clean = self.clean_enumerated(shape, v)
        if not self.walk:
            self.line(f"if not ({clean}): return False")
            self.line(unchecked)
            return
        with self.block(f"if {clean}:"):
            self.line(unchecked)
        with (
            self.block("else:"),
            self.members(shape, v, where, rules=False) as (members, unusable),
        ):
            unreadable = self.constant(UNREADABLE, "_UNREADABLE")
            states = ", ".join(
                f"_MISSING if {member} is _MISSING or (response and {member} is None) "
                f"else {unreadable} if {name!r} in {unusable} else {member}"
                for name, member in zip(shape.members, members)
            )
            with self.block(f"if cross_field and ({states},) in {values}:"):
                self.line(unchecked)
            with self.block("elif cross_field:"):
                self.report(rule_findings, self.constant(shape), v, f"({where},)", unusable)

    @contextmanager
    def members(
        self, shape: m.Structure, v: str, where: str, rules: bool = True
    ) -> Iterator[tuple[list[str], str]]:
        """The checks of an object: its type, members, unknown members and (``rules``) its
        cross-field rules. The lines written within follow them, for an object: the members'
        variables given, and (the walk only) the variable listing the scalar members that
        gave a finding, for the rules (see rule_findings)."""
        at, this = f"({where},)", self.constant(shape)
        with self.unless(self.not_of_type(v, "dict"), f.wrong_type, this, v, at):
            count = self.variable()  # members found; any other key is unknown
            # past its check, a required member is there in the predicate: counted at once
            self.line(f"{count} = {len(shape.required) if not self.walk else 0}")
            unusable = ""
            if self.walk and shape.rules:
                unusable = self.variable()
                self.line(f"{unusable} = []")
            members: list[str] = []
            for name, sub in shape.members.items():
                member = self.variable()
                members.append(member)
                self.member_variables[v, name] = member
                self.line(f"{member} = {v}.get({name!r}, _MISSING)")
                if name in shape.required and not self.walk:
                    # every predicate begins with an exact type test, which _MISSING fails
                    self.checked_member(sub, member, f"{where}, {name!r}", name, unusable)
                elif name in shape.required:
                    with self.unless(f"{member} is _MISSING", f.missing, this, repr(name), at):
                        self.line(f"{count} += 1")
                        self.checked_member(sub, member, f"{where}, {name!r}", name, unusable)
                else:
                    self.line(f"if response and {member} is None: {count} += 1  # absent")
                    with self.block(f"elif {member} is not _MISSING:"):
                        self.line(f"{count} += 1")
                        self.checked_member(sub, member, f"{where}, {name!r}", name, unusable)
            for name in shape.ignored:
                self.line(f"if {name!r} in {v}: {count} += 1")
            self.check(f"{count} != len({v})", f.unknown, this, v, at)
            if rules and shape.rules and self.walk:
                with self.block("if cross_field:"):
                    self.report(rule_findings, this, v, at, unusable)
            elif rules and shape.rules:
                clean = f"{self.constant(rules_clean)}({this}, {v}, ctx)"
                self.line(f"if cross_field and not {clean}: return False")
            yield members, unusable

    def checked_member(self, shape: m.Shape, v: str, where: str, name: str, unusable: str) -> None:
        """The checks of a member; ``unusable``: the list a scalar member that gives a finding
        is added to (none, when empty)."""
        if not unusable or isinstance(shape, (m.Structure, m.MapOf, m.ListOf)):
            self.generate_member(shape, v, where)
            return
        mark = self.variable()
        self.line(f"{mark} = len(ctx.findings)")
        self.generate_member(shape, v, where)
        self.line(f"if len(ctx.findings) != {mark}: {unusable}.append({name!r})")

    def generate_member(self, shape: m.Shape, v: str, where: str) -> None:
        if (
            self.walk
            and isinstance(shape, m.Structure)
            and not (shape.rules and shape.enumerated)
            and not any(rule.costly for rule in shape.rules)
        ):
            # most nested objects are clean: one call says so (not asked of an enumerated
            # object, which says so itself, nor of an object whose rules cost more than
            # walking it: they would run twice)
            predicate = self.constant(clean(shape), f"_{shape.name}_clean")
            with self.block(f"if not {predicate}({v}, ctx):"):
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
