"""This package's TypedDicts and boto3's typed client, checked by ``mypy --strict``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[2]
USAGE = Path(__file__).with_name("typed_usage.py")

#: Each line marked ``# error`` must be reported, and nothing else: the types are precise,
#: not ``Any``.
MISUSE = """\
from capabilities import normalize
from capabilities.types import AttendeeCapabilities, CreateAttendeeRequest, MeetingFeatures
from mypy_boto3_chime_sdk_meetings.type_defs import AttendeeCapabilitiesTypeDef

ok: AttendeeCapabilities = {"Audio": "SendReceive", "Video": "None", "Content": "None"}
bad: AttendeeCapabilities = {"Audio": "Sendreceive", "Video": "None", "Content": "None"}  # error
partial: AttendeeCapabilities = {"Audio": "SendReceive", "Video": "None"}  # error
missing: CreateAttendeeRequest = {"MeetingId": "x"}  # error
uhd_video: MeetingFeatures = {"Video": {"MaxResolution": "UHD"}}  # error
plain: dict[str, str] = {"Audio": "SendReceive", "Video": "None", "Content": "None"}
theirs: AttendeeCapabilitiesTypeDef = plain  # error
audio: int = normalize()["Audio"]  # error
"""


def run_mypy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    monkeypatch.setenv("MYPYPATH", str(ROOT))
    monkeypatch.chdir(ROOT)
    stdout, stderr, _ = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--follow-imports=silent",  # errors of this file only; the package has its own run
            "--no-error-summary",
            "--hide-error-context",
            str(target),
        ]
    )
    assert not stderr
    return [line for line in stdout.splitlines() if line.strip()]


def test_typed_usage_passes_mypy_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_mypy(tmp_path, monkeypatch, USAGE) == []


def test_misuse_is_reported_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "misuse.py"
    target.write_text(MISUSE, encoding="utf-8")
    expected = {n for n, line in enumerate(MISUSE.splitlines(), 1) if line.endswith("# error")}
    lines = run_mypy(tmp_path, monkeypatch, target)
    reported = {
        int(match.group(1))
        for line in lines
        if (match := re.match(r".*misuse\.py:(\d+): error:", line))
    }
    assert reported == expected, "\n".join(lines)
