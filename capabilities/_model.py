"""The rule data: every value set, bound and pattern of the Chime SDK Meetings API that this
project checks, written once.

The engine (``_writer.py``, ``validator.py``), the JSON Schema generator and the generated
docs all read these definitions; none of them spells a value set, a bound or a pattern of its
own. The cross-field rules are objects (``_crossfield.py``) built here from the data.

Sources: the service model ``chime-sdk-meetings/2021-07-15`` shipped in botocore (shapes,
enums, bounds, required members), and the API reference pages quoted next to each fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import NamedTuple, Optional, Union

from ._crossfield import (
    AttendeeLimit,
    Capabilities,
    CommaList,
    Excludes,
    MeetingRegion,
    OneOf,
    PresetTransitions,
    Renamed,
    Requires,
    StructureRule,
    Transitions,
    Within,
)

__all__ = [
    "ATTENDEE_MAX",
    "CAPABILITY_DEFAULTS",
    "CAPABILITY_MEMBERS",
    "CAPABILITY_RULES",
    "CONTENT_RESOLUTIONS",
    "DEFAULT_CONTENT_RESOLUTION",
    "DEFAULT_VIDEO_RESOLUTION",
    "ERROR_STATUS",
    "HIGH_RESOLUTION_MAX_ATTENDEES",
    "MEDIA_CAPABILITIES",
    "MEDIA_REGIONS",
    "OFF",
    "OPERATIONS",
    "PROFILE",
    "PROFILES_FILE",
    "PROFILE_FILE",
    "PROFILE_FORMAT_CODE",
    "PROFILE_TRANSITION",
    "RECEIVING",
    "RESOLUTION_MEMBERS",
    "SENDING",
    "TRANSITION_RULES",
    "VIDEO_RESOLUTIONS",
    "Boolean",
    "Integer",
    "ListOf",
    "MapOf",
    "Operation",
    "Pattern",
    "Shape",
    "String",
    "Structure",
]

# --- value sets (service model enums, exact case) -------------------------------------------

#: MediaCapabilities: the values of AttendeeCapabilities Audio, Video and Content.
MEDIA_CAPABILITIES: tuple[str, ...] = ("SendReceive", "Send", "Receive", "None")
#: "Receiving" means SendReceive or Receive (AttendeeCapabilities corner cases).
RECEIVING: frozenset[str] = frozenset({"SendReceive", "Receive"})
#: Sending means SendReceive or Send (the transition corner cases).
SENDING: frozenset[str] = frozenset({"SendReceive", "Send"})
#: VideoResolution: MeetingFeatures.Video.MaxResolution.
VIDEO_RESOLUTIONS: tuple[str, ...] = ("None", "HD", "FHD")
#: ContentResolution: MeetingFeatures.Content.MaxResolution.
CONTENT_RESOLUTIONS: tuple[str, ...] = ("None", "FHD", "UHD")
#: VideoFeatures: "The maximum video resolution for the meeting ... Default: HD".
DEFAULT_VIDEO_RESOLUTION = "HD"
#: ContentFeatures: "The maximum resolution for the meeting content ... Default: FHD".
DEFAULT_CONTENT_RESOLUTION = "FHD"
#: The value of MaxResolution, and of a capability, that turns a medium off.
OFF = "None"
#: What the service assigns to an attendee created without Capabilities, by (video off,
#: content off): (Audio, Video, Content).
CAPABILITY_DEFAULTS: tuple[tuple[tuple[bool, bool], tuple[str, str, str]], ...] = (
    ((False, False), ("SendReceive", "SendReceive", "SendReceive")),  # documented
    # documented: "video ... Receive and ... content ... SendReceive"
    ((True, False), ("SendReceive", "Receive", "SendReceive")),
    ((False, True), ("SendReceive", "SendReceive", "None")),  # decided
    ((True, True), ("SendReceive", "None", "None")),  # decided
)
#: AttendeeFeatures: with FHD video or UHD content "the maximum number of attendees changes
#: from the default of 250 to 25" (the bound is the project's reading, rule CHM-E402).
DEFAULT_MAX_ATTENDEES = 250
HIGH_RESOLUTION_MAX_ATTENDEES = 25
#: The resolutions that need Attendee.MaxCount (CHM-E401) and cap it (CHM-E402).
HIGH_VIDEO_RESOLUTIONS: tuple[str, ...] = ("FHD",)
HIGH_CONTENT_RESOLUTIONS: tuple[str, ...] = ("UHD",)
MEETING_FEATURE_STATUS: tuple[str, ...] = ("AVAILABLE", "UNAVAILABLE")
MEDIA_PLACEMENT_NETWORK_TYPES: tuple[str, ...] = ("Ipv4Only", "DualStack")

#: TranscribeLanguageCode: EngineTranscribeSettings LanguageCode and PreferredLanguage.
TRANSCRIBE_LANGUAGE_CODES: tuple[str, ...] = (
    "en-US",
    "en-GB",
    "es-US",
    "fr-CA",
    "fr-FR",
    "en-AU",
    "it-IT",
    "de-DE",
    "pt-BR",
    "ja-JP",
    "ko-KR",
    "zh-CN",
    "th-TH",
    "hi-IN",
)
TRANSCRIBE_VOCABULARY_FILTER_METHODS: tuple[str, ...] = ("remove", "mask", "tag")
#: TranscribeRegion: where the standard engine runs; ``auto`` picks the one nearest the meeting.
TRANSCRIBE_REGIONS: tuple[str, ...] = (
    "us-east-2",
    "us-east-1",
    "us-west-2",
    "ap-northeast-2",
    "ap-southeast-2",
    "ap-northeast-1",
    "ca-central-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "sa-east-1",
    "auto",
    "us-gov-west-1",
)
TRANSCRIBE_PARTIAL_RESULTS_STABILITIES: tuple[str, ...] = ("low", "medium", "high")
#: TranscribeContentIdentificationType and TranscribeContentRedactionType.
TRANSCRIBE_CONTENT_TYPES: tuple[str, ...] = ("PII",)
TRANSCRIBE_MEDICAL_LANGUAGE_CODES: tuple[str, ...] = ("en-US",)
TRANSCRIBE_MEDICAL_SPECIALTIES: tuple[str, ...] = (
    "PRIMARYCARE",
    "CARDIOLOGY",
    "NEUROLOGY",
    "ONCOLOGY",
    "RADIOLOGY",
    "UROLOGY",
)
TRANSCRIBE_MEDICAL_TYPES: tuple[str, ...] = ("CONVERSATION", "DICTATION")
#: TranscribeMedicalRegion.
TRANSCRIBE_MEDICAL_REGIONS: tuple[str, ...] = (
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-southeast-2",
    "ca-central-1",
    "eu-west-1",
    "auto",
)
TRANSCRIBE_MEDICAL_CONTENT_TYPES: tuple[str, ...] = ("PHI",)
#: PiiEntityTypes items (EngineTranscribeSettings reference); ALL stands alone (decided).
PII_ENTITY_TYPES_VALUES: tuple[str, ...] = (
    "ADDRESS",
    "BANK_ACCOUNT_NUMBER",
    "BANK_ROUTING",
    "CREDIT_DEBIT_CVV",
    "CREDIT_DEBIT_EXPIRY",
    "CREDIT_DEBIT_NUMBER",
    "EMAIL",
    "NAME",
    "PHONE",
    "PIN",
    "SSN",
    "ALL",
)
PII_ALL = "ALL"
#: LanguageOptions: "two or more"; "including more than five is not recommended".
LANGUAGE_OPTIONS_MIN = 2
LANGUAGE_OPTIONS_RECOMMENDED_MAX = 5
#: The Region suggested when the meeting's MediaRegion has no transcription engine.
TRANSCRIBE_AUTO_REGION = "auto"

#: MediaRegion values listed in the CreateMeeting reference. Others are a warning (CHM-W205):
#: regions are added over time.
MEDIA_REGIONS: tuple[str, ...] = (
    "af-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-south-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "us-gov-east-1",
    "us-gov-west-1",
)


# --- patterns -----------------------------------------------------------------------------


class Pattern(NamedTuple):
    """A documented pattern, matched against the whole value.

    ``source`` is written in the subset of regular-expression syntax that Python's ``re`` and
    ECMA-262 read the same way: character classes spelled with ASCII and ``\\uXXXX`` escapes,
    no ``\\s``, ``\\w`` or ``.`` (their meaning differs between the two and from the service's
    Java regex), unless ``schema`` is given. ``documented`` is the pattern as the documentation
    prints it.
    """

    source: str
    documented: str
    #: The length of every value the pattern matches, where that is fixed; other values fail
    #: without running the regex.
    length: Optional[int] = None
    #: For a ``source`` that uses what ECMA-262 reads differently (Python's Unicode ``\\w``),
    #: the pattern the JSON Schema states instead: a superset of ``source``, in the common
    #: subset. docs/json-schema.md names each one.
    schema: Optional[str] = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The pattern compiled, on first use."""
        return _compiled(self.source)

    def fullmatch(self, value: str) -> bool:
        if self.length is not None and len(value) != self.length:
            return False
        return self.compiled.fullmatch(value) is not None

    @property
    def alphabet(self) -> Optional[str]:
        """For a pattern that is one character class repeated (``[...]*``), the class's body;
        None for any other pattern."""
        return _alphabet(self.source)

    def first_disallowed(self, value: str) -> Optional[int]:
        """Index of the first character outside a ``[...]*`` pattern's alphabet."""
        alphabet = self.alphabet
        if alphabet is None:
            raise ValueError(f"not a single-class pattern: {self.documented}")
        found = _refused(alphabet).search(value)
        return None if found is None else found.start()

    @property
    def ecma(self) -> str:
        """The pattern anchored for JSON Schema, whose ``pattern`` is an unanchored search.

        ``$(?!\\n)``: in Python's ``re`` (used by the ``jsonschema`` package), ``$`` also
        matches before a final newline; the look-ahead refuses that, and is a no-op in ECMA-262.
        """
        return f"^(?:{self.schema or self.source})$(?!\\n)"


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


