"""Check one parsed file: a meeting profile or an AWS CLI input file.

Everything here works on a :class:`~capabilities.cli.loaders.Document` and returns a
:class:`FileResult`; nothing reads files or writes output.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any, NamedTuple, Optional, cast

from .. import _model as m
from ..profiles import check_profiles, is_profile_document, iter_profiles
from ..report import CapabilityValidationError, Finding, Report
from ..rules import PREFIX, RULES
from ..suggest import yaml_boolean
from ..validator import checked_triple, features_argument, normalize_meeting_features, validate
from .loaders import Document, LineIndex, LoadError, Position, load_file
from .options import UsageError

__all__ = [
    "KINDS",
    "MAX_FINDINGS_SHOWN",
    "FileResult",
    "Located",
    "RuleFilter",
    "UsageError",
    "check_document",
    "cli_command",
    "detect_operation",
    "load_meeting_features",
    "load_previous",
    "operation_in_name",
    "resolve_operation",
]

KINDS = ("auto", "profile", "cli-input")

#: Findings kept (and reported) per file, at most: the first by position. Counts and the exit
#: status include them all; ``FileResult.omitted`` says how many more there were.
MAX_FINDINGS_SHOWN = 1_000
#: Findings placed on the member's key rather than on its value (the readers' repeated key;
#: the engine's findings say so themselves: Finding.on_key).
_KEY_CODES = frozenset({"CHM-E502"})


def _unchecked_reasons() -> dict[str, str]:
    """Why a rule of an input file could not be checked: the fact it reads was not given."""
    out = {}
    for op in m.OPERATIONS.values():
        for rule in m.rules_within(op.request):
            if rule.needs_features:
                reason = "the meeting's features are unknown (pass --meeting-features) or invalid"
                out.update(dict.fromkeys(rule.needs_features, reason))
            if rule.needs_previous:
                reason = "the attendee's previous capabilities are unknown (pass --previous)"
                out.update(dict.fromkeys(rule.codes, reason))
            if rule.needs_meeting:
                reason = "the meeting's MediaRegion is unknown to an input file"
                out.update(dict.fromkeys(rule.codes, reason))
    return out


#: Why a rule could not be checked.
_UNCHECKED_REASONS = _unchecked_reasons()
#: In a profile, what its MeetingFeatures would have told.
_PROFILE_FEATURE_RULES = (*m.CAPABILITY_RULES.needs_features, *m.TRANSITION_RULES.codes)


class Located(NamedTuple):
    """A finding and where its value is written in the file."""

    finding: Finding
    position: Position


class FileResult:
    """What checking one file gave: findings, or the one-line reason it could not be checked.
    Filled in as the file is checked."""

    def __init__(
        self,
        path: str,
        *,
        format: Optional[str] = None,
        error: Optional[str] = None,
        error_position: Optional[Position] = None,
    ) -> None:
        self.path = path
        self.kind: Optional[str] = None
        self.operation: Optional[str] = None
        self.format = format
        #: The first MAX_FINDINGS_SHOWN findings by position.
        self.findings: list[Located] = []
        #: Findings by severity, all of them (``findings`` holds the first ones).
        self.counts: dict[str, int] = {}
        #: Codes of rules that could not be evaluated, with the reason for each.
        self.unchecked: dict[str, str] = {}
        self.error = error
        #: Where the file is wrong, for a parse error.
        self.error_position = error_position

    @classmethod
    def failed(cls, path: str, error: LoadError) -> FileResult:
        """The result of a file that could not be read, parsed or placed."""
        return cls(path, error=error.reason, error_position=error.position)

    def count(self, severity: str) -> int:
        return self.counts.get(severity, 0)

    @property
    def omitted(self) -> int:
        """Findings beyond those kept."""
        return sum(self.counts.values()) - len(self.findings)


class RuleFilter(NamedTuple):
    """``--select`` / ``--ignore`` by code prefix: ignore wins; no select means all."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def build(cls, select: Iterable[str], ignore: Iterable[str]) -> RuleFilter:
        return cls(_prefixes(select), _prefixes(ignore))

    def accepts(self, code: str) -> bool:
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return not self.select or any(code.startswith(prefix) for prefix in self.select)


