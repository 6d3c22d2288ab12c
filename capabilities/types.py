"""Typed shapes of the covered Chime SDK Meetings requests, as ``TypedDict`` classes.

Each class mirrors the service-model shape of the same name (``chime-sdk-meetings/2021-07-15``):
the same members, the same required members (``total=False`` with ``Required``), enum members as
``Literal`` types. They are structurally compatible with the ``mypy-boto3-chime-sdk-meetings``
type definitions, so a value typed here can be passed where boto3's typed client expects, for
instance, ``AttendeeCapabilitiesTypeDef``, and the other way round.

The ``Literal`` value sets are spelled here because a type checker cannot read them from
``_model.py``; ``tests/integrations/test_types.py`` checks that they and the members of every
class equal the rule data, so the two cannot drift apart.

This module imports nothing but ``typing`` and ``typing_extensions``.
"""

# No ``from __future__ import annotations`` here: under it, Python before 3.11 cannot see
# ``Required`` at run time and ``__required_keys__`` would be wrong.

from collections.abc import Sequence
from typing import Literal

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
    "GetAttendeeRequest",
    "GetMeetingRequest",
    "ListAttendeesRequest",
    "MediaCapability",
    "MediaPlacementNetworkType",
    "MeetingFeatureStatus",
    "MeetingFeatures",
    "NotificationsConfiguration",
    "Tag",
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
