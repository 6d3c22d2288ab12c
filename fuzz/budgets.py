"""Measure the worst case of each kind of hostile file at the default size limit.

    PYTHONPATH=. python fuzz/budgets.py            # every case, every output format
    PYTHONPATH=. python fuzz/budgets.py alias      # the cases whose name contains "alias"

Each case writes one file of at most the default size limit (5 MB) and runs
``python -m capabilities check`` (or ``explain``) on it in a fresh process, once per output
format, recording the wall time, the peak memory (maximum resident set size) and the bytes
written to stdout. docs/security.md states the budgets these must hold (60 s and 2 GB per
file on a 2-core machine) and the results. Not part of the test suite: no timed assertions
live there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from capabilities.cli.loaders import DEFAULT_MAX_FILE_SIZE, MAX_DEPTH  # noqa: E402

LIMIT = DEFAULT_MAX_FILE_SIZE
GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
FORMATS = ("text", "json", "github", "sarif")
BUDGET_SECONDS = 60
BUDGET_BYTES = 2 * 1024**3


def _fill(head: str, item: str, tail: str, separator: str = ",") -> str:
    """``head item,item,... tail`` of at most LIMIT bytes."""
    count = (LIMIT - len(head) - len(tail)) // (len(item) + len(separator))
    return head + separator.join([item] * count) + tail


def all_findings_json() -> tuple[str, str, list[str]]:
    """2.5 million attendees that are not objects: one finding each (the most findings)."""
    text = _fill(f'{{"MeetingId": "{GUID}", "Attendees": [', "0", "]}")
    return "attendees.json", text, ["--operation", "batch-create-attendee"]


def all_findings_yaml() -> tuple[str, str, list[str]]:
    text = _fill(f"MeetingId: {GUID}\nAttendees: [", "0", "]\n")
    return "attendees.yaml", text, ["--operation", "batch-create-attendee"]


def all_findings_toml() -> tuple[str, str, list[str]]:
    text = _fill(f'MeetingId = "{GUID}"\nAttendees = [', "0", "]\n")
    return "attendees.toml", text, ["--operation", "batch-create-attendee"]


def alias_amplification() -> tuple[str, str, list[str]]:
    """A 1 MB preset name aliased into transitions to a preset that does not exist: each
    CHM-E501 once quoted the name in full and listed every preset."""
    name = "x" * (1024 * 1024)
    presets = "".join(f"  p{index}: null\n" for index in range(3_000))
    transitions = "".join("  - {from: p0, to: *n}\n" for _ in range(90_000))
    text = f"description: &n {name}\npresets:\n{presets}transitions:\n{transitions}"
    assert len(text) <= LIMIT
    return "aliases.yaml", text, []


def alias_bomb() -> tuple[str, str, list[str]]:
    """Nine levels of ten aliases each ("billion laughs")."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "bomb.yaml", "\n".join(lines) + "\n", []


def deep_nesting() -> tuple[str, str, list[str]]:
    """Arrays nested to the limit (with the object and the list holding them), repeated to
    fill the file."""
    one = "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)
    return "deep.json", _fill('{"MeetingId": "x", "Attendees": [', one, "]}"), []


def deep_beyond_libyaml() -> tuple[str, str, list[str]]:
    """Nesting that once crashed libyaml's composer, filling the file."""
    return "deep.yaml", "[" * (LIMIT - 1) + "\n", []


def base_sixty() -> tuple[str, str, list[str]]:
    """A YAML 1.1 base-60 integer as long as the file (PyYAML converts it quadratically)."""
    return "sexagesimal.yaml", "MaxResults: 1" + ":59" * ((LIMIT - 20) // 3) + "\n", []


def long_keys() -> tuple[str, str, list[str]]:
    """A long member name over many values: pointers repeat it."""
    key = "k" * 100_000
    return "keys.json", _fill(f'{{"{key}": [', "0", "]}"), []


def explain_many_presets() -> tuple[str, str, list[str]]:
    """As many presets as the file holds, each explained."""
    count = LIMIT // len('"p000000000": null, ') - 1
    names = ", ".join(f'"p{index:09d}": null' for index in range(count))
    return "presets.json", '{"presets": {' + names + "}}", ["explain"]


CASES: dict[str, Callable[[], tuple[str, str, list[str]]]] = {
    "all findings, JSON": all_findings_json,
    "all findings, YAML": all_findings_yaml,
    "all findings, TOML": all_findings_toml,
    "alias amplification, YAML": alias_amplification,
    "alias bomb, YAML": alias_bomb,
    "deep nesting, JSON": deep_nesting,
    "deep nesting beyond libyaml, YAML": deep_beyond_libyaml,
    "base-60 number, YAML": base_sixty,
    "long keys over many values, JSON": long_keys,
    "explain, many presets, JSON": explain_many_presets,
}


def measure(path: Path, args: list[str], fmt: str) -> tuple[float, int, int, int]:
    """(seconds, peak RSS bytes, stdout bytes, exit status) of one fresh process."""
    command = ["explain", "--format", "json" if fmt == "json" else "text"]
    if not args or args[0] != "explain":
        command = ["check", "--no-config", "--format", fmt, *args]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "capabilities", *command, str(path)],
            stdout=out,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        size = out.tell()
    return seconds, usage.ru_maxrss * 1024, size, os.waitstatus_to_exitcode(status)


def main(argv: list[str]) -> int:
    chosen = [name for name in CASES if not argv or any(a in name for a in argv)]
    rows = []
    over = False
    with tempfile.TemporaryDirectory() as folder:
        for name in chosen:
            file_name, text, args = CASES[name]()
            path = Path(folder) / file_name
            path.write_text(text, encoding="utf-8")
            formats = ("text", "json") if args[:1] == ["explain"] else FORMATS
            for fmt in formats:
                seconds, peak, written, status = measure(path, args, fmt)
                over |= seconds > BUDGET_SECONDS or peak > BUDGET_BYTES
                rows.append((name, fmt, len(text.encode()), seconds, peak, written, status))
                print(
                    f"{name:<36} {fmt:<6} {len(text.encode()) / 1e6:5.2f} MB  "
                    f"{seconds:6.1f} s  {peak / 1e9:5.2f} GB  out {written / 1e6:6.2f} MB  "
                    f"exit {status}",
                    flush=True,
                )
    print(json.dumps({"over_budget": over}))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
