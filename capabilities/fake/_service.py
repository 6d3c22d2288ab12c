"""The state of an offline Chime SDK Meetings service: meetings, attendees, tags,
transcription, and the events the service would send.

Every request is checked with :func:`capabilities.validate` (against the stored meeting's
features for attendee calls) before it changes anything; capabilities are stored as the
service assigns them (:func:`capabilities.normalize`). The behaviours the documentation does
not state are listed, as decided, in docs/fake.md.
"""

from __future__ import annotations

import base64
import copy
import random
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .. import _model as m
from ..report import Report
from ..rules import RULES
from ..validator import normalize, normalize_meeting_features, operation_name, validate

__all__ = ["DEFAULT_MAX_ATTENDEES", "Event", "FakeChimeSdkMeetings", "ServiceError"]

#: A meeting's attendee limit when MaxCount is left out (the rule data's).
DEFAULT_MAX_ATTENDEES = m.DEFAULT_MAX_ATTENDEES
#: TagResource: "Each resource can have up to 50 tags."
MAX_TAGS = 50
#: The ErrorCode of a BatchCreateAttendee item refused for the attendee limit (decided: the
#: service model's ErrorCode value for a limit).
LIMIT_ERROR_CODE = "ResourceLimitExceeded"
#: Warnings about a configuration the service accepts and cannot run (CHM-W616: the engine is not
#: available in the meeting's MediaRegion, which a left-out Region means): a failed
#: transcription, as the errors the model does not check are.
_FAILS_LATER = frozenset({"CHM-W616"})

Params = Mapping[str, Any]
Response = Optional[dict[str, Any]]


class ServiceError(Exception):
    """A refusal: ``code`` is the error shape of the service model (``NotFoundException``),
    ``status`` its HTTP status; ``message`` never holds a sensitive value."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = m.ERROR_STATUS[code]


@dataclass(frozen=True)
class Event:
    """One event the service would send (EventBridge ``eventType``), in the order it happened.

    ``detail`` holds what a test may want to assert on (the transcription configuration, the
    rule codes a failed transcription broke); never a sensitive value.
    """

    type: str
    meeting_id: str
    attendee_id: Optional[str] = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class _Attendee:
    attendee_id: str
    external_user_id: str
    join_token: str
    capabilities: dict[str, str]
    #: Creation order across the service; ListAttendees pages follow it.
    sequence: int

    def response(self) -> dict[str, Any]:
        return {
            "ExternalUserId": self.external_user_id,
            "AttendeeId": self.attendee_id,
            "JoinToken": self.join_token,
            "Capabilities": dict(self.capabilities),
        }


@dataclass
class _Meeting:
    body: dict[str, Any]
    #: The MeetingFeatures of the request (None when it had none): the rules' input.
    features: Optional[dict[str, Any]]
    max_attendees: int
    #: The CreateMeeting request, for ClientRequestToken idempotency.
    request: dict[str, Any]
    tags: dict[str, str]
    attendees: dict[str, _Attendee] = field(default_factory=dict)
    by_external_id: dict[str, str] = field(default_factory=dict)
    transcription: Optional[dict[str, Any]] = None

    @property
    def meeting_id(self) -> str:
        return str(self.body["MeetingId"])


def _region_code(region: str) -> str:
    """``us-east-1`` -> ``ue1``: the region in the service's media host names."""
    *words, number = region.split("-")
    return "".join(word[:1] for word in words) + number


def _media_placement(region: str, meeting_id: str) -> dict[str, str]:
    """MediaPlacement in the form the service returns (host names are illustrative)."""
    code = _region_code(region)
    screen = f"wss://bitpw.m3.{code}.app.chime.aws:443"
    return {
        "AudioHostUrl": f"{meeting_id[:8]}.k.m3.{code}.app.chime.aws:3478",
        "AudioFallbackUrl": f"wss://haxrp.m3.{code}.app.chime.aws:443/calls/{meeting_id}",
        "SignalingUrl": f"wss://signal.m3.{code}.app.chime.aws/control/{meeting_id}",
        "TurnControlUrl": f"https://2713.cell.{region}.meetings.chime.aws/v2/turn_sessions",
        "ScreenDataUrl": f"{screen}/v2/screen/{meeting_id}",
        "ScreenViewingUrl": f"{screen}/ws/connect?passcode=null&viewer_uuid=null"
        f"&X-BitHub-Call-Id={meeting_id}",
        "ScreenSharingUrl": f"{screen}/v2/screen/{meeting_id}",
        "EventIngestionUrl": f"https://data.svc.{code}.ingest.chime.aws/v1/client-events",
    }


