"""The benchmark (bench/) keeps working: a quick run prints every case after the agreement
checks, a disagreement stops it, the inputs are what the case titles say, and the targets are
computed from the numbers.

No test here asserts a time: a quick run measures nothing, and the fabricated numbers below
only test the arithmetic of the targets.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import capabilities
from bench import harness
from bench.cases import BATCH_CASE, CASES, profile_documents
from bench.command import DOC, EXIT_DISAGREEMENT, EXIT_USAGE, main
from bench.contenders import (
    CONTENDERS,
    FASTJSONSCHEMA,
    JSONSCHEMA,
    JSONSCHEMA_RS,
    OURS,
    Contender,
    Disagreement,
    build_contenders,
    check_agreement,
)
from bench.fake import FakeResult
from bench.harness import CHECK_JSONSCHEMA, CaseResult, CheckerResult, Machine, Results
from bench.measure import Memory, Series
from bench.render import render_markdown, targets
from capabilities.profiles import check_profiles
from capabilities.schema import SCHEMA_NAMES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess[str]:
    """``python bench/run.py --quick``, the command as a user types it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _section(text: str, start: str, end: str) -> list[str]:
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if i > first and line.startswith(end))
    return lines[first + 1 : last]


def test_quick_run_checks_agreement_then_prints_every_case(
    quick_run: subprocess.CompletedProcess[str],
) -> None:
    assert quick_run.returncode == 0, quick_run.stderr
    out, err = quick_run.stdout, quick_run.stderr
    assert f"agreement: the {len(CONTENDERS)} validators agree on all {len(CASES)} cases" in err
    agreement = _section(out, "Agreement", "Validation")
    table = _section(out, "Validation", "import capabilities")
    for case in CASES:
        verdict = "valid" if case.valid else "invalid"
        assert sum(f"  {case.title}: all 4 say {verdict}" in line for line in agreement) == 1
        rows = [line for line in table if line.startswith(case.title + "  ")]
        assert len(rows) == 1, case.title
        # ours, then each other validator with its ratio to ours
        assert len(re.findall(r"\d (?:ns|µs|ms|s)\b", rows[0])) == len(CONTENDERS)
        assert len(re.findall(r"\(\d[\d.]*x\)", rows[0])) == len(CONTENDERS) - 1
    assert "checker, profile files (10 JSON, 10 YAML): both commands exit 0" in out
    assert re.search(r"^import capabilities: \d", out, re.MULTILINE)
    checker = _section(out, "Command-line checker", "Memory")
    assert [line.split("  ")[0] for line in checker[2:] if line] == [
        "10 JSON files",
        "10 YAML files",
    ]
    memory = _section(out, "Memory", "Targets")
    for case in (BATCH_CASE, CASES[2]):
        assert sum(line.startswith(case.title + "  ") for line in memory) == 1
    assert "quick run" in out.splitlines()[0]


def test_quick_run_lists_every_target_with_a_computed_verdict(
    quick_run: subprocess.CompletedProcess[str],
) -> None:
    rows = quick_run.stdout.split("\nTargets:\n", 1)[1].splitlines()[2:]
    expected = [t.text.replace("1,000", "10") for t in targets(_results())]
    assert [row.split("  ")[0] for row in rows] == expected
    assert all(row.rstrip().endswith((" yes", " NO")) for row in rows)


def test_write_needs_a_full_run() -> None:
    before = DOC.stat().st_mtime_ns if DOC.exists() else None
    err = io.StringIO()
    assert main(["--quick", "--write"], stdout=io.StringIO(), stderr=err) == EXIT_USAGE
    assert "--write" in err.getvalue()
    assert (DOC.stat().st_mtime_ns if DOC.exists() else None) == before


# --- agreement --------------------------------------------------------------------------