@cache
def _refused(alphabet: str) -> re.Pattern[str]:
    """The characters a ``[alphabet]*`` pattern refuses, as a class."""
    if alphabet.startswith("^"):  # a negated class: its body is what it refuses
        return re.compile("[" + alphabet[1:] + "]")
    return re.compile("[^" + alphabet + "]")


@cache
def _alphabet(source: str) -> Optional[str]:
    if not (source.startswith("[") and source.endswith("]*")):
        return None
    body = source[1:-2]
    index = 0
    while index < len(body):
        if body[index] == "\\":
            index += 2
            continue
        if body[index] == "]":
            return None  # the class ends early: more than one piece
        index += 1
    return body


#: Java's ``\s`` (the service's regex dialect): space, \t, \n, \x0B, \f, \r and nothing else.
#: Python's ``\s`` and ECMA-262's ``\s`` both match more (\x1c-\x1f, \x85, \xa0, \u2000 ...).
JAVA_WHITESPACE = " \\t\\n\\u000b\\f\\r"

#: ExternalUserId, ExternalMeetingId, MeetingHostId (CreateAttendee / GetAttendee reference):
#: ``[-_&@+=,(){}\[\]\/«».:|'"#a-zA-Z0-9À-ÿ\s]*``. ``À-ÿ`` is U+00C0..U+00FF (it holds
#: × U+00D7 and ÷ U+00F7); « U+00AB and » U+00BB are listed on their own.
EXTERNAL_ID_CHAR = (
    "[\\-_&@+=,(){}\\[\\]/\\u00ab\\u00bb.:|'\"#a-zA-Z0-9\\u00c0-\\u00ff" + JAVA_WHITESPACE + "]"
)
EXTERNAL_ID = Pattern(
    source=EXTERNAL_ID_CHAR + "*",
    documented="[-_&@+=,(){}\\[\\]\\/«».:|'\"#a-zA-Z0-9À-ÿ\\s]*",
)
#: "Values that begin with aws: are reserved ... Case insensitive." Checked on the raw value.
RESERVED_PREFIX = Pattern(source="[aA][wW][sS]:", documented="aws: (case insensitive)", length=4)
#: GuidString (service model).
GUID = Pattern(
    source="[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}",
    documented="[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}",
    length=36,
)
#: The content-share attendee the client SDKs form: ``<AttendeeId>#content`` (responses only).
CONTENT_SHARE_ATTENDEE = Pattern(
    source=GUID.source + "#content", documented="<GuidString>#content", length=44
)
#: ClientRequestToken (service model).
CLIENT_REQUEST_TOKEN = Pattern(source="[\\-_a-zA-Z0-9]*", documented="[-_a-zA-Z0-9]*")
#: Arn (NotificationsConfiguration members, service model).
ARN = Pattern(source="arn[/:\\-_.a-zA-Z0-9]+", documented="^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$")
#: AmazonResourceName (MeetingArn in responses, service model): Java's ``.`` excludes line
#: terminators.
AMAZON_RESOURCE_NAME = Pattern(source="arn:[^\\n\\r\\u0085\\u2028\\u2029]*", documented="^arn:.*")
#: TenantId (service model): no character four times in a row. (``$`` is escaped in the class:
#: some JSON Schema compilers rewrite every bare ``$`` as an end anchor.)
TENANT_ID = Pattern(
    source="(?![\\s\\S]*?([\\s\\S])\\1{3})[\\-_!@#\\$a-zA-Z0-9]*",
    documented="^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$",
)
#: TagKey (service model). ``+-=`` inside the class is the range U+002B..U+003D, as written.
TAG_KEY = Pattern(source="[a-zA-Z+-=._:/]+", documented="^[a-zA-Z+-=._:/]+$")
#: TagValue (service model ``[\s\w+-=\.:/@]*``; ``+-=`` is a range again). The project's
#: reading: the model's pattern is unanchored (it matches anything), and the AWS tagging
#: conventions allow "letters, numbers, and spaces representable in UTF-8" and ``+ - = . _ :
#: / @``. So an ASCII character is allowed when the model's class allows it (Java's ASCII
#: ``\s`` and ``\w``), and any other character when it is a Unicode letter, number or space
#: separator (categories L, N and Z), as the tag value pattern of the AWS tagging APIs,
#: ``[\p{L}\p{Z}\p{N}_.:/=+\-@]*``, reads. Python's ``\w`` outside ASCII is exactly L and N;
#: Z outside ASCII is the 18 characters listed. ECMA-262 has no such class without the ``u``
#: flag, so the schema states the superset: the model's ASCII class, and any other character.
TAG_VALUE = Pattern(
    source=(
        "(?:[\\t\\n\\u000b\\f\\r +-=@A-Z_a-z]|[^\\W\\u0000-\\u007f]"
        "|[\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000])*"
    ),
    documented="[\\s\\w+-=\\.:/@]*",
    schema="[^\\u0000-\\u0008\\u000e-\\u001f!-*>?\\[\\\\\\]^`{-~\\u007f]*",
)
#: The transcription patterns of the service model have ``^`` but no ``$``; as everywhere, the
#: whole value must match (reference section 6).
#: TranscribeLanguageModelName.
LANGUAGE_MODEL_NAME = Pattern(source="[0-9a-zA-Z._\\-]+", documented="^[0-9a-zA-Z._-]+")
#: TranscribeLanguageOptions: comma-separated language codes.
LANGUAGE_OPTIONS = Pattern(source="[a-zA-Z\\-,]+", documented="^[a-zA-Z-,]+")
#: TranscribeVocabularyNamesOrFilterNamesString. ``,-.`` in the class is the range
#: U+002C..U+002E: the comma, the hyphen and the full stop.
VOCABULARY_NAMES = Pattern(source="[a-zA-Z0-9,\\-._]+", documented="^[a-zA-Z0-9,-._]+")
#: TranscribePiiEntityTypes: comma-separated entity types.
PII_ENTITY_TYPES = Pattern(source="[A-Z_, ]+", documented="^[A-Z_, ]+")


