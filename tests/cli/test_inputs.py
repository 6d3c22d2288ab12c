"""Input the way linters take it: standard input, folders, --exclude, .gitignore, --quiet,
colour on a terminal only."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

from .helpers import EXAMPLES, ROOT, run_process

BROKEN = EXAMPLES / "cli-input" / "batch-create-attendee.yaml"
VALID = EXAMPLES / "profiles" / "webinar.yaml"
CONTENT_RECEIVE = "error CHM-E303 "


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1", **extra)
    env.pop("NO_COLOR", None)
    return {**env, **extra}


def _run(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "capabilities", *args],
        cwd=cwd,
        env=_env(),
        input=stdin.decode(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_stdin_with_a_file_name(tmp_path: Path) -> None:
    done = _run(
        "check", "-", "--stdin-filename", "x/batch.yaml", cwd=tmp_path, stdin=BROKEN.read_bytes()
    )
    assert done.returncode == 1
    assert f"x/batch.yaml:6:62: {CONTENT_RECEIVE}" in done.stdout
    unnamed = _run("check", "-", cwd=tmp_path, stdin=BROKEN.read_bytes())
    assert (
        f"-:6:62: {CONTENT_RECEIVE}" in unnamed.stdout
    )  # the format and operation from the content
    fixing = _run("check", "--fix", "-", cwd=tmp_path, stdin=BROKEN.read_bytes())
    assert fixing.returncode == 2
    assert "--fix writes files, not standard input" in fixing.stderr
    shown = _run(
        "check",
        "--diff",
        "-",
        "--stdin-filename",
        "b.yaml",
        cwd=tmp_path,
        stdin=BROKEN.read_bytes(),
    )
    assert shown.returncode == 1
    assert shown.stdout.startswith("--- b.yaml\n+++ b.yaml\n@@ -6,1 +6,1 @@\n")


def _tree(root: Path) -> None:
    for folder in ("config/chime", "config/build", "config/node_modules/x", "docs"):
        (root / folder).mkdir(parents=True)
    shutil.copyfile(BROKEN, root / "config/chime/batch-create-attendee.yaml")
    shutil.copyfile(VALID, root / "config/chime/webinar.yaml")
    shutil.copyfile(BROKEN, root / "config/build/batch-create-attendee.yaml")
    shutil.copyfile(BROKEN, root / "config/node_modules/x/batch-create-attendee.yaml")
    (root / "config/package.json").write_text('{"name": "app"}\n')
    (root / "config/chime/notes.txt").write_text("not checked\n")
    (root / "config/.gitignore").write_text("build/\n")


def test_a_folder_is_walked(tmp_path: Path) -> None:
    _tree(tmp_path)
    done = run_process("check", "config", cwd=tmp_path)  # not a git work tree
    lines = done.out.splitlines()
    assert done.status == 1
    errors = sorted({line.split(":")[0] for line in lines if CONTENT_RECEIVE in line})
    assert errors == [
        "config/build/batch-create-attendee.yaml",
        "config/chime/batch-create-attendee.yaml",
    ]
    assert lines[-1].endswith(" in 3 file(s) checked")  # the summary line
    assert "1 file(s) in folders skipped" in done.err  # package.json: not ours
    excluded = run_process("check", "config", "--exclude", "build,*.json", cwd=tmp_path)
    assert "config/build/" not in excluded.out
    assert "skipped" not in excluded.err


def test_gitignore_is_respected_in_a_git_work_tree(tmp_path: Path) -> None:
    _tree(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    done = run_process("check", "config", cwd=tmp_path)
    assert "config/build/" not in done.out
    assert "config/chime/batch-create-attendee.yaml:6:62: " + CONTENT_RECEIVE in done.out
    assert done.out.splitlines()[-1].endswith("in 2 file(s) checked")
    named = run_process("check", "config/build/batch-create-attendee.yaml", cwd=tmp_path)
    assert CONTENT_RECEIVE in named.out  # a file named is checked, ignored or not


def test_quiet_prints_only_the_findings(tmp_path: Path) -> None:
    shutil.copyfile(BROKEN, tmp_path / "batch-create-attendee.yaml")
    loud = run_process("check", "batch-create-attendee.yaml", cwd=tmp_path)
    quiet = run_process("check", "-q", "batch-create-attendee.yaml", cwd=tmp_path)
    assert quiet.status == loud.status == 1
    findings = [line for line in loud.out.splitlines() if ": note: " not in line][:-1]
    assert quiet.out.splitlines() == findings


def _on_terminal(args: list[str], cwd: Path, no_color: Optional[str]) -> str:
    """The output of the command with its standard output on a pseudo-terminal."""
    leader, follower = pty.openpty()
    env = _env() if no_color is None else _env(NO_COLOR=no_color)
    process = subprocess.Popen(
        [sys.executable, "-m", "capabilities", *args],
        cwd=cwd,
        env=env,
        stdout=follower,
        stderr=subprocess.DEVNULL,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=120)
    os.close(leader)
    return out.decode()


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False), ("", True)])
def test_colour_on_a_terminal_only(tmp_path: Path, no_color: Optional[str], coloured: bool) -> None:
    shutil.copyfile(BROKEN, tmp_path / "batch-create-attendee.yaml")
    args = ["check", "batch-create-attendee.yaml"]
    out = _on_terminal(args, tmp_path, no_color)
    assert ("\x1b[1;31merror\x1b[0m \x1b[1;31mCHM-E303\x1b[0m" in out) is coloured
    assert "CHM-E303" in out
    piped = run_process(*args, cwd=tmp_path)
    assert "\x1b" not in piped.out
