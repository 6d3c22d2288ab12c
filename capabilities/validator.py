"""Validate requests and responses of the Chime SDK Meetings API against the rule data: the
public API, and the reading of its arguments (the meeting's features, the meeting, the
attendee's current capabilities).

The checks themselves are generated from the rule data (``_writer.py``), report through
``_findings.py``, and the cross-field rules are objects of the rule data (``_crossfield.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional, cast

from . import _model as m
from ._crossfield import Resolutions, Triple
from ._findings import Context
from ._values import plain_value, show
from ._writer import clean, rule_findings, walk, walker
from .report import Report
from .types import AttendeeCapabilities, MeetingFeatures

#: The public API is ``__all__``. The command line and the botocore hook also use
#: ``effective_triple``, ``features_argument``, ``features_resolutions``, ``checked_triple``
#: and ``capability_value``: internal, not exported by the package.
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
_RULES = m.CAPABILITY_RULES


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


def capability_value(value: Any) -> Optional[str]:
    """A MediaCapabilities value by its string value (a str subclass or Enum member too);
    None for anything else."""
    return _RULES.value(value)


# --- public API ------------------------------------------------------------------------------


#: Contexts the fast path reads for the meeting_features and previous arguments; nothing is
#: ever written to them (features hold no capabilities; shapes alone record nothing unchecked).
_FEATURES_PROBE = Context(response=True, resolutions=None)
_SHAPE_PROBE = Context(response=False, resolutions=None, cross_field=False)


def _report(operation: str, ctx: Context) -> Report:
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
    features_clean = clean(m.MEETING_FEATURES)
    if not features_clean(features, _FEATURES_PROBE):
        features = plain_value(m.MEETING_FEATURES, features)
        if not features_clean(features, _FEATURES_PROBE):
            ctx = Context(response=True, resolutions=None)
            walker(m.MEETING_FEATURES)(features, (), ctx)
            Report.build(what, ctx.findings).raise_for_errors()
    assert isinstance(features, dict)
    return features


def features_resolutions(value: object, what: str) -> Resolutions:
    """The resolutions of a meeting_features argument (see _checked_features)."""
    resolutions = m.resolutions_of(_checked_features(value, what))
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
    return m.resolutions_of(features)


def _checked_meeting_region(meeting: object) -> Optional[str]:
    """The MediaRegion of a ``meeting`` argument (a Meeting, or a response holding one under
    ``Meeting``); raise CapabilityValidationError when it is not a valid Meeting."""
    if meeting is None:
        return None
    if isinstance(meeting, dict) and isinstance(meeting.get(_MEETING_MEMBER), dict):
        meeting = meeting[_MEETING_MEMBER]
    ctx = Context(response=True, resolutions=None, cross_field=False)
    walk(m.MEETING, meeting, (), ctx)
    Report.build("meeting", ctx.findings).raise_for_errors()
    assert isinstance(meeting, dict)  # a value that is not an object gives an error
    region = meeting.get("MediaRegion")
    return region if isinstance(region, str) else None


def checked_triple(capabilities: object, what: str) -> Triple:
    """Check the shape of a capabilities argument (three valid values, nothing else)."""
    capabilities_clean = clean(m.ATTENDEE_CAPABILITIES)
    if not capabilities_clean(capabilities, _SHAPE_PROBE):
        capabilities = plain_value(m.ATTENDEE_CAPABILITIES, capabilities)
        if not capabilities_clean(capabilities, _SHAPE_PROBE):
            ctx = Context(response=False, resolutions=None, cross_field=False)
            walker(m.ATTENDEE_CAPABILITIES)(capabilities, (), ctx)
            Report.build(what, ctx.findings).raise_for_errors()
    assert isinstance(capabilities, dict)
    audio, video, content = (capabilities[name] for name in _CAPABILITY_MEMBERS)
    return (audio, video, content)


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
    if op.creates_meeting and meeting_features is not None:
        # the request's own features apply (Structure.features_member)
        raise ValueError(f"{op.name} carries its own MeetingFeatures; do not pass meeting_features")
    resolutions = None if meeting_features is None else _known_resolutions(meeting_features)
    prev: Optional[Triple] = None
    if previous is not None:
        if not op.updates_capabilities:
            raise ValueError(f"previous capabilities apply to capability updates, not {op.name}")
        prev = checked_triple(previous, "previous")
    region = _checked_meeting_region(meeting)
    ctx = Context(False, resolutions, media_region=region, previous=prev)
    walk(op.request, params, (), ctx)
    return _report(op.name, ctx)


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
    elif isinstance(response, dict) and isinstance(response.get(_MEETING_MEMBER), dict):
        resolutions = m.resolutions_of(response[_MEETING_MEMBER].get(_FEATURES_MEMBER))
    ctx = Context(response=True, resolutions=resolutions)
    walk(op.response, response, (), ctx)
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
        return _RULES.default(resolutions)
    triple = checked_triple(capabilities, "normalize")
    if triple not in _RULES.effective(resolutions):
        ctx = Context(response=False, resolutions=resolutions)
        named = dict(zip(_CAPABILITY_MEMBERS, triple))
        rule_findings(m.ATTENDEE_CAPABILITIES, named, (), (), ctx)
        Report.build("normalize", ctx.findings).raise_for_errors()
    return triple


def normalize_meeting_features(features: Optional[Mapping[str, Any]] = None) -> MeetingFeatures:
    """A copy of ``features`` with the documented defaults (Video HD, Content FHD) filled in.

    ``features`` may also be a Meeting object or a CreateMeeting/GetMeeting response; null
    members are dropped (read as absent)."""
    checked = _checked_features(features, "normalize_meeting_features")
    resolutions = m.resolutions_of(checked)
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
    return _RULES.requestable(features_resolutions(meeting_features, "meeting_features"))