#: No --select, no --ignore.
_EVERY_RULE = RuleFilter()


def _prefixes(values: Iterable[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        prefix = value.strip().upper()
        if not prefix:
            continue
        if not any(code.startswith(prefix) for code in RULES):
            raise UsageError(
                f"{value!r} is not a rule code or a prefix of one: codes look like "
                f"{PREFIX}E303, prefixes like {PREFIX}E3 (see: rules)"
            )
        out.append(prefix)
    return tuple(out)


# --- operations ------------------------------------------------------------------------------


def cli_command(operation: str) -> str:
    """The AWS CLI command of an operation: create_attendee -> create-attendee."""
    return m.OPERATIONS[operation].method.replace("_", "-")


def resolve_operation(name: str) -> str:
    """API name, AWS CLI command name or boto3 method name -> API name."""
    for op in m.OPERATIONS.values():
        if name in (op.name, op.method, cli_command(op.name)):
            return op.name
    options = ", ".join(f"{op} ({cli_command(op)})" for op in m.OPERATIONS)
    raise UsageError(f"unknown operation {name!r}; covered: {options}")


def _folded(name: str) -> str:
    return name.replace("-", "").replace("_", "").casefold()


#: Each operation by its name folded: API name, CLI command and boto3 method fold alike.
_BY_FOLDED_NAME = {_folded(op): op for op in m.OPERATIONS}


def operation_in_name(path: str) -> Optional[str]:
    """The operation a file name names: one of its dot-separated parts before the extension is
    an operation's API name, CLI command or boto3 method (``get-attendee.json``,
    ``create_meeting.yaml``, ``team.CreateAttendee.json``); None when no part is one."""
    parts = PurePath(path).name.split(".")[:-1] or [PurePath(path).name]
    named = {_BY_FOLDED_NAME.get(_folded(part)) for part in parts} - {None}
    return named.pop() if len(named) == 1 else None


def _how_to_choose(candidates: Sequence[str]) -> str:
    if candidates:
        example = cli_command(candidates[0])
        fits = ", ".join(f"{name} (--operation {cli_command(name)})" for name in candidates)
        found = f"the members fit several operations: {fits}"
    else:
        example = "get-attendee"
        found = "no covered operation has these members"
    return (
        f"{found}; name the file after its operation ({example}.json, or NAME.{example}.json), "
        "map it in [tool.chime-capabilities] operations of pyproject.toml, or pass --operation"
    )


def detect_operation(data: object, path: Optional[str] = None) -> str:
    """The operation of an AWS CLI input file: the one its ``path`` names, else the one its
    members fit (every member known, the fewest required members missing). LoadError says
    which operations fit and how to choose."""
    named = operation_in_name(path) if path is not None else None
    if named is not None:
        return named
    if not isinstance(data, dict):
        raise LoadError(
            f"cannot tell the operation of a file that is not an object; {_how_to_choose([])}"
        )
    keys = set(data)
    # every member known; the fewest required members missing decide
    missing = {
        op.name: len(set(op.request.required) - keys)
        for op in m.OPERATIONS.values()
        if keys <= set(op.request.members)
    }
    if missing:
        fewest = min(missing.values())
        candidates = [name for name, count in missing.items() if count == fewest]
    else:
        overlap = {op.name: len(keys & set(op.request.members)) for op in m.OPERATIONS.values()}
        best = max(overlap.values())
        candidates = [name for name, count in overlap.items() if count == best] if best else []
    if len(candidates) == 1:
        return candidates[0]
    raise LoadError(_how_to_choose(candidates))


# --- meeting features ------------------------------------------------------------------------


def load_meeting_features(spec: str, *, max_size: int) -> dict[str, Any]:
    """The MeetingFeatures given by ``--meeting-features FILE[#PROFILE]``.

    FILE is a profile file, a CreateMeeting (or CreateMeetingWithAttendees) input file, a
    GetMeeting or CreateMeeting response, or a MeetingFeaturesConfiguration object. A meeting
    created without MeetingFeatures gives ``{}`` (the documented defaults).
    """
    import os

    path, name = spec, None
    if "#" in spec and not os.path.exists(spec):
        path, name = spec.rsplit("#", 1)
    try:
        document = load_file(path, max_size=max_size)
    except LoadError as error:
        raise UsageError(f"--meeting-features {path}: {error}") from None
    features = _features_of(document.data, name, path)
    if not isinstance(features, dict):
        raise UsageError(f"--meeting-features {path}: MeetingFeatures is not an object")
    try:
        normalize_meeting_features(features)
    except CapabilityValidationError as error:
        errors = [_hide(e) if document.hidden else e for e in error.report.errors]
        shown = "; ".join(f"{e.path or '/'}: {e.code} {e.message}" for e in errors[:20])
        more = f"; and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise UsageError(
            f"--meeting-features {path}: invalid MeetingFeatures ({len(errors)} error(s)): "
            f"{shown}{more}"
        ) from None
    return features


def _features_of(data: object, name: Optional[str], path: str) -> object:
    where = f"--meeting-features {path}"
    if is_profile_document(data):
        profiles = list(iter_profiles(data))
        if name is not None:
            named = [p for p in profiles if p.name == name]
            if not named:
                names = ", ".join(repr(str(p.name)) for p in profiles[:20]) or "none"
                more = f" and {len(profiles) - 20} more" if len(profiles) > 20 else ""
                raise UsageError(f"{where}: no profile named {name!r}; profiles: {names}{more}")
            profiles = named
        if len(profiles) != 1:
            names = ", ".join(str(p.name) for p in profiles)
            raise UsageError(f"{where}: several profiles ({names}); choose one with FILE#NAME")
        content = profiles[0].content
        if not isinstance(content, dict):
            raise UsageError(f"{where}: the profile is not an object")
        return content.get("MeetingFeatures", {})
    if not isinstance(data, dict):
        raise UsageError(f"{where}: not an object")
    create = m.OPERATIONS["CreateMeetingWithAttendees"].request
    if data and data.keys() <= create.members.keys():  # a CreateMeeting(WithAttendees) input
        return data.get("MeetingFeatures", {})
    features = features_argument(data)  # MeetingFeatures, a Meeting, or a response
    if isinstance(features, dict) and set(features) <= set(m.MEETING_FEATURES.members):
        return features
    raise UsageError(
        f"{where}: not a profile, a CreateMeeting input, a Meeting, a CreateMeeting or "
        "GetMeeting response, or MeetingFeatures"
    )


def load_previous(path: str, *, max_size: int) -> dict[str, Any]:
    """The attendee's current capabilities given by ``--previous FILE``: a GetAttendee or
    CreateAttendee response, an Attendee object, or an AttendeeCapabilities object."""
    try:
        data = load_file(path, max_size=max_size).data
    except LoadError as error:
        raise UsageError(f"--previous {path}: {error}") from None
    for member in ("Attendee", "Capabilities"):
        if isinstance(data, dict) and set(data) >= {member}:
            data = data[member]
    if not isinstance(data, dict) or set(data) != {"Audio", "Video", "Content"}:
        raise UsageError(
            f"--previous {path}: not a GetAttendee response, an Attendee or AttendeeCapabilities "
            "(Audio, Video and Content)"
        )
    try:
        checked_triple(data, "previous")
    except CapabilityValidationError as error:
        first = error.report.errors[0]  # its message may quote a value a YAML alias shares
        raise UsageError(
            f"--previous {path}: {first.path or '/'}: {first.code} {RULES[first.code].summary}"
        ) from None
    return data


# --- checking --------------------------------------------------------------------------------


def _position(document: Document, finding: Finding) -> Position:
    on_key = finding.code in _KEY_CODES or finding.on_key
    return document.position(finding.path, key=on_key)


def detect_kind(data: object) -> str:
    return "profile" if is_profile_document(data) else "cli-input"


def check_document(
    path: str,
    document: Document,
    *,
    kind: str = "auto",
    operation: Optional[str] = None,
    meeting_features: Optional[Mapping[str, Any]] = None,
    previous: Optional[Mapping[str, Any]] = None,
    rules: RuleFilter = _EVERY_RULE,
) -> FileResult:
    """Check one parsed file. ``previous``: the attendee's current capabilities, for the
    capability updates."""
    result = FileResult(path, format=document.format)
    result.kind = detect_kind(document.data) if kind == "auto" else kind
    if result.kind == "profile":
        report = check_profiles(document.data)
    else:
        try:
            result.operation = operation or detect_operation(document.data, path)
        except LoadError as error:
            result.error = error.reason
            return result
        op = m.OPERATIONS[result.operation]
        features = None if op.creates_meeting else meeting_features
        before = previous if op.updates_capabilities else None
        report = validate(op.name, document.data, meeting_features=features, previous=before)
    _collect(result, document, report, rules)
    return result


def _collect(result: FileResult, document: Document, report: Report, rules: RuleFilter) -> None:
    reasons = dict(_UNCHECKED_REASONS)
    if result.kind == "profile":
        invalid = "the profile's MeetingFeatures are not valid"
        reasons.update(dict.fromkeys(_PROFILE_FEATURE_RULES, invalid))
    own = {(finding.code, finding.path) for finding, _ in document.findings}
    located = [
        Located(finding, position)
        for finding, position in document.findings
        if rules.accepts(finding.code)
    ]
    findings = [
        finding
        for finding in report.findings
        if rules.accepts(finding.code) and (finding.code, finding.path) not in own
    ]
    for finding in itertools.chain((item.finding for item in located), findings):
        result.counts[finding.severity] = result.counts.get(finding.severity, 0) + 1
    # Only the first findings are kept (a file may have millions): placed one at a time
    first = heapq.nsmallest(
        MAX_FINDINGS_SHOWN,
        itertools.chain(
            ((item.position, item.finding.code, item.finding.path, item) for item in located),
            ((_position(document, f), f.code, f.path, f) for f in findings),
        ),
        key=lambda entry: entry[:3],
    )
    result.findings = [
        item if isinstance(item, Located) else Located(cast(Finding, item), position)
        for position, _, _, item in first
    ]
    if document.hidden:
        result.findings = [
            Located(_hide(item.finding), item.position)
            if document.is_hidden(item.finding.path)
            else item
            for item in result.findings
        ]
    if document.format == "yaml" and document.text:
        result.findings = _taught_yaml_booleans(result.findings, document)
    result.unchecked = {
        code: reasons.get(code, "information is missing")
        for code in report.unchecked
        if rules.accepts(code)
    }


def _taught_yaml_booleans(findings: list[Located], document: Document) -> list[Located]:
    """CHM-E101 about a boolean a plain YAML 1.1 word (``no``, ``on``) gave says how to quote it
    (not for a sensitive member's value: the hint would show it)."""
    from ._yaml import _SENSITIVE as SENSITIVE_MEMBERS

    lines: Optional[LineIndex] = None
    out = []
    for item in findings:
        finding = item.finding
        sensitive = finding.location and str(finding.location[-1]) in SENSITIVE_MEMBERS
        if (
            finding.code == "CHM-E101"
            and type(document.value(finding.location)) is bool
            and not sensitive
            and not document.is_hidden(finding.path)
        ):
            lines = lines or LineIndex(document.text)
            hint = yaml_boolean(document.text, lines.offset(item.position))
            if hint:
                finding = Finding(
                    finding.code,
                    finding.severity,
                    finding.location,
                    finding.message + hint,
                    finding.exception,
                    finding.fix,
                )
        out.append(Located(finding, item.position))
    return out


def _hide(finding: Finding) -> Finding:
    """``finding`` without its message, which may quote a value that is sensitive elsewhere."""
    message = (
        f"{RULES[finding.code].summary} (the message is not shown: this value is also the "
        "value of a sensitive member, through a YAML alias)"
    )
    return Finding(
        finding.code, finding.severity, finding.location, message, finding.exception, finding.fix
    )


def summarize(results: Sequence[FileResult]) -> dict[str, int]:
    return {
        "files": len(results),
        "checked": sum(1 for r in results if r.error is None),
        "failed": sum(1 for r in results if r.error is not None),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
    }
