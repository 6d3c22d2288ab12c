"""Validate the calls of a botocore or boto3 ``chime-sdk-meetings`` client before they are sent.

    import boto3
    from capabilities.integrations.botocore import install

    client = boto3.client("chime-sdk-meetings")
    install(client)

``install`` registers two handlers on the client's own event system (no other client is
affected):

- ``provide-client-params.chime-sdk-meetings.<Operation>`` for each covered operation: the
  parameters, exactly as passed to the client method, are checked with ``validate`` before
  botocore builds the request. This is the first event of a call, so an invalid call stops
  before any other handler, botocore's own parameter validation or a ``Stubber`` sees it.
  botocore fills a missing idempotency token (``ClientRequestToken`` of the create-meeting
  calls) later, in a ``before-parameter-build`` handler; ``validate`` never requires one.
  Values are accepted as botocore accepts them (dict and str subclasses, Enum members by
  their string value). An error raises ``CapabilityParamValidationError``, which is both
  botocore's ``ParamValidationError`` and this package's ``CapabilityValidationError``. The
  parameters are never changed.
- ``after-call.chime-sdk-meetings.<Operation>``: successful responses teach the hook the
  ``MeetingFeatures`` and ``MediaRegion`` of meetings (CreateMeeting,
  CreateMeetingWithAttendees, GetMeeting; the region is where transcription runs when
  StartMeetingTranscription names none) and
  the capabilities of attendees (every response that lists attendees), so that later attendee
  calls are checked against the meeting's features and capability updates get the transition
  warnings. Both memories are LRU caches of bounded size.

Only botocore is needed; boto3 clients are botocore clients.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, Optional, TypeVar, cast

from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError
from typing_extensions import TypeGuard

from .. import _model as m
from .._crossfield import StructureRule
from ..report import CapabilityValidationError, Report
from ..rules import RULES
from ..types import AttendeeCapabilities, MeetingFeatures
from ..validator import capability_value, normalize_meeting_features, validate, validate_response

if TYPE_CHECKING:
    from botocore.client import BaseClient
    from botocore.model import OperationModel

__all__ = [
    "FEATURE_RULES",
    "SERVICE_NAME",
    "CapabilityParamValidationError",
    "ClientValidator",
    "WarningMode",
    "install",
    "installed",
    "uninstall",
]

logger = logging.getLogger(__name__)

#: What to do with warning findings: log them (``logging.WARNING``), raise, or ignore them.
WarningMode = Literal["log", "raise", "ignore"]
_WARNING_MODES: tuple[str, ...] = ("log", "raise", "ignore")

#: The distribution's name, which the text of a refused call starts with.
_PACKAGE = "chime-capabilities"

#: The botocore service name of the model this package encodes.
SERVICE_NAME = "chime-sdk-meetings"

#: The rules ``validate`` lists in ``Report.unchecked`` when the meeting's features are not
#: given (derived from the rule data).
FEATURE_RULES = frozenset(
    code
    for op in m.OPERATIONS.values()
    for rule in m.rules_within(op.request)
    for code in rule.needs_features
)

_CAPABILITY_MEMBERS = m.CAPABILITY_MEMBERS
_CONTEXT_KEY = "chime_capabilities_params"
_UNIQUE_ID = "chime-capabilities.integrations.botocore"


def _needs(op: m.Operation, fact: Callable[[StructureRule], bool]) -> bool:
    return any(fact(rule) for rule in m.rules_within(op.request))


#: The rules that read the meeting's MediaRegion.
_REGION_RULES = frozenset(
    code
    for op in m.OPERATIONS.values()
    for rule in m.rules_within(op.request)
    if rule.needs_meeting
    for code in rule.codes
)
#: Operations with rules that read the meeting's MediaRegion (derived from the rule data).
_NEEDS_REGION = frozenset(
    op.name for op in m.OPERATIONS.values() if _needs(op, lambda rule: rule.needs_meeting)
)
#: Attendee operations whose checks need the meeting's features (derived from the rule data).
_NEEDS_FEATURES = frozenset(
    op.name
    for op in m.OPERATIONS.values()
    if not op.creates_meeting and _needs(op, lambda rule: bool(rule.needs_features))
)
#: Operations that change one attendee's capabilities: the previous ones give the warnings.
_TAKES_PREVIOUS = frozenset(
    op.name
    for op in m.OPERATIONS.values()
    if op.updates_capabilities and "AttendeeId" in op.request.members
)


class CapabilityParamValidationError(ParamValidationError, CapabilityValidationError):
    """A call refused before it was sent.

    It is botocore's ``ParamValidationError`` (so ``except ParamValidationError`` keeps
    working) and ``capabilities.CapabilityValidationError``; ``report`` holds every finding.
    Raised for error findings, and for warning findings when the hook was installed with
    ``warnings="raise"``. Its text never contains the value of a sensitive member.
    """

    def __init__(self, report: Report) -> None:
        raised = report.errors or report.warnings
        counts = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        head = f"{_PACKAGE}: {report.operation}: {counts}"
        text = "\n".join([head, *(str(f) for f in raised)])
        ParamValidationError.__init__(self, report=text)
        self.report = report

    def __reduce__(self) -> tuple[type[CapabilityParamValidationError], tuple[Report]]:
        return (type(self), (self.report,))


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class _LRU(Generic[_K, _V]):
    """A mapping that keeps the ``size`` most recently used entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[_K, _V] = OrderedDict()

    def get(self, key: _K) -> Optional[_V]:
        value = self.data.get(key)
        if value is not None:
            self.data.move_to_end(key)
        return value

    def put(self, key: _K, value: _V) -> None:
        self.data[key] = value
        self.data.move_to_end(key)
        while len(self.data) > self.size:
            self.data.popitem(last=False)

    def pop(self, key: _K) -> None:
        self.data.pop(key, None)