# --- shapes -------------------------------------------------------------------------------


class OtherValues(NamedTuple):
    """The values of a sibling enumeration (a content resolution given as a video one): such a
    value is reported with ``code``, as ``"<value> is a <said>; <own> allows ..."``."""

    code: str
    values: tuple[str, ...]
    said: str
    own: str


class String(NamedTuple):
    """A string member. ``pattern_code`` is the rule reported when ``pattern`` fails."""

    name: str
    min_length: Optional[int] = None
    max_length: Optional[int] = None
    enum: Optional[tuple[str, ...]] = None
    pattern: Optional[Pattern] = None
    pattern_code: str = "CHM-E108"
    #: A refused value is reported by its first character outside the pattern's class (the
    #: pattern is one class repeated, ``[...]*``).
    pattern_by_character: bool = False
    sensitive: bool = False
    #: Case-insensitive ``aws:`` prefix is reserved (``reserved_code``).
    reserved_prefix: bool = False
    reserved_code: str = "CHM-E202"
    #: Values outside this list are a warning (CHM-W205), not an error.
    known_values: Optional[tuple[str, ...]] = None
    #: Responses may list the content-share attendee ``<AttendeeId>#content`` (CHM-I204).
    content_share: bool = False
    #: The values of a sibling enumeration, reported with their own rule rather than CHM-E107.
    other_values: Optional[OtherValues] = None
    #: The model's ``idempotencyToken``: boto3 and the AWS CLI fill it in when it is left out,
    #: so a request need not carry it even where the model lists it as required.
    idempotency_token: bool = False
    #: A shape of the project's own file format (a meeting profile): a finding about its type
    #: or value carries this code instead of the service's.
    format_code: Optional[str] = None


class Integer(NamedTuple):
    name: str
    minimum: Optional[int] = None
    maximum: Optional[int] = None


class Boolean(NamedTuple):
    name: str


class ListOf(NamedTuple):
    name: str
    member: Shape
    min_items: Optional[int] = None
    max_items: Optional[int] = None
    #: Members whose repeated value within the list is a warning: (member name, rule code).
    unique_member: Optional[tuple[str, str]] = None
    #: The unique member's values compare without regard to letter case (GUIDs).
    unique_ignores_case: bool = False
    #: As String.format_code.
    format_code: Optional[str] = None


class MapOf(NamedTuple):
    """An object of any member names, each member's value a ``value`` (or null, when
    ``nullable``). A shape of the project's own file format: the service has none."""

    name: str
    value: Shape
    nullable: bool = False
    doc: str = ""
    #: As String.format_code.
    format_code: Optional[str] = None


class Structure(NamedTuple):
    name: str
    members: Mapping[str, Shape]
    required: tuple[str, ...] = ()
    #: Members accepted and not checked (boto3 adds ResponseMetadata to every response).
    ignored: tuple[str, ...] = ()
    doc: str = ""
    #: The cross-field rules of the object (``_crossfield.py``).
    rules: tuple[StructureRule, ...] = ()
    #: What a member left out means, where the documentation says (shown by ``explain``).
    absent: Mapping[str, str] = {}  # shared by the structures that leave it out: never changed
    #: The member holding the features of the meeting the rules within are checked against
    #: (a request that creates a meeting, a meeting profile).
    features_member: Optional[str] = None
    #: As String.format_code; also for a missing or an unknown member.
    format_code: Optional[str] = None

    @property
    def enumerated(self) -> bool:
        """Every member is required and enumerated: the values are finitely many, and the
        cross-field rules (which may then read no fact but the meeting's resolutions) are
        decided for each once."""
        every = all(
            name in self.required and isinstance(sub, String) and sub.enum is not None
            for name, sub in self.members.items()
        )
        if every and any(r.needs_meeting or r.needs_previous for r in self.rules):
            raise ValueError(f"{self.name}: an enumerated structure's rules read no meeting")
        return every


