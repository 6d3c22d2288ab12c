"""Line numbers are what editors show: a line ends at LF, CRLF or CR, never at NEL, U+2028 or
U+2029 (which PyYAML and libyaml count). The three readers are held to each other, and to a
count of those three line ends made here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from capabilities.cli import _yaml

from .helpers import run

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
#: Characters some readers take for line breaks, inside string values.
SEPARATORS = "a\u2028b\x85c\u2029d"
BREAKS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


def _documents(newline: str) -> dict[str, str]:
    """The same CreateAttendee request in each format: the MeetingId holds the separators
    and breaks CHM-E203, the ExternalUserId breaks CHM-E202, each on its own line."""
    lines = {
        "json": [
            "{",
            f'  "Note": "{SEPARATORS}",',
            f'  "MeetingId": "{SEPARATORS}",',
            '  "ExternalUserId": "aws:x"',
            "}",
        ],
        "yaml": [f'Note: "{SEPARATORS}"', f'MeetingId: "{SEPARATORS}"', "ExternalUserId: aws:x"],
        "toml": [
            f'Note = "{SEPARATORS}"',
            f'MeetingId = "{SEPARATORS}"',
            'ExternalUserId = "aws:x"',
        ],
    }
    return {fmt: newline.join(text) + newline for fmt, text in lines.items()}


def _editor_line(text: str, member: str) -> int:
    """The line an editor shows ``member`` on: counts LF, CRLF and CR only."""
    lines = re.split(r"\r\n|\r|\n", text)
    return next(number for number, line in enumerate(lines, 1) if member in line)


@pytest.mark.parametrize("newline", BREAKS)
@pytest.mark.parametrize("use_libyaml", [True, False], ids=["libyaml", "pure"])
def test_the_readers_agree_with_editors(
    newline: str, use_libyaml: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_yaml, "USE_LIBYAML", use_libyaml)
    places: dict[str, list[tuple[str, int, int]]] = {}
    for fmt, text in _documents(BREAKS[newline]).items():
        if fmt == "toml" and newline == "CR":
            continue  # TOML has no CR line ends (tomllib refuses them)
        path = tmp_path / f"attendee.{fmt}"
        path.write_bytes(text.encode("utf-8"))
        result = run(
            "check", "--no-config", "--format", "json", "--operation", "create-attendee", str(path)
        )
        findings = json.loads(result.out)["files"][0]["findings"]
        found = [(f["code"], f["line"], f["pointer"]) for f in findings if f["code"] != "CHM-E103"]
        expected = [
            ("CHM-E203", _editor_line(text, "MeetingId"), "/MeetingId"),
            ("CHM-E202", _editor_line(text, "ExternalUserId"), "/ExternalUserId"),
        ]
        assert sorted(found) == sorted(expected), (fmt, found)
        places[fmt] = [(code, line - (fmt == "json"), 0) for code, line, _ in found]
    assert len({tuple(sorted(p)) for p in places.values()}) == 1, places  # each other
