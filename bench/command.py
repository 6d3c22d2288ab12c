"""The bench command: parse the options, run, print, and write the doc when asked."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence
from typing import Optional, TextIO

from .contenders import Disagreement, MissingPackage
from .harness import run
from .measure import ROOT
from .render import render_markdown, render_text

__all__ = ["DOC", "EXIT_DISAGREEMENT", "EXIT_OK", "EXIT_USAGE", "main"]

DOC = ROOT / "docs" / "performance.md"
EXIT_OK = 0
#: The validators disagree on an input: nothing is reported.
EXIT_DISAGREEMENT = 1
#: A usage error, or a package the bench needs is missing.
EXIT_USAGE = 2
#: The modules the bench imports or runs, by distribution.
_NEEDED = {
    "jsonschema": "jsonschema",
    "fastjsonschema": "fastjsonschema",
    "jsonschema-rs": "jsonschema_rs",
    "check-jsonschema": "check_jsonschema",
}
_PROG = "bench"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/run.py",
        description="Time chime-capabilities against jsonschema, fastjsonschema and "
        "jsonschema-rs on the same inputs, and the checker against check-jsonschema. "
        "Exit status: 0 done, 1 the validators disagree on an input, 2 a usage error or a "
        "missing package.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="run everything once or a few times (checker: 10 files): shows that the bench "
        "works; the numbers mean nothing",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help=f"write the results to {DOC.relative_to(ROOT)} (not with --quick)",
    )
    return parser


def main(
    argv: Optional[Sequence[str]] = None,
    *,
    stdout: Optional[TextIO] = None,
    stderr: Optional[TextIO] = None,
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    if args.quick and args.write:
        err.write(f"{_PROG}: error: --write records a full run; a --quick run measures nothing\n")
        return EXIT_USAGE
    missing = [name for name, module in _NEEDED.items() if importlib.util.find_spec(module) is None]
    if missing:
        err.write(
            f"{_PROG}: error: not installed: {', '.join(missing)}; "
            "install them with: pip install -e '.[bench]'\n"
        )
        return EXIT_USAGE
    try:
        results = run(quick=args.quick, log=err)
    except Disagreement as error:
        err.write(
            f"{_PROG}: the validators disagree, nothing is reported "
            f"(faster must not mean less checked):\n{error}\n"
        )
        return EXIT_DISAGREEMENT
    except MissingPackage as error:
        err.write(f"{_PROG}: error: not installed: {error}; pip install -e '.[bench]'\n")
        return EXIT_USAGE
    out.write(render_text(results))
    if args.write:
        DOC.write_text(render_markdown(results), encoding="utf-8")
        out.write(f"\nwrote {DOC.relative_to(ROOT)}\n")
    return EXIT_OK
