"""The README's Python example runs and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import capabilities
from capabilities.docs import readme_operations_problems

README = Path(__file__).resolve().parent.parent / "README.md"


def test_python_example() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Use from Python\n\n```python\n(.*?)```", text, re.S)
    assert block is not None
    code = block.group(1)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), pytest.raises(capabilities.CapabilityValidationError):
        exec(compile(code, str(README), "exec"), {})
    claimed = [line.split("# ", 1)[1] for line in code.splitlines() if line.startswith("# ")]
    claimed += [
        line.split("  # ", 1)[1] for line in code.splitlines() if "print(report.fixes)  # " in line
    ]
    assert printed.getvalue().splitlines() == claimed


def test_the_list_of_covered_operations_is_the_rule_data() -> None:
    from capabilities._model import OPERATIONS

    text = README.read_text(encoding="utf-8")
    listed = re.search(r"Covered, every\s+operation of the service: (.*?)\.\n", text, re.S)
    assert listed is not None
    names = [name.strip() for name in listed.group(1).split(",")]
    assert names == list(OPERATIONS)


def test_operation_list_names_every_operation() -> None:
    assert readme_operations_problems(README.read_text(encoding="utf-8")) == []


def test_operation_list_check_sees_a_stale_list() -> None:
    text = README.read_text(encoding="utf-8").replace(" ListTagsForResource.", " Nothing.")
    assert readme_operations_problems(text) == [
        "ListTagsForResource is missing",
        "Nothing is not an operation",
    ]
