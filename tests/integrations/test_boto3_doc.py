"""docs/boto3.md: the complete example runs and prints what the page shows; the typed
snippet passes mypy --strict."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from .test_typed_usage import run_mypy

DOC = Path(__file__).resolve().parents[2] / "docs" / "boto3.md"
MARKER = "<!-- the test suite runs this block and compares its output with the next one -->"


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_the_complete_example_prints_what_the_page_shows() -> None:
    text = DOC.read_text(encoding="utf-8")
    after = text.split(MARKER, 1)[1]
    (code, *_), (expected, *_) = blocks(after, "python"), blocks(after, "text")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(DOC), "exec"), {"__name__": "boto3_doc_example"})
    assert out.getvalue() == expected


def test_the_typed_snippet_passes_mypy_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (snippet,) = [b for b in blocks(DOC.read_text("utf-8"), "python") if "ChimeSDKMeetings" in b]
    target = tmp_path / "snippet.py"
    target.write_text(snippet, encoding="utf-8")
    assert run_mypy(tmp_path, monkeypatch, target) == []
