"""The targets, computed from a run's numbers, and the run printed as text or as
``docs/performance.md``."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Optional

from .cases import BATCH_CASE
from .contenders import (
    CONTENDERS,
    FASTJSONSCHEMA,
    FIRST_ERROR_ONLY,
    JSONSCHEMA,
    JSONSCHEMA_RS,
    OURS,
)
from .fake import THREADS, FakeResult
from .harness import CHECK_JSONSCHEMA, Machine, Plan, Results

__all__ = ["Target", "render_markdown", "render_text", "targets"]

#: Ours at least this many times faster than jsonschema, on every case.
JSONSCHEMA_SPEEDUP = 50.0
#: Ours at least this many times faster than fastjsonschema on the 100-attendee batch.
FASTJSONSCHEMA_SPEEDUP = 10.0
#: Ours takes at most this many times jsonschema-rs's time on the 100-attendee batch.
JSONSCHEMA_RS_SLOWDOWN = 1.0
#: ``import capabilities`` takes at most this share of ``import jsonschema``.
IMPORT_SHARE = 0.25
#: The checker at least this many times faster than check-jsonschema, on each file set.
CHECKER_SPEEDUP = 5.0
#: Peak memory while validating a 100-attendee batch: at most this multiple of the request.
MEMORY_MULTIPLE = 4.0
#: A boto3 create_attendee answered by the offline service: at most this multiple of the
#: same call answered by botocore's Stubber.
FAKE_SLOWDOWN = 1.5


@dataclass(frozen=True)
class Target:
    text: str
    measured: str
    met: bool


def _sig(value: float) -> str:
    """Three significant digits, no exponent."""
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def duration(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{_sig(ns / scale)} {unit}"
    return f"{_sig(ns)} ns"


def times(ratio: float) -> str:
    return f"{_sig(ratio)}x"


def size(count: int) -> str:
    return f"{count / 1024:.1f} KiB" if count >= 1024 else f"{count} B"


def targets(results: Results) -> list[Target]:
    """Every target with this run's number and whether it was met."""
    out = []
    worst = min(results.cases, key=lambda r: r.ratio(JSONSCHEMA))
    out.append(
        Target(
            f"at least {JSONSCHEMA_SPEEDUP:g}x faster than {JSONSCHEMA} on every case",
            f"lowest {times(worst.ratio(JSONSCHEMA))} ({worst.case.title})",
            all(r.ratio(JSONSCHEMA) >= JSONSCHEMA_SPEEDUP for r in results.cases),
        )
    )
    batch = next(r for r in results.cases if r.case is BATCH_CASE)
    out.append(
        Target(
            f"at least {FASTJSONSCHEMA_SPEEDUP:g}x faster than {FASTJSONSCHEMA} "
            f"on {batch.case.title}",
            f"{times(batch.ratio(FASTJSONSCHEMA))} ({duration(batch.times[OURS].median)} vs "
            f"{duration(batch.times[FASTJSONSCHEMA].median)})",
            batch.ratio(FASTJSONSCHEMA) >= FASTJSONSCHEMA_SPEEDUP,
        )
    )
    slowdown = 1 / batch.ratio(JSONSCHEMA_RS)
    out.append(
        Target(
            f"within {JSONSCHEMA_RS_SLOWDOWN:g}x of {JSONSCHEMA_RS} on {batch.case.title}",
            f"ours takes {times(slowdown)} its time ({duration(batch.times[OURS].median)} vs "
            f"{duration(batch.times[JSONSCHEMA_RS].median)})",
            slowdown <= JSONSCHEMA_RS_SLOWDOWN,
        )
    )
    share = results.import_us.median / results.jsonschema_import_us.median
    out.append(
        Target(
            f"`import capabilities` takes at most {IMPORT_SHARE:g} of `import jsonschema`",
            f"{_sig(share)} ({duration(results.import_us.median * 1000)} vs "
            f"{duration(results.jsonschema_import_us.median * 1000)})",
            share <= IMPORT_SHARE,
        )
    )
    for checker in results.checker:
        out.append(
            Target(
                f"checker at least {CHECKER_SPEEDUP:g}x faster than {CHECK_JSONSCHEMA} "
                f"on {checker.files:,} {checker.file_format} profile files",
                f"{times(checker.ratio)} ({_seconds(checker.times[OURS].median)} vs "
                f"{_seconds(checker.times[CHECK_JSONSCHEMA].median)})",
                checker.ratio >= CHECKER_SPEEDUP,
            )
        )
    for result in results.memory:
        used = result.memory
        out.append(
            Target(
                f"checking {result.case.title} allocates at most {MEMORY_MULTIPLE:g}x the request",
                f"{times(used.ratio)} ({size(used.peak_bytes)} for a "
                f"{size(used.request_bytes)} request)",
                used.ratio <= MEMORY_MULTIPLE,
            )
        )
    if results.fake is not None:
        fake = results.fake
        out.append(
            Target(
                f"a boto3 create_attendee answered in-process by the offline service takes at "
                f"most {FAKE_SLOWDOWN:g}x the same call answered by botocore's Stubber",
                f"{times(fake.ratio)} ({duration(fake.fake_ns.median)} vs "
                f"{duration(fake.stubber_ns.median)}; botocore alone at before-send: "
                f"{times(fake.floor_ratio)})",
                fake.ratio <= FAKE_SLOWDOWN,
            )
        )
    return out


