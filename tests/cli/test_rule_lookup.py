"""`chime-capabilities rules CODE`: one rule in full, as `ruff rule` shows one."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from capabilities.rules import RULES, as_json

from .helpers import run, run_process


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_in_full(code: str) -> None:
    rule = RULES[code]
    shown = run("rules", code.lower())
    assert shown.status == 0
    lines = shown.out.splitlines()
    assert lines[0] == f"{code}: {rule.summary}"
    assert " ".join(rule.description.split()) in " ".join(shown.out.split())
    own = " (this project's documentation)" if rule.own_format else ""
    assert f"Source:    {rule.source_url}{own}" in lines
    assert lines[-3].startswith(f"Status:    {rule.status} (")
    if rule.exception is not None:
        assert lines[-1] == f"Exception: {rule.exception}"
    elif rule.severity == "error":  # an error of a profile file: no service call raises it
        assert lines[-1] == (
            "Exception: none (an error in a file of this project's format, not a service call)"
        )
    else:
        assert lines[-1] == "Exception: none (not an error)"
    example = rule.example
    assert example is not None
    blocks = shown.out.split("\n\n")
    heading = blocks.index(next(b for b in blocks if b.startswith("Example (")))
    assert " ".join(blocks[heading].split()) == f"Example ({example.subject}):"
    assert blocks[heading + 1] == textwrap.indent(as_json(example.broken, indent=2), "    ")
    if example.fixed is None:
        assert "Fixed:" not in blocks
    else:
        assert blocks[heading + 2 : heading + 4] == [
            "Fixed:",
            textwrap.indent(as_json(example.fixed, indent=2), "    "),
        ]
    listed = json.loads(run("rules", code, "--format", "json").out)
    assert listed["code"] == code
    assert listed["source"] == rule.source_url
    assert listed["example"] == {
        "subject": example.subject,
        "broken": example.broken,
        "fixed": example.fixed,
    }


def test_rule_lookup_through_the_command_line(tmp_path: Path) -> None:
    shown = run_process("rules", "CHM-E303", cwd=tmp_path)
    assert shown.status == 0
    assert shown.out.startswith("CHM-E303: content receive needs video receive\n\n")
    assert "Status:    documented (the documentation says so)\n" in shown.out
    unknown = run_process("rules", "E999", cwd=tmp_path)
    assert unknown.status == 2
    assert "no rule 'E999'; the codes: CHM-E101, " in unknown.err
    listing = run_process("rules", cwd=tmp_path)
    assert len(listing.out.splitlines()) == len(RULES)
