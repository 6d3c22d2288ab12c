"""The two ways in, as one fixture: every scenario runs against the in-process service and
against ``chime-capabilities serve``'s HTTP endpoint, through boto3.

Every answer is checked on the way: a successful response passes ``validate_response``, a
refusal is one of the operation's error shapes with that shape's HTTP status.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from capabilities import _model as m
from capabilities import validate_response
from capabilities.fake import FakeChimeSdkMeetings, attach
from capabilities.fake.server import FakeServer, make_server

CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}


def new_client(**options: Any) -> Any:
    """A chime-sdk-meetings client (typed Any: the tests pass requests the stubs refuse)."""
    config = Config(retries={"max_attempts": 1})
    session: Any = boto3.session.Session()
    return session.client("chime-sdk-meetings", config=config, **CREDENTIALS, **options)


class AnswerChecker:
    """An ``after-call`` handler: records each answer that breaks the contract."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.calls = 0

    def __call__(self, http_response: Any, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        self.calls += 1
        op = m.OPERATIONS[model.name]
        status = http_response.status_code
        if status >= 300:
            code = parsed["Error"]["Code"]
            if code not in op.errors or m.ERROR_STATUS[code] != status:
                self.problems.append(f"{op.name}: {status} {code}")
        elif status != op.http[2]:
            self.problems.append(f"{op.name}: status {status}")
        elif op.response is not None:
            report = validate_response(op.name, parsed)
            if not report.ok:
                self.problems.append(str(report))


@pytest.fixture(scope="session")
def http_server() -> Iterator[FakeServer]:
    server = make_server("127.0.0.1", 0, FakeChimeSdkMeetings(seed=7))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["in-process", "http"])
def way(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def fake(way: str, request: pytest.FixtureRequest) -> FakeChimeSdkMeetings:
    """The service the scenario's client talks to, empty."""
    if way == "http":
        service: FakeChimeSdkMeetings = request.getfixturevalue("http_server").service
        service.reset()
        return service
    return FakeChimeSdkMeetings(seed=7)


@pytest.fixture
def client(way: str, fake: FakeChimeSdkMeetings, request: pytest.FixtureRequest) -> Iterator[Any]:
    if way == "http":
        made = new_client(endpoint_url=request.getfixturevalue("http_server").url)
    else:
        made = new_client()
        attach(made, fake)
    checker = AnswerChecker()
    made.meta.events.register("after-call.chime-sdk-meetings", checker)
    yield made
    assert checker.calls > 0
    assert checker.problems == []
