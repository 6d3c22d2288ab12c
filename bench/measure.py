"""How things are measured: in-process call times, ``import capabilities``, whole checker
processes, and memory.

Times are read with ``time.perf_counter_ns``. In-process calls are warmed up, then timed in
samples of enough back-to-back calls to last ``sample_ns``; the contenders of a case take turns
sample by sample (in a rotating order), so that a slow moment of the machine hits them all
alike, and the harness takes a case's samples in several passes over all the cases, so that a
burst of other work cannot move a median. The result of a series is the median over its samples
of the time per call. The garbage collector stays on, as in the program that calls a validator;
it runs once before each pass of a case.
"""

from __future__ import annotations

import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

__all__ = [
    "ROOT",
    "OtherWork",
    "Series",
    "calibrate",
    "import_time_us",
    "memory",
    "process_seconds",
    "sample",
]

#: The source tree: subprocesses import ``capabilities`` from here.
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Series:
    """The samples of one measured thing (nanoseconds per call, or per process run)."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        """Interquartile range over the median: how stable the median is (0.05 = 5%)."""
        if len(self.samples) < 4:
            return 0.0
        low, _, high = statistics.quantiles(self.samples, n=4)
        return (high - low) / self.median if self.median else 0.0


def calibrate(
    calls: Mapping[str, Callable[[], object]], *, warmup_ns: int, sample_ns: int
) -> dict[str, int]:
    """Warm each call up for ``warmup_ns`` (once at least); the number of back-to-back calls
    that makes a sample last about ``sample_ns`` (1 at least), by name."""
    loops: dict[str, int] = {}
    for name, call in calls.items():
        count = 0
        start = time.perf_counter_ns()
        while True:
            call()
            count += 1
            elapsed = time.perf_counter_ns() - start
            if elapsed >= warmup_ns:
                break
        loops[name] = max(1, int(sample_ns / max(elapsed / count, 1.0)))
    return loops


def sample(
    calls: Mapping[str, Callable[[], object]], loops: Mapping[str, int], *, samples: int
) -> dict[str, list[float]]:
    """``samples`` samples of each call (nanoseconds per call), the calls taking turns in a
    rotating order. The garbage collector runs once before."""
    gc.collect()
    names = list(calls)
    for name in names:  # back in the caches after whatever ran in between
        calls[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(samples):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            call, count = calls[name], loops[name]
            start = time.perf_counter_ns()
            for _ in range(count):
                call()
            times[name].append((time.perf_counter_ns() - start) / count)
    return times


def _environment() -> dict[str, str]:
    """The environment of the measured subprocesses: the source tree first on the path; the
    bytecode cache in use, as for any installed package."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])]
    )
    return env


_IMPORT_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|\s?(\S.*)$")


def _cumulative_us(stderr: str, module: str) -> int:
    """The cumulative time of ``module``'s line of ``-X importtime`` output (microseconds)."""
    for line in stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and match.group(3) == module:
            return int(match.group(2))
    raise RuntimeError(f"no importtime line for {module!r} in:\n{stderr[-2000:]}")


def import_time_us(module: str, *, runs: int, warmup: int) -> Series:
    """``python -X importtime -c "import <module>"`` in a new process, ``runs`` times: the
    cumulative microseconds of the module's top-level line."""
    command = [sys.executable, "-X", "importtime", "-c", f"import {module}"]
    env = _environment()
    values: list[float] = []
    for index in range(warmup + runs):
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"`import {module}` failed:\n{done.stderr[-2000:]}")
        if index >= warmup:
            values.append(float(_cumulative_us(done.stderr, module)))
    return Series(tuple(values))


@dataclass(frozen=True)
class ProcessRun:
    """What one process gave: exit status, and the ends of its output for messages."""

    status: int
    output: str


def process_seconds(
    commands: Mapping[str, Sequence[str]], *, cwd: Path, runs: int, warmup: int
) -> tuple[dict[str, Series], dict[str, ProcessRun]]:
    """Wall time (seconds) of each command as a whole process, ``runs`` times after
    ``warmup`` runs, the commands taking turns; and each command's last run."""
    env = _environment()
    times: dict[str, list[float]] = {name: [] for name in commands}
    last: dict[str, ProcessRun] = {}
    for index in range(warmup + runs):
        for name, command in commands.items():
            start = time.perf_counter_ns()
            done = subprocess.run(
                list(command), cwd=cwd, env=env, capture_output=True, text=True, check=False
            )
            elapsed = (time.perf_counter_ns() - start) / 1e9
            if index >= warmup:
                times[name].append(elapsed)
            tail = (done.stdout[-1000:] + "\n" + done.stderr[-1000:]).strip()
            last[name] = ProcessRun(done.returncode, tail)
    return {name: Series(tuple(values)) for name, values in times.items()}, last


@dataclass(frozen=True)
class Memory:
    """Bytes allocated to build a request, and the peak allocated while validating it."""

    request_bytes: int
    peak_bytes: int

    @property
    def ratio(self) -> float:
        return self.peak_bytes / self.request_bytes


def memory(document: Any, check: Callable[[Any], object]) -> Memory:
    """tracemalloc: what building ``document`` from its JSON text allocates (the request as a
    program receiving it holds it), and the peak of what ``check`` allocates on top of it.
    ``check`` runs once before, so that caches filled on a first call are not counted."""
    text = json.dumps(document)
    check(json.loads(text))
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        request = json.loads(text)
        built = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = check(request)
        peak = tracemalloc.get_traced_memory()[1] - base
        del result
    finally:
        tracemalloc.stop()
    return Memory(built, peak)


def _busy_seconds() -> Optional[float]:
    """CPU seconds the whole machine has been busy since boot (Linux ``/proc/stat``): user,
    nice, system, irq, softirq and steal time; None where there is no such file."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu" or len(fields) < 9:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    """CPU seconds of this process and of the subprocesses it has waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class OtherWork:
    """How much CPU other processes used while the bench ran: started on creation,
    ``cores()`` is their average use in cores (0.5 = half of one core) since then."""

    def __init__(self) -> None:
        self._busy = _busy_seconds()
        self._own = _own_seconds()
        self._wall = time.perf_counter_ns()

    def cores(self) -> Optional[float]:
        busy = _busy_seconds()
        if busy is None or self._busy is None:
            return None
        wall = (time.perf_counter_ns() - self._wall) / 1e9
        others = (busy - self._busy) - (_own_seconds() - self._own)
        return max(others, 0.0) / wall if wall > 0 else None
