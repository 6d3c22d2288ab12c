"""The REST-JSON binding of the service: an HTTP request in, an HTTP answer out.

Routes come from each operation's ``http`` in the rule data (method, request URI with
``{Member}`` placeholders and a fixed query string). Members travel in the path, the query
string (:data:`QUERY_MEMBERS`) or the JSON body, as the service model binds them. Errors are
answered with the status of their error shape, an ``x-amzn-ErrorType`` header and a JSON body
``{"Code", "Message"}``: what botocore's rest-json parser (and every other AWS SDK) reads as
the modeled exception. Standard library only: the HTTP server uses it without botocore.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Optional
from urllib.parse import parse_qsl, unquote, urlsplit

from .. import _model as m
from ._service import FakeChimeSdkMeetings, ServiceError

__all__ = ["QUERY_MEMBERS", "Answer", "answer", "error_answer"]

#: The members the service model binds to the query string: operation -> {name: member}.
QUERY_MEMBERS: dict[str, dict[str, str]] = {
    "ListAttendees": {"next-token": "NextToken", "max-results": "MaxResults"},
    "ListTagsForResource": {"arn": "ResourceARN"},
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, headers, body."""

    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class _Route:
    op: m.Operation
    method: str
    path: re.Pattern[str]
    fixed: tuple[tuple[str, str], ...]


def _route(op: m.Operation) -> _Route:
    method, uri, _ = op.http
    path, _, query = uri.partition("?")
    pieces = _PLACEHOLDER.split(path)
    # split() alternates literal text and placeholder names.
    source = "".join(
        re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>[^/]+)"
        for index, piece in enumerate(pieces)
    )
    return _Route(op, method, re.compile(source), tuple(parse_qsl(query)))


def _routes() -> tuple[_Route, ...]:
    # The routes with a fixed query string first: POST /meetings?operation=create-attendees
    # before POST /meetings.
    routes = (_route(op) for op in m.OPERATIONS.values())
    return tuple(sorted(routes, key=lambda route: -len(route.fixed)))


_ROUTES = _routes()


def _json(status: int, body: object, headers: Optional[dict[str, str]] = None) -> Answer:
    data = b"" if body is None else json.dumps(body).encode()
    return Answer(status, {"Content-Type": "application/json", **(headers or {})}, data)


def error_answer(code: str, message: str, status: int) -> Answer:
    """A refusal as AWS REST-JSON services send it."""
    body = {"Code": code.removesuffix("Exception"), "Message": message}
    return _json(status, body, {"x-amzn-ErrorType": code})


def _params(route: _Route, match: re.Match[str], query: list[tuple[str, str]], body: bytes) -> Any:
    params: dict[str, Any] = {}
    if body.strip():
        try:
            params = json.loads(body)
        except (ValueError, RecursionError):  # RecursionError: nested too deep
            raise ServiceError("BadRequestException", "the body is not JSON") from None
        if not isinstance(params, dict):
            raise ServiceError("BadRequestException", "the body is not a JSON object")
    bound = QUERY_MEMBERS.get(route.op.name, {})
    for name, value in query:
        member = bound.get(name)
        if member is None:
            continue
        shape = route.op.request.members[member]
        params[member] = (
            int(value)
            if isinstance(shape, m.Integer) and value.isascii() and value.isdigit()
            else value
        )
    params.update({name: unquote(value) for name, value in match.groupdict().items()})
    return params


def answer(service: FakeChimeSdkMeetings, method: str, url: str, body: bytes) -> Answer:
    """The service's answer to one HTTP request (``url`` may be a path with its query)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for route in _ROUTES:
        if route.method != method:
            continue
        match = route.path.fullmatch(parts.path)
        if match is None or not all(item in query for item in route.fixed):
            continue
        try:
            response = service.call(route.op.name, _params(route, match, query, body))
        except ServiceError as error:
            return error_answer(error.code, error.message, error.status)
        return _json(route.op.http[2], response)
    return error_answer("UnknownOperationException", "no operation answers this request", 404)