def _key(value: object) -> Optional[str]:
    """A MeetingId or AttendeeId as a cache key (GUID hex digits compare case-insensitively)."""
    return str.lower(value) if isinstance(value, str) else None


def _triple(capabilities: object) -> Optional[tuple[str, str, str]]:
    """(Audio, Video, Content) when all three are valid values (str subclasses and Enum
    members by their string value), else None."""
    if not isinstance(capabilities, Mapping):
        return None
    audio, video, content = (
        capability_value(capabilities.get(name)) for name in _CAPABILITY_MEMBERS
    )
    if audio is None or video is None or content is None:
        return None
    return (audio, video, content)


def _as_capabilities(triple: tuple[str, str, str]) -> AttendeeCapabilities:
    return cast("AttendeeCapabilities", dict(zip(_CAPABILITY_MEMBERS, triple)))


class ClientValidator:
    """The hook ``install`` puts on one client, with what it remembers about meetings.

    Create it with ``install``; use it to give meeting features explicitly (``remember``),
    to read what was learned, or to ``uninstall``.
    """

    def __init__(
        self,
        client: BaseClient,
        *,
        warnings: WarningMode,
        lookup: bool,
        max_meetings: int,
        max_attendees: int,
    ) -> None:
        if warnings not in _WARNING_MODES:
            raise ValueError(f"warnings must be one of {', '.join(_WARNING_MODES)}")
        for name, size in (("max_meetings", max_meetings), ("max_attendees", max_attendees)):
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise ValueError(f"{name} must be an integer >= 0")
        self.warnings: WarningMode = warnings
        #: Look the meeting's features up with GetMeeting when they are not known.
        self.lookup = lookup
        self._client = weakref.ref(client)
        self._features: _LRU[str, MeetingFeatures] = _LRU(max_meetings)
        self._capabilities: _LRU[tuple[str, str], tuple[str, str, str]] = _LRU(max_attendees)
        self._regions: _LRU[str, str] = _LRU(max_meetings)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._registered: list[tuple[str, Any, str]] = []

    # --- what is remembered --------------------------------------------------------------

    def remember(self, meeting_id: str, features: Mapping[str, Any]) -> None:
        """Use ``features`` (the meeting's MeetingFeatures; ``{}`` for a meeting created
        without them) for the attendee calls on ``meeting_id``.

        Raises ``CapabilityValidationError`` when ``features`` is not valid MeetingFeatures.
        """
        key = _key(meeting_id)
        if key is None:
            raise TypeError("meeting_id must be a string")
        normalized = normalize_meeting_features(features)
        with self._lock:
            self._features.put(key, normalized)

    def remember_capabilities(
        self, meeting_id: str, attendee_id: str, capabilities: Mapping[str, Any]
    ) -> None:
        """Record an attendee's current capabilities (for the transition warnings of
        UpdateAttendeeCapabilities). Raises ``ValueError`` when they are not valid."""
        meeting, attendee = _key(meeting_id), _key(attendee_id)
        if meeting is None or attendee is None:
            raise TypeError("meeting_id and attendee_id must be strings")
        triple = _triple(capabilities)
        if triple is None:
            allowed = ", ".join(m.MEDIA_CAPABILITIES)
            raise ValueError(f"capabilities need Audio, Video and Content, each one of {allowed}")
        with self._lock:
            self._capabilities.put((meeting, attendee), triple)

    def forget(self, meeting_id: str) -> None:
        """Drop everything remembered about a meeting."""
        key = _key(meeting_id)
        with self._lock:
            self._forget_meeting(key)

    def meeting_features(self, meeting_id: str) -> Optional[MeetingFeatures]:
        """The remembered MeetingFeatures of a meeting (defaults filled in), or None."""
        with self._lock:
            features = self._features.get(_key(meeting_id) or "")
        return normalize_meeting_features(features) if features is not None else None

    def capabilities(self, meeting_id: str, attendee_id: str) -> Optional[AttendeeCapabilities]:
        """The remembered capabilities of an attendee, or None."""
        key = (_key(meeting_id) or "", _key(attendee_id) or "")
        with self._lock:
            triple = self._capabilities.get(key)
        return _as_capabilities(triple) if triple is not None else None

    def uninstall(self) -> None:
        """Remove the handlers from the client; its calls are no longer checked."""
        with _INSTALL_LOCK:
            self._unregister()

    def _unregister(self) -> None:
        client = self._client()
        if client is not None:
            for event, handler, unique_id in self._registered:
                client.meta.events.unregister(event, handler, unique_id=unique_id)
            if _INSTALLED.get(client) is self:
                del _INSTALLED[client]
        self._registered = []

    # --- the handlers --------------------------------------------------------------------

    def _check(self, params: Any, model: OperationModel, context: Any = None, **_: Any) -> None:
        """``provide-client-params``: validate; raise on errors; leave the parameters alone."""
        op = m.OPERATIONS.get(model.name)
        if op is None or not isinstance(params, dict):
            return
        if isinstance(context, dict):
            context[_CONTEXT_KEY] = params  # for the after-call handler of this call
        features: Optional[MeetingFeatures] = None
        previous: Optional[AttendeeCapabilities] = None
        meeting = _key(params.get("MeetingId")) if op.name in _NEEDS_FEATURES else None
        if meeting is not None:
            with self._lock:
                features = self._features.get(meeting)
                attendee = _key(params.get("AttendeeId"))
                if op.name in _TAKES_PREVIOUS and attendee is not None:
                    triple = self._capabilities.get((meeting, attendee))
                    previous = _as_capabilities(triple) if triple is not None else None
        region = None
        if op.name in _NEEDS_REGION:
            with self._lock:
                region = self._regions.get(_key(params.get("MeetingId")) or "")
        report = validate(
            op.name,
            params,
            meeting_features=features,
            previous=previous,
            meeting=None if region is None else {"MediaRegion": region},
        )
        if features is None and meeting is not None and FEATURE_RULES & set(report.unchecked):
            features = self._look_up(params["MeetingId"])
            if features is not None:
                report = validate(op.name, params, meeting_features=features, previous=previous)
        self._act(report, params)

    def _look_up(self, meeting_id: str) -> Optional[MeetingFeatures]:
        """GetMeeting on this client, whose after-call handler remembers the features."""
        client = self._client()
        busy = getattr(self._local, "busy", False)
        if not self.lookup or busy or client is None or not m.GUID.fullmatch(meeting_id):
            return None
        self._local.busy = True  # the lookup's own call never looks anything up
        try:
            getattr(client, m.OPERATIONS["GetMeeting"].method)(MeetingId=meeting_id)
        except (ClientError, BotoCoreError) as exc:
            if isinstance(exc, AssertionError):  # a Stubber's: the test's set-up is wrong
                raise
            code = (
                exc.response.get("Error", {}).get("Code") if isinstance(exc, ClientError) else None
            )
            logger.warning(
                "GetMeeting for meeting %s failed (%s); its attendee call is checked "
                "without the meeting's features",
                meeting_id,
                code or type(exc).__name__,
            )
            return None
        finally:
            self._local.busy = busy
        with self._lock:
            return self._features.get(_key(meeting_id) or "")

    def _act(self, report: Report, params: Mapping[str, Any]) -> None:
        if report.errors:
            raise CapabilityParamValidationError(report)
        if report.warnings and self.warnings == "raise":
            raise CapabilityParamValidationError(report)
        if report.warnings and self.warnings == "log":
            for finding in report.warnings:
                logger.warning("%s %s", report.operation, finding)
        if not logger.isEnabledFor(logging.DEBUG):
            return
        for finding in report.infos:
            logger.debug("%s %s", report.operation, finding)
        if report.unchecked:
            missing = []
            if FEATURE_RULES & set(report.unchecked):
                missing.append(f"the features of meeting {params.get('MeetingId')}")
            if set(report.unchecked) & _REGION_RULES:
                missing.append(f"the MediaRegion of meeting {params.get('MeetingId')}")
            if set(report.unchecked) - FEATURE_RULES - _REGION_RULES:
                missing.append("the attendee's previous capabilities")
            rules = "; ".join(f"{code} {RULES[code].summary}" for code in report.unchecked)
            logger.debug(
                "%s: not checked, %s unknown: %s", report.operation, " and ".join(missing), rules
            )

    def _learn(
        self,
        http_response: Any,
        parsed: Any,
        model: OperationModel,
        context: Any = None,
        **_: Any,
    ) -> None:
        """``after-call``: remember meeting features and attendee capabilities."""
        status = getattr(http_response, "status_code", None)
        if not isinstance(status, int) or status >= 300 or not isinstance(parsed, dict):
            return
        params = context.get(_CONTEXT_KEY) if isinstance(context, dict) else None
        request: Mapping[str, Any] = params if isinstance(params, dict) else {}
        # The call has succeeded: nothing here may turn it into an exception.
        try:
            with self._lock:
                self._learn_response(model.name, request, parsed)
        except Exception:
            logger.warning("could not learn from the %s response", model.name, exc_info=True)

    def _learn_response(self, name: str, request: Mapping[str, Any], parsed: Any) -> None:
        meeting = _key(request.get("MeetingId"))
        response_meeting = parsed.get("Meeting")
        if isinstance(response_meeting, dict):
            meeting = _key(response_meeting.get("MeetingId")) or meeting
            features = response_meeting.get("MeetingFeatures")
            if features is None and m.OPERATIONS[name].creates_meeting:
                features = request.get("MeetingFeatures")
            # A meeting without MeetingFeatures has the documented defaults.
            self._store_features(meeting, {} if features is None else features)
            region = response_meeting.get("MediaRegion")
            if meeting is not None and _valid_region(region):
                self._regions.put(meeting, region)
        if meeting is None:
            return
        if name == "DeleteMeeting":
            self._forget_meeting(meeting)
        elif name == "DeleteAttendee":
            self._capabilities.pop((meeting, _key(request.get("AttendeeId")) or ""))
        elif name == "BatchUpdateAttendeeCapabilitiesExcept":
            self._learn_batch_update(meeting, request)
        attendees = parsed.get("Attendees")
        listed = list(attendees) if isinstance(attendees, list) else []
        listed.append(parsed.get("Attendee"))
        for attendee in listed:
            if isinstance(attendee, dict):
                key = _key(attendee.get("AttendeeId"))
                triple = _triple(attendee.get("Capabilities"))
                if key is not None and triple is not None:
                    self._capabilities.put((meeting, key), triple)

    def _store_features(self, meeting: Optional[str], features: object) -> None:
        if meeting is None:
            return
        try:
            normalized = normalize_meeting_features(cast("Mapping[str, Any]", features))
        except (CapabilityValidationError, TypeError, AttributeError):
            logger.debug("meeting %s: MeetingFeatures not usable; not remembered", meeting)
            self._features.pop(meeting)
            return
        self._features.put(meeting, normalized)

    def _learn_batch_update(self, meeting: str, request: Mapping[str, Any]) -> None:
        triple = _triple(request.get("Capabilities"))
        items = request.get("ExcludedAttendeeIds")
        excluded = {
            _key(item.get("AttendeeId"))
            for item in (items if isinstance(items, (list, tuple)) else ())
            if isinstance(item, dict)
        }
        for key in list(self._capabilities.data):
            if key[0] == meeting and key[1] not in excluded:
                if triple is None:
                    self._capabilities.pop(key)
                else:
                    self._capabilities.data[key] = triple

    def _forget_meeting(self, meeting: Optional[str]) -> None:
        if meeting is None:
            return
        self._features.pop(meeting)
        self._regions.pop(meeting)
        for key in [k for k in self._capabilities.data if k[0] == meeting]:
            self._capabilities.pop(key)

    # --- registration --------------------------------------------------------------------

    def _register(self, client: BaseClient) -> None:
        service = client.meta.service_model
        service_id = service.service_id.hyphenize()
        names = set(service.operation_names)
        for name in m.OPERATIONS:
            if name not in names:
                continue
            for event, handler in (
                (f"provide-client-params.{service_id}.{name}", self._check),
                (f"after-call.{service_id}.{name}", self._learn),
            ):
                unique_id = f"{_UNIQUE_ID}:{event}"
                client.meta.events.register(event, handler, unique_id=unique_id)
                self._registered.append((event, handler, unique_id))

    def _adopt(self, other: ClientValidator) -> None:
        """Take over what another (replaced) hook remembered, within this one's bounds."""
        with other._lock:
            features = list(other._features.data.items())
            capabilities = list(other._capabilities.data.items())
            regions = list(other._regions.data.items())
        for key, value in features:
            self._features.put(key, value)
        for key, region in regions:
            self._regions.put(key, region)
        for pair, triple in capabilities:
            self._capabilities.put(pair, triple)