Shape = Union[String, Integer, Boolean, ListOf, MapOf, Structure]


def rules_within(shape: Shape) -> Iterator[StructureRule]:
    """The cross-field rules of every structure within ``shape``, itself included."""
    if isinstance(shape, ListOf):
        yield from rules_within(shape.member)
    elif isinstance(shape, MapOf):
        yield from rules_within(shape.value)
    elif isinstance(shape, Structure):
        yield from shape.rules
        for sub in shape.members.values():
            yield from rules_within(sub)


EXTERNAL_USER_ID = String(
    "ExternalUserId",
    min_length=2,
    max_length=64,
    pattern=EXTERNAL_ID,
    pattern_code="CHM-E201",
    pattern_by_character=True,
    sensitive=True,
    reserved_prefix=True,
)
#: The same rules as ExternalUserId (the reference gives one pattern for the three members).
EXTERNAL_MEETING_ID = EXTERNAL_USER_ID._replace(name="ExternalMeetingId")
MEETING_HOST_ID = EXTERNAL_USER_ID._replace(name="MeetingHostId")
GUID_STRING = String("GuidString", pattern=GUID, pattern_code="CHM-E203")
MEDIA_CAPABILITY = String("MediaCapabilities", enum=MEDIA_CAPABILITIES)
CLIENT_TOKEN = String(
    "ClientRequestToken",
    min_length=2,
    max_length=64,
    pattern=CLIENT_REQUEST_TOKEN,
    sensitive=True,
    idempotency_token=True,
)
MEDIA_REGION = String("MediaRegion", min_length=2, max_length=64, known_values=MEDIA_REGIONS)
JOIN_TOKEN = String("JoinTokenString", min_length=2, max_length=2048, sensitive=True)
PLAIN_STRING = String("String", max_length=4096)
ARN_STRING = String("Arn", min_length=1, max_length=1024, pattern=ARN, sensitive=True)

#: CHM-E301 to CHM-E303: an attendee's capabilities against the meeting's features and each
#: other (docs/rules.md has the decision table).
CAPABILITY_RULES = Capabilities(
    "CHM-E303",
    video_code="CHM-E301",
    content_code="CHM-E302",
    members=("Audio", "Video", "Content"),
    values=MEDIA_CAPABILITIES,
    receiving=RECEIVING,
    sending=SENDING,
    off=OFF,
    defaults=CAPABILITY_DEFAULTS,
)
ATTENDEE_CAPABILITIES = Structure(
    "AttendeeCapabilities",
    dict.fromkeys(CAPABILITY_RULES.members, MEDIA_CAPABILITY),
    required=CAPABILITY_RULES.members,
    doc="The media capabilities of an attendee: audio, video, or content.",
    rules=(CAPABILITY_RULES,),
)
#: CHM-W304, CHM-W305: an update that makes an attendee start sending.
TRANSITION_RULES = Transitions(
    "CHM-W304",
    media_code="CHM-W305",
    member="Capabilities",
    capabilities=CAPABILITY_RULES,
)
#: Attendee.MaxCount of MeetingFeatures; the maximum is also the default.
ATTENDEE_MAX = Integer("AttendeeMax", minimum=1, maximum=DEFAULT_MAX_ATTENDEES)
MEETING_FEATURES = Structure(
    "MeetingFeaturesConfiguration",
    {
        "Audio": Structure(
            "AudioFeatures",
            {"EchoReduction": String("MeetingFeatureStatus", enum=MEETING_FEATURE_STATUS)},
        ),
        "Video": Structure(
            "VideoFeatures",
            {
                "MaxResolution": String(
                    "VideoResolution",
                    enum=VIDEO_RESOLUTIONS,
                    other_values=OtherValues(
                        "CHM-E403", CONTENT_RESOLUTIONS, "content resolution", "video"
                    ),
                )
            },
        ),
        "Content": Structure(
            "ContentFeatures",
            {
                "MaxResolution": String(
                    "ContentResolution",
                    enum=CONTENT_RESOLUTIONS,
                    other_values=OtherValues(
                        "CHM-E403", VIDEO_RESOLUTIONS, "video resolution", "content"
                    ),
                )
            },
        ),
        "Attendee": Structure("AttendeeFeatures", {"MaxCount": ATTENDEE_MAX}),
    },
    doc="The configuration settings of the features available to a meeting.",
    rules=(
        AttendeeLimit(
            "CHM-E401",
            "CHM-E402",
            high=(("Video", HIGH_VIDEO_RESOLUTIONS), ("Content", HIGH_CONTENT_RESOLUTIONS)),
            limit=HIGH_RESOLUTION_MAX_ATTENDEES,
        ),
    ),
)


#: The members of MeetingFeatures that give the meeting's resolutions, in the order of a
#: resolutions pair: each one's MaxResolution values and its default.
RESOLUTION_MEMBERS: Mapping[str, tuple[tuple[str, ...], str]] = {
    "Video": (VIDEO_RESOLUTIONS, DEFAULT_VIDEO_RESOLUTION),
    "Content": (CONTENT_RESOLUTIONS, DEFAULT_CONTENT_RESOLUTION),
}


def resolutions_of(features: object) -> Optional[tuple[str, str]]:
    """The (Video, Content) MaxResolution that MeetingFeatures give a meeting, the defaults
    applied where left out (or null, as a response says it); None when either cannot be read
    (the rules that need them go unchecked)."""
    if features is None:
        features = {}
    if not isinstance(features, dict):
        return None
    found = []
    for member, (values, default) in RESOLUTION_MEMBERS.items():
        value = _max_resolution(features.get(member), default)
        if not isinstance(value, str) or value not in values:
            return None
        found.append(str.__str__(value))
    video, content = found
    return (video, content)


def _max_resolution(part: object, default: str) -> object:
    if part is None:
        return default
    if not isinstance(part, dict):
        return None
    value = part.get("MaxResolution")
    return default if value is None else value