def _fake_rows(fake: FakeResult) -> list[list[str]]:
    return [
        ["in-process (`attach`), 1 thread", f"{fake.in_process_rps:,.0f}"],
        ["HTTP (`chime-capabilities serve`), 1 client", f"{fake.http_rps:,.0f}"],
        [f"HTTP (`chime-capabilities serve`), {THREADS} threads", f"{fake.http_threads_rps:,.0f}"],
    ]


def _fake_lines(fake: Optional[FakeResult], table: Callable[..., list[str]]) -> list[str]:
    if fake is None:
        return []
    return [
        f"boto3 create_attendee, median time per call: answered by the offline service "
        f"{duration(fake.fake_ns.median)}, by botocore's Stubber "
        f"{duration(fake.stubber_ns.median)} ({times(fake.ratio)}). The service answers at "
        "botocore's `before-send` event, so botocore serializes the request and parses the "
        "answer as with the real service; the Stubber skips both. A `before-send` handler that "
        f"returns a ready answer, with no service behind it, takes {duration(fake.floor_ns.median)}"
        f" ({times(fake.floor_ratio)} the Stubber's): the floor of any service answering there.",
        "",
        *table(
            ["boto3 create_attendee calls answered", "requests per second"], _fake_rows(fake), "lr"
        ),
    ]


def _seconds(value: float) -> str:
    return duration(value * 1e9)


# --- tables -------------------------------------------------------------------------------


