"""Cross-field rules as objects: each is attached to the structure it constrains
(``Structure.rules`` in ``_model.py``) and carries its condition, its findings, its fix and
its JSON Schema fragment. The engine, the schema generator and the docs iterate them.

A rule reads the members of one object. The engine passes the members that are valid on their
own (an object member counts when it is an object) with their values, and a member that is
present and not valid as ``UNREADABLE``: it is given (the service sees it, and so does the JSON
Schema), and no rule reads its value, so a rule never repeats a finding its member's shape
already gives. A member is *given* when it is present and not ``false``
(``IdentifyLanguage: false`` counts as not included).

This module imports nothing of the package: ``_model.py`` builds the rules from its data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import islice, product
from typing import Any, Optional, Protocol, Union

__all__ = [
    "UNREADABLE",
    "AttendeeLimit",
    "Capabilities",
    "CommaList",
    "Excludes",
    "Facts",
    "Found",
    "MeetingRegion",
    "OneOf",
    "PresetTransitions",
    "Renamed",
    "Requires",
    "StructureRule",
    "Transitions",
    "Within",
    "given",
    "given_schema",
    "shown",
    "some",
]

Path = tuple[Union[str, int], ...]
#: (code, path relative to the object, message, fix as {relative path: value} or None). A fix
#: value of None removes the member.
Found = tuple[str, Path, str, Optional[Mapping[Path, object]]]
Schema = dict[str, Any]
#: An attendee's (Audio, Video, Content) capabilities.
Triple = tuple[str, str, str]
#: A meeting's (Video MaxResolution, Content MaxResolution), defaults applied.
Resolutions = tuple[str, str]


class Facts(Protocol):
    """What a validation knows beyond the value: read by the rules that need it."""

    #: The value is a response (what the service sent), not a request.
    response: bool
    #: The meeting's resolutions; None when its features are unknown.
    resolutions: Optional[Resolutions]
    #: The MediaRegion of the meeting a request is about; None when unknown.
    media_region: Optional[str]
    #: The attendee's current capabilities, for an update; None when unknown.
    previous: Optional[Triple]


class _Unreadable:
    """The value of a member that is present and not valid on its own."""

    def __repr__(self) -> str:
        return "<unreadable>"


#: What the engine passes for a member that is present and not valid on its own.
UNREADABLE: Any = _Unreadable()


def given(value: Mapping[str, Any], name: str) -> bool:
    return name in value and value[name] is not False


def given_schema(name: str) -> Schema:
    """JSON Schema: the member is given."""
    return {"required": [name], "properties": {name: {"not": {"const": False}}}}


def _any_given(names: tuple[str, ...]) -> Schema:
    return (
        given_schema(names[0]) if len(names) == 1 else {"anyOf": [given_schema(n) for n in names]}
    )


def shown(value: str, limit: int = 40) -> str:
    """A string as a message quotes it: its repr, cut to ``limit`` characters."""
    text = repr(value[: limit + 1])
    return text if len(text) <= limit else text[: limit - 4] + "...'"


#: Names listed in a message, at most (a message must not grow with the file).
LISTED = 5


def some(names: Iterable[object], count: int) -> str:
    """The first few of ``count`` names, each quoted, and how many more there are."""
    listed = ", ".join(shown(str(name)) for name in islice(names, LISTED)) or "none"
    more = count - LISTED
    return f"{listed} and {more:,} more" if more > 0 else listed


class StructureRule:
    """What every rule provides: its code (``codes``, the codes it may report, where it has
    several), its findings and whether a value gives none, the codes it cannot evaluate
    without the meeting, and its JSON Schema fragments."""

    __slots__ = ()

    code: str
    #: The rule reads the meeting (its MediaRegion), given to ``validate`` as ``meeting``.
    needs_meeting = False
    #: The rule reads the attendee's current capabilities, given to ``validate`` as
    #: ``previous`` (the operation updates capabilities).
    needs_previous = False
    #: The rule's cost grows with the value (it reads every item of a list): the walk does
    #: not ask the predicate whether an object it constrains is clean first, which would
    #: evaluate the rule twice where it finds something.
    costly = False

    @property
    def needs_features(self) -> tuple[str, ...]:
        """The codes that go unchecked without the meeting's features (``meeting_features``)."""
        return ()

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.code,)

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        raise NotImplementedError

    def clean(self, value: Mapping[str, Any], facts: Facts) -> bool:
        return next(self.findings(value, facts), None) is None

    def unchecked(self, value: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
        """The codes this rule cannot evaluate for ``value`` (what it needs was not given)."""
        return ()

    def schema(self) -> list[Schema]:
        """``allOf`` fragments stating the rule in JSON Schema; none for a warning or a rule
        JSON Schema cannot express (docs/json-schema.md lists those)."""
        return []

    @property
    def schema_codes(self) -> tuple[str, ...]:
        """The codes the fragments of ``schema`` state."""
        return self.codes


class OneOf(StructureRule):
    """Exactly one of ``members`` is given."""

    __slots__ = ("code", "members")

    def __init__(self, code: str, members: tuple[str, ...]) -> None:
        self.code = code
        self.members = members

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        present = [name for name in self.members if given(value, name)]
        if len(present) == 1:
            return
        names = " or ".join(self.members)
        if not present:
            yield (self.code, (), f"give {names}", None)
        else:
            for name in present[1:]:
                yield (self.code, (name,), f"give only one of {names}, not also {name}", None)

    def schema(self) -> list[Schema]:
        return [{"oneOf": [given_schema(name) for name in self.members]}]


class Excludes(StructureRule):
    """When ``member`` is given, none of ``others`` may be."""

    __slots__ = ("code", "member", "others")

    def __init__(self, code: str, member: str, others: tuple[str, ...]) -> None:
        self.code = code
        self.member = member
        self.others = others

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        if given(value, self.member):
            for name in self.others:
                if given(value, name):
                    yield (
                        self.code,
                        (name,),
                        f"{name} cannot be combined with {self.member}",
                        None,
                    )

    def schema(self) -> list[Schema]:
        return [
            {"if": given_schema(self.member), "then": {"not": given_schema(name)}}
            for name in self.others
        ]


class Requires(StructureRule):
    """``member`` is given only with every one of ``all_of`` and at least one of ``any_of``.
    ``fix_remove``: the fix removes ``member``. ``in_schema`` False for a warning."""

    __slots__ = ("all_of", "any_of", "code", "fix_remove", "in_schema", "member")

    def __init__(
        self,
        code: str,
        member: str,
        *,
        all_of: tuple[str, ...] = (),
        any_of: tuple[str, ...] = (),
        fix_remove: bool = False,
        in_schema: bool = True,
    ) -> None:
        self.code = code
        self.member = member
        self.all_of = all_of
        self.any_of = any_of
        self.fix_remove = fix_remove
        self.in_schema = in_schema

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        if not given(value, self.member):
            return
        missing = [name for name in self.all_of if not given(value, name)]
        if self.any_of and not any(given(value, name) for name in self.any_of):
            missing.append(" or ".join(self.any_of))
        if missing:
            fix: Optional[Mapping[Path, object]] = (
                {(self.member,): None} if self.fix_remove else None
            )
            text = f"{self.member} applies only with {' and '.join(missing)}"
            yield (self.code, (self.member,), text, fix)

    def schema(self) -> list[Schema]:
        if not self.in_schema:
            return []
        then: list[Schema] = [given_schema(name) for name in self.all_of]
        if self.any_of:
            then.append(_any_given(self.any_of))
        return [{"if": given_schema(self.member), "then": {"allOf": then}}]


class CommaList(StructureRule):
    """A string of comma-separated items, each (trimmed of spaces when ``trim``) one of
    ``values``.

    ``code``: an item outside ``values``, fewer than ``min_items``, or ``alone`` combined with
    others. ``dialect_code``: two items with the same part before ``-`` (one dialect per
    language). ``many_code``: more than ``max_recommended`` items (a warning)."""

    __slots__ = (
        "alone",
        "code",
        "dialect_code",
        "many_code",
        "max_recommended",
        "member",
        "min_items",
        "trim",
        "values",
    )

    def __init__(
        self,
        code: str,
        member: str,
        values: tuple[str, ...],
        *,
        min_items: int = 1,
        trim: bool = False,
        alone: Optional[str] = None,
        dialect_code: Optional[str] = None,
        many_code: Optional[str] = None,
        max_recommended: Optional[int] = None,
    ) -> None:
        self.code = code
        self.member = member
        self.values = values
        self.min_items = min_items
        self.trim = trim
        self.alone = alone
        self.dialect_code = dialect_code
        self.many_code = many_code
        self.max_recommended = max_recommended

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c for c in (self.code, self.dialect_code, self.many_code) if c is not None)

    def items(self, text: str) -> list[str]:
        parts = text.split(",")
        return [part.strip(" ") for part in parts] if self.trim else parts

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        listed = value.get(self.member)
        if not isinstance(listed, str):
            return
        at = (self.member,)
        items = self.items(listed)
        unknown = [item for item in items if item not in self.values]
        if unknown:
            yield (
                self.code,
                at,
                f"{shown(unknown[0])} is not one of {', '.join(self.values)}",
                None,
            )
        elif len(items) < self.min_items:
            yield (self.code, at, f"{len(items)} item(s); give at least {self.min_items}", None)
        elif self.alone is not None and self.alone in items and len(items) > 1:
            yield (self.code, at, f"{self.alone} cannot be combined with other values", None)
        if self.dialect_code is not None and not unknown:
            languages: dict[str, str] = {}
            for item in items:
                language = item.split("-")[0]
                if language in languages and languages[language] != item:
                    text = f"{languages[language]} and {item}: one dialect per language"
                    yield (self.dialect_code, at, text, None)
                    break
                languages[language] = item
        many = self.max_recommended
        if self.many_code is not None and many is not None and len(items) > many:
            text = f"{len(items)} items; more than {many} is not recommended"
            yield (self.many_code, at, text, None)

    def schema(self) -> list[Schema]:
        # The values are plain words, letters, digits, '-' and '_': no escaping needed.
        space = " *" if self.trim else ""
        one = "(?:" + "|".join(v for v in self.values if v != self.alone) + ")"
        rest = max(self.min_items - 1, 0)
        sep = f"{space},{space}"
        listed = f"{one}(?:{sep}{one}){{{rest},}}"
        if self.alone is not None:
            listed = f"(?:{self.alone}|{listed})"
        pattern = f"^{space}{listed}{space}$(?!\\n)"
        return [{"properties": {self.member: {"pattern": pattern}}}]