def _lying(contender: Contender) -> Contender:
    """The contender with the opposite verdict (and an error count to match it)."""
    return replace(
        contender,
        verdict=lambda doc: not contender.verdict(doc),
        errors=lambda doc: 0 if contender.errors(doc) else 1,
    )


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.title)
def test_every_case_agrees_and_a_flipped_verdict_is_a_disagreement(case: Any) -> None:
    contenders = build_contenders(case)
    counts = check_agreement(case, contenders)
    assert list(counts) == list(CONTENDERS)
    assert all((count == 0) is case.valid for count in counts.values())
    for index, contender in enumerate(contenders):
        flipped = list(contenders)
        flipped[index] = _lying(contender)
        with pytest.raises(Disagreement, match=re.escape(f"{contender.name} says")):
            check_agreement(case, flipped)


def test_an_error_count_that_contradicts_the_verdict_is_a_disagreement() -> None:
    case = CASES[0]
    contenders = list(build_contenders(case))
    contenders[3] = replace(contenders[3], errors=lambda doc: 2)
    with pytest.raises(Disagreement, match="jsonschema-rs reports 2 error"):
        check_agreement(case, contenders)


def test_a_disagreement_stops_the_bench_before_anything_is_timed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = build_contenders

    def lying_fastjsonschema(case: Any) -> tuple[Contender, ...]:
        contenders = list(real(case))
        if case is CASES[-1]:
            contenders[2] = _lying(contenders[2])
        return tuple(contenders)

    def no_timing(*args: object, **kwargs: object) -> object:
        raise AssertionError("timed after a disagreement")

    monkeypatch.setattr(harness, "build_contenders", lying_fastjsonschema)
    monkeypatch.setattr(harness, "calibrate", no_timing)
    monkeypatch.setattr(harness, "sample", no_timing)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--quick"], stdout=out, stderr=err) == EXIT_DISAGREEMENT
    assert out.getvalue() == ""
    message = err.getvalue()
    assert "faster must not mean less checked" in message
    assert (
        f"{CASES[-1].title}: the input is built to be valid, but fastjsonschema says invalid"
        in (message)
    )


# --- the inputs -------------------------------------------------------------------------


def test_inputs_are_what_the_titles_say() -> None:
    by_title = {case.title: case.document for case in CASES}
    assert len(by_title["CreateAttendee, 1 attendee"]["ExternalUserId"]) >= 2
    assert len(by_title["BatchCreateAttendee, 100 valid attendees"]["Attendees"]) == 100
    assert len(by_title["CreateMeetingWithAttendees, 20 attendees"]["Attendees"]) == 20
    excluded = by_title["BatchUpdateAttendeeCapabilitiesExcept, 250 excluded ids"]
    ids = [item["AttendeeId"].lower() for item in excluded["ExcludedAttendeeIds"]]
    assert len(set(ids)) == 250
    assert len(by_title["meeting profile file, 2 profiles"]["profiles"]) == 2
    assert {case.schema for case in CASES} <= {name.split(".")[0] for name in SCHEMA_NAMES}


def test_every_attendee_of_the_invalid_batch_is_invalid() -> None:
    case = CASES[2]
    assert not case.valid
    report = capabilities.validate("BatchCreateAttendee", case.document)
    assert {f.location[:2] for f in report.errors} == {("Attendees", i) for i in range(100)}
    assert not any(f.code == "CHM-E105" for f in report.findings)  # the list itself is fine
    assert len({f.code for f in report.errors}) == 7  # seven kinds of problem


def test_generated_profile_files_are_valid_and_varied() -> None:
    documents = profile_documents(60)
    assert all(check_profiles(doc).ok for doc in documents)
    assert any("profiles" in doc for doc in documents)
    assert any("presets" in doc for doc in documents)
    assert profile_documents(60) == documents  # the same files on every run


# --- fastjsonschema's copy of a schema ----------------------------------------------------