def _text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> list[str]:
    """``align``: one of ``l`` or ``r`` per column."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]
    lines = []
    for index, row in enumerate([headers, *rows]):
        cells = [
            cell.ljust(width) if side == "l" else cell.rjust(width)
            for cell, width, side in zip(row, widths, align)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> list[str]:
    """``align``: one of ``l`` or ``r`` per column."""
    marks = {"l": "---", "r": "---:"}
    return [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(marks[a] for a in align) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _validation_rows(results: Results) -> list[list[str]]:
    rows = []
    for result in results.cases:
        row = [result.case.title, duration(result.times[OURS].median)]
        for name in CONTENDERS[1:]:
            mark = "" if result.full_findings(name) else "*"
            row.append(f"{duration(result.times[name].median)} ({times(result.ratio(name))}){mark}")
        rows.append(row)
    return rows


def _checker_rows(results: Results) -> list[list[str]]:
    return [
        [
            f"{c.files:,} {c.file_format} files",
            _seconds(c.times[OURS].median),
            _seconds(c.times[CHECK_JSONSCHEMA].median),
            times(c.ratio),
        ]
        for c in results.checker
    ]


def _memory_rows(results: Results) -> list[list[str]]:
    return [
        [
            m.case.title,
            size(m.memory.request_bytes),
            size(m.memory.peak_bytes),
            times(m.memory.ratio),
        ]
        for m in results.memory
    ]


def _target_rows(results: Results) -> list[list[str]]:
    return [[t.text, t.measured, "yes" if t.met else "**no**"] for t in targets(results)]


def _agreement_lines(results: Results) -> list[str]:
    lines = []
    for result in results.cases:
        verdict = "valid" if result.case.valid else "invalid"
        line = f"  {result.case.title}: all {len(CONTENDERS)} say {verdict}"
        if not result.case.valid:
            counts = ", ".join(
                f"{name} {result.errors[name]}"
                + (" (stops at the first)" if name in FIRST_ERROR_ONLY else "")
                for name in CONTENDERS
            )
            line += f"; errors reported: {counts}"
        lines.append(line)
    files = ", ".join(f"{c.files} {c.file_format}" for c in results.checker)
    lines.append(f"  checker, profile files ({files}): both commands exit 0")
    return lines


def _load_text(machine: Machine) -> str:
    parts = []
    if machine.load is not None:
        parts.append(f"load average {machine.load:.2f} at the start")
    if machine.others is not None:
        parts.append(f"other processes used {machine.others:.2f} cores during the run")
    return "".join(", " + part for part in parts)


def _machine_lines(results: Results) -> list[str]:
    m = results.machine
    packages = ", ".join(f"{name} {version}" for name, version in m.packages.items())
    load = _load_text(m)
    lines = [
        f"date: {m.date}",
        f"machine: {m.cpu}, {m.cores} cores, {m.system}{load}",
        f"python: {m.python}",
        f"packages: {packages}",
    ]
    if m.revision:
        lines.append(f"source: commit {m.revision}")
    return lines


def render_text(results: Results) -> str:
    """The run as printed to stdout."""
    kind = "quick run (smoke test: the numbers mean nothing)" if results.quick else "full run"
    plan = Plan.quick() if results.quick else Plan.full()
    lines = [f"chime-capabilities benchmark, {kind}", *_machine_lines(results), ""]
    lines += ["Agreement on valid/invalid (checked before timing):", *_agreement_lines(results), ""]
    lines.append(
        f"Validation, median time per call over {plan.passes * plan.samples} samples "
        "(in parentheses: that validator's time / ours; above 1, ours is faster):"
    )
    lines += _text_table(["case", *CONTENDERS], _validation_rows(results), "lrrrr")
    lines.append("  * fastjsonschema stops at the first error; the others build every finding")
    if not results.quick:
        spreads = [r.times[name].spread for r in results.cases for name in CONTENDERS]
        lines.append(
            f"  spread of the samples (interquartile range / median): {min(spreads):.0%} "
            f"to {max(spreads):.0%}"
        )
    lines += [
        "",
        f"import capabilities: {duration(results.import_us.median * 1000)}, import jsonschema: "
        f"{duration(results.jsonschema_import_us.median * 1000)} "
        f"(median of {len(results.import_us.samples)} runs each of python -X importtime)",
        "",
        f"Command-line checker, wall time of one process over all files, median of "
        f"{plan.checker_runs} run(s):",
    ]
    lines += _text_table(
        ["files", "chime-capabilities check", CHECK_JSONSCHEMA, "check-jsonschema / ours"],
        _checker_rows(results),
        "lrrr",
    )
    lines += ["", "Memory (tracemalloc), request as built from JSON vs peak during the check:"]
    lines += _text_table(
        ["case", "request", "peak", "peak / request"], _memory_rows(results), "lrrr"
    )
    if results.fake is not None:
        lines += ["", "The offline service (capabilities.fake):"]
        lines += _fake_lines(results.fake, _text_table)
    lines += ["", "Targets:"]
    lines += _text_table(
        ["target", "this run", "met"],
        [[t.text, t.measured, "yes" if t.met else "NO"] for t in targets(results)],
        "lll",
    )
    return "\n".join(lines) + "\n"


# --- docs/performance.md ------------------------------------------------------------------

_HEADER = """\
<!-- Written by `python bench/run.py --write`; edit bench/render.py, not this file. -->

# Performance

