"""``chime-capabilities serve``: the process, its readiness line, Ctrl-C, and the AWS CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from capabilities.cli.main import main

BIN = Path(sys.executable).parent
ENV = {
    **os.environ,
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_PAGER": "",
}


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [str(BIN / "chime-capabilities"), "serve", "--port", "0", "--seed", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("listening on http://127.0.0.1:")
    yield process, line.split()[-1]
    if process.poll() is None:
        process.kill()
        process.wait()


def aws(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "aws"), "chime-sdk-meetings", *args, "--endpoint-url", url]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=60, check=False)


def test_the_aws_cli_against_serve(served: tuple[subprocess.Popen[str], str]) -> None:
    _, url = served
    created = aws(
        url, "create-meeting", "--media-region", "eu-west-1", "--external-meeting-id", "m1"
    )
    assert created.returncode == 0, created.stderr
    meeting_id = json.loads(created.stdout)["Meeting"]["MeetingId"]
    attendee = aws(url, "create-attendee", "--meeting-id", meeting_id, "--external-user-id", "u1")
    assert attendee.returncode == 0, attendee.stderr
    listed = aws(url, "list-attendees", "--meeting-id", meeting_id, "--max-results", "1")
    assert [a["ExternalUserId"] for a in json.loads(listed.stdout)["Attendees"]] == ["u1"]
    missing = aws(url, "get-meeting", "--meeting-id", "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9")
    assert missing.returncode != 0
    assert "(NotFoundException)" in missing.stderr
    refused = aws(
        url, "create-attendee", "--meeting-id", meeting_id, "--external-user-id", "aws:x1"
    )
    assert "(BadRequestException)" in refused.stderr
    assert "aws:x1" not in refused.stderr


def test_ctrl_c_stops_cleanly(served: tuple[subprocess.Popen[str], str]) -> None:
    process, _ = served
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0
    assert stderr == ""


def test_other_hosts_are_refused_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "--allow-remote" in capsys.readouterr().err