def _valid_region(region: object) -> TypeGuard[str]:
    """A MediaRegion the engine accepts as a meeting's (others are not remembered)."""
    meeting = {"Meeting": {"MediaRegion": region}}
    return isinstance(region, str) and validate_response("GetMeeting", meeting).ok


_INSTALLED: weakref.WeakKeyDictionary[Any, ClientValidator] = weakref.WeakKeyDictionary()
_INSTALL_LOCK = threading.RLock()


def install(
    client: BaseClient,
    *,
    warnings: WarningMode = "log",
    meeting_features: Optional[Mapping[str, Mapping[str, Any]]] = None,
    lookup: bool = False,
    max_meetings: int = 1024,
    max_attendees: int = 4096,
) -> ClientValidator:
    """Check every covered call of ``client`` (a ``chime-sdk-meetings`` client) before it is sent.

    ``warnings``: ``"log"`` (default: each warning finding is logged at WARNING on the
    ``capabilities.integrations.botocore`` logger), ``"raise"`` (raise like an error) or
    ``"ignore"``. ``meeting_features``: MeetingFeatures by MeetingId, known in advance (``{}``
    for a meeting created without them). ``lookup``: when an attendee call's meeting is not
    known, call GetMeeting on this client to learn its features (one extra call per unknown
    meeting; needs the ``chime:GetMeeting`` permission). ``max_meetings`` and
    ``max_attendees``: how many meetings' features and attendees' capabilities are
    remembered (least recently used are dropped first).

    Installing again replaces the settings and keeps what was remembered; handlers are never
    registered twice. Returns the hook.
    """
    meta = getattr(client, "meta", None)
    service = getattr(getattr(meta, "service_model", None), "service_name", None)
    if service != SERVICE_NAME:
        raise TypeError(f"install() needs a botocore {SERVICE_NAME} client")
    validator = ClientValidator(
        client,
        warnings=warnings,
        lookup=lookup,
        max_meetings=max_meetings,
        max_attendees=max_attendees,
    )
    with _INSTALL_LOCK:
        previous = _INSTALLED.get(client)
        if previous is not None:
            validator._adopt(previous)
        for meeting_id, features in (meeting_features or {}).items():
            validator.remember(meeting_id, features)  # raises before anything is replaced
        if previous is not None:
            previous._unregister()
        validator._register(client)
        _INSTALLED[client] = validator
    return validator


def installed(client: BaseClient) -> Optional[ClientValidator]:
    """The hook installed on ``client``, or None."""
    return _INSTALLED.get(client)


def uninstall(client: BaseClient) -> bool:
    """Remove the hook from ``client``; False when none was installed."""
    with _INSTALL_LOCK:
        validator = _INSTALLED.get(client)
        if validator is None:
            return False
        validator._unregister()
    return True
