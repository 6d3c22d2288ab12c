"""Typed shapes of the covered Chime SDK Meetings requests, as ``TypedDict`` classes.

Each class mirrors the service-model shape of the same name (``chime-sdk-meetings/2021-07-15``):
the same members, the same required members (``total=False`` with ``Required``), enum members as
``Literal`` types. They are structurally compatible with the ``mypy-boto3-chime-sdk-meetings``
type definitions, so a value typed here can be passed where boto3's typed client expects, for
instance, ``AttendeeCapabilitiesTypeDef``, and the other way round.

The ``Literal`` value sets are spelled here because a type checker cannot read them from
``_model.py``; ``tests/integrations/test_types.py`` checks that they and the members of every
class equal the rule data, so the two cannot drift apart.

This module imports nothing but ``typing`` (and ``typing_extensions`` before Python 3.11).
"""

# No ``from __future__ import annotations`` here: under it, Python before 3.11 cannot see
# ``Required`` at run time and ``__required_keys__`` would be wrong.

import sys
from collections.abc import Sequence
from typing import Literal

if sys.version_info >= (3, 11):
    from typing import Required, TypedDict
else:
    from typing_extensions import Required, TypedDict

__all__ = [
    "AttendeeCapabilities",
    "AttendeeFeatures",
    "AttendeeIdItem",
    "AudioFeatures",
    "BatchCreateAttendeeRequest",
    "BatchUpdateAttendeeCapabilitiesExceptRequest",
    "ContentFeatures",
    "ContentResolution",
    "CreateAttendeeRequest",
    "CreateAttendeeRequestItem",
    "CreateMeetingRequest",
    "CreateMeetingWithAttendeesRequest",
    "DeleteAttendeeRequest",
    "DeleteMeetingRequest",
    "EngineTranscribeMedicalSettings",
    "EngineTranscribeSettings",
    "GetAttendeeRequest",
    "GetMeetingRequest",
    "ListAttendeesRequest",
    "ListTagsForResourceRequest",
    "MediaCapability",
    "MediaPlacementNetworkType",
    "MeetingFeatureStatus",
    "MeetingFeatures",
    "NotificationsConfiguration",
    "StartMeetingTranscriptionRequest",
    "StopMeetingTranscriptionRequest",
    "Tag",
    "TagResourceRequest",
    "TranscribeContentType",
    "TranscribeLanguageCode",
    "TranscribeMedicalContentIdentificationType",
    "TranscribeMedicalLanguageCode",
    "TranscribeMedicalRegion",
    "TranscribeMedicalSpecialty",
    "TranscribeMedicalType",
    "TranscribePartialResultsStability",
    "TranscribeRegion",
    "TranscribeVocabularyFilterMethod",
    "TranscriptionConfiguration",
    "UntagResourceRequest",
    "UpdateAttendeeCapabilitiesRequest",
    "VideoFeatures",
    "VideoResolution",
]

# --- value sets (equal to _model's tuples; checked by the tests) ----------------------------

#: MediaCapabilities: AttendeeCapabilities Audio, Video and Content.
MediaCapability = Literal["SendReceive", "Send", "Receive", "None"]
#: VideoResolution: MeetingFeatures.Video.MaxResolution.
VideoResolution = Literal["None", "HD", "FHD"]
#: ContentResolution: MeetingFeatures.Content.MaxResolution.
ContentResolution = Literal["None", "FHD", "UHD"]
#: MeetingFeatureStatus: MeetingFeatures.Audio.EchoReduction.
MeetingFeatureStatus = Literal["AVAILABLE", "UNAVAILABLE"]
MediaPlacementNetworkType = Literal["Ipv4Only", "DualStack"]
TranscribeLanguageCode = Literal[
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
]
TranscribeVocabularyFilterMethod = Literal["remove", "mask", "tag"]
TranscribeRegion = Literal[
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
]
TranscribePartialResultsStability = Literal["low", "medium", "high"]
#: TranscribeContentIdentificationType and TranscribeContentRedactionType.
TranscribeContentType = Literal["PII"]
TranscribeMedicalLanguageCode = Literal["en-US"]
TranscribeMedicalSpecialty = Literal[
    "PRIMARYCARE", "CARDIOLOGY", "NEUROLOGY", "ONCOLOGY", "RADIOLOGY", "UROLOGY"
]
TranscribeMedicalType = Literal["CONVERSATION", "DICTATION"]
TranscribeMedicalRegion = Literal[
    "us-east-1", "us-east-2", "us-west-2", "ap-southeast-2", "ca-central-1", "eu-west-1", "auto"
]
TranscribeMedicalContentIdentificationType = Literal["PHI"]

# --- capabilities and meeting features ------------------------------------------------------


class AttendeeCapabilities(TypedDict):
    """The media capabilities of an attendee; all three members are required."""

    Audio: MediaCapability
    Video: MediaCapability
    Content: MediaCapability


class AudioFeatures(TypedDict, total=False):
    EchoReduction: MeetingFeatureStatus


class VideoFeatures(TypedDict, total=False):
    MaxResolution: VideoResolution


