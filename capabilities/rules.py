"""The rule catalog: one entry per finding code, with the documentation it encodes.

Codes are stable and carry the project's prefix (CHM-, so that CHM-E303 is not pycodestyle's
E303). After it, the letter is the severity (E error, W warning, I info); the first digit is
the family: 1 shapes (types, required and unknown members, lengths, ranges, enums, patterns),
2 identifiers, 3 attendee capabilities, 4 meeting features, 5 checked files (profile format,
duplicate keys), 6 transcription settings, 7 tags. Select or ignore rules by prefix
(CHM-E3). Read a rule's severity from the Rule, not from its code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, Optional, Union

from . import _model as m

__all__ = [
    "PREFIX",
    "PROJECT_SOURCES",
    "RULES",
    "SOURCES",
    "Example",
    "Rule",
    "Severity",
    "Status",
    "as_json",
]

Severity = Literal["error", "warning", "info"]
Status = Literal["documented", "decided"]

#: What every rule code starts with.
PREFIX = "CHM-"

_API = "https://docs.aws.amazon.com/chime-sdk/latest/APIReference/"
#: Where each fact comes from.
SOURCES: Mapping[str, str] = {
    "model": "https://github.com/boto/botocore/blob/develop/botocore/data/chime-sdk-meetings/2021-07-15/service-2.json",
    "get_attendee": "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/chime-sdk-meetings/client/get_attendee.html",
    "AttendeeCapabilities": _API + "API_meeting-chime_AttendeeCapabilities.html",
    "VideoFeatures": _API + "API_meeting-chime_VideoFeatures.html",
    "ContentFeatures": _API + "API_meeting-chime_ContentFeatures.html",
    "AttendeeFeatures": _API + "API_meeting-chime_AttendeeFeatures.html",
    "CreateMeeting": _API + "API_meeting-chime_CreateMeeting.html",
    "CreateAttendee": _API + "API_meeting-chime_CreateAttendee.html",
    "rfc8259": "https://www.rfc-editor.org/rfc/rfc8259#section-4",
    "TranscriptionConfiguration": _API + "API_meeting-chime_TranscriptionConfiguration.html",
    "EngineTranscribeSettings": _API + "API_meeting-chime_EngineTranscribeSettings.html",
    "EngineTranscribeMedicalSettings": _API
    + "API_meeting-chime_EngineTranscribeMedicalSettings.html",
    "tagging": "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html",
    "profiles": "docs/profiles.md#the-format",
}
#: The sources that are this project's own documentation (its file formats), given as a path
#: in the project rather than a web address: the service documentation does not describe them.
PROJECT_SOURCES = frozenset({"profiles"})


class Example(NamedTuple):
    """A minimal input that breaks a rule, and the same input fixed (as ``ruff rule`` shows).

    A test checks each one with the engine: ``broken`` gives this rule and no other finding,
    ``fixed`` none at all, and the fixes the engine suggests for ``broken`` clear the rule.
    """

    #: The operation the input is a request of (a response, with ``response``), or "profile"
    #: for a meeting profile file.
    operation: str
    #: The parameters (or the response, or the profile); a str is the text of a JSON file,
    #: for a rule about the text itself.
    broken: Union[Mapping[str, Any], str]
    #: The input fixed; None for a finding that asks for no change (an info, a transition).
    fixed: Union[Mapping[str, Any], str, None] = None
    response: bool = False
    #: What the engine is given besides the input, as ``validate`` takes it.
    meeting_features: Optional[Mapping[str, Any]] = None
    previous: Optional[Mapping[str, str]] = None
    meeting: Optional[Mapping[str, Any]] = None

    @property
    def subject(self) -> str:
        """What the input is, and what the engine is given with it, in words."""
        if self.operation == "profile":
            what = "a meeting profile"
        else:
            what = f"a {self.operation} {'response' if self.response else 'request'}"
        if isinstance(self.broken, str):
            what += ", as the text of a JSON file"
        given = (
            ("the meeting's MeetingFeatures", self.meeting_features),
            ("the attendee's previous capabilities", self.previous),
            ("the meeting", self.meeting),
        )
        return "; ".join([what, *(f"{name} {as_json(v)}" for name, v in given if v is not None)])

    def blocks(self) -> list[tuple[str, str]]:
        """Each input shown, broken then fixed (when there is a fix): a heading and JSON text."""
        shown = [(f"Example ({self.subject}):", self.broken), ("Fixed:", self.fixed)]
        return [(title, as_json(value, indent=2)) for title, value in shown if value is not None]


def as_json(value: Union[Mapping[str, Any], str], indent: Optional[int] = None) -> str:
    """An example's input as JSON text (a str is already that text)."""
    import json

    return value if isinstance(value, str) else json.dumps(value, indent=indent)


