"""The HTTP server's own answers: bodies it does not read, and failures of the service."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from capabilities.fake import FakeChimeSdkMeetings
from capabilities.fake.server import MAX_BODY, FakeServer, is_loopback, make_server


class Broken(FakeChimeSdkMeetings):
    def call(self, operation: str, params: Any) -> Any:
        raise RuntimeError(f"failed on {params!r}")


def running(service: FakeChimeSdkMeetings) -> Iterator[FakeServer]:
    server = make_server("127.0.0.1", 0, service)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def broken() -> Iterator[FakeServer]:
    yield from running(Broken())


@pytest.fixture
def working() -> Iterator[FakeServer]:
    yield from running(FakeChimeSdkMeetings())


def request(server: FakeServer, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), port, timeout=10)
    connection.putrequest("POST", "/meetings", skip_accept_encoding=True)
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders(body)
    response = connection.getresponse()
    answer = (response.status, response.read())
    connection.close()
    return answer


def test_a_failure_is_a_500_that_shows_nothing_of_the_request(broken: FakeServer) -> None:
    body = b'{"ExternalMeetingId": "s3cr3t-value"}'
    status, text = request(broken, body, {"Content-Length": str(len(body))})
    assert status == 500
    assert b"ServiceFailure" in text
    assert b"s3cr3t" not in text


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Length": str(MAX_BODY + 1)},
        {"Content-Length": "-1"},
        {"Content-Length": "\u00b2"},
        {"Transfer-Encoding": "chunked"},
    ],
)
def test_a_body_it_does_not_read_is_a_bad_request(
    working: FakeServer, headers: dict[str, str]
) -> None:
    status, text = request(working, b"", headers)
    assert status == 400
    assert b"BadRequest" in text


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("example.com", False),
        ("", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