def _refusal(report: Report, op: m.Operation) -> ServiceError:
    """The error a request with error findings gets: the exception of its first error
    finding when the operation lists it, else BadRequestException."""
    errors = report.errors
    code = errors[0].exception or "BadRequestException"
    if code not in op.errors:
        code = "BadRequestException"
    text = "; ".join(f"{f.code} {f.path or '/'}: {f.message}" for f in errors)
    return ServiceError(code, f"{len(errors)} validation error(s): {text}")


class FakeChimeSdkMeetings:
    """An in-memory Chime SDK Meetings service. Thread-safe: one lock serializes calls.

    ``seed`` makes ids and join tokens reproducible (None: random). ``account_id`` and
    ``region`` (the control region) go into MeetingArns. ``page_size`` is the ListAttendees
    page when the request has no MaxResults.
    """

    def __init__(
        self,
        *,
        seed: Optional[int] = None,
        account_id: str = "111122223333",
        region: str = "us-east-1",
        page_size: int = 100,
    ) -> None:
        self.seed = seed
        self.account_id = account_id
        self.region = region
        self.page_size = page_size
        self._lock = threading.RLock()
        self._handlers: dict[str, Callable[[m.Operation, Params], Response]] = {
            "CreateMeeting": self._create_meeting,
            "CreateMeetingWithAttendees": self._create_meeting_with_attendees,
            "GetMeeting": self._get_meeting,
            "DeleteMeeting": self._delete_meeting,
            "CreateAttendee": self._create_attendee,
            "BatchCreateAttendee": self._batch_create_attendee,
            "GetAttendee": self._get_attendee,
            "DeleteAttendee": self._delete_attendee,
            "ListAttendees": self._list_attendees,
            "UpdateAttendeeCapabilities": self._update_attendee_capabilities,
            "BatchUpdateAttendeeCapabilitiesExcept": self._batch_update_except,
            "StartMeetingTranscription": self._start_transcription,
            "StopMeetingTranscription": self._stop_transcription,
            "TagResource": self._tag_resource,
            "UntagResource": self._untag_resource,
            "ListTagsForResource": self._list_tags,
        }
        self.reset()

    # --- state ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every meeting and event; ids start again from the seed."""
        with self._lock:
            self._random = random.Random(self.seed)
            self._meetings: dict[str, _Meeting] = {}
            self._tokens: dict[str, str] = {}
            self._events: list[Event] = []
            self._sequence = 0

    def state(self) -> dict[str, Any]:
        """A copy of the whole state: each meeting as the service sends it in a GetMeeting
        answer (absent members null, as botocore never shows them), with its
        attendees (in creation order), tags and transcription configuration."""
        with self._lock:
            return {
                "Meetings": [
                    {
                        "Meeting": copy.deepcopy(meeting.body),
                        "Attendees": [a.response() for a in meeting.attendees.values()],
                        "Tags": [{"Key": k, "Value": v} for k, v in meeting.tags.items()],
                        "Transcription": copy.deepcopy(meeting.transcription),
                    }
                    for meeting in self._meetings.values()
                ]
            }

    @property
    def events(self) -> tuple[Event, ...]:
        """Every event so far, oldest first."""
        with self._lock:
            return tuple(self._events)

    # --- calls ----------------------------------------------------------------------------

    def call(self, operation: str, params: Params) -> Response:
        """Answer one call, given its parameters as boto3 takes them; returns the response
        body (None for the operations without one) or raises ServiceError."""
        op = m.OPERATIONS[operation_name(operation)]
        with self._lock:
            return self._handlers[op.name](op, params)

    def _guid(self) -> str:
        return str(uuid.UUID(int=self._random.getrandbits(128), version=4))

    def _join_token(self) -> str:
        return base64.b64encode(self._random.getrandbits(384).to_bytes(48, "big")).decode()

    def _check(self, op: m.Operation, params: Params, meeting: Optional[_Meeting] = None) -> None:
        """Refuse a request with an error finding."""
        # {}: a meeting created without MeetingFeatures (the documented defaults); None: no
        # meeting yet, so the rules that need one are not evaluated.
        features = None if meeting is None else meeting.features or {}
        report = validate(op.name, params, meeting_features=features)
        if not report.ok:
            raise _refusal(report, op)

    def _found(self, op: m.Operation, params: Params) -> _Meeting:
        """The meeting a request names, after the request was checked against it."""
        meeting = self._meeting_of(params)
        self._check(op, params, meeting)
        return self._existing(meeting)

    def _meeting_of(self, params: Params) -> Optional[_Meeting]:
        meeting_id = params.get("MeetingId") if isinstance(params, Mapping) else None
        return self._meetings.get(meeting_id) if isinstance(meeting_id, str) else None

    @staticmethod
    def _existing(meeting: Optional[_Meeting]) -> _Meeting:
        if meeting is None:
            raise ServiceError("NotFoundException", "the meeting does not exist")
        return meeting

    def _attendee(self, meeting: _Meeting, params: Params) -> _Attendee:
        attendee = meeting.attendees.get(params["AttendeeId"])
        if attendee is None:
            raise ServiceError("NotFoundException", "the attendee does not exist")
        return attendee

    # --- meetings -------------------------------------------------------------------------

    def _new_meeting(self, op: m.Operation, params: Params) -> _Meeting:
        self._check(op, params)
        request = {k: v for k, v in params.items() if k != "Attendees"}
        token = params.get("ClientRequestToken")
        if token is not None and token in self._tokens:
            known = self._meetings[self._tokens[token]]
            if known.request != request:
                raise ServiceError(
                    "ConflictException",
                    "the ClientRequestToken was used with different parameters",
                )
            return known
        meeting_id = self._guid()
        features = copy.deepcopy(params.get("MeetingFeatures"))
        body: dict[str, Any] = {
            "MeetingId": meeting_id,
            "ExternalMeetingId": params["ExternalMeetingId"],
            "MediaRegion": params["MediaRegion"],
            "MediaPlacement": _media_placement(params["MediaRegion"], meeting_id),
            "MeetingFeatures": normalize_meeting_features(features),
            "MeetingArn": f"arn:aws:chime:{self.region}:{self.account_id}:meeting/{meeting_id}",
        }
        # Absent members as the service sends them: null (the SDKs drop it), [] for TenantIds.
        for member, absent in (
            ("MeetingHostId", None),
            ("PrimaryMeetingId", None),
            ("TenantIds", []),
        ):
            body[member] = copy.deepcopy(params.get(member, absent))
        max_count = (features or {}).get("Attendee", {}).get("MaxCount", DEFAULT_MAX_ATTENDEES)
        tags = {tag["Key"]: tag["Value"] for tag in params.get("Tags", [])}
        meeting = _Meeting(body, features, max_count, copy.deepcopy(request), tags)
        self._meetings[meeting_id] = meeting
        if token is not None:
            self._tokens[token] = meeting_id
        self._events.append(Event("chime:MeetingStarted", meeting_id))
        return meeting

    def _create_meeting(self, op: m.Operation, params: Params) -> Response:
        return {"Meeting": copy.deepcopy(self._new_meeting(op, params).body)}

    def _create_meeting_with_attendees(self, op: m.Operation, params: Params) -> Response:
        meeting = self._new_meeting(op, params)
        attendees, errors = self._add_attendees(meeting, params["Attendees"])
        return {"Meeting": copy.deepcopy(meeting.body), "Attendees": attendees, "Errors": errors}

    def _get_meeting(self, op: m.Operation, params: Params) -> Response:
        return {"Meeting": copy.deepcopy(self._found(op, params).body)}

    def _delete_meeting(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        del self._meetings[meeting.meeting_id]
        token = meeting.request.get("ClientRequestToken")
        if token is not None:
            del self._tokens[token]
        self._events.append(Event("chime:MeetingEnded", meeting.meeting_id))
        return None

    # --- attendees ------------------------------------------------------------------------

    def _add_attendee(self, meeting: _Meeting, item: Params) -> _Attendee:
        """The attendee of ``item`` (a checked request item); ServiceError at the limit."""
        external_id = item["ExternalUserId"]
        known = meeting.by_external_id.get(external_id)
        if known is not None:
            return meeting.attendees[known]
        if len(meeting.attendees) >= meeting.max_attendees:
            raise ServiceError(
                "LimitExceededException",
                f"the meeting has reached its limit of {meeting.max_attendees} attendees",
            )
        effective = normalize(item.get("Capabilities"), meeting_features=meeting.features)
        capabilities = {member: str(value) for member, value in effective.items()}
        self._sequence += 1
        attendee = _Attendee(
            self._guid(), external_id, self._join_token(), capabilities, self._sequence
        )
        meeting.attendees[attendee.attendee_id] = attendee
        meeting.by_external_id[external_id] = attendee.attendee_id
        self._events.append(Event("chime:AttendeeAdded", meeting.meeting_id, attendee.attendee_id))
        return attendee

    def _add_attendees(
        self, meeting: _Meeting, items: list[Params]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        attendees, errors = [], []
        for item in items:
            try:
                attendees.append(self._add_attendee(meeting, item).response())
            except ServiceError as error:
                errors.append(
                    {
                        "ExternalUserId": item["ExternalUserId"],
                        "ErrorCode": LIMIT_ERROR_CODE,
                        "ErrorMessage": error.message,
                    }
                )
        return attendees, errors

    def _create_attendee(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        return {"Attendee": self._add_attendee(meeting, params).response()}

    def _batch_create_attendee(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        attendees, errors = self._add_attendees(meeting, params["Attendees"])
        return {"Attendees": attendees, "Errors": errors}

    def _get_attendee(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        return {"Attendee": self._attendee(meeting, params).response()}

    def _delete_attendee(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        attendee = self._attendee(meeting, params)
        del meeting.attendees[attendee.attendee_id]
        del meeting.by_external_id[attendee.external_user_id]
        self._events.append(
            Event("chime:AttendeeDeleted", meeting.meeting_id, attendee.attendee_id)
        )
        return None

    def _list_attendees(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        after = 0
        token = params.get("NextToken")
        if token is not None:
            if not (token.isascii() and token.isdigit()) or len(token) > 18:
                raise ServiceError("BadRequestException", "NextToken is not a token of this list")
            after = int(token)
        limit = params.get("MaxResults", self.page_size)
        remaining = [a for a in meeting.attendees.values() if a.sequence > after]
        page = remaining[:limit]
        response: dict[str, Any] = {"Attendees": [a.response() for a in page]}
        if len(remaining) > limit:
            response["NextToken"] = str(page[-1].sequence)
        return response

    def _update_attendee_capabilities(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        attendee = self._attendee(meeting, params)
        attendee.capabilities = dict(params["Capabilities"])
        return {"Attendee": attendee.response()}

    def _batch_update_except(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        excluded = {item["AttendeeId"] for item in params["ExcludedAttendeeIds"]}
        for attendee in meeting.attendees.values():
            if attendee.attendee_id not in excluded:
                attendee.capabilities = dict(params["Capabilities"])
        return None

    # --- transcription --------------------------------------------------------------------

    def _start_transcription(self, op: m.Operation, params: Params) -> Response:
        """The service refuses what breaks the service model (400) and accepts the rest with
        200; a configuration that cannot run fails later, as a TranscriptionFailed event."""
        found = self._meeting_of(params)
        meeting_body = None if found is None else found.body
        report = validate(op.name, params, meeting=meeting_body)
        refused = [f for f in report.errors if RULES[f.code].source == "model"]
        if refused:
            raise _refusal(Report.build(op.name, refused), op)
        meeting = self._existing(found)
        configuration = copy.deepcopy(params["TranscriptionConfiguration"])
        reasons = [
            f"{f.code} {f.path}: {f.message}"
            for f in report.findings
            if f.severity == "error" or f.code in _FAILS_LATER
        ]
        status = "failed" if reasons else "started"
        meeting.transcription = {"Status": status, "Configuration": configuration}
        event = "chime:TranscriptionFailed" if reasons else "chime:TranscriptionStarted"
        detail: dict[str, Any] = {"transcriptionConfiguration": copy.deepcopy(configuration)}
        if reasons:
            detail["reasons"] = reasons
        self._events.append(Event(event, meeting.meeting_id, detail=detail))
        return None

    def _stop_transcription(self, op: m.Operation, params: Params) -> Response:
        meeting = self._found(op, params)
        if meeting.transcription is None or meeting.transcription["Status"] != "started":
            raise ServiceError(
                "UnprocessableEntityException", "the meeting has no transcription running"
            )
        meeting.transcription["Status"] = "stopped"
        self._events.append(Event("chime:TranscriptionStopped", meeting.meeting_id))
        return None

    # --- tags -----------------------------------------------------------------------------

    def _tagged(self, op: m.Operation, params: Params) -> _Meeting:
        """The meeting whose MeetingArn a tag request names, after the request was checked."""
        self._check(op, params)
        arn = params["ResourceARN"]
        meeting = self._meetings.get(arn.rpartition("/")[2])
        if meeting is None or meeting.body["MeetingArn"] != arn:
            raise ServiceError("ResourceNotFoundException", "no meeting has this ARN")
        return meeting

    def _tag_resource(self, op: m.Operation, params: Params) -> Response:
        meeting = self._tagged(op, params)
        tags = {**meeting.tags, **{tag["Key"]: tag["Value"] for tag in params["Tags"]}}
        if len(tags) > MAX_TAGS:
            raise ServiceError("TooManyTagsException", f"a resource can have up to {MAX_TAGS} tags")
        meeting.tags = tags
        return None

    def _untag_resource(self, op: m.Operation, params: Params) -> Response:
        meeting = self._tagged(op, params)
        for key in params["TagKeys"]:
            meeting.tags.pop(key, None)
        return None

    def _list_tags(self, op: m.Operation, params: Params) -> Response:
        meeting = self._tagged(op, params)
        return {"Tags": [{"Key": key, "Value": value} for key, value in meeting.tags.items()]}
