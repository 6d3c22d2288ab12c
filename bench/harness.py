"""One benchmark run: agreement first, then every measurement, gathered into ``Results``."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Optional, TextIO

import yaml

import capabilities

from .cases import BATCH_CASES, CASES, Case, profile_documents
from .contenders import (
    CONTENDERS,
    FIRST_ERROR_ONLY,
    OURS,
    Contender,
    Disagreement,
    build_contenders,
    check_agreement,
)
from .fake import FakeResult, measure_fake
from .measure import (
    ROOT,
    Memory,
    OtherWork,
    Series,
    calibrate,
    import_time_us,
    memory,
    process_seconds,
    sample,
)

__all__ = [
    "CHECK_JSONSCHEMA",
    "CaseResult",
    "CheckerResult",
    "Machine",
    "MemoryResult",
    "Plan",
    "Results",
    "run",
]

CHECK_JSONSCHEMA = "check-jsonschema"
PROFILE_SCHEMA = ROOT / "schemas" / "meeting-profile.schema.json"
#: The distributions whose versions a result records.
PACKAGES = ("jsonschema", "fastjsonschema", "jsonschema-rs", "check-jsonschema")


@dataclass(frozen=True)
class Plan:
    """How much to measure."""

    #: Passes over all the cases; each pass takes ``samples`` samples of each contender.
    passes: int
    samples: int
    sample_ns: int
    warmup_ns: int
    import_runs: int
    import_warmup: int
    checker_files: int
    checker_runs: int
    checker_warmup: int

    @classmethod
    def full(cls) -> Plan:
        return cls(
            passes=3,
            samples=11,
            sample_ns=30_000_000,
            warmup_ns=200_000_000,
            import_runs=21,
            import_warmup=2,
            checker_files=1000,
            checker_runs=5,
            checker_warmup=1,
        )

    @classmethod
    def quick(cls) -> Plan:
        """Each thing once or a few times: shows the bench works, measures nothing."""
        return cls(
            passes=1,
            samples=3,
            sample_ns=0,
            warmup_ns=0,
            import_runs=2,
            import_warmup=0,
            checker_files=10,
            checker_runs=1,
            checker_warmup=0,
        )


@dataclass(frozen=True)
class CaseResult:
    case: Case
    #: Nanoseconds per call, by contender.
    times: dict[str, Series]
    #: Errors each contender reports for the input, by contender.
    errors: dict[str, int]

    def ratio(self, name: str) -> float:
        """The contender's median over ours: above 1, ours is faster."""
        return self.times[name].median / self.times[OURS].median

    def full_findings(self, name: str) -> bool:
        """Whether the contender's time includes every error of the input (it always does for
        a valid input, which has none)."""
        return self.case.valid or name not in FIRST_ERROR_ONLY


@dataclass(frozen=True)
class CheckerResult:
    """``chime-capabilities check`` and ``check-jsonschema`` over the same files."""

    file_format: str
    files: int
    #: Seconds per process, by command.
    times: dict[str, Series]

    @property
    def ratio(self) -> float:
        return self.times[CHECK_JSONSCHEMA].median / self.times[OURS].median


@dataclass(frozen=True)
class MemoryResult:
    case: Case
    memory: Memory


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    python: str
    system: str
    packages: dict[str, str]
    date: str
    revision: Optional[str]
    #: The 1-minute load average when the run started (None where the system does not tell).
    load: Optional[float]
    #: The CPU other processes used during the run, in cores on average (None where the
    #: system does not tell): near 0 means the machine was at rest.
    others: Optional[float]


@dataclass(frozen=True)
class Results:
    quick: bool
    machine: Machine
    cases: tuple[CaseResult, ...]
    #: Microseconds, cumulative, of the ``capabilities`` line of ``-X importtime``.
    import_us: Series
    #: The same, for ``jsonschema``, measured the same way in the same run.
    jsonschema_import_us: Series
    checker: tuple[CheckerResult, ...]
    memory: tuple[MemoryResult, ...]
    #: The offline service (capabilities.fake), when measured.
    fake: Optional[FakeResult] = None


