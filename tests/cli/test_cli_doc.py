"""The terminal examples of docs/cli.md are what the command prints, run as written.

Each ``$ chime-capabilities ...`` line of a console block is run (in order, in a folder holding
a copy of examples/ and of the broken batch-create-attendee.yaml, so that --fix changes only
the copy) and its output compared with the lines after it. An output written with a "..."
line is compared up to and after that line. ``cat FILE | ...`` feeds FILE to standard input.
``--show-settings`` runs in a folder with the pyproject.toml of the Configuration section,
shown as /home/me/project.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from .helpers import EXAMPLES, ROOT

DOC = (ROOT / "docs" / "cli.md").read_text()
SHOWN_PROJECT = "/home/me/project"


def _examples() -> list[tuple[str, list[str]]]:
    found = []
    for block in re.findall(r"```console\n(.*?)```", DOC, re.S):
        lines = block.splitlines()
        for index, line in enumerate(lines):
            if not line.startswith("$ ") or "chime-capabilities" not in line or "[" in line:
                continue
            output = []
            for following in lines[index + 1 :]:
                if following.startswith("$ "):
                    break
                output.append(following)
            found.append((line[2:], output))
    return found


EXAMPLE_COMMANDS = _examples()


def _matches(actual: list[str], shown: list[str]) -> bool:
    if "..." not in shown:
        return actual == shown
    cut = shown.index("...")
    head, tail = shown[:cut], shown[cut + 1 :]
    return actual[: len(head)] == head and (not tail or actual[-len(tail) :] == tail)


def test_every_example_is_run() -> None:
    assert len(EXAMPLE_COMMANDS) >= 8


def test_the_examples_print_what_docs_show(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copyfile(
        EXAMPLES / "cli-input" / "batch-create-attendee.yaml",
        tmp_path / "batch-create-attendee.yaml",
    )
    project = tmp_path / "project"
    project.mkdir()
    toml = re.search(r"## Configuration.*?```toml\n(.*?)```", DOC, re.S)
    assert toml is not None
    (project / "pyproject.toml").write_text(toml.group(1))
    for command, shown in EXAMPLE_COMMANDS:
        stdin = None
        if command.startswith("cat "):
            source, command = command[4:].split(" | ", 1)
            stdin = (tmp_path / source).read_bytes()
        args = shlex.split(command)
        assert args[0] == "chime-capabilities"
        cwd = project if "--show-settings" in args else tmp_path
        done = subprocess.run(
            [sys.executable, "-m", "capabilities", *args[1:]],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1"),
            timeout=120,
            check=False,
        )
        output = (done.stdout + done.stderr).decode().replace(str(project), SHOWN_PROJECT)
        assert _matches(output.splitlines(), shown), f"$ {command}\n{output}"
