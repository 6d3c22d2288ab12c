"""Running the command line in-process and as a real process."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from capabilities.cli import execute, parse_args

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str


def run(*args: str, cwd: Optional[Path] = None) -> Run:
    """``chime-capabilities ARGS`` through parse_args and execute, streams captured."""
    out, err = io.StringIO(), io.StringIO()
    status = execute(parse_args(list(args)), stdout=out, stderr=err, cwd=cwd)
    return Run(status, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path) -> Run:
    """``python -m capabilities ARGS`` in ``cwd``, importing the package from this tree."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-m", "capabilities", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)