#: The members of AttendeeCapabilities, in the order of a capability triple.
CAPABILITY_MEMBERS: tuple[str, ...] = tuple(ATTENDEE_CAPABILITIES.members)
CREATE_ATTENDEE_ITEM = Structure(
    "CreateAttendeeRequestItem",
    {"ExternalUserId": EXTERNAL_USER_ID, "Capabilities": ATTENDEE_CAPABILITIES},
    required=("ExternalUserId",),
)
TAG_KEY_STRING = String(
    "TagKey",
    min_length=1,
    max_length=128,
    pattern=TAG_KEY,
    reserved_prefix=True,
    reserved_code="CHM-E702",
)
TAG_LIST = ListOf(
    "TagList",
    Structure(
        "Tag",
        {
            "Key": TAG_KEY_STRING,
            "Value": String("TagValue", min_length=0, max_length=256, pattern=TAG_VALUE),
        },
        required=("Key", "Value"),
    ),
    min_items=0,
    max_items=50,
    unique_member=("Key", "CHM-E701"),
)
AMAZON_RESOURCE_NAME_STRING = String(
    "AmazonResourceName", min_length=1, max_length=1011, pattern=AMAZON_RESOURCE_NAME
)
BOOLEAN = Boolean("Boolean")


def _enum(name: str, values: tuple[str, ...]) -> String:
    return String(name, enum=values)


TRANSCRIBE_LANGUAGE_CODE = _enum("TranscribeLanguageCode", TRANSCRIBE_LANGUAGE_CODES)
VOCABULARY_NAMES_STRING = String(
    "TranscribeVocabularyNamesOrFilterNamesString",
    min_length=1,
    max_length=3000,
    pattern=VOCABULARY_NAMES,
)
ENGINE_TRANSCRIBE_SETTINGS = Structure(
    "EngineTranscribeSettings",
    {
        "LanguageCode": TRANSCRIBE_LANGUAGE_CODE,
        "VocabularyFilterMethod": _enum(
            "TranscribeVocabularyFilterMethod", TRANSCRIBE_VOCABULARY_FILTER_METHODS
        ),
        "VocabularyFilterName": PLAIN_STRING,
        "VocabularyName": PLAIN_STRING,
        "Region": _enum("TranscribeRegion", TRANSCRIBE_REGIONS),
        "EnablePartialResultsStabilization": BOOLEAN,
        "PartialResultsStability": _enum(
            "TranscribePartialResultsStability", TRANSCRIBE_PARTIAL_RESULTS_STABILITIES
        ),
        "ContentIdentificationType": _enum(
            "TranscribeContentIdentificationType", TRANSCRIBE_CONTENT_TYPES
        ),
        "ContentRedactionType": _enum("TranscribeContentRedactionType", TRANSCRIBE_CONTENT_TYPES),
        "PiiEntityTypes": String(
            "TranscribePiiEntityTypes", min_length=1, max_length=300, pattern=PII_ENTITY_TYPES
        ),
        "LanguageModelName": String(
            "TranscribeLanguageModelName",
            min_length=1,
            max_length=200,
            pattern=LANGUAGE_MODEL_NAME,
        ),
        "IdentifyLanguage": BOOLEAN,
        "LanguageOptions": String(
            "TranscribeLanguageOptions", min_length=1, max_length=200, pattern=LANGUAGE_OPTIONS
        ),
        "PreferredLanguage": TRANSCRIBE_LANGUAGE_CODE,
        "VocabularyNames": VOCABULARY_NAMES_STRING,
        "VocabularyFilterNames": VOCABULARY_NAMES_STRING,
    },
    doc="The settings of the Amazon Transcribe engine.",
    absent={
        "Region": "the meeting's MediaRegion",
        "PiiEntityTypes": "all PII, with ContentIdentificationType or ContentRedactionType",
    },
    rules=(
        OneOf("CHM-E602", ("LanguageCode", "IdentifyLanguage")),
        Excludes("CHM-E603", "IdentifyLanguage", ("LanguageModelName", "ContentRedactionType")),
        Requires("CHM-E604", "LanguageOptions", all_of=("IdentifyLanguage",)),
        CommaList(
            "CHM-E605",
            "LanguageOptions",
            TRANSCRIBE_LANGUAGE_CODES,
            min_items=LANGUAGE_OPTIONS_MIN,
            dialect_code="CHM-E606",
            many_code="CHM-W607",
            max_recommended=LANGUAGE_OPTIONS_RECOMMENDED_MAX,
        ),
        Requires(
            "CHM-E608",
            "PreferredLanguage",
            all_of=("IdentifyLanguage", "LanguageOptions"),
            fix_remove=True,
        ),
        Within("CHM-E609", "PreferredLanguage", "LanguageOptions", when="IdentifyLanguage"),
        Excludes("CHM-E610", "ContentIdentificationType", ("ContentRedactionType",)),
        Requires(
            "CHM-E611",
            "PiiEntityTypes",
            any_of=("ContentIdentificationType", "ContentRedactionType"),
        ),
        CommaList("CHM-E612", "PiiEntityTypes", PII_ENTITY_TYPES_VALUES, trim=True, alone=PII_ALL),
        Renamed(
            "CHM-E613",
            "IdentifyLanguage",
            (
                ("VocabularyName", "VocabularyNames"),
                ("VocabularyFilterName", "VocabularyFilterNames"),
            ),
            suits_switched=lambda value: (
                len(value) <= (VOCABULARY_NAMES_STRING.max_length or 0)
                and VOCABULARY_NAMES.fullmatch(value)
            ),
        ),
        Requires(
            "CHM-W614",
            "PartialResultsStability",
            all_of=("EnablePartialResultsStabilization",),
            in_schema=False,
        ),
        Requires(
            "CHM-W615",
            "VocabularyFilterMethod",
            any_of=("VocabularyFilterName", "VocabularyFilterNames"),
            in_schema=False,
        ),
        MeetingRegion("CHM-W616", "Region", TRANSCRIBE_REGIONS, TRANSCRIBE_AUTO_REGION),
    ),
)
ENGINE_TRANSCRIBE_MEDICAL_SETTINGS = Structure(
    "EngineTranscribeMedicalSettings",
    {
        "LanguageCode": _enum("TranscribeMedicalLanguageCode", TRANSCRIBE_MEDICAL_LANGUAGE_CODES),
        "Specialty": _enum("TranscribeMedicalSpecialty", TRANSCRIBE_MEDICAL_SPECIALTIES),
        "Type": _enum("TranscribeMedicalType", TRANSCRIBE_MEDICAL_TYPES),
        "VocabularyName": PLAIN_STRING,
        "Region": _enum("TranscribeMedicalRegion", TRANSCRIBE_MEDICAL_REGIONS),
        "ContentIdentificationType": _enum(
            "TranscribeMedicalContentIdentificationType", TRANSCRIBE_MEDICAL_CONTENT_TYPES
        ),
    },
    required=("LanguageCode", "Specialty", "Type"),
    doc="The settings of the Amazon Transcribe Medical engine.",
    absent={"Region": "the meeting's MediaRegion"},
    rules=(
        MeetingRegion("CHM-W616", "Region", TRANSCRIBE_MEDICAL_REGIONS, TRANSCRIBE_AUTO_REGION),
    ),
)
TRANSCRIPTION_CONFIGURATION = Structure(
    "TranscriptionConfiguration",
    {
        "EngineTranscribeSettings": ENGINE_TRANSCRIBE_SETTINGS,
        "EngineTranscribeMedicalSettings": ENGINE_TRANSCRIBE_MEDICAL_SETTINGS,
    },
    doc="The configuration of a meeting's transcription: one of the two engines.",
    rules=(OneOf("CHM-E601", ("EngineTranscribeSettings", "EngineTranscribeMedicalSettings")),),
)