# --- the machine --------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                key, _, value = line.partition(":")
                if key.strip() == "model name" and value.strip():
                    return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _revision() -> Optional[str]:
    """The source tree's commit, marked when the engine has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--", "capabilities"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head} with uncommitted changes to capabilities/" if changed else head


def _load() -> Optional[float]:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # not on every system
        return None


def machine(load: Optional[float], others: Optional[float]) -> Machine:
    return Machine(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 0,
        python=f"{platform.python_implementation()} {platform.python_version()}",
        system=f"{platform.system()} {platform.release()} {platform.machine()}",
        packages={
            "chime-capabilities": capabilities.__version__,
            **{name: _version(name) for name in PACKAGES},
        },
        date=datetime.now(timezone.utc).date().isoformat(),
        revision=_revision(),
        load=load,
        others=others,
    )


# --- the run ------------------------------------------------------------------------------


def _progress(log: TextIO, text: str) -> None:
    log.write(f"bench: {text}\n")
    log.flush()


def _time_cases(
    agreed: list[tuple[Case, tuple[Contender, ...], dict[str, int]]], plan: Plan, log: TextIO
) -> list[dict[str, Series]]:
    """Each case's samples, by contender, taken in ``plan.passes`` passes over all cases."""
    calls = [{c.name: partial(c.measured, case.document) for c in cs} for case, cs, _ in agreed]
    loops = []
    for (case, _, _), case_calls in zip(agreed, calls):
        _progress(log, f"warm-up: {case.title}")
        loops.append(calibrate(case_calls, warmup_ns=plan.warmup_ns, sample_ns=plan.sample_ns))
    times: list[dict[str, list[float]]] = [{name: [] for name in c} for c in calls]
    for number in range(plan.passes):
        _progress(log, f"timing: pass {number + 1} of {plan.passes} over the cases")
        for case_calls, case_loops, case_times in zip(calls, loops, times):
            for name, values in sample(case_calls, case_loops, samples=plan.samples).items():
                case_times[name] += values
    return [{name: Series(tuple(v)) for name, v in case_times.items()} for case_times in times]


@contextmanager
def _profile_files(count: int) -> Iterator[tuple[Path, dict[str, list[str]]]]:
    """``count`` profile files in JSON and the same in YAML, in a temporary folder: the folder
    and the relative paths by format."""
    documents = profile_documents(count)
    with tempfile.TemporaryDirectory(prefix="chime-capabilities-bench-") as folder:
        root = Path(folder)
        paths: dict[str, list[str]] = {"JSON": [], "YAML": []}
        for sub in ("json", "yaml"):
            (root / sub).mkdir()
        for index, document in enumerate(documents):
            json_path = f"json/profile-{index:04d}.json"
            (root / json_path).write_text(json.dumps(document, indent=2), encoding="utf-8")
            paths["JSON"].append(json_path)
            yaml_path = f"yaml/profile-{index:04d}.yaml"
            text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
            (root / yaml_path).write_text(text, encoding="utf-8")
            paths["YAML"].append(yaml_path)
        yield root, paths


def _checker(plan: Plan, log: TextIO) -> tuple[CheckerResult, ...]:
    out = []
    with _profile_files(plan.checker_files) as (folder, paths):
        for file_format, files in paths.items():
            _progress(log, f"checker: {len(files)} {file_format} profile files")
            commands = {
                OURS: [sys.executable, "-m", "capabilities", "check", *files],
                CHECK_JSONSCHEMA: [
                    sys.executable,
                    "-m",
                    "check_jsonschema",
                    "--schemafile",
                    str(PROFILE_SCHEMA),
                    *files,
                ],
            }
            times, last = process_seconds(
                commands, cwd=folder, runs=plan.checker_runs, warmup=plan.checker_warmup
            )
            wrong = [
                f"{name} exits {run.status}:\n{run.output}"
                for name, run in last.items()
                if run.status != 0
            ]
            if wrong:
                raise Disagreement(
                    f"checker on {len(files)} valid {file_format} profile files: "
                    + "\n".join(wrong)
                )
            out.append(CheckerResult(file_format, len(files), times))
    return tuple(out)


def agreement(log: TextIO) -> list[tuple[Case, tuple[Contender, ...], dict[str, int]]]:
    """Every case with its contenders and their error counts; raises Disagreement."""
    out = []
    for case in CASES:
        contenders = build_contenders(case)
        out.append((case, contenders, check_agreement(case, contenders)))
    _progress(log, f"agreement: the {len(CONTENDERS)} validators agree on all {len(out)} cases")
    return out


def run(*, quick: bool, log: TextIO) -> Results:
    """One run; raises Disagreement (before anything is timed, for the in-process cases) or
    contenders.MissingPackage."""
    plan = Plan.quick() if quick else Plan.full()
    others = OtherWork()
    load = _load()
    cores = os.cpu_count() or 1
    if load is not None and load > cores / 2:
        _progress(log, f"warning: load average {load:.2f} on {cores} cores: other work may compete")
    agreed = agreement(log)
    case_results = [
        CaseResult(case, case_times, errors)
        for (case, _, errors), case_times in zip(agreed, _time_cases(agreed, plan, log))
    ]
    _progress(log, "import capabilities, import jsonschema")
    import_us = import_time_us("capabilities", runs=plan.import_runs, warmup=plan.import_warmup)
    jsonschema_import_us = import_time_us(
        "jsonschema", runs=plan.import_runs, warmup=plan.import_warmup
    )
    checker = _checker(plan, log)
    _progress(log, "memory")
    memories = tuple(MemoryResult(case, memory(case.document, case.check)) for case in BATCH_CASES)
    fake = measure_fake(quick=quick, log=log)
    return Results(
        quick,
        machine(load, others.cores()),
        tuple(case_results),
        import_us,
        jsonschema_import_us,
        checker,
        memories,
        fake,
    )