def _patterns(node: Any) -> list[str]:
    """Every ``pattern`` of a schema."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.append(value)
            else:
                found += _patterns(value)
    elif isinstance(node, list):
        for value in node:
            found += _patterns(value)
    return found


PATTERNS = sorted({p for name in SCHEMA_NAMES for p in _patterns(capabilities.json_schema(name))})


def test_fastjsonschema_compiles_every_generated_schema() -> None:
    # it rewrites each bare `$` of a pattern as `\Z`, even inside a character class
    import fastjsonschema

    for name in SCHEMA_NAMES:
        fastjsonschema.compile(capabilities.json_schema(name))


# --- targets ------------------------------------------------------------------------------


def _series(value: float) -> Series:
    return Series((value, value, value))


def _results(
    *,
    jsonschema: float = 60.0,
    fastjsonschema: float = 10.0,
    jsonschema_rs: float = 1.0,
    first_error: float = 0.01,
    import_ms: float = 20.0,
    jsonschema_import_ms: float = 80.0,
    checker: float = 6.0,
    memory: float = 2.0,
) -> Results:
    """Fabricated results: ours takes 1 µs everywhere; the others the given multiples."""
    cases = []
    for case in CASES:
        fast = fastjsonschema if case.valid else first_error
        times = {
            OURS: _series(1000.0),
            JSONSCHEMA: _series(1000.0 * jsonschema),
            FASTJSONSCHEMA: _series(1000.0 * fast),
            JSONSCHEMA_RS: _series(1000.0 * jsonschema_rs),
        }
        errors = dict.fromkeys(CONTENDERS, 0 if case.valid else 3)
        cases.append(CaseResult(case, times, errors))
    checkers = tuple(
        CheckerResult(fmt, 1000, {OURS: _series(1.0), CHECK_JSONSCHEMA: _series(checker)})
        for fmt in ("JSON", "YAML")
    )
    machine = Machine("CPU", 2, "CPython 3.x", "Linux", {}, "2026-01-01", None, None, None)
    memories = tuple(
        harness.MemoryResult(case, Memory(1000, int(1000 * memory)))
        for case in (BATCH_CASE, CASES[2])
    )
    fake = FakeResult(_series(1200.0), _series(1000.0), _series(1100.0), 3000.0, 800.0, 1200.0)
    return Results(
        False,
        machine,
        tuple(cases),
        _series(import_ms * 1000),
        _series(jsonschema_import_ms * 1000),
        checkers,
        memories,
        fake,
    )


def _met(results: Results) -> list[bool]:
    return [t.met for t in targets(results)]


def test_targets_are_computed_from_the_numbers() -> None:
    # jsonschema, fastjsonschema on the batch, jsonschema-rs on the batch, import, checker JSON
    # and YAML, memory x2, the offline service against the Stubber
    assert _met(_results()) == [True] * 9
    assert _met(_results(jsonschema=50.0))[0] is True
    assert _met(_results(jsonschema=49.9))[0] is False
    assert _met(_results(fastjsonschema=10.0))[1] is True
    assert _met(_results(fastjsonschema=9.9))[1] is False
    # fastjsonschema's first-error time on the invalid batch does not count
    assert _met(_results(first_error=0.001))[1] is True
    assert _met(_results(jsonschema_rs=1.0))[2] is True
    assert _met(_results(jsonschema_rs=0.99))[2] is False
    assert _met(_results(import_ms=20.0, jsonschema_import_ms=80.0))[3] is True
    assert _met(_results(import_ms=20.1, jsonschema_import_ms=80.0))[3] is False
    assert _met(_results(checker=4.9))[4:6] == [False, False]
    assert _met(_results(memory=4.1))[6:8] == [False, False]


def test_the_doc_shows_the_computed_verdicts() -> None:
    text = render_markdown(_results(jsonschema=49.9))
    rows = [line for line in text.splitlines() if line.startswith("| at least 50x")]
    assert len(rows) == 1
    assert rows[0].endswith("| **no** |")
    assert "49.9x" in rows[0]


def test_committed_doc_has_every_case_and_target() -> None:
    """docs/performance.md is written by a full run; it must hold what the bench measures now
    (the numbers are whatever that run measured)."""
    text = DOC.read_text(encoding="utf-8")
    assert text.startswith("<!-- Written by `python bench/run.py --write`")
    for case in CASES:
        assert f"| {case.title} |" in text
    for target in targets(_results()):
        assert f"| {target.text} |" in text