_MEETING_REQUEST_MEMBERS: dict[str, Shape] = {
    "ClientRequestToken": CLIENT_TOKEN,
    "MediaRegion": MEDIA_REGION,
    "MeetingHostId": MEETING_HOST_ID,
    "ExternalMeetingId": EXTERNAL_MEETING_ID,
    "NotificationsConfiguration": Structure(
        "NotificationsConfiguration",
        {"LambdaFunctionArn": ARN_STRING, "SnsTopicArn": ARN_STRING, "SqsQueueArn": ARN_STRING},
    ),
    "MeetingFeatures": MEETING_FEATURES,
    "PrimaryMeetingId": String("PrimaryMeetingId", min_length=2, max_length=64),
    "TenantIds": ListOf(
        "TenantIdList",
        String("TenantId", min_length=2, max_length=256, pattern=TENANT_ID),
        min_items=1,
        max_items=5,
    ),
    "Tags": TAG_LIST,
    "MediaPlacementNetworkType": String(
        "MediaPlacementNetworkType", enum=MEDIA_PLACEMENT_NETWORK_TYPES
    ),
}
_MEETING_REQUIRED = ("ClientRequestToken", "MediaRegion", "ExternalMeetingId")

# Responses. Every member is optional in the model; boto3 adds ResponseMetadata.
_RESPONSE_IGNORED = ("ResponseMetadata",)
RESPONSE_ATTENDEE_ID = String(
    "GuidString", pattern=GUID, pattern_code="CHM-E203", content_share=True
)
ATTENDEE = Structure(
    "Attendee",
    {
        "ExternalUserId": EXTERNAL_USER_ID,
        "AttendeeId": RESPONSE_ATTENDEE_ID,
        "JoinToken": JOIN_TOKEN,
        "Capabilities": ATTENDEE_CAPABILITIES,
    },
    doc="An Amazon Chime SDK meeting attendee, as the service returns it.",
)
ATTENDEE_LIST = ListOf("AttendeeList", ATTENDEE)
ATTENDEE_ERRORS = ListOf(
    "BatchCreateAttendeeErrorList",
    Structure(
        "CreateAttendeeError",
        {
            "ExternalUserId": EXTERNAL_USER_ID,
            "ErrorCode": PLAIN_STRING,
            "ErrorMessage": PLAIN_STRING,
        },
    ),
)
MEETING = Structure(
    "Meeting",
    {
        "MeetingId": GUID_STRING,
        "MeetingHostId": MEETING_HOST_ID,
        "ExternalMeetingId": EXTERNAL_MEETING_ID,
        "MediaRegion": MEDIA_REGION,
        "MediaPlacement": Structure(
            "MediaPlacement",
            dict.fromkeys(
                (
                    "AudioHostUrl",
                    "AudioFallbackUrl",
                    "SignalingUrl",
                    "TurnControlUrl",
                    "ScreenDataUrl",
                    "ScreenViewingUrl",
                    "ScreenSharingUrl",
                    "EventIngestionUrl",
                ),
                PLAIN_STRING,
            ),
        ),
        "MeetingFeatures": MEETING_FEATURES,
        "PrimaryMeetingId": _MEETING_REQUEST_MEMBERS["PrimaryMeetingId"],
        "TenantIds": _MEETING_REQUEST_MEMBERS["TenantIds"],
        "MeetingArn": AMAZON_RESOURCE_NAME_STRING,
    },
)


class Operation(NamedTuple):
    """One covered API operation: its request shape and, where it has one, its response."""

    name: str
    method: str  # the boto3 client method
    request: Structure
    response: Optional[Structure] = None
    summary: str = ""
    #: The REST binding of the service model: HTTP method, request URI (with ``{Member}``
    #: placeholders and the fixed query string), and the status of a successful answer.
    http: tuple[str, str, int] = ("POST", "/", 200)
    #: The error shapes the model lists for the operation, in the model's order.
    errors: tuple[str, ...] = ()

    @property
    def creates_meeting(self) -> bool:
        """The request carries the features of its meeting (CreateMeeting,
        CreateMeetingWithAttendees)."""
        return self.request.features_member is not None

    @property
    def updates_capabilities(self) -> bool:
        """The request changes existing attendees' capabilities (a rule of the request reads
        their current ones: the transition warnings)."""
        return any(rule.needs_previous for rule in self.request.rules)


def _request(
    name: str,
    members: Mapping[str, Shape],
    required: tuple[str, ...],
    rules: tuple[StructureRule, ...] = (),
) -> Structure:
    """``required``: the model's required members. An idempotency token among them is left
    out: the SDKs fill it in, so a request without it is valid (a given one is checked). A
    request with MeetingFeatures creates the meeting they describe."""
    needed = tuple(
        n for n in required if not (isinstance(s := members[n], String) and s.idempotency_token)
    )
    features = next((n for n, s in members.items() if s is MEETING_FEATURES), None)
    return Structure(
        f"{name}Request", members, required=needed, rules=rules, features_member=features
    )


def _response(name: str, members: Mapping[str, Shape]) -> Structure:
    return Structure(f"{name}Response", members, ignored=_RESPONSE_IGNORED)


_MEETING_ONLY = {"MeetingId": GUID_STRING}
_ATTENDEE_REF = {"MeetingId": GUID_STRING, "AttendeeId": GUID_STRING}

