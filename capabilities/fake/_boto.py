"""The service answering boto3 / botocore clients in-process, at the HTTP layer.

A handler of botocore's ``before-send.chime-sdk-meetings`` event returns the service's HTTP
answer instead of sending the request: botocore serializes the call and parses the answer as
it does with the real service (``client.exceptions``, paginators, other handlers all work).
The handler is registered first for this service only, so moto's ``mock_aws`` (a handler of
every ``before-send``) still answers the other services. botocore is imported on use.
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Optional

from ._rest import answer
from ._service import FakeChimeSdkMeetings

if TYPE_CHECKING:
    from botocore.awsrequest import AWSPreparedRequest, AWSResponse
    from botocore.client import BaseClient

__all__ = ["EVENT", "SIGNER_EVENT", "attach", "fake_chime_sdk_meetings"]

#: The botocore event the service answers (``before-send.<service id>``).
EVENT = "before-send.chime-sdk-meetings"
#: Requests the service answers are not signed: it verifies no signature, and signing costs
#: a third of a call; no credentials are needed either.
SIGNER_EVENT = "choose-signer.chime-sdk-meetings"
_UNIQUE_ID = "chime-capabilities.fake"


class _Raw(io.BytesIO):
    """The raw body botocore's AWSResponse reads (``stream()`` gives the bytes)."""

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.getvalue()


def _respond(service: FakeChimeSdkMeetings, request: AWSPreparedRequest) -> AWSResponse:
    from botocore.awsrequest import AWSResponse, HeadersDict

    result = answer(service, request.method or "GET", request.url or "/", _bytes(request.body))
    # HeadersDict: what botocore makes of the headers of a response from the network.
    headers = HeadersDict(result.headers)
    return AWSResponse(request.url, result.status, headers, _Raw(result.body))  # type: ignore[arg-type]


def _bytes(body: Any) -> bytes:
    """A prepared request's body (bytes, str, or a file-like object) as bytes."""
    if body is None:
        return b""
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    data = body if isinstance(body, str) else body.read()
    return data.encode() if isinstance(data, str) else bytes(data)


class _Active:
    """The services of the open ``fake_chime_sdk_meetings`` blocks; the innermost answers."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stack: list[FakeChimeSdkMeetings] = []
        self.registered = False

    def __call__(self, request: AWSPreparedRequest, **_: Any) -> Optional[AWSResponse]:
        stack = self.stack
        if not stack:
            return None  # no block open: the request goes on as usual
        return _respond(stack[-1], request)

    def choose_signer(self, **_: Any) -> Any:
        return _unsigned() if self.stack else None


def _unsigned(**_: Any) -> Any:
    import botocore

    return botocore.UNSIGNED


_ACTIVE = _Active()


def attach(
    client: BaseClient, service: Optional[FakeChimeSdkMeetings] = None
) -> FakeChimeSdkMeetings:
    """Answer every call of one ``chime-sdk-meetings`` client with ``service`` (a new one
    when None); returns the service."""
    if client.meta.service_model.service_name != "chime-sdk-meetings":
        raise ValueError("attach() takes a chime-sdk-meetings client")
    chosen = FakeChimeSdkMeetings() if service is None else service

    def handler(request: AWSPreparedRequest, **_: Any) -> AWSResponse:
        return _respond(chosen, request)

    # botocore's stubs type handlers as returning None; before-send handlers return a response.
    client.meta.events.register_first(EVENT, handler, unique_id=_UNIQUE_ID)  # type: ignore[arg-type]
    client.meta.events.register_first(SIGNER_EVENT, _unsigned, unique_id=_UNIQUE_ID + ".signer")
    return chosen


class fake_chime_sdk_meetings(contextlib.ContextDecorator):
    """Answer every ``chime-sdk-meetings`` client created inside the block (or the decorated
    function) with a service; ``with`` gives it. ``service`` None: a new
    ``FakeChimeSdkMeetings(**options)`` each time the block is entered."""

    def __init__(self, service: Optional[FakeChimeSdkMeetings] = None, **options: Any) -> None:
        self._given = service
        self._options = options
        self.service: Optional[FakeChimeSdkMeetings] = None
        self._saved_session: list[Any] = []

    def __enter__(self) -> FakeChimeSdkMeetings:
        from botocore import handlers

        with _ACTIVE.lock:
            if not _ACTIVE.registered:
                handlers.BUILTIN_HANDLERS.append((EVENT, _ACTIVE, handlers.REGISTER_FIRST))
                handlers.BUILTIN_HANDLERS.append(
                    (SIGNER_EVENT, _ACTIVE.choose_signer, handlers.REGISTER_FIRST)
                )
                _ACTIVE.registered = True
            given = self._given
            self.service = FakeChimeSdkMeetings(**self._options) if given is None else given
            _ACTIVE.stack.append(self.service)
        # boto3.client() reuses a default session created before the handler existed: start
        # a new one inside the block, as moto does.
        boto3 = _boto3()
        if boto3 is not None:
            self._saved_session.append(boto3.DEFAULT_SESSION)
            boto3.DEFAULT_SESSION = None
        return self.service

    def __exit__(
        self,
        kind: Optional[type[BaseException]],
        value: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        with _ACTIVE.lock:
            _ACTIVE.stack.remove(self.service)  # type: ignore[arg-type]
        boto3 = _boto3()
        if boto3 is not None and self._saved_session:
            boto3.DEFAULT_SESSION = self._saved_session.pop()


def _boto3() -> Any:
    try:
        import boto3
    except ImportError:  # botocore alone
        return None
    return boto3