class Rule(NamedTuple):
    code: str
    severity: Severity
    summary: str
    #: The sentence of documentation the rule encodes, or the project's reading of it.
    description: str
    #: A key of SOURCES.
    source: str
    status: Status
    #: The service exception an error maps to; None for warnings and infos.
    exception: Optional[str] = None
    #: What the rule becomes where values are read as the service sends them (a response, or
    #: meeting features passed in): None, it applies as in a request; "", it constrains
    #: requests only; otherwise the code reported instead.
    in_response: Optional[str] = None
    example: Optional[Example] = None

    @property
    def source_url(self) -> str:
        """A web address, or for the project's own formats a path in the project."""
        return SOURCES[self.source]

    @property
    def own_format(self) -> bool:
        """Whether the rule is about a format of this project, documented in the project."""
        return self.source in PROJECT_SOURCES


_BAD = "BadRequestException"
_HIGH_VIDEO = " or ".join(m.HIGH_VIDEO_RESOLUTIONS)
_HIGH_CONTENT = " or ".join(m.HIGH_CONTENT_RESOLUTIONS)


_MEETING = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
_ATTENDEE = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"
_CAPS = {"Audio": "SendReceive", "Video": "Receive", "Content": "Receive"}
_IDENTIFY = {"IdentifyLanguage": True, "LanguageOptions": "en-US,de-DE"}


def _meeting(**features: Any) -> dict[str, Any]:
    """CreateMeeting parameters, with ``features`` as its MeetingFeatures when given."""
    params: dict[str, Any] = {"MediaRegion": "us-east-1", "ExternalMeetingId": "standup"}
    return {**params, "MeetingFeatures": features} if features else params


def _attendee(**members: Any) -> dict[str, Any]:
    return {"MeetingId": _MEETING, "ExternalUserId": "user-1", **members}


def _update(**capabilities: str) -> dict[str, Any]:
    caps = {**_CAPS, **capabilities}
    return {"MeetingId": _MEETING, "AttendeeId": _ATTENDEE, "Capabilities": caps}


def _except() -> dict[str, Any]:
    excluded = [{"AttendeeId": _ATTENDEE}]
    return {"MeetingId": _MEETING, "ExcludedAttendeeIds": excluded, "Capabilities": _CAPS}


def _transcription(**settings: Any) -> dict[str, Any]:
    """StartMeetingTranscription parameters with ``settings`` as EngineTranscribeSettings."""
    engine = {"EngineTranscribeSettings": settings}
    return {"MeetingId": _MEETING, "TranscriptionConfiguration": engine}


def _only(values: tuple[str, ...], others: tuple[str, ...]) -> str:
    """The values not among ``others``, as "HD is" or "HD and X are"."""
    own = [value for value in values if value not in others]
    return f"{' and '.join(own)} {'is' if len(own) == 1 else 'are'}"