`python bench/run.py` times chime-capabilities against the JSON Schema validators a user would
pick instead, on the same inputs, with the project's own generated schemas
([json-schema.md](json-schema.md)):
[jsonschema](https://python-jsonschema.readthedocs.io/) (`Draft202012Validator`),
[fastjsonschema](https://horejsek.github.io/python-fastjsonschema/) (compiled to Python) and
[jsonschema-rs](https://github.com/Stranger6667/jsonschema) (Rust). It also times
`import capabilities`, the command-line checker against
[check-jsonschema](https://check-jsonschema.readthedocs.io/), and the memory a check takes.

```sh
pip install -e '.[bench]'
python bench/run.py           # a minute or two; prints the tables below
python bench/run.py --write   # the same, and rewrites this file
python bench/run.py --quick   # everything once: shows the bench works, measures nothing
```

The test suite runs `--quick` (`tests/test_bench.py`) so that the bench keeps working; no test
asserts a time.
"""


def _method(plan: Plan) -> list[str]:
    return [
        "## How it is measured",
        "",
        "- **Agreement first.** Before anything is timed, each input goes through all four "
        "validators, and each must give the verdict the input is built to have (valid or "
        "invalid); a disagreement stops the bench with a message. Faster must not mean less "
        "checked. The checker comparison likewise requires both commands to exit 0 on the "
        "generated files, which are all valid.",
        "- **The same inputs.** Requests are passed to `capabilities.validate(operation, "
        "params)` without `meeting_features`, as the schemas of attendee requests cannot hold "
        "them (rules CHM-E301/CHM-E302 are unchecked on both sides; CreateMeetingWithAttendees and "
        "profiles check them against their own MeetingFeatures on both sides). The profile is "
        "checked with `capabilities.profiles.check_profiles`, which also checks its "
        "transitions, against `meeting-profile.schema.json`. Inputs come from a fixed seed "
        "(`bench/cases.py`).",
        "- **Each validator at its cheapest for the same information.** Ours always returns a "
        "report with every finding. On a valid input the schema validators are timed giving "
        "their yes/no (`is_valid`; fastjsonschema's compiled function); on the invalid batch, "
        "giving every error (`list(validator.iter_errors(doc))` for jsonschema and "
        "jsonschema-rs). fastjsonschema stops at the first error by design and is timed as it "
        "is (marked `*`). fastjsonschema implements drafts 4 to 7 and 2019-09 keywords; it "
        "reads these 2020-12 documents with its 2019-09 generator, which means the same for "
        "the keywords they use (the agreement check confirms it on every input).",
        "- **Timing.** `time.perf_counter_ns`; each validator is warmed up for "
        f"{plan.warmup_ns // 1_000_000} ms, then timed in samples of enough back-to-back calls "
        f"to last about {plan.sample_ns // 1_000_000} ms: {plan.samples} samples of each "
        f"validator in each of {plan.passes} passes over all the cases, "
        f"{plan.passes * plan.samples} in all. Within a pass the four take turns sample by "
        "sample, in a rotating order, so that a busy moment of the machine hits them alike; "
        "the passes spread a case's samples over the run, so that a burst of other work "
        "cannot move its median. The figure is the median of the samples' time per call. The "
        "garbage collector stays on, as in a real program, and runs once before each pass of "
        "a case.",
        f'- **`import capabilities`**: `python -X importtime -c "import capabilities"` in a '
        f"new process, {plan.import_runs} times after {plan.import_warmup} warm-up runs (the "
        "bytecode cache written, as for an installed package); the median of the cumulative "
        "time of the `capabilities` line. `import jsonschema` the same way, in the same run.",
        f"- **Checker**: {plan.checker_files:,} generated meeting profile files (one or several "
        "profiles each, presets, some `null`, transitions), written once as JSON and once as "
        "YAML to a temporary folder. `python -m capabilities check FILES` and `python -m "
        "check_jsonschema --schemafile schemas/meeting-profile.schema.json FILES` each run as "
        "one process over all the files of a format; wall time of the whole process, "
        f"{plan.checker_runs} runs after {plan.checker_warmup} warm-up run(s), taking turns, "
        "median. Our checker also reports the transitions' warnings, which check-jsonschema "
        "cannot see.",
        "- **Noise.** The numbers depend on the machine and on what else runs on it. The "
        "results record the CPU that other processes used during the run, in cores on average "
        "(the machine's busy time from `/proc/stat` less the bench's own and its "
        "subprocesses'): near 0 means the machine was at rest. Compare runs made on the same "
        "machine, at rest.",
        "- **Memory**: `tracemalloc`. The request's size is what building it from its JSON text "
        "allocates (the request as a program that received it holds it); the check's is the "
        'peak allocated during one call, after a first call has filled any cache. "A small '
        f'multiple" is read as at most {MEMORY_MULTIPLE:g} times.',
        "- **The offline service** (`bench/fake.py`, [fake.md](fake.md)): boto3 clients "
        "without retries. In-process, `create_attendee` with a new ExternalUserId each call "
        "(a new meeting every 250), answered by the service through `attach`, against the same "
        "call answered by a `Stubber` holding the service's own answer, in alternating "
        "samples of 100 calls; the Stubber answers before botocore builds the HTTP request, "
        "the service after (botocore still prepares the request and parses the answer). "
        "Requests per second: the same calls for 3 seconds, answered in-process, and over "
        "HTTP by `chime-capabilities serve` in its own process, from one client and from "
        f"{THREADS} threads with a client each.",
    ]


def render_markdown(results: Results) -> str:
    """The text of ``docs/performance.md`` for a full run."""
    plan = Plan.quick() if results.quick else Plan.full()
    m = results.machine
    packages = ", ".join(f"{name} {version}" for name, version in m.packages.items())
    ran = [
        f"Last run written here: {m.date}, on {m.cpu} ({m.cores} cores, {m.system}"
        + _load_text(m)
        + "), "
        f"{m.python}; {packages}" + (f"; source at commit {m.revision}." if m.revision else "."),
    ]
    lines = [_HEADER, *ran, ""]
    lines += [
        "## Targets",
        "",
        'Each target is checked against the numbers of the run below; "met" is computed by '
        "the bench, not written by hand.",
        "",
        *_md_table(["target", "this run", "met"], _target_rows(results), "llr"),
        "",
        "## Validation",
        "",
        "Median time per call. In parentheses: that validator's time divided by ours; above 1, "
        "chime-capabilities is faster.",
        "",
        *_md_table(["case", *CONTENDERS], _validation_rows(results), "lrrrr"),
        "",
        "\\* fastjsonschema stops at the first error; the others build every finding. Errors "
        "reported for the invalid batch: "
        + ", ".join(
            f"{name} {count}"
            for r in results.cases
            if not r.case.valid
            for name, count in r.errors.items()
        )
        + ".",
        "",
        "## `import capabilities`",
        "",
        f"{duration(results.import_us.median * 1000)}: median cumulative time of the "
        f"`capabilities` line of `python -X importtime`, over {len(results.import_us.samples)} "
        f"runs; `import jsonschema`, measured the same way in the same run: "
        f"{duration(results.jsonschema_import_us.median * 1000)}.",
        "",
        "## Command-line checker",
        "",
        "Wall time of one process over all the files (median); the last column is "
        "check-jsonschema's time divided by ours.",
        "",
        *_md_table(
            ["files", "`chime-capabilities check`", "`check-jsonschema`", "ratio"],
            _checker_rows(results),
            "lrrr",
        ),
        "",
        "## Memory",
        "",
        *_md_table(
            ["case", "request", "peak during the check", "peak / request"],
            _memory_rows(results),
            "lrrr",
        ),
        "",
        *(
            ["## The offline service", "", *_fake_lines(results.fake, _md_table), ""]
            if results.fake is not None
            else []
        ),
        *_method(plan),
    ]
    return _wrap("\n".join(lines)) + "\n"


def _wrap(text: str, width: int = 95) -> str:
    """Long prose lines wrapped (bullets with a hanging indent); tables, headings and code
    blocks as they are."""
    out: list[str] = []
    in_code = False
    for line in text.split("\n"):
        if line.startswith("```"):
            in_code = not in_code
        if in_code or len(line) <= width or line.startswith(("|", "#", "<!--")):
            out.append(line)
            continue
        bullet = line.startswith("- ")
        out += textwrap.wrap(
            line[2:] if bullet else line,
            width,
            initial_indent="- " if bullet else "",
            subsequent_indent="  " if bullet else "",
            break_long_words=False,
            break_on_hyphens=False,
        )
    return "\n".join(out)