_OPERATION_LIST = (
    Operation(
        "CreateMeeting",
        "create_meeting",
        _request("CreateMeeting", _MEETING_REQUEST_MEMBERS, _MEETING_REQUIRED),
        _response("CreateMeeting", {"Meeting": MEETING}),
        http=("POST", "/meetings", 200),
        errors=(
            "BadRequestException",
            "ConflictException",
            "ForbiddenException",
            "UnauthorizedException",
            "ThrottlingException",
            "ServiceFailureException",
            "ServiceUnavailableException",
            "LimitExceededException",
        ),
    ),
    Operation(
        "CreateMeetingWithAttendees",
        "create_meeting_with_attendees",
        _request(
            "CreateMeetingWithAttendees",
            {
                **_MEETING_REQUEST_MEMBERS,
                "Attendees": ListOf(
                    "CreateMeetingWithAttendeesRequestItemList",
                    CREATE_ATTENDEE_ITEM,
                    min_items=1,
                    max_items=20,
                    unique_member=("ExternalUserId", "CHM-W206"),
                ),
            },
            (*_MEETING_REQUIRED, "Attendees"),
        ),
        _response(
            "CreateMeetingWithAttendees",
            {"Meeting": MEETING, "Attendees": ATTENDEE_LIST, "Errors": ATTENDEE_ERRORS},
        ),
        http=("POST", "/meetings?operation=create-attendees", 200),
        errors=(
            "BadRequestException",
            "ConflictException",
            "ForbiddenException",
            "UnauthorizedException",
            "ThrottlingException",
            "ServiceFailureException",
            "ServiceUnavailableException",
            "LimitExceededException",
        ),
    ),
    Operation(
        "CreateAttendee",
        "create_attendee",
        _request(
            "CreateAttendee",
            {
                "MeetingId": GUID_STRING,
                "ExternalUserId": EXTERNAL_USER_ID,
                "Capabilities": ATTENDEE_CAPABILITIES,
            },
            ("MeetingId", "ExternalUserId"),
        ),
        _response("CreateAttendee", {"Attendee": ATTENDEE}),
        http=("POST", "/meetings/{MeetingId}/attendees", 200),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "NotFoundException",
            "UnauthorizedException",
            "UnprocessableEntityException",
            "LimitExceededException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "BatchCreateAttendee",
        "batch_create_attendee",
        _request(
            "BatchCreateAttendee",
            {
                "MeetingId": GUID_STRING,
                "Attendees": ListOf(
                    "CreateAttendeeRequestItemList",
                    CREATE_ATTENDEE_ITEM,
                    min_items=1,
                    max_items=100,
                    unique_member=("ExternalUserId", "CHM-W206"),
                ),
            },
            ("MeetingId", "Attendees"),
        ),
        _response("BatchCreateAttendee", {"Attendees": ATTENDEE_LIST, "Errors": ATTENDEE_ERRORS}),
        http=("POST", "/meetings/{MeetingId}/attendees?operation=batch-create", 200),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "NotFoundException",
            "UnauthorizedException",
            "UnprocessableEntityException",
            "LimitExceededException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "UpdateAttendeeCapabilities",
        "update_attendee_capabilities",
        _request(
            "UpdateAttendeeCapabilities",
            {**_ATTENDEE_REF, "Capabilities": ATTENDEE_CAPABILITIES},
            ("MeetingId", "AttendeeId", "Capabilities"),
            (TRANSITION_RULES,),
        ),
        _response("UpdateAttendeeCapabilities", {"Attendee": ATTENDEE}),
        http=("PUT", "/meetings/{MeetingId}/attendees/{AttendeeId}/capabilities", 200),
        errors=(
            "BadRequestException",
            "ConflictException",
            "UnauthorizedException",
            "NotFoundException",
            "ForbiddenException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "BatchUpdateAttendeeCapabilitiesExcept",
        "batch_update_attendee_capabilities_except",
        _request(
            "BatchUpdateAttendeeCapabilitiesExcept",
            {
                "MeetingId": GUID_STRING,
                "ExcludedAttendeeIds": ListOf(
                    "AttendeeIdsList",
                    Structure(
                        "AttendeeIdItem", {"AttendeeId": GUID_STRING}, required=("AttendeeId",)
                    ),
                    min_items=1,
                    max_items=250,
                    unique_member=("AttendeeId", "CHM-W207"),
                    unique_ignores_case=True,
                ),
                "Capabilities": ATTENDEE_CAPABILITIES,
            },
            ("MeetingId", "ExcludedAttendeeIds", "Capabilities"),
            (TRANSITION_RULES,),
        ),
        http=(
            "PUT",
            "/meetings/{MeetingId}/attendees/capabilities?operation=batch-update-except",
            200,
        ),
        errors=(
            "BadRequestException",
            "ConflictException",
            "UnauthorizedException",
            "NotFoundException",
            "ForbiddenException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "GetAttendee",
        "get_attendee",
        _request("GetAttendee", _ATTENDEE_REF, ("MeetingId", "AttendeeId")),
        _response("GetAttendee", {"Attendee": ATTENDEE}),
        http=("GET", "/meetings/{MeetingId}/attendees/{AttendeeId}", 200),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "NotFoundException",
            "UnauthorizedException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "DeleteAttendee",
        "delete_attendee",
        _request("DeleteAttendee", _ATTENDEE_REF, ("MeetingId", "AttendeeId")),
        http=("DELETE", "/meetings/{MeetingId}/attendees/{AttendeeId}", 204),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "NotFoundException",
            "UnauthorizedException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "GetMeeting",
        "get_meeting",
        _request("GetMeeting", _MEETING_ONLY, ("MeetingId",)),
        _response("GetMeeting", {"Meeting": MEETING}),
        http=("GET", "/meetings/{MeetingId}", 200),
        errors=(
            "NotFoundException",
            "BadRequestException",
            "ForbiddenException",
            "UnauthorizedException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "DeleteMeeting",
        "delete_meeting",
        _request("DeleteMeeting", _MEETING_ONLY, ("MeetingId",)),
        http=("DELETE", "/meetings/{MeetingId}", 204),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "UnauthorizedException",
            "NotFoundException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "ListAttendees",
        "list_attendees",
        _request(
            "ListAttendees",
            {
                "MeetingId": GUID_STRING,
                "NextToken": PLAIN_STRING,
                "MaxResults": Integer("ResultMax", minimum=1, maximum=100),
            },
            ("MeetingId",),
        ),
        _response("ListAttendees", {"Attendees": ATTENDEE_LIST, "NextToken": PLAIN_STRING}),
        http=("GET", "/meetings/{MeetingId}/attendees", 200),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "NotFoundException",
            "UnauthorizedException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
        ),
    ),
    Operation(
        "StartMeetingTranscription",
        "start_meeting_transcription",
        _request(
            "StartMeetingTranscription",
            {"MeetingId": GUID_STRING, "TranscriptionConfiguration": TRANSCRIPTION_CONFIGURATION},
            ("MeetingId", "TranscriptionConfiguration"),
        ),
        http=("POST", "/meetings/{MeetingId}/transcription?operation=start", 200),
        errors=(
            "NotFoundException",
            "ForbiddenException",
            "BadRequestException",
            "UnauthorizedException",
            "LimitExceededException",
            "UnprocessableEntityException",
            "ThrottlingException",
            "ServiceUnavailableException",
            "ServiceFailureException",
        ),
    ),
    Operation(
        "StopMeetingTranscription",
        "stop_meeting_transcription",
        _request("StopMeetingTranscription", _MEETING_ONLY, ("MeetingId",)),
        http=("POST", "/meetings/{MeetingId}/transcription?operation=stop", 200),
        errors=(
            "ForbiddenException",
            "NotFoundException",
            "BadRequestException",
            "UnauthorizedException",
            "UnprocessableEntityException",
            "ThrottlingException",
            "ServiceUnavailableException",
            "ServiceFailureException",
        ),
    ),
    Operation(
        "TagResource",
        "tag_resource",
        _request(
            "TagResource",
            {"ResourceARN": AMAZON_RESOURCE_NAME_STRING, "Tags": TAG_LIST},
            ("ResourceARN", "Tags"),
        ),
        _response("TagResource", {}),
        http=("POST", "/tags?operation=tag-resource", 204),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "UnauthorizedException",
            "LimitExceededException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
            "ResourceNotFoundException",
            "TooManyTagsException",
        ),
    ),
    Operation(
        "UntagResource",
        "untag_resource",
        _request(
            "UntagResource",
            {
                "ResourceARN": AMAZON_RESOURCE_NAME_STRING,
                "TagKeys": ListOf("TagKeyList", TAG_KEY_STRING, min_items=0, max_items=50),
            },
            ("ResourceARN", "TagKeys"),
        ),
        _response("UntagResource", {}),
        http=("POST", "/tags?operation=untag-resource", 204),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "UnauthorizedException",
            "LimitExceededException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
            "ResourceNotFoundException",
        ),
    ),
    Operation(
        "ListTagsForResource",
        "list_tags_for_resource",
        _request(
            "ListTagsForResource",
            {"ResourceARN": AMAZON_RESOURCE_NAME_STRING},
            ("ResourceARN",),
        ),
        _response("ListTagsForResource", {"Tags": TAG_LIST}),
        http=("GET", "/tags", 200),
        errors=(
            "BadRequestException",
            "ForbiddenException",
            "UnauthorizedException",
            "LimitExceededException",
            "ServiceUnavailableException",
            "ServiceFailureException",
            "ThrottlingException",
            "ResourceNotFoundException",
        ),
    ),
)