class ContentFeatures(TypedDict, total=False):
    MaxResolution: ContentResolution


class AttendeeFeatures(TypedDict, total=False):
    MaxCount: int


class MeetingFeatures(TypedDict, total=False):
    """The model's ``MeetingFeaturesConfiguration``: every member optional."""

    Audio: AudioFeatures
    Video: VideoFeatures
    Content: ContentFeatures
    Attendee: AttendeeFeatures


# --- request members ------------------------------------------------------------------------


class NotificationsConfiguration(TypedDict, total=False):
    LambdaFunctionArn: str
    SnsTopicArn: str
    SqsQueueArn: str


class Tag(TypedDict):
    Key: str
    Value: str


class EngineTranscribeSettings(TypedDict, total=False):
    LanguageCode: TranscribeLanguageCode
    VocabularyFilterMethod: TranscribeVocabularyFilterMethod
    VocabularyFilterName: str
    VocabularyName: str
    Region: TranscribeRegion
    EnablePartialResultsStabilization: bool
    PartialResultsStability: TranscribePartialResultsStability
    ContentIdentificationType: TranscribeContentType
    ContentRedactionType: TranscribeContentType
    PiiEntityTypes: str
    LanguageModelName: str
    IdentifyLanguage: bool
    LanguageOptions: str
    PreferredLanguage: TranscribeLanguageCode
    VocabularyNames: str
    VocabularyFilterNames: str


class EngineTranscribeMedicalSettings(TypedDict, total=False):
    LanguageCode: Required[TranscribeMedicalLanguageCode]
    Specialty: Required[TranscribeMedicalSpecialty]
    Type: Required[TranscribeMedicalType]
    VocabularyName: str
    Region: TranscribeMedicalRegion
    ContentIdentificationType: TranscribeMedicalContentIdentificationType


class TranscriptionConfiguration(TypedDict, total=False):
    EngineTranscribeSettings: EngineTranscribeSettings
    EngineTranscribeMedicalSettings: EngineTranscribeMedicalSettings


class CreateAttendeeRequestItem(TypedDict, total=False):
    ExternalUserId: Required[str]
    Capabilities: AttendeeCapabilities


class AttendeeIdItem(TypedDict):
    AttendeeId: str


# --- requests (the keyword arguments of the boto3 client methods) ---------------------------


class CreateMeetingRequest(TypedDict, total=False):
    """``ClientRequestToken`` is required by the model; boto3 fills it in when left out."""

    ClientRequestToken: Required[str]
    MediaRegion: Required[str]
    ExternalMeetingId: Required[str]
    MeetingHostId: str
    NotificationsConfiguration: NotificationsConfiguration
    MeetingFeatures: MeetingFeatures
    PrimaryMeetingId: str
    TenantIds: Sequence[str]
    Tags: Sequence[Tag]
    MediaPlacementNetworkType: MediaPlacementNetworkType


class CreateMeetingWithAttendeesRequest(TypedDict, total=False):
    ClientRequestToken: Required[str]
    MediaRegion: Required[str]
    ExternalMeetingId: Required[str]
    Attendees: Required[Sequence[CreateAttendeeRequestItem]]
    MeetingHostId: str
    MeetingFeatures: MeetingFeatures
    NotificationsConfiguration: NotificationsConfiguration
    PrimaryMeetingId: str
    TenantIds: Sequence[str]
    Tags: Sequence[Tag]
    MediaPlacementNetworkType: MediaPlacementNetworkType


class CreateAttendeeRequest(TypedDict, total=False):
    MeetingId: Required[str]
    ExternalUserId: Required[str]
    Capabilities: AttendeeCapabilities


class BatchCreateAttendeeRequest(TypedDict):
    MeetingId: str
    Attendees: Sequence[CreateAttendeeRequestItem]


class UpdateAttendeeCapabilitiesRequest(TypedDict):
    MeetingId: str
    AttendeeId: str
    Capabilities: AttendeeCapabilities


class BatchUpdateAttendeeCapabilitiesExceptRequest(TypedDict):
    MeetingId: str
    ExcludedAttendeeIds: Sequence[AttendeeIdItem]
    Capabilities: AttendeeCapabilities


class GetAttendeeRequest(TypedDict):
    MeetingId: str
    AttendeeId: str


class DeleteAttendeeRequest(TypedDict):
    MeetingId: str
    AttendeeId: str


class GetMeetingRequest(TypedDict):
    MeetingId: str


class DeleteMeetingRequest(TypedDict):
    MeetingId: str


class ListAttendeesRequest(TypedDict, total=False):
    MeetingId: Required[str]
    NextToken: str
    MaxResults: int


class StartMeetingTranscriptionRequest(TypedDict):
    MeetingId: str
    TranscriptionConfiguration: TranscriptionConfiguration


class StopMeetingTranscriptionRequest(TypedDict):
    MeetingId: str


class TagResourceRequest(TypedDict):
    ResourceARN: str
    Tags: Sequence[Tag]


class UntagResourceRequest(TypedDict):
    ResourceARN: str
    TagKeys: Sequence[str]


class ListTagsForResourceRequest(TypedDict):
    ResourceARN: str
