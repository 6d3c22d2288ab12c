"""What the fuzz targets share: the seed corpus from ``examples/`` and libFuzzer's arguments.

Not part of the package or of the test suite; see docs/security.md for how to run the targets.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: Extensions of the example files, in the order the targets' selector byte counts them.
EXTENSIONS = (".json", ".yaml", ".toml")


def example_files() -> list[Path]:
    """Every checked example (profiles, AWS CLI input files, responses)."""
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (*EXTENSIONS, ".yml"))


def work_dir(target: str) -> Path:
    """Where a target keeps its corpus and crash files unless told otherwise (outside the
    repository: the fuzzer writes every input it finds interesting there)."""
    base = Path(os.environ.get("CHIME_FUZZ_DIR", Path(tempfile.gettempdir()) / "chime-fuzz"))
    path = base / target
    path.mkdir(parents=True, exist_ok=True)
    return path


def libfuzzer_args(
    target: str, seeds: Callable[[], Iterable[tuple[str, bytes]]], argv: list[str]
) -> list[str]:
    """``argv`` with this project's defaults added where the caller did not give them.

    Without a corpus directory on the command line, ``<work dir>/corpus`` is used and seeded
    with ``seeds()`` (name, bytes); crash files go to ``<work dir>/artifacts/``.
    """
    args = list(argv)
    flags = [a for a in args[1:] if a.startswith("-")]
    positional = [a for a in args[1:] if not a.startswith("-")]
    work = work_dir(target)
    defaults = {
        # a slow input is a finding too: every file must be checked quickly
        "-timeout": "10",
        "-rss_limit_mb": "2048",
        "-max_len": "16384",
        "-artifact_prefix": str(work / "artifacts") + os.sep,
    }
    for flag, value in defaults.items():
        if not any(f.startswith(flag + "=") for f in flags):
            args.append(f"{flag}={value}")
    (work / "artifacts").mkdir(exist_ok=True)
    if not positional and not any(f.startswith("-runs=") for f in flags):
        corpus = work / "corpus"
        corpus.mkdir(exist_ok=True)
        for name, data in seeds():
            seed = corpus / f"seed-{name}"
            if not seed.exists():
                seed.write_bytes(data)
        args.append(str(corpus))
    return args