#: Covered operations by API name.
OPERATIONS: Mapping[str, Operation] = {op.name: op for op in _OPERATION_LIST}

#: The HTTP status of each error shape the operations list (the service model's
#: ``"error": {"httpStatusCode": ...}``). A refusal is answered with its shape's status.
ERROR_STATUS: Mapping[str, int] = {
    "BadRequestException": 400,
    "ConflictException": 409,
    "ForbiddenException": 403,
    "LimitExceededException": 400,
    "NotFoundException": 404,
    "ResourceNotFoundException": 404,
    "ServiceFailureException": 500,
    "ServiceUnavailableException": 503,
    "ThrottlingException": 429,
    "TooManyTagsException": 400,
    "UnauthorizedException": 401,
    "UnprocessableEntityException": 422,
}

# --- meeting profiles: the project's own file format (docs/profiles.md) ----------------------
#
# A profile file is one profile, or {"profiles": {name: profile, ...}}. A profile is the
# configuration a backend keeps for a meeting template: the meeting's features, the attendee
# capability presets it grants (null: Capabilities left out of the create request, the
# service's defaults apply), the transitions between presets it performs, and the
# transcription it starts. Its parts are checked as the calls that use them.

#: Findings about the format itself (a wrong type, a missing or unknown member).
PROFILE_FORMAT_CODE = "CHM-E503"
_PRESET_NAME = String("PresetName", format_code=PROFILE_FORMAT_CODE)
PROFILE_TRANSITION = Structure(
    "Transition",
    {
        "from": _PRESET_NAME,
        "to": _PRESET_NAME,
        "acknowledged": ListOf(
            "AcknowledgedWarnings",
            String(
                "AcknowledgeableWarning",
                enum=TRANSITION_RULES.codes,
                format_code=PROFILE_FORMAT_CODE,
            ),
            format_code=PROFILE_FORMAT_CODE,
        ),
    },
    required=("from", "to"),
    doc="A capability change from one preset to another, by preset name; acknowledged: the "
    "transition warnings it gives on purpose.",
    format_code=PROFILE_FORMAT_CODE,
)
PROFILE = Structure(
    "MeetingProfile",
    {
        "MeetingFeatures": MEETING_FEATURES,
        "presets": MapOf(
            "Presets",
            ATTENDEE_CAPABILITIES,
            nullable=True,
            doc="Attendee capabilities by preset name; null leaves Capabilities out of the "
            "create request (the service's defaults apply).",
            format_code=PROFILE_FORMAT_CODE,
        ),
        "transitions": ListOf("Transitions", PROFILE_TRANSITION, format_code=PROFILE_FORMAT_CODE),
        "transcription": TRANSCRIPTION_CONFIGURATION,
        "description": String("Description", format_code=PROFILE_FORMAT_CODE),
    },
    required=("presets",),
    doc="A meeting template: its features, the attendee capability presets it grants, the "
    "transitions between them and the transcription it starts.",
    rules=(PresetTransitions("CHM-E501", capabilities=CAPABILITY_RULES, changes=TRANSITION_RULES),),
    features_member="MeetingFeatures",
    format_code=PROFILE_FORMAT_CODE,
)
#: A string member a profile file may have at its top level, for editors to find its schema.
_SCHEMA_REFERENCE = {"$schema": String("SchemaReference", format_code=PROFILE_FORMAT_CODE)}
#: A file of one profile.
PROFILE_FILE = PROFILE._replace(
    name="MeetingProfileFile", members={**PROFILE.members, **_SCHEMA_REFERENCE}
)
#: A file of several profiles.
PROFILES_FILE = Structure(
    "MeetingProfiles",
    {
        "profiles": MapOf("ProfilesByName", PROFILE, format_code=PROFILE_FORMAT_CODE),
        **_SCHEMA_REFERENCE,
    },
    required=("profiles",),
    doc="Several meeting profiles, by name.",
    format_code=PROFILE_FORMAT_CODE,
)
