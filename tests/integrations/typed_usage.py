"""Type-checked, never run: this package's types used with boto3's typed client.

``test_typed_usage.py`` runs ``mypy --strict`` over this file; every assignment between this
package's TypedDicts and the ``mypy-boto3-chime-sdk-meetings`` ones must type-check in both
directions.
"""

from __future__ import annotations

from mypy_boto3_chime_sdk_meetings import ChimeSDKMeetingsClient
from mypy_boto3_chime_sdk_meetings.type_defs import (
    AttendeeCapabilitiesTypeDef,
    AttendeeIdItemTypeDef,
    BatchCreateAttendeeRequestTypeDef,
    BatchUpdateAttendeeCapabilitiesExceptRequestTypeDef,
    CreateAttendeeRequestItemTypeDef,
    CreateAttendeeRequestTypeDef,
    CreateMeetingRequestTypeDef,
    CreateMeetingWithAttendeesRequestTypeDef,
    DeleteAttendeeRequestTypeDef,
    DeleteMeetingRequestTypeDef,
    GetAttendeeRequestTypeDef,
    GetMeetingRequestTypeDef,
    ListAttendeesRequestTypeDef,
    MeetingFeaturesConfigurationTypeDef,
    NotificationsConfigurationTypeDef,
    TagTypeDef,
    UpdateAttendeeCapabilitiesRequestTypeDef,
)

import capabilities
from capabilities import types as t
from capabilities.integrations.botocore import ClientValidator, install


def add_attendee(client: ChimeSDKMeetingsClient, meeting_id: str) -> str:
    """Create a meeting and an attendee with the capabilities the service would assign."""
    hook: ClientValidator = install(client, warnings="raise", lookup=True)
    features: t.MeetingFeatures = {
        "Video": {"MaxResolution": "None"},
        "Content": {"MaxResolution": "FHD"},
    }
    meeting = client.create_meeting(
        ClientRequestToken="token-1",
        MediaRegion="us-east-1",
        ExternalMeetingId="meeting-1",
        MeetingFeatures=features,
    )
    returned: MeetingFeaturesConfigurationTypeDef = meeting["Meeting"].get("MeetingFeatures", {})
    hook.remember(meeting_id, returned)
    effective: AttendeeCapabilitiesTypeDef = capabilities.normalize(meeting_features=features)
    request: t.CreateAttendeeRequest = {
        "MeetingId": meeting_id,
        "ExternalUserId": "user-1",
        "Capabilities": capabilities.normalize({**effective, "Video": "None"}),
    }
    attendee = client.create_attendee(**request)
    client.update_attendee_capabilities(
        MeetingId=meeting_id,
        AttendeeId=attendee["Attendee"].get("AttendeeId", ""),
        Capabilities=effective,
    )
    full: t.MeetingFeatures = capabilities.normalize_meeting_features(returned)
    video: t.VideoResolution = full["Video"]["MaxResolution"]
    remembered = hook.capabilities(meeting_id, "attendee")
    audio: t.MediaCapability | None = remembered["Audio"] if remembered else None
    return f"{video} {audio}"


# Both directions, for every shape.


def f1(x: t.AttendeeCapabilities) -> AttendeeCapabilitiesTypeDef:
    return x


def r1(x: AttendeeCapabilitiesTypeDef) -> t.AttendeeCapabilities:
    return x


def f2(x: t.MeetingFeatures) -> MeetingFeaturesConfigurationTypeDef:
    return x


def r2(x: MeetingFeaturesConfigurationTypeDef) -> t.MeetingFeatures:
    return x


def f3(x: t.CreateAttendeeRequestItem) -> CreateAttendeeRequestItemTypeDef:
    return x


def r3(x: CreateAttendeeRequestItemTypeDef) -> t.CreateAttendeeRequestItem:
    return x


def f4(x: t.AttendeeIdItem) -> AttendeeIdItemTypeDef:
    return x


def r4(x: AttendeeIdItemTypeDef) -> t.AttendeeIdItem:
    return x


def f5(x: t.Tag) -> TagTypeDef:
    return x


def r5(x: TagTypeDef) -> t.Tag:
    return x


def f6(x: t.NotificationsConfiguration) -> NotificationsConfigurationTypeDef:
    return x


def r6(x: NotificationsConfigurationTypeDef) -> t.NotificationsConfiguration:
    return x


def f7(x: t.CreateMeetingRequest) -> CreateMeetingRequestTypeDef:
    return x


def r7(x: CreateMeetingRequestTypeDef) -> t.CreateMeetingRequest:
    return x


def f8(x: t.CreateMeetingWithAttendeesRequest) -> CreateMeetingWithAttendeesRequestTypeDef:
    return x


def r8(x: CreateMeetingWithAttendeesRequestTypeDef) -> t.CreateMeetingWithAttendeesRequest:
    return x


def f9(x: t.CreateAttendeeRequest) -> CreateAttendeeRequestTypeDef:
    return x


def r9(x: CreateAttendeeRequestTypeDef) -> t.CreateAttendeeRequest:
    return x


def f10(x: t.BatchCreateAttendeeRequest) -> BatchCreateAttendeeRequestTypeDef:
    return x


def r10(x: BatchCreateAttendeeRequestTypeDef) -> t.BatchCreateAttendeeRequest:
    return x


def f11(x: t.UpdateAttendeeCapabilitiesRequest) -> UpdateAttendeeCapabilitiesRequestTypeDef:
    return x


def r11(x: UpdateAttendeeCapabilitiesRequestTypeDef) -> t.UpdateAttendeeCapabilitiesRequest:
    return x


def f12(
    x: t.BatchUpdateAttendeeCapabilitiesExceptRequest,
) -> BatchUpdateAttendeeCapabilitiesExceptRequestTypeDef:
    return x


def r12(
    x: BatchUpdateAttendeeCapabilitiesExceptRequestTypeDef,
) -> t.BatchUpdateAttendeeCapabilitiesExceptRequest:
    return x


def f13(x: t.GetAttendeeRequest) -> GetAttendeeRequestTypeDef:
    return x


def r13(x: GetAttendeeRequestTypeDef) -> t.GetAttendeeRequest:
    return x


def f14(x: t.DeleteAttendeeRequest) -> DeleteAttendeeRequestTypeDef:
    return x


def r14(x: DeleteAttendeeRequestTypeDef) -> t.DeleteAttendeeRequest:
    return x


def f15(x: t.GetMeetingRequest) -> GetMeetingRequestTypeDef:
    return x


def r15(x: GetMeetingRequestTypeDef) -> t.GetMeetingRequest:
    return x


def f16(x: t.DeleteMeetingRequest) -> DeleteMeetingRequestTypeDef:
    return x


def r16(x: DeleteMeetingRequestTypeDef) -> t.DeleteMeetingRequest:
    return x


def f17(x: t.ListAttendeesRequest) -> ListAttendeesRequestTypeDef:
    return x


def r17(x: ListAttendeesRequestTypeDef) -> t.ListAttendeesRequest:
    return x
