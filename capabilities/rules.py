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
from dataclasses import dataclass
from typing import Optional

from typing_extensions import Literal

from . import _model as m

__all__ = ["PREFIX", "RULES", "SOURCES", "Rule", "Severity", "Status"]

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
}


@dataclass(frozen=True)
class Rule:
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

    @property
    def source_url(self) -> str:
        return SOURCES[self.source]


_BAD = "BadRequestException"
_HIGH_VIDEO = " or ".join(m.HIGH_VIDEO_RESOLUTIONS)
_HIGH_CONTENT = " or ".join(m.HIGH_CONTENT_RESOLUTIONS)


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
    ),
    Rule(
        "CHM-I204",
        "info",
        "content-share attendee ID in a response",
        "The client SDKs form the content-share attendee as <AttendeeId>#content and it may be "
        "listed, so a response may hold it. In a request it is a malformed ID (CHM-E203).",
        "model",
        "decided",
    ),
    Rule(
        "CHM-W205",
        "warning",
        "MediaRegion not in the documented list",
        "MediaRegion is one of the regions the CreateMeeting reference lists. Regions are added "
        "over time, so another value is a warning, not an error.",
        "CreateMeeting",
        "decided",
    ),
    Rule(
        "CHM-W206",
        "warning",
        "duplicate ExternalUserId in one batch",
        "ExternalUserId links an attendee to an identity and is an idempotency token: the same "
        "value twice in one batch creates one attendee, not two.",
        "get_attendee",
        "decided",
    ),
    Rule(
        "CHM-W207",
        "warning",
        "duplicate excluded attendee ID",
        "An AttendeeId listed twice in ExcludedAttendeeIds is redundant (IDs compare "
        "case-insensitively).",
        "model",
        "decided",
    ),
    Rule(
        "CHM-I208",
        "info",
        "attendee the service created (aws: prefix) in a response",
        "The aws: prefix is reserved for the service's own attendees: media capture pipelines "
        "join as aws:MediaPipeline-<id>, so a response may list such an ExternalUserId.",
        "get_attendee",
        "decided",
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
    ),
    Rule(
        "CHM-E501",
        "error",
        "transition names a missing preset",
        "In a meeting profile file, each transition's from and to name presets of the same "
        "profile (the format is described in docs/profiles.md).",
        "model",
        "decided",
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
    ),
    Rule(
        "CHM-E503",
        "error",
        "malformed meeting profile",
        "A meeting profile file is a profile, or {profiles: {name: profile}}; a profile has "
        "presets (an object of AttendeeCapabilities or null) and optionally MeetingFeatures, "
        "transitions (a list of {from, to}), transcription (a TranscriptionConfiguration) and "
        "description (a string), and nothing else.",
        "model",
        "decided",
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
    ),
    Rule(
        "CHM-E604",
        "error",
        "LanguageOptions without IdentifyLanguage",
        "If you include LanguageOptions, you must also include IdentifyLanguage.",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
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
    ),
    Rule(
        "CHM-W607",
        "warning",
        "many LanguageOptions",
        f"Including more than {m.LANGUAGE_OPTIONS_RECOMMENDED_MAX} language options is not "
        "recommended.",
        "EngineTranscribeSettings",
        "documented",
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
    ),
    Rule(
        "CHM-E610",
        "error",
        "ContentIdentificationType with ContentRedactionType",
        "You can't set ContentIdentificationType and ContentRedactionType.",
        "EngineTranscribeSettings",
        "documented",
        _BAD,
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
    ),
)

#: The catalog: code -> Rule, in code order.
RULES: Mapping[str, Rule] = {rule.code: rule for rule in _RULE_LIST}