_RULE_LIST = (
    Rule(
        "CHM-E101",
        "error",
        "value has the wrong type",
        "Each member has the type the service model gives it: structure (an object), list, "
        "string, integer or boolean. Booleans are not integers, and neither is 25.0: the service "
        "refuses both. Python values are accepted as botocore accepts them: any dict subclass "
        "(OrderedDict, defaultdict) for an object, a list or tuple (or a subclass) for a list, "
        "any str subclass (a class X(str, Enum) member too) for a string, compared by its string "
        "value, and an int subclass (IntEnum) for an integer. In a response a null member is read"
        " as absent (the service sends nulls; boto3 drops them).",
        "model",
        "decided",
        _BAD,
        example=Example(
            "CreateMeeting",
            _meeting(Attendee={"MaxCount": "25"}),
            _meeting(Attendee={"MaxCount": 25}),
        ),
    ),
    Rule(
        "CHM-E102",
        "error",
        "required member missing",
        "The service model's required members of each structure must be present: in a "
        "request, and in a response (where only AttendeeCapabilities has any: Audio, Video "
        "and Content; botocore's Stubber refuses a stubbed response without them). An "
        "idempotency token (ClientRequestToken of the create-meeting calls) is the exception: "
        "boto3 and the AWS CLI fill it in when it is left out, so a request or an AWS CLI "
        "input file without one is valid; a given token is still checked.",
        "model",
        "decided",
        _BAD,
        example=Example("CreateAttendee", {"MeetingId": _MEETING}, _attendee()),
    ),
    Rule(
        "CHM-E103",
        "error",
        "unknown member",
        "A member the service model does not define is an error: the SDKs refuse unknown "
        "parameters.",
        "model",
        "documented",
        _BAD,
        example=Example(
            "CreateAttendee",
            {**_attendee(), "Capabilites": _CAPS},
            {**_attendee(), "Capabilities": _CAPS},
        ),
    ),
    Rule(
        "CHM-E104",
        "error",
        "string length out of bounds",
        "String lengths are within the model's min and max. Lengths count code points (the "
        "project's reading: the documentation does not say what a length counts).",
        "model",
        "decided",
        _BAD,
        example=Example(
            "CreateAttendee", _attendee(ExternalUserId="u"), _attendee(ExternalUserId="u1")
        ),
    ),
    Rule(
        "CHM-E105",
        "error",
        "list length out of bounds",
        "List lengths are within the model's min and max (BatchCreateAttendee 1..100 attendees, "
        "CreateMeetingWithAttendees 1..20, ExcludedAttendeeIds 1..250, TenantIds 1..5, "
        "Tags and TagKeys 0..50). These bounds constrain requests: a response is read as the "
        "service sends it (CreateMeeting and GetMeeting responses carry TenantIds []).",
        "model",
        "decided",
        _BAD,
        in_response="",
        example=Example(
            "BatchCreateAttendee",
            {"MeetingId": _MEETING, "Attendees": []},
            {"MeetingId": _MEETING, "Attendees": [{"ExternalUserId": "user-1"}]},
        ),
    ),
    Rule(
        "CHM-E106",
        "error",
        "integer out of range",
        "Integers are within the model's min and max (Attendee.MaxCount "
        f"{m.ATTENDEE_MAX.minimum}..{m.ATTENDEE_MAX.maximum}, "
        "MaxResults 1..100).",
        "model",
        "documented",
        _BAD,
        example=Example(
            "CreateMeeting", _meeting(Attendee={"MaxCount": 0}), _meeting(Attendee={"MaxCount": 1})
        ),
    ),
    Rule(
        "CHM-E107",
        "error",
        "value not in the enumeration",
        "Enumerated members take one of the model's values, in exact case: capabilities "
        "SendReceive/Send/Receive/None, resolutions, EchoReduction, MediaPlacementNetworkType, "
        "the transcription settings' language codes, Regions, specialties and types.",
        "model",
        "documented",
        _BAD,
        example=Example(
            "CreateAttendee",
            _attendee(Capabilities={**_CAPS, "Audio": "sendreceive"}),
            _attendee(Capabilities=_CAPS),
        ),
    ),
    Rule(
        "CHM-E108",
        "error",
        "value does not match the pattern",
        "Members with a pattern in the model (ClientRequestToken, notification ARNs, TenantIds, "
        "tag keys and values, ResourceARN, the transcription names and lists) match it. The "
        "whole value must match: the service matches patterns with Java's matches(), and an "
        "unanchored [...]* would accept anything (the transcription patterns have ^ and no $). "
        "A tag value's ASCII characters are those of the model's class (Java's ASCII \\s "
        "and \\w); another character is accepted when it is a Unicode letter, number or "
        "space separator: the AWS tagging conventions allow letters, numbers and spaces "
        "representable in UTF-8, as the tag value pattern of the AWS tagging APIs "
        "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*) reads.",
        "model",
        "decided",
        _BAD,
        example=Example(
            "CreateMeeting",
            {**_meeting(), "TenantIds": ["tenant one"]},
            {**_meeting(), "TenantIds": ["tenant-one"]},
        ),
    ),
    Rule(
        "CHM-I109",
        "info",
        "member not in the service model (response)",
        "A response or a meeting_features argument holding a member this version of the model "
        "does not define is accepted: the service adds response members over time, and boto3 "
        "adds ResponseMetadata.",
        "model",
        "decided",
        example=Example(
            "GetAttendee",
            {"Attendee": {"AttendeeId": _ATTENDEE, "ExternalUserId": "user-1", "Tier": "gold"}},
            response=True,
        ),
    ),
    Rule(
        "CHM-E201",
        "error",
        "character not allowed in an external identifier",
        "ExternalUserId, ExternalMeetingId and MeetingHostId match "
        "[-_&@+=,(){}\\[\\]\\/«».:|'\"#a-zA-Z0-9À-ÿ\\s]* as a whole value. \\s is Java's: "
        "space, \\t, \\n, \\x0B, \\f, \\r only; À-ÿ is U+00C0..U+00FF, × and ÷ included.",
        "get_attendee",
        "decided",
        _BAD,
        example=Example("CreateAttendee", _attendee(ExternalUserId="<user-1>"), _attendee()),
    ),
    Rule(
        "CHM-E202",
        "error",
        "reserved aws: prefix",
        "Values that begin with aws: are reserved. You can't configure a value that uses this "
        "prefix. Case insensitive. (The project's reading: checked on the raw value, so "
        "' aws:x' and 'awsx:' are allowed.) A request may not use the prefix; in a response "
        "it is CHM-I208.",
        "get_attendee",
        "decided",
        _BAD,
        in_response="CHM-I208",
        example=Example("CreateAttendee", _attendee(ExternalUserId="aws:user-1"), _attendee()),
    ),
    Rule(
        "CHM-E203",
        "error",
        "malformed meeting or attendee ID",
        "MeetingId and AttendeeId are GuidString: "
        "[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}, matched as a whole value.",
        "model",
        "decided",
        _BAD,
        example=Example("GetMeeting", {"MeetingId": "meeting-1"}, {"MeetingId": _MEETING}),
    ),
    Rule(
        "CHM-I204",
        "info",
        "content-share attendee ID in a response",
        "The client SDKs form the content-share attendee as <AttendeeId>#content and it may be "
        "listed, so a response may hold it. In a request it is a malformed ID (CHM-E203).",
        "model",
        "decided",
        example=Example(
            "GetAttendee",
            {"Attendee": {"AttendeeId": _ATTENDEE + "#content", "ExternalUserId": "user-1"}},
            response=True,
        ),
    ),
    Rule(
        "CHM-W205",
        "warning",
        "MediaRegion not in the documented list",
        "MediaRegion is one of the regions the CreateMeeting reference lists. Regions are added "
        "over time, so another value is a warning, not an error.",
        "CreateMeeting",
        "decided",
        example=Example(
            "CreateMeeting",
            {**_meeting(), "MediaRegion": "us-middle-1"},
            {**_meeting(), "MediaRegion": "us-east-1"},
        ),
    ),
    Rule(
        "CHM-W206",
        "warning",
        "duplicate ExternalUserId in one batch",
        "ExternalUserId links an attendee to an identity and is an idempotency token: the same "
        "value twice in one batch creates one attendee, not two.",
        "get_attendee",
        "decided",
        example=Example(
            "BatchCreateAttendee",
            {"MeetingId": _MEETING, "Attendees": [{"ExternalUserId": "user-1"}] * 2},
            {
                "MeetingId": _MEETING,
                "Attendees": [{"ExternalUserId": "user-1"}, {"ExternalUserId": "user-2"}],
            },
        ),
    ),
    Rule(
        "CHM-W207",
        "warning",
        "duplicate excluded attendee ID",
        "An AttendeeId listed twice in ExcludedAttendeeIds is redundant (IDs compare "
        "case-insensitively).",
        "model",
        "decided",
        example=Example(
            "BatchUpdateAttendeeCapabilitiesExcept",
            {**_except(), "ExcludedAttendeeIds": [{"AttendeeId": _ATTENDEE}] * 2},
            _except(),
        ),
    ),
    Rule(
        "CHM-I208",
        "info",
        "attendee the service created (aws: prefix) in a response",
        "The aws: prefix is reserved for the service's own attendees: media capture pipelines "
        "join as aws:MediaPipeline-<id>, so a response may list such an ExternalUserId.",
        "get_attendee",
        "decided",
        example=Example(
            "GetAttendee",
            {"Attendee": {"AttendeeId": _ATTENDEE, "ExternalUserId": "aws:MediaPipeline-1"}},
            response=True,
        ),
    ),
    Rule(
        "CHM-E301",
        "error",
        "video capability in a meeting without video",
        "If you specify MeetingFeatures:Video:MaxResolution:None when you create a meeting, all "
        "API requests that include SendReceive, Send, or Receive for AttendeeCapabilities:Video "
        "will be rejected with ValidationError 400.",
        "AttendeeCapabilities",
        "documented",
        _BAD,
        example=Example(
            "CreateAttendee",
            _attendee(Capabilities={**_CAPS, "Video": "SendReceive"}),
            _attendee(Capabilities={**_CAPS, "Video": "None", "Content": "None"}),
            meeting_features={"Video": {"MaxResolution": "None"}},
        ),
    ),
    Rule(
        "CHM-E302",
        "error",
        "content capability in a meeting without content",
        "If you specify MeetingFeatures:Content:MaxResolution:None when you create a meeting, "
        "all API requests that include SendReceive, Send, or Receive for "
        "AttendeeCapabilities:Content will be rejected with ValidationError 400.",
        "AttendeeCapabilities",
        "documented",
        _BAD,
        example=Example(
            "CreateAttendee",
            _attendee(Capabilities={**_CAPS, "Content": "Send"}),
            _attendee(Capabilities={**_CAPS, "Content": "None"}),
            meeting_features={"Content": {"MaxResolution": "None"}},
        ),
    ),
    Rule(
        "CHM-E303",
        "error",
        "content receive needs video receive",
        "You can't set content capabilities to SendReceive or Receive unless you also set video "
        "capabilities to SendReceive or Receive. However, you can set your video capability to "
        "receive and your content capability to not receive.",
        "AttendeeCapabilities",
        "documented",
        _BAD,
        example=Example(
            "CreateAttendee",
            _attendee(Capabilities={**_CAPS, "Video": "Send", "Content": "Receive"}),
            _attendee(Capabilities={**_CAPS, "Video": "SendReceive", "Content": "Receive"}),
        ),
    ),
    Rule(
        "CHM-W304",
        "warning",
        "audio starts flowing after the update",
        "When you change an audio capability from None or Receive to Send or SendReceive, and "
        "if the attendee left their microphone unmuted, audio will flow from the attendee to "
        "the other meeting participants.",
        "AttendeeCapabilities",
        "documented",
        example=Example(
            "UpdateAttendeeCapabilities",
            _update(Audio="SendReceive"),
            previous={**_CAPS, "Audio": "Receive"},
        ),
    ),
    Rule(
        "CHM-W305",
        "warning",
        "video or content reaches others only after renegotiation",
        "When you change a video or content capability from None or Receive to Send or "
        "SendReceive, and if the attendee turned on their video or content streams, remote "
        "attendees can receive those streams, but only after media renegotiation between the "
        "client and the Amazon Chime back-end server.",
        "AttendeeCapabilities",
        "documented",
        example=Example(
            "UpdateAttendeeCapabilities",
            _update(Video="SendReceive"),
            previous={**_CAPS, "Video": "Receive"},
        ),
    ),
    Rule(
        "CHM-E401",
        "error",
        "high resolution needs Attendee.MaxCount",
        f"If you specify {_HIGH_VIDEO} for MeetingFeatures:Video:MaxResolution, or {_HIGH_CONTENT} "
        "for MeetingFeatures:Content:MaxResolution, MeetingFeatures:Attendee:MaxCount must be "
        "given. "
        "(The project's reading: this constrains requests; a response, or meeting features "
        "passed in, need not echo MaxCount.)",
        "AttendeeFeatures",
        "decided",
        _BAD,
        in_response="",
        example=Example(
            "CreateMeeting",
            _meeting(Video={"MaxResolution": "FHD"}),
            _meeting(Video={"MaxResolution": "FHD"}, Attendee={"MaxCount": 25}),
        ),
    ),
    Rule(
        "CHM-E402",
        "error",
        f"high resolution allows at most {m.HIGH_RESOLUTION_MAX_ATTENDEES} attendees",
        f"With {_HIGH_VIDEO} video or {_HIGH_CONTENT} content, the maximum number of attendees "
        f"changes from the default of {m.ATTENDEE_MAX.maximum} to "
        f"{m.HIGH_RESOLUTION_MAX_ATTENDEES}; Attendee.MaxCount above "
        f"{m.HIGH_RESOLUTION_MAX_ATTENDEES} is refused (in requests; a response is read as the "
        "service sends it).",
        "AttendeeFeatures",
        "decided",
        _BAD,
        in_response="",
        example=Example(
            "CreateMeeting",
            _meeting(Video={"MaxResolution": "FHD"}, Attendee={"MaxCount": 250}),
            _meeting(Video={"MaxResolution": "FHD"}, Attendee={"MaxCount": 25}),
        ),
    ),
    Rule(
        "CHM-E403",
        "error",
        "resolution of the other media",
        f"{_only(m.VIDEO_RESOLUTIONS, m.CONTENT_RESOLUTIONS)} a video resolution only and "
        f"{_only(m.CONTENT_RESOLUTIONS, m.VIDEO_RESOLUTIONS)} a content resolution only: "
        f"VideoResolution is {'/'.join(m.VIDEO_RESOLUTIONS)}, ContentResolution "
        f"{'/'.join(m.CONTENT_RESOLUTIONS)}.",
        "model",
        "documented",
        _BAD,
        example=Example(
            "CreateMeeting",
            _meeting(Video={"MaxResolution": "UHD"}),
            _meeting(Content={"MaxResolution": "UHD"}, Attendee={"MaxCount": 25}),
        ),
    ),
    Rule(
        "CHM-E501",
        "error",
        "transition names a missing preset",
        "In a meeting profile file, each transition's from and to name presets of the same "
        "profile (the format is described in docs/profiles.md).",
        "profiles",
        "decided",
        example=Example(
            "profile",
            {"presets": {"viewer": _CAPS}, "transitions": [{"from": "viewer", "to": "host"}]},
            {
                "presets": {"viewer": _CAPS, "host": _CAPS},
                "transitions": [{"from": "viewer", "to": "host"}],
            },
        ),
    ),
    Rule(
        "CHM-E502",
        "error",
        "duplicate key",
        "The names within an object should be unique; a checked file that repeats a key is "
        "ambiguous (readers differ on which value wins), so it is an error in JSON, YAML and "
        "TOML alike.",
        "rfc8259",
        "decided",
        example=Example(
            "CreateAttendee",
            f'{{"MeetingId": "{_MEETING}", "ExternalUserId": "a1", "ExternalUserId": "b2"}}',
            f'{{"MeetingId": "{_MEETING}", "ExternalUserId": "b2"}}',
        ),
    ),
    Rule(
        "CHM-E503",
        "error",
        "malformed meeting profile",
        "A meeting profile file is a profile, or {profiles: {name: profile}}; a profile has "
        "presets (an object of AttendeeCapabilities or null) and optionally MeetingFeatures, "
        "transitions (a list of {from, to}), transcription (a TranscriptionConfiguration) and "
        "description (a string), and nothing else.",
        "profiles",
        "decided",
        example=Example(
            "profile",
            {"presets": {"viewer": _CAPS}, "notes": "for viewers"},
            {"presets": {"viewer": _CAPS}, "description": "for viewers"},
        ),
    ),
    Rule(
        "CHM-E601",
        "error",
        "transcription needs exactly one engine",
        "The configuration for the current transcription operation must contain "
        "EngineTranscribeSettings or EngineTranscribeMedicalSettings. (The project's reading: "
        "exactly one, as the developer guide speaks of exactly one configuration.)",
        "TranscriptionConfiguration",
        "decided",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            {"MeetingId": _MEETING, "TranscriptionConfiguration": {}},
            _transcription(LanguageCode="en-US"),
        ),
    ),
    Rule(
        "CHM-E602",
        "error",
        "LanguageCode or IdentifyLanguage",
        "You must include either LanguageCode or IdentifyLanguage. (The project's reading: not "
        "both, and IdentifyLanguage false counts as not included.)",
        "EngineTranscribeSettings",
        "decided",
        _BAD,
        example=Example(
            "StartMeetingTranscription", _transcription(), _transcription(LanguageCode="en-US")
        ),
    ),
    Rule(
        "CHM-E603",
        "error",
        "language identification with a custom language model or redaction",
        "Language identification can't be combined with custom language models "
        "(LanguageModelName) or redaction (ContentRedactionType).",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(**_IDENTIFY, ContentRedactionType="PII"),
            _transcription(**_IDENTIFY),
        ),
    ),
    Rule(
        "CHM-E604",
        "error",
        "LanguageOptions without IdentifyLanguage",
        "If you include LanguageOptions, you must also include IdentifyLanguage.",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US", LanguageOptions="en-US,de-DE"),
            _transcription(**_IDENTIFY),
        ),
    ),
    Rule(
        "CHM-E605",
        "error",
        "LanguageOptions is not a list of language codes",
        f"Specify {m.LANGUAGE_OPTIONS_MIN} or more comma-separated language codes. (The "
        "project's reading: each one a TranscribeLanguageCode: "
        f"{', '.join(m.TRANSCRIBE_LANGUAGE_CODES)}.)",
        "EngineTranscribeSettings",
        "decided",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(IdentifyLanguage=True, LanguageOptions="en-US"),
            _transcription(**_IDENTIFY),
        ),
    ),
    Rule(
        "CHM-E606",
        "error",
        "two dialects of one language in LanguageOptions",
        "You can only include one language dialect per language. For example, you cannot "
        "include en-US and en-AU.",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(IdentifyLanguage=True, LanguageOptions="en-US,en-AU"),
            _transcription(**_IDENTIFY),
        ),
    ),
    Rule(
        "CHM-W607",
        "warning",
        "many LanguageOptions",
        f"Including more than {m.LANGUAGE_OPTIONS_RECOMMENDED_MAX} language options is not "
        "recommended.",
        "EngineTranscribeSettings",
        "documented",
        example=Example(
            "StartMeetingTranscription",
            _transcription(
                IdentifyLanguage=True, LanguageOptions="en-US,es-US,fr-FR,it-IT,de-DE,ja-JP"
            ),
            _transcription(IdentifyLanguage=True, LanguageOptions="en-US,es-US,fr-FR,it-IT,de-DE"),
        ),
    ),
    Rule(
        "CHM-E608",
        "error",
        "PreferredLanguage without IdentifyLanguage and LanguageOptions",
        "You can only use PreferredLanguage if you include IdentifyLanguage and "
        "LanguageOptions. (Fix: leave PreferredLanguage out.)",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US", PreferredLanguage="en-US"),
            _transcription(LanguageCode="en-US"),
        ),
    ),
    Rule(
        "CHM-E609",
        "error",
        "PreferredLanguage not among the LanguageOptions",
        "Specify a preferred language from the subset of language codes you specified in "
        "LanguageOptions. (Fix: leave PreferredLanguage out.)",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(**_IDENTIFY, PreferredLanguage="fr-FR"),
            _transcription(**_IDENTIFY),
        ),
    ),
    Rule(
        "CHM-E610",
        "error",
        "ContentIdentificationType with ContentRedactionType",
        "You can't set ContentIdentificationType and ContentRedactionType.",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(
                LanguageCode="en-US", ContentIdentificationType="PII", ContentRedactionType="PII"
            ),
            _transcription(LanguageCode="en-US", ContentRedactionType="PII"),
        ),
    ),
    Rule(
        "CHM-E611",
        "error",
        "PiiEntityTypes without identification or redaction",
        "If you include PiiEntityTypes, you must also include ContentIdentificationType or "
        "ContentRedactionType.",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US", PiiEntityTypes="NAME"),
            _transcription(LanguageCode="en-US", PiiEntityTypes="NAME", ContentRedactionType="PII"),
        ),
    ),
    Rule(
        "CHM-E612",
        "error",
        "PiiEntityTypes is not a list of entity types",
        "Values must be comma-separated and can include: "
        f"{', '.join(m.PII_ENTITY_TYPES_VALUES)}. (The project's reading: items are trimmed "
        f"of spaces, and {m.PII_ALL} stands alone.)",
        "EngineTranscribeSettings",
        "decided",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(
                LanguageCode="en-US", ContentRedactionType="PII", PiiEntityTypes="NAME,NICKNAME"
            ),
            _transcription(
                LanguageCode="en-US", ContentRedactionType="PII", PiiEntityTypes="NAME,ADDRESS"
            ),
        ),
    ),
    Rule(
        "CHM-E613",
        "error",
        "vocabulary member of the other language mode",
        "If you include IdentifyLanguage, use VocabularyNames and VocabularyFilterNames; if "
        "you don't, use VocabularyName and VocabularyFilterName. (Fix: rename the member.)",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US", VocabularyNames="terms"),
            _transcription(LanguageCode="en-US", VocabularyName="terms"),
        ),
    ),
    Rule(
        "CHM-W614",
        "warning",
        "PartialResultsStability without stabilization",
        "Specify the level of stability to use when you enable partial results stabilization "
        "(EnablePartialResultsStabilization). (The project's reading: without it the level has "
        "no effect, a warning.)",
        "EngineTranscribeSettings",
        "decided",
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US", PartialResultsStability="high"),
            _transcription(
                LanguageCode="en-US",
                EnablePartialResultsStabilization=True,
                PartialResultsStability="high",
            ),
        ),
    ),
    Rule(
        "CHM-W615",
        "warning",
        "VocabularyFilterMethod without a vocabulary filter",
        "VocabularyFilterMethod says how your vocabulary filter is applied. (The project's "
        "reading: without VocabularyFilterName or VocabularyFilterNames it has no effect, a "
        "warning.)",
        "EngineTranscribeSettings",
        "decided",
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US", VocabularyFilterMethod="mask"),
            _transcription(
                LanguageCode="en-US", VocabularyFilterName="words", VocabularyFilterMethod="mask"
            ),
        ),
    ),
    Rule(
        "CHM-W616",
        "warning",
        "no transcription engine in the meeting's MediaRegion",
        "If you don't specify a Region, then the MediaRegion of the meeting is used. However, "
        "if Amazon Transcribe is not available in the MediaRegion, then a TranscriptFailed "
        "event is sent. Use auto to use Amazon Transcribe in a Region near the meeting's "
        "MediaRegion. (The project's reading: a warning when the meeting's MediaRegion is "
        "known and is not one of the engine's Region values; fix: Region auto. Unchecked "
        "without the meeting.)",
        "EngineTranscribeSettings",
        "decided",
        example=Example(
            "StartMeetingTranscription",
            _transcription(LanguageCode="en-US"),
            _transcription(LanguageCode="en-US", Region="auto"),
            meeting={"MeetingId": _MEETING, "MediaRegion": "af-south-1"},
        ),
    ),
    Rule(
        "CHM-E701",
        "error",
        "duplicate tag key",
        "A tag is a key and a value; the service stores one value per key. (The project's "
        "reading: the same Key twice in one list of tags is an error.)",
        "tagging",
        "decided",
        _BAD,
        example=Example(
            "CreateMeeting",
            {**_meeting(), "Tags": [{"Key": "team", "Value": "a"}, {"Key": "team", "Value": "b"}]},
            {**_meeting(), "Tags": [{"Key": "team", "Value": "b"}]},
        ),
    ),
    Rule(
        "CHM-E702",
        "error",
        "tag key with the reserved aws: prefix",
        "The aws: prefix is reserved for AWS use: you can't create, edit or delete tag keys "
        "that begin with it, in any letter case.",
        "tagging",
        "decided",
        _BAD,
        example=Example(
            "CreateMeeting",
            {**_meeting(), "Tags": [{"Key": "aws:team", "Value": "a"}]},
            {**_meeting(), "Tags": [{"Key": "team", "Value": "a"}]},
        ),
    ),
)

#: The catalog: code -> Rule, in code order.
RULES: Mapping[str, Rule] = {rule.code: rule for rule in _RULE_LIST}
