"""The offline service (``capabilities.fake``): a boto3 ``create_attendee`` answered in-process
by the service against the same call answered by botocore's Stubber and by a ``before-send``
handler that returns a ready answer (botocore's own cost at the layer the service answers at:
it serializes the request and parses the response, which the Stubber skips), and requests per second
over HTTP (``chime-capabilities serve`` in its own process) from one client and from several
threads, next to the same calls answered in-process.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, TextIO

from capabilities.fake import FakeChimeSdkMeetings, attach

from .measure import ROOT, Series, _environment

__all__ = ["THREADS", "FakePlan", "FakeResult", "measure_fake"]

#: Client threads of the concurrent HTTP measurement.
THREADS = 8
#: The most attendees a meeting takes (each timed call creates one).
_PER_MEETING = 250
_CREDENTIALS = {
    "region_name": "us-east-1",
    "aws_access_key_id": "bench",
    "aws_secret_access_key": "bench",
}


@dataclass(frozen=True)
class FakePlan:
    #: Samples of each in-process contender (taking turns), calls per sample.
    samples: int
    calls: int
    #: Seconds of calls for each requests-per-second figure.
    seconds: float

    @classmethod
    def full(cls) -> FakePlan:
        return cls(samples=21, calls=100, seconds=3.0)

    @classmethod
    def quick(cls) -> FakePlan:
        return cls(samples=2, calls=3, seconds=0.05)


@dataclass(frozen=True)
class FakeResult:
    #: Nanoseconds per ``create_attendee``, answered by the fake, by a Stubber, and by a
    #: ``before-send`` handler returning a ready answer (no service behind it: the floor).
    fake_ns: Series
    stubber_ns: Series
    floor_ns: Series
    #: Requests per second: in-process (one thread), over HTTP from one client and from
    #: ``THREADS`` threads.
    in_process_rps: float
    http_rps: float
    http_threads_rps: float

    @property
    def ratio(self) -> float:
        """The fake's time over the Stubber's."""
        return self.fake_ns.median / self.stubber_ns.median

    @property
    def floor_ratio(self) -> float:
        """The floor's time over the Stubber's: what no service answering at ``before-send``
        can go below."""
        return self.floor_ns.median / self.stubber_ns.median


def _client(**options: Any) -> Any:
    import boto3
    from botocore.config import Config

    session: Any = boto3.session.Session()
    config = Config(retries={"max_attempts": 1})
    return session.client("chime-sdk-meetings", config=config, **_CREDENTIALS, **options)


def _meeting(client: Any) -> str:
    created = client.create_meeting(MediaRegion="us-east-1", ExternalMeetingId="bench")
    return str(created["Meeting"]["MeetingId"])


class _Attendees:
    """``create_attendee`` with a new ExternalUserId each call, a new meeting every
    ``_PER_MEETING`` calls (made before the timed calls that need it)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.count = 0
        self.meeting_id = ""

    def prepare(self, calls: int) -> None:
        if self.count + calls > _PER_MEETING or not self.meeting_id:
            self.meeting_id = _meeting(self.client)
            self.count = 0

    def __call__(self) -> None:
        self.count += 1
        self.client.create_attendee(MeetingId=self.meeting_id, ExternalUserId=f"u-{self.count}")


class _Ready:
    """A raw HTTP body botocore reads as a stream."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Any:
        yield self.body


def _floor_client(response: dict[str, Any]) -> Any:
    """A client whose calls are answered at ``before-send`` with ``response``, unsigned as the
    fake's are: what botocore itself costs at that layer."""
    import botocore
    from botocore.awsrequest import AWSResponse, HTTPHeaders

    client = _client()
    body = json.dumps(response).encode()
    headers = HTTPHeaders()
    headers["Content-Type"] = "application/json"

    def answer(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 200, headers, _Ready(body))

    client.meta.events.register_first("before-send.chime-sdk-meetings", answer)
    client.meta.events.register_first(
        "choose-signer.chime-sdk-meetings", lambda **_: botocore.UNSIGNED
    )
    return client


def _in_process_times(plan: FakePlan) -> tuple[Series, Series, Series]:
    from botocore.stub import Stubber

    faked = _Attendees(_client())
    attach(faked.client, FakeChimeSdkMeetings(seed=1))
    stubbed = _client()
    stubber = Stubber(stubbed)
    stubber.activate()
    # The Stubber answers what the fake answers.
    meeting_id = _meeting(faked.client)
    answer = faked.client.create_attendee(MeetingId=meeting_id, ExternalUserId="model")
    response = {"Attendee": answer["Attendee"]}

    floor = _floor_client(response)

    def stub_call() -> None:
        stubbed.create_attendee(MeetingId=meeting_id, ExternalUserId="u-1")

    def floor_call() -> None:
        floor.create_attendee(MeetingId=meeting_id, ExternalUserId="u-1")

    times: dict[str, list[float]] = {"fake": [], "stubber": [], "floor": []}
    gc.collect()
    for index in range(plan.samples):
        turn = ("fake", "stubber", "floor")
        order = turn[index % 3 :] + turn[: index % 3]
        for name in order:
            call: Callable[[], None]
            if name == "fake":
                faked.prepare(plan.calls)
                call = faked
            elif name == "floor":
                call = floor_call
            else:
                for _ in range(plan.calls):
                    stubber.add_response("create_attendee", response)
                call = stub_call
            start = time.perf_counter_ns()
            for _ in range(plan.calls):
                call()
            times[name].append((time.perf_counter_ns() - start) / plan.calls)
    fake_ns, stubber_ns, floor_ns = (Series(tuple(times[name])) for name in turn)
    return fake_ns, stubber_ns, floor_ns


def _rate(client: Any, seconds: float) -> float:
    """Requests per second of ``create_attendee`` calls made for ``seconds``."""
    calls = _Attendees(client)
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        calls.prepare(1)
        calls()
        count += 1
        if time.perf_counter() >= deadline:
            break
    return count / (time.perf_counter() - start)


def _threads_rate(url: str, seconds: float) -> float:
    clients = [_client(endpoint_url=url) for _ in range(THREADS)]
    with ThreadPoolExecutor(THREADS) as pool:
        rates = list(pool.map(lambda client: _rate(client, seconds), clients))
    return sum(rates)


def _http_rates(plan: FakePlan) -> tuple[float, float]:
    command = [sys.executable, "-m", "capabilities", "serve", "--port", "0", "--seed", "1"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=_environment(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split()[-1]
        single = _rate(_client(endpoint_url=url), plan.seconds)
        threads = _threads_rate(url, plan.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return single, threads


def measure_fake(*, quick: bool, log: TextIO) -> FakeResult:
    plan = FakePlan.quick() if quick else FakePlan.full()
    log.write("bench: the offline service, in-process (create_attendee vs Stubber)\n")
    fake_ns, stubber_ns, floor_ns = _in_process_times(plan)
    in_process_client = _client()
    attach(in_process_client, FakeChimeSdkMeetings(seed=1))
    in_process = _rate(in_process_client, plan.seconds)
    log.write(f"bench: the offline service over HTTP (1 client, then {THREADS} threads)\n")
    single, threads = _http_rates(plan)
    return FakeResult(fake_ns, stubber_ns, floor_ns, in_process, single, threads)
