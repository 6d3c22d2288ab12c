"""`check --fix` and `--diff`: minimal edits, written atomically, compared byte for byte."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from capabilities.cli.fixes import write_atomically

from .helpers import run_process

# Each case: file name, content, content after --fix. Odd spacing, key order and quoting
# styles are kept; only the characters of the fixed values change.
CASES = {
    "json": (
        "create-attendee.json",
        '{"MeetingId": "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d",\n'
        '    "ExternalUserId": "u1",\n'
        '  "Capabilities" :{"Content":  "Receive" ,"Audio":"SendReceive",\n'
        '    "Video": "Send"}}',
        '{"MeetingId": "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d",\n'
        '    "ExternalUserId": "u1",\n'
        '  "Capabilities" :{"Content":  "None" ,"Audio":"SendReceive",\n'
        '    "Video": "Send"}}',
    ),
    "yaml": (
        "batch-create-attendee.yaml",
        "# attendees of the Monday class\r\n"
        "MeetingId: '2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d'  # the meeting\r\n"
        "Attendees:\r\n"
        "  - ExternalUserId: u1\r\n"
        "    Capabilities: {Audio: SendReceive, Video: Send, Content: 'Receive'}  # keep\r\n"
        "  - ExternalUserId: u2\r\n"
        "    Capabilities:\r\n"
        "      Audio: SendReceive\r\n"
        '      Video: "Send"   # presenter\r\n'
        "      Content: Receive\r\n",
        "# attendees of the Monday class\r\n"
        "MeetingId: '2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d'  # the meeting\r\n"
        "Attendees:\r\n"
        "  - ExternalUserId: u1\r\n"
        "    Capabilities: {Audio: SendReceive, Video: Send, Content: 'None'}  # keep\r\n"
        "  - ExternalUserId: u2\r\n"
        "    Capabilities:\r\n"
        "      Audio: SendReceive\r\n"
        '      Video: "Send"   # presenter\r\n'
        "      Content: None\r\n",
    ),
    "toml": (
        "create-attendee.toml",
        "# TOML input\n"
        "MeetingId = '2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d'\n"
        'ExternalUserId = "u1"\n\n'
        "[Capabilities]   # what the attendee may do\n"
        'Audio = "SendReceive"\n'
        "Video = 'Send'\n"
        'Content   =   "Receive"  # shares slides\n',
        "# TOML input\n"
        "MeetingId = '2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d'\n"
        'ExternalUserId = "u1"\n\n'
        "[Capabilities]   # what the attendee may do\n"
        'Audio = "SendReceive"\n'
        "Video = 'Send'\n"
        'Content   =   "None"  # shares slides\n',
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fix_changes_only_the_values(tmp_path: Path, case: str) -> None:
    name, before, after = CASES[case]
    path = tmp_path / name
    path.write_bytes(before.encode())

    fixed = run_process("check", "--fix", name, cwd=tmp_path)
    assert path.read_bytes() == after.encode()
    assert fixed.status == 0, fixed.out + fixed.err
    assert f"{name}: fixed " in fixed.err

    again = run_process("check", "--fix", name, cwd=tmp_path)  # twice is once
    assert path.read_bytes() == after.encode()
    assert again.status == 0
    assert "fixed" not in again.err


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    name, before, after = CASES["toml"]
    path = tmp_path / name
    path.write_text(before)
    shown = run_process("check", "--diff", name, cwd=tmp_path)
    assert path.read_text() == before
    assert shown.status == 1
    assert shown.out == (
        f"--- {name}\n+++ {name}\n@@ -8,1 +8,1 @@\n"
        '-Content   =   "Receive"  # shares slides\n'
        '+Content   =   "None"  # shares slides\n'
    )
    path.write_text(after)
    clean = run_process("check", "--diff", name, cwd=tmp_path)
    assert (clean.status, clean.out) == (0, "")


def test_without_fix_nothing_is_written(tmp_path: Path) -> None:
    name, before, _ = CASES["json"]
    path = tmp_path / name
    path.write_text(before)
    checked = run_process("check", name, cwd=tmp_path)
    assert checked.status == 1
    assert "CHM-E303" in checked.out
    assert path.read_text() == before
    assert sorted(os.listdir(tmp_path)) == [name]


def test_diff_hides_lines_with_sensitive_values(tmp_path: Path) -> None:
    path = tmp_path / "create-attendee.json"
    path.write_text(
        '{"MeetingId": "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d", "ExternalUserId": "secret-user-7",\n'
        ' "Capabilities": {"Audio": "None", "Video": "Send", "Content": "Receive"}}\n'
    )
    shown = run_process("check", "--diff", path.name, cwd=tmp_path)
    assert "secret-user-7" not in shown.out + shown.err
    assert '+ "Capabilities": {"Audio": "None", "Video": "Send", "Content": "None"}}' in shown.out
    path.write_text(
        '{"MeetingId": "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d", "ExternalUserId": "secret-user-7", '
        '"Capabilities": '
        '{"Audio": "None", "Video": "Send", "Content": "Receive"}}\n'
    )
    one_line = run_process("check", "--diff", path.name, cwd=tmp_path)
    assert one_line.status == 1
    assert "secret-user-7" not in one_line.out + one_line.err
    assert "-(line 1 also holds the value of a sensitive member: not shown)" in one_line.out


def test_unsafe_fixes_are_skipped_and_reported(tmp_path: Path) -> None:
    text = (
        "MeetingId: 2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d\n"
        "Attendees:\n"
        "  - ExternalUserId: u1\n"
        "    Capabilities: {Audio: SendReceive, Video: Send, Content: &shared Receive}\n"
        "  - ExternalUserId: u2\n"
        "    Capabilities: {Audio: SendReceive, Video: Send, Content: *shared}\n"
        "  - ExternalUserId: u3\n"
        "    Capabilities:\n"
        "      Audio: SendReceive\n"
        "      Video: Send\n"
        '      Content: "Rece\\\n'
        '        ive"\n'
    )
    path = tmp_path / "batch-create-attendee.yaml"
    path.write_text(text)
    fixed = run_process("check", "--fix", path.name, cwd=tmp_path)
    assert path.read_text() == text  # nothing could be fixed safely
    assert fixed.status == 1
    skipped = [line for line in fixed.err.splitlines() if "fix of CHM-E303 skipped" in line]
    assert len(skipped) == 3, fixed.err
    assert "YAML anchor, alias, tag or block scalar" in skipped[0]
    assert "spread over lines" in skipped[2]


def test_fix_keeps_the_mode(tmp_path: Path) -> None:
    name, before, after = CASES["json"]
    path = tmp_path / name
    path.write_text(before)
    path.chmod(0o640)
    run_process("check", "--fix", name, cwd=tmp_path)
    assert path.read_text() == after
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == [name]  # no temporary file left


def test_a_file_changed_since_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"changed": 1}')
    why = write_atomically(str(path), b'{"read": 1}', b'{"fixed": 1}')
    assert why == "the file changed since it was read; not written"
    assert path.read_bytes() == b'{"changed": 1}'
    assert write_atomically(str(path), b'{"changed": 1}', b'{"fixed": 1}') is None
    assert path.read_bytes() == b'{"fixed": 1}'
