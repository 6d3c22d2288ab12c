"""Meeting profiles: the configuration a backend keeps for a meeting template and the attendee
capability presets it grants (the format is described in ``docs/profiles.md``).

A profile file is one profile, or ``{"profiles": {name: profile, ...}}``. A profile is::

    {"MeetingFeatures": <MeetingFeaturesConfiguration, optional>,
     "presets": {name: <AttendeeCapabilities> | null, ...},
     "transitions": [{"from": name, "to": name}, ...],   # optional
     "transcription": <TranscriptionConfiguration>,      # optional
     "description": "..."}                               # optional

``null`` leaves Capabilities out of the create request: the service's defaults apply.

Checking reuses the engine and re-implements no rule: a profile's MeetingFeatures and presets
are checked as the parts of the CreateMeetingWithAttendees request it describes (one attendee
per preset), where they are written in the file, and each transition as the
UpdateAttendeeCapabilities call that performs it, with the from preset's effective capabilities
as ``previous``; the transcription configuration as the StartMeetingTranscription call that
starts it. This module imports nothing beyond the engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from itertools import islice
from typing import Any, Optional

from . import _model as m
from ._crossfield import Resolutions, Triple
from ._values import show, type_name
from .report import (
    CapabilityValidationError,
    Finding,
    Location,
    Report,
    make_finding,
)
from .validator import (
    effective_triple,
    features_resolutions,
    meeting_parts,
    part_findings,
    validate,
)

__all__ = [
    "PROFILE_MEMBERS",
    "Profile",
    "check_profiles",
    "is_profile_document",
    "iter_profiles",
]

#: The members of a profile, and whether each is required.
PROFILE_MEMBERS: Mapping[str, bool] = {
    "MeetingFeatures": False,
    "presets": True,
    "transitions": False,
    "transcription": False,
    "description": False,
}
#: A string member a profile file may have at its top level, for editors to find the schema.
SCHEMA_MEMBER = "$schema"
_TRANSITION_MEMBERS = ("from", "to")
#: The optional member of a transition: the warnings it gives that are deliberate.
ACKNOWLEDGED = "acknowledged"
#: The codes a transition may acknowledge.
ACKNOWLEDGEABLE = ("CHM-W304", "CHM-W305")
# The identifiers of the UpdateAttendeeCapabilities call a transition to a null preset makes
# (stand-ins: findings about them are not the file's).
_MEETING_ID = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True)
class Profile:
    """One profile of a file: its name (None for a single-profile file), where it is, and its
    content (whatever the file holds there; check it with :func:`check_profiles`)."""

    name: Optional[str]
    location: Location
    content: object


def is_profile_document(document: object) -> bool:
    """A top-level ``profiles`` or ``presets`` member makes a document a profile file."""
    return isinstance(document, dict) and ("profiles" in document or "presets" in document)


def iter_profiles(document: object) -> Iterator[Profile]:
    """The profiles of a profile file (nothing for a malformed one)."""
    for name, location, content in _profiles(document):
        yield Profile(name, location, content)


def _profiles(document: object) -> Iterator[tuple[Optional[str], Location, object]]:
    if not isinstance(document, dict):
        return
    if "profiles" in document:
        profiles = document["profiles"]
        if isinstance(profiles, dict):
            for name, content in profiles.items():
                yield str(name), ("profiles", str(name)), content
    else:
        yield None, (), document


def check_profiles(document: object) -> Report:
    """Every finding about a profile file, located in the file."""
    findings: list[Finding] = []
    unchecked: set[str] = set()
    if not isinstance(document, dict):
        findings.append(
            make_finding("CHM-E503", (), f"a profile file is an object, not {type_name(document)}")
        )
        return Report.build("profile", findings)
    if not isinstance(document.get(SCHEMA_MEMBER, ""), str):
        findings.append(
            make_finding(
                "CHM-E503",
                (SCHEMA_MEMBER,),
                f"$schema is a string, not {type_name(document[SCHEMA_MEMBER])}",
            )
        )
    if "profiles" in document:
        for key in document:
            if key not in ("profiles", SCHEMA_MEMBER):
                findings.append(
                    make_finding(
                        "CHM-E503",
                        (str(key),),
                        f"unknown member {show(str(key))}: a file with profiles has nothing else",
                        on_key=True,
                    )
                )
        if not isinstance(document["profiles"], dict):
            findings.append(
                make_finding(
                    "CHM-E503",
                    ("profiles",),
                    "profiles is an object of profiles by name, not "
                    f"{type_name(document['profiles'])}",
                )
            )
    for _, location, content in _profiles(document):
        _check_profile(location, content, findings, unchecked)
    return Report.build("profile", findings, unchecked)


def _check_profile(
    loc: Location, content: object, findings: list[Finding], unchecked: set[str]
) -> None:
    if not isinstance(content, dict):
        findings.append(
            make_finding("CHM-E503", loc, f"a profile is an object, not {type_name(content)}")
        )
        return
    for key in content:
        if key not in PROFILE_MEMBERS and not (key == SCHEMA_MEMBER and not loc):
            known = ", ".join(PROFILE_MEMBERS)
            findings.append(
                make_finding(
                    "CHM-E503",
                    (*loc, str(key)),
                    f"unknown member {show(str(key))}; a profile has: {known}",
                    on_key=True,
                )
            )
    for name, required in PROFILE_MEMBERS.items():
        if required and name not in content:
            findings.append(
                make_finding("CHM-E503", (*loc, name), f"required member {name} is missing")
            )
    description = content.get("description")
    if "description" in content and not isinstance(description, str):
        findings.append(
            make_finding(
                "CHM-E503",
                (*loc, "description"),
                f"description is a string, not {type_name(description)}",
            )
        )
    if "transcription" in content:
        found, missing = part_findings(
            m.TRANSCRIPTION_CONFIGURATION, content["transcription"], (*loc, "transcription")
        )
        findings.extend(found)
        unchecked.update(missing)
    presets = content.get("presets")
    if "presets" in content and not isinstance(presets, dict):
        findings.append(
            make_finding(
                "CHM-E503",
                (*loc, "presets"),
                f"presets is an object of capabilities by name, not {type_name(presets)}",
            )
        )
        presets = None
    features = content.get("MeetingFeatures")
    given = [(name, caps) for name, caps in (presets or {}).items() if caps is not None]
    parts = meeting_parts(
        features,
        "MeetingFeatures" in content,
        (*loc, "MeetingFeatures"),
        [((*loc, "presets", str(name)), caps) for name, caps in given],
    )
    findings.extend(parts.findings)
    unchecked.update(parts.unchecked)
    # In a meeting read as given, a preset without finding is what its attendees have.
    effective: dict[Any, Optional[Triple]] = {}
    if parts.resolutions is not None:
        for (name, caps), clean in zip(given, parts.clean):
            if clean:
                effective[name] = (caps["Audio"], caps["Video"], caps["Content"])
    _check_transitions(content, loc, presets, features, parts.resolutions, effective, findings)


def _check_transitions(
    content: dict[Any, Any],
    loc: Location,
    presets: Optional[dict[Any, Any]],
    features: object,
    resolutions: Optional[Resolutions],
    effective: dict[Any, Optional[Triple]],
    findings: list[Finding],
) -> None:
    """``resolutions``: the meeting's, when its features gave no finding (then they are read
    as given); otherwise None, and the features are checked as GetMeeting's would be.
    ``effective``: what the attendees of some presets have (see _effective)."""
    if "transitions" not in content:
        return
    meeting: Any = features if "MeetingFeatures" in content else None
    if resolutions is None:
        # invalid features are reported where they are written, and give no warnings
        with suppress(CapabilityValidationError):
            resolutions = features_resolutions(meeting, "meeting_features")
    transitions = content["transitions"]
    here = (*loc, "transitions")
    if not isinstance(transitions, (list, tuple)):  # as botocore takes a list
        findings.append(
            make_finding(
                "CHM-E503",
                here,
                f"transitions is an array of {{from, to}}, not {type_name(transitions)}",
            )
        )
        return
    for index, transition in enumerate(transitions):
        at = (*here, index)
        if (
            presets is not None
            and type(transition) is dict
            and len(transition) == 2
            and type(transition.get("from")) is str
            and type(transition.get("to")) is str
            and transition["from"] in presets
            and transition["to"] in presets
        ):  # well formed: the checks below would find nothing
            findings.extend(
                _transition_findings(transition, at, presets, meeting, resolutions, effective)
            )
            continue
        if not isinstance(transition, dict):
            findings.append(
                make_finding(
                    "CHM-E503",
                    at,
                    f"a transition is an object {{from, to}}, not {type_name(transition)}",
                )
            )
            continue
        ok = True
        for key in transition:
            if key not in _TRANSITION_MEMBERS and key != ACKNOWLEDGED:
                findings.append(
                    make_finding(
                        "CHM-E503",
                        (*at, str(key)),
                        f"unknown member {show(str(key))}; a transition has: from, to, "
                        f"{ACKNOWLEDGED}",
                        on_key=True,
                    )
                )
        acknowledged = transition.get(ACKNOWLEDGED, [])
        if not isinstance(acknowledged, list) or not all(
            code in ACKNOWLEDGEABLE for code in acknowledged
        ):
            findings.append(
                make_finding(
                    "CHM-E503",
                    (*at, ACKNOWLEDGED),
                    f"{ACKNOWLEDGED} is a list of the codes {', '.join(ACKNOWLEDGEABLE)}",
                )
            )
            acknowledged = []
        for member in _TRANSITION_MEMBERS:
            name = transition.get(member)
            if member not in transition:
                findings.append(
                    make_finding("CHM-E503", (*at, member), f"required member {member} is missing")
                )
                ok = False
            elif not isinstance(name, str):
                findings.append(
                    make_finding(
                        "CHM-E503",
                        (*at, member),
                        f"{member} names a preset: a string, not {type_name(name)}",
                    )
                )
                ok = False
            elif presets is not None and name not in presets:
                known = _some(presets)
                findings.append(
                    make_finding(
                        "CHM-E501",
                        (*at, member),
                        f"no preset named {show(name)} in this profile; presets: {known}",
                    )
                )
                ok = False
        if ok and presets is not None:
            findings.extend(
                finding
                for finding in _transition_findings(
                    transition, at, presets, meeting, resolutions, effective
                )
                if finding.code not in acknowledged
            )


#: Names listed in a message, at most (a message must not grow with the file).
_LISTED = 5


def _some(names: Mapping[Any, object]) -> str:
    """The first few names, each cut to 40 characters, and how many more there are."""
    shown = ", ".join(show(str(name)) for name in islice(names, _LISTED)) or "none"
    more = len(names) - _LISTED
    return f"{shown} and {more:,} more" if more > 0 else shown


def _effective(
    name: str,
    presets: dict[Any, Any],
    resolutions: Optional[Resolutions],
    known: dict[Any, Optional[Triple]],
) -> Optional[Triple]:
    """The capabilities an attendee with a preset has (the service's defaults for a null one);
    None when the preset or the features are invalid (reported where they are written).
    ``known`` keeps them for the other transitions of the profile."""
    if resolutions is None:
        return None
    if name not in known:
        try:
            known[name] = effective_triple(presets[name], resolutions)
        except CapabilityValidationError:
            known[name] = None
    return known[name]


def _transition_findings(
    transition: dict[str, str],
    at: Location,
    presets: dict[Any, Any],
    meeting: Any,
    resolutions: Optional[Resolutions],
    known: dict[Any, Optional[Triple]],
) -> list[Finding]:
    """CHM-W304/CHM-W305 for the UpdateAttendeeCapabilities call that performs a transition.

    The attendee had the from preset's effective capabilities. A null to preset cannot be
    requested as such: an update must give Capabilities, so the backend sends the defaults,
    which are checked like any update. An explicit one is checked where it is written."""
    previous = _effective(transition["from"], presets, resolutions, known)
    if previous is None:
        return []
    here = (*at, "to")
    target = presets[transition["to"]]
    if target is not None:
        warnings = m.TRANSITION_RULES.changes(previous, target) if isinstance(target, dict) else ()
        return [make_finding(code, here, text) for _, code, text in warnings]
    defaults = _effective(transition["to"], presets, resolutions, known)
    if defaults is None:
        return []
    report = validate(
        "UpdateAttendeeCapabilities",
        {"MeetingId": _MEETING_ID, "AttendeeId": _MEETING_ID, "Capabilities": _named(defaults)},
        meeting_features=meeting if meeting is not None else {},
        previous=_named(previous),
    )
    out = []
    for finding in report.findings:
        message = finding.message
        if finding.code not in ("CHM-W304", "CHM-W305"):
            if finding.location[:1] != ("Capabilities",):
                continue  # about the stand-in identifiers
            message = (
                f"preset {show(transition['to'])} is null, so the update must send the service's "
                f"defaults, and {message}"
            )
        out.append(Finding(finding.code, finding.severity, here, message, finding.exception))
    return out


def _named(triple: Triple) -> dict[str, str]:
    return dict(zip(m.CAPABILITY_MEMBERS, triple))