class Within(StructureRule):
    """``member``'s value is one of the comma-separated items of ``listing``, when both and
    ``when`` are given (without ``when``, another rule reports the member). JSON Schema cannot
    express it. The fix removes ``member``."""

    __slots__ = ("code", "listing", "member", "when")

    def __init__(self, code: str, member: str, listing: str, *, when: str) -> None:
        self.code = code
        self.member = member
        self.listing = listing
        self.when = when

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        item, text = value.get(self.member), value.get(self.listing)
        if (
            given(value, self.when)
            and isinstance(item, str)
            and isinstance(text, str)
            and item not in text.split(",")
        ):
            message = f"{item} is not one of the {self.listing} {shown(text)}"
            yield (self.code, (self.member,), message, {(self.member,): None})


class Renamed(StructureRule):
    """With ``switch`` given, ``plain`` members are refused in favour of their ``switched``
    twins, and the other way round without it. The fix renames the member where the value
    suits the other one and the other one is absent."""

    __slots__ = ("code", "pairs", "suits_switched", "switch")

    def __init__(
        self,
        code: str,
        switch: str,
        pairs: tuple[tuple[str, str], ...],
        *,
        suits_switched: Callable[[str], bool],
    ) -> None:
        self.code = code
        self.switch = switch
        #: (member without the switch, member with it)
        self.pairs = pairs
        #: Whether a value of a member without the switch is valid for its twin.
        self.suits_switched = suits_switched

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        on = given(value, self.switch)
        for plain, switched in self.pairs:
            wrong, right = (plain, switched) if on else (switched, plain)
            if not given(value, wrong):
                continue
            fix: Optional[Mapping[Path, object]] = None
            current = value[wrong]
            if (
                right not in value
                and current is not UNREADABLE
                and (not on or self.suits_switched(current))
            ):
                fix = {(wrong,): None, (right,): current}
            state = "with" if on else "without"
            yield (self.code, (wrong,), f"{state} {self.switch}, use {right}, not {wrong}", fix)

    def schema(self) -> list[Schema]:
        plain = tuple(p for p, _ in self.pairs)
        switched = tuple(s for _, s in self.pairs)
        return [
            {
                "if": given_schema(self.switch),
                "then": {"not": _any_given(plain)},
                "else": {"not": _any_given(switched)},
            }
        ]


class MeetingRegion(StructureRule):
    """``member`` left out means the meeting's MediaRegion; warn when that is known and not
    one of ``regions``, and suggest ``suggested``. Unchecked when the meeting is unknown."""

    __slots__ = ("code", "member", "regions", "suggested")
    needs_meeting = True

    def __init__(self, code: str, member: str, regions: tuple[str, ...], suggested: str) -> None:
        self.code = code
        self.member = member
        self.regions = regions
        self.suggested = suggested

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        media_region = facts.media_region
        if self.member in value or media_region is None or media_region in self.regions:
            return
        text = (
            f"{self.member} left out means the meeting's MediaRegion {shown(media_region)}, "
            f"where this engine does not run; use {self.suggested!r}"
        )
        yield (self.code, (self.member,), text, {(self.member,): self.suggested})

    def unchecked(self, value: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
        return self.codes if facts.media_region is None and self.member not in value else ()


class AttendeeLimit(StructureRule):
    """A ``high`` resolution (per member, the ``MaxResolution`` values that count as high;
    a left-out resolution is a default, never high) needs ``Attendee.MaxCount`` (``code``),
    at most ``limit`` (``over_code``). The fix sets it to ``limit``."""

    __slots__ = ("code", "high", "limit", "over_code")

    def __init__(
        self,
        code: str,
        over_code: str,
        *,
        high: tuple[tuple[str, tuple[str, ...]], ...],
        limit: int,
    ) -> None:
        self.code = code
        self.over_code = over_code
        self.high = high
        self.limit = limit

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.code, self.over_code)

    def _high(self, value: Mapping[str, Any]) -> list[str]:
        """The high resolutions given, as "FHD video"."""
        out = []
        for member, values in self.high:
            part = value.get(member)
            given = part.get("MaxResolution") if isinstance(part, dict) else None
            if isinstance(given, str) and given in values:
                out.append(f"{str.__str__(given)} {member.lower()}")
        return out

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        high = self._high(value)
        if not high:
            return
        what = " and ".join(high)
        at: Path = ("Attendee", "MaxCount")
        attendee = value.get("Attendee")
        count = attendee.get("MaxCount") if isinstance(attendee, dict) else None
        fix = {at: self.limit}
        if attendee is None or (isinstance(attendee, dict) and "MaxCount" not in attendee):
            yield (self.code, at, f"{what} requires Attendee.MaxCount", fix)
        elif isinstance(count, int) and not isinstance(count, bool) and count > self.limit:
            text = f"with {what}, MaxCount is at most {self.limit}, not {int(count)}"
            yield (self.over_code, at, text, fix)

    def schema(self) -> list[Schema]:
        high = [
            {"required": [member], "properties": {member: _member_in("MaxResolution", values)}}
            for member, values in self.high
            if values
        ]
        attendee = {"required": ["MaxCount"], "properties": {"MaxCount": {"maximum": self.limit}}}
        return [
            {
                "if": {"anyOf": high},
                "then": {"required": ["Attendee"], "properties": {"Attendee": attendee}},
            }
        ]


def _member_in(name: str, values: tuple[str, ...]) -> Schema:
    """JSON Schema: an object whose member ``name`` is one of ``values``."""
    return {"required": [name], "properties": {name: {"enum": list(values)}}}


class Capabilities(StructureRule):
    """An attendee's capabilities (``members``: audio, video, content, each one of
    ``values``) against the meeting's features and each other: no video where the meeting has
    video off (``video_code``), no content where it has content off (``content_code``), and
    content received only with video received (``code``). A ``MaxResolution`` of ``off``
    turns a medium off. ``defaults``: what the service assigns when a create request leaves
    Capabilities out, by (video off, content off).

    The fix turns off what the meeting does not have, then drops content's receive direction
    if video does not receive; audio never needs a change. A response holds *effective*
    capabilities: what a request may set, or the default assignment."""

    __slots__ = (
        "code",
        "content_code",
        "defaults",
        "members",
        "off",
        "receiving",
        "sending",
        "values",
        "video_code",
    )

    def __init__(
        self,
        code: str,
        *,
        video_code: str,
        content_code: str,
        members: tuple[str, str, str],
        values: tuple[str, ...],
        receiving: frozenset[str],
        sending: frozenset[str],
        off: str,
        defaults: tuple[tuple[tuple[bool, bool], Triple], ...],
    ) -> None:
        self.code = code
        self.video_code = video_code
        self.content_code = content_code
        self.members = members
        self.values = values
        self.receiving = receiving
        self.sending = sending
        self.off = off
        self.defaults = defaults

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.video_code, self.content_code, self.code)

    @property
    def needs_features(self) -> tuple[str, ...]:
        return (self.video_code, self.content_code)

    def violations(
        self, video: Optional[str], content: Optional[str], resolutions: Optional[Resolutions]
    ) -> list[str]:
        """Codes of the rules a requested (video, content) pair breaks. None for a
        capability: not a valid value (its own finding says why); for ``resolutions``: the
        meeting's features are unknown, so only ``code`` can be evaluated."""
        codes = []
        if resolutions is not None:
            if resolutions[0] == self.off and video is not None and video != self.off:
                codes.append(self.video_code)
            if resolutions[1] == self.off and content is not None and content != self.off:
                codes.append(self.content_code)
        if content in self.receiving and video is not None and video not in self.receiving:
            codes.append(self.code)
        return codes

    def repair(
        self, video: Optional[str], content: Optional[str], resolutions: Optional[Resolutions]
    ) -> tuple[Optional[str], Optional[str]]:
        """The nearest requestable (video, content); None (not a valid value) stays None."""
        if resolutions is not None:
            if resolutions[0] == self.off and video is not None:
                video = self.off
            if resolutions[1] == self.off and content is not None:
                content = self.off
        if content in self.receiving and video is not None and video not in self.receiving:
            content = self.sending_part(content)
        return (video, content)

    def sending_part(self, value: str) -> str:
        """What dropping the receive direction leaves of a capability."""
        if value not in self.sending:
            return self.off
        return next(v for v in self.values if v in self.sending and v not in self.receiving)

    def default(self, resolutions: Resolutions) -> Triple:
        """What the service assigns when a create request leaves Capabilities out."""
        return dict(self.defaults)[(resolutions[0] == self.off, resolutions[1] == self.off)]

    def requestable(self, resolutions: Resolutions) -> frozenset[Triple]:
        """Every capabilities a request may set in a meeting of ``resolutions``."""
        return _requestable(self, resolutions)

    def effective(self, resolutions: Resolutions) -> frozenset[Triple]:
        """What a response may hold: anything requestable, plus the default assignment."""
        return _effective(self, resolutions)

    def value(self, value: object) -> Optional[str]:
        """A capability by its string value; None for anything that is not one."""
        text = str.__str__(value) if isinstance(value, str) else None
        return text if text in self.values else None

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        audio, video, content = map(self.value, map(value.get, self.members))
        resolutions = facts.resolutions
        codes = self.violations(video, content, resolutions)
        if not codes:
            return
        fix: Optional[dict[Path, object]] = None
        if facts.response:
            if resolutions is not None and (audio, video, content) in self.effective(resolutions):
                return
        else:
            new_video, new_content = self.repair(video, content, resolutions)
            fix = {}
            if new_video is not None and new_video != video:
                fix[(self.members[1],)] = new_video
            if new_content is not None and new_content != content:
                fix[(self.members[2],)] = new_content
        fix = fix or None
        _, video_name, content_name = self.members
        video_why = (
            "the meeting has video off" if self.video_code in codes else "content needs video"
        )
        for code in codes:
            if code == self.video_code:
                text = (
                    f"the meeting has video off (Video MaxResolution {self.off}): "
                    f"Video {video} is refused"
                )
                why = "content is received only while video is received"
                yield (code, (video_name,), text + _also(fix, content_name, why), fix)
            elif code == self.content_code:
                text = (
                    f"the meeting has content off (Content MaxResolution {self.off}): "
                    f"Content {content} is refused"
                )
                yield (code, (content_name,), text + _also(fix, video_name, video_why), fix)
            else:
                receiving = " or ".join(v for v in self.values if v in self.receiving)
                text = (
                    f"an attendee who receives content (Content {content}) must also receive "
                    f"video (Video {receiving}), and Video is {video}"
                )
                yield (code, (content_name,), text + _also(fix, video_name, video_why), fix)

    def unchecked(self, value: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
        return self.needs_features if facts.resolutions is None else ()

    @property
    def schema_codes(self) -> tuple[str, ...]:
        # the rules against the meeting's features are stated where the features are known
        # (the schema of CreateMeetingWithAttendees, of a meeting profile)
        return (self.code,)

    def schema(self) -> list[Schema]:
        receiving = [v for v in self.values if v in self.receiving]
        return [
            {
                "if": _member_in(self.members[2], tuple(receiving)),
                "then": {"properties": {self.members[1]: {"enum": receiving}}},
            }
        ]


@cache
def _requestable(rule: Capabilities, resolutions: Resolutions) -> frozenset[Triple]:
    return frozenset(
        (a, v, c)
        for a, v, c in product(rule.values, repeat=3)
        if not rule.violations(v, c, resolutions)
    )


@cache
def _effective(rule: Capabilities, resolutions: Resolutions) -> frozenset[Triple]:
    return _requestable(rule, resolutions) | {rule.default(resolutions)}


def _also(fix: Optional[Mapping[Path, object]], other: str, why: str) -> str:
    """Why a fix also changes the ``other`` member, when it does."""
    changed = [value for path, value in (fix or {}).items() if path == (other,)]
    return f"; the fix also sets {other} to {changed[0]}: {why}" if changed else ""


class Transitions(StructureRule):
    """The attendee's capabilities (``member``, an object of those ``capabilities`` reads)
    replace the current ones (``validate``'s ``previous``): a warning for each that starts
    sending, audio (``code``) or video and content (``media_code``). Unchecked without the
    current ones."""

    __slots__ = ("capabilities", "code", "media_code", "member")
    needs_previous = True

    def __init__(
        self, code: str, *, media_code: str, member: str, capabilities: Capabilities
    ) -> None:
        self.code = code
        self.media_code = media_code
        self.member = member
        self.capabilities = capabilities

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.code, self.media_code)

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        new = value.get(self.member)
        if facts.previous is None or not isinstance(new, dict):
            return
        for name, code, text in self.changes(facts.previous, new):
            yield (code, (self.member, name), text, None)

    def unchecked(self, value: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
        return self.codes if facts.previous is None and self.member in value else ()

    def changes(self, previous: Triple, new: Mapping[str, Any]) -> tuple[tuple[str, str, str], ...]:
        """(member, code, message) of each warning for capabilities ``new`` replacing
        ``previous`` (a value that is not a capability starts nothing)."""
        rule = self.capabilities
        return _changes(self, previous, tuple(map(rule.value, map(new.get, rule.members))))


@cache
def _changes(
    rule: Transitions, previous: Triple, after: tuple[Optional[str], ...]
) -> tuple[tuple[str, str, str], ...]:
    out = []
    sending = rule.capabilities.sending
    for index, name in enumerate(rule.capabilities.members):
        if previous[index] in sending or after[index] not in sending:
            continue
        change = f"{name} goes from {previous[index]} to {after[index]}"
        if index == 0:
            text = f"{change}: audio flows to the others as soon as the attendee is unmuted"
            out.append((name, rule.code, text))
        else:
            text = f"{change}: remote attendees get the stream only after media renegotiation"
            out.append((name, rule.media_code, text))
    return tuple(out)


class PresetTransitions(StructureRule):
    """The transitions of a meeting profile: each (an object of ``transitions``) names a
    ``from`` and a ``to`` member of ``presets`` (``code`` for a name that is none), and is the
    UpdateAttendeeCapabilities call that performs it. The attendee had the from preset's
    effective capabilities (the defaults, for a null preset), so the call gives the warnings
    of ``changes``, less those the transition lists as ``acknowledged``. A null to preset
    cannot be requested as such: the update sends the defaults, which are checked as any
    request (``capabilities``). Unchecked where the meeting's features cannot be read. A
    transition's ``acknowledged`` is a list of codes of ``changes``; any other acknowledges
    nothing."""

    __slots__ = (
        "acknowledged",
        "capabilities",
        "changes",
        "code",
        "names",
        "presets",
        "transitions",
    )
    costly = True

    def __init__(
        self,
        code: str,
        *,
        capabilities: Capabilities,
        changes: Transitions,
        presets: str = "presets",
        transitions: str = "transitions",
        names: tuple[str, str] = ("from", "to"),
        acknowledged: str = "acknowledged",
    ) -> None:
        self.code = code
        self.capabilities = capabilities
        self.changes = changes
        self.presets = presets
        self.transitions = transitions
        self.names = names
        self.acknowledged = acknowledged

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.code, *self.changes.codes)

    def findings(self, value: Mapping[str, Any], facts: Facts) -> Iterator[Found]:
        presets, transitions = value.get(self.presets), value.get(self.transitions)
        if not isinstance(presets, dict) or not isinstance(transitions, (list, tuple)):
            return  # the shape's own finding says why
        resolutions = facts.resolutions
        effective: dict[str, Optional[Triple]] = {}  # of the presets read so far
        for index, transition in enumerate(transitions):
            if not isinstance(transition, dict):
                continue
            at = (self.transitions, index)
            ok = True
            for member in self.names:
                name = transition.get(member)
                if isinstance(name, str) and name in presets:
                    continue
                ok = False
                if isinstance(name, str):
                    known = some(presets, len(presets))
                    text = f"no preset named {shown(name)} in this profile; presets: {known}"
                    yield (self.code, (*at, member), text, None)
            if not ok or resolutions is None:
                continue
            acknowledged = transition.get(self.acknowledged, ())
            if not isinstance(acknowledged, (list, tuple)) or not all(
                code in self.changes.codes for code in acknowledged
            ):
                acknowledged = ()  # an invalid list (its own finding) acknowledges nothing
            start = transition[self.names[0]]
            if start not in effective:
                effective[start] = self.effective(presets[start], resolutions)
            for code, text in self.update(effective[start], presets, transition, facts):
                if code not in acknowledged:
                    yield (code, (*at, self.names[1]), text, None)

    def unchecked(self, value: Mapping[str, Any], facts: Facts) -> tuple[str, ...]:
        return (
            self.changes.codes if facts.resolutions is None and value.get(self.transitions) else ()
        )

    def effective(self, preset: object, resolutions: Resolutions) -> Optional[Triple]:
        """The capabilities an attendee with ``preset`` has (the defaults for a null one);
        None for a preset no attendee of the meeting can have (its own findings say why)."""
        rule = self.capabilities
        if preset is None:
            return rule.default(resolutions)
        if not isinstance(preset, dict) or len(preset) != len(rule.members):
            return None
        audio, video, content = map(rule.value, map(preset.get, rule.members))
        if audio is None or video is None or content is None:
            return None
        triple = (audio, video, content)
        return triple if triple in rule.effective(resolutions) else None

    def update(
        self,
        previous: Optional[Triple],
        presets: Mapping[Any, Any],
        transition: Mapping[str, Any],
        facts: Facts,
    ) -> Iterator[tuple[str, str]]:
        """(code, message) of what the update performing ``transition`` gives to an attendee
        who has ``previous`` (the from preset's effective capabilities; None: unknown)."""
        assert facts.resolutions is not None
        if previous is None:
            return
        end = transition[self.names[1]]
        target = presets[end]
        if target is None:  # the update sends the defaults
            rule = self.capabilities
            defaults = dict(zip(rule.members, rule.default(facts.resolutions)))
            for code, _, text, _ in rule.findings(defaults, facts):
                yield (
                    code,
                    f"preset {shown(end)} is null, so the update must send the service's "
                    f"defaults, and {text}",
                )
            target = defaults
        if isinstance(target, dict):
            for _, code, text in self.changes.changes(previous, target):
                yield (code, text)
