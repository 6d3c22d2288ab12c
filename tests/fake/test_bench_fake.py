"""The offline service's part of the benchmark: its target and its section of
docs/performance.md follow the numbers (fabricated here: no test asserts a time)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bench.fake import FakeResult
from bench.measure import Series
from bench.render import FAKE_SLOWDOWN, render_markdown, render_text, targets

from ..test_bench import _results as fabricated


def with_fake(ratio: float) -> FakeResult:
    return FakeResult(
        fake_ns=Series((1000.0 * ratio,) * 3),
        stubber_ns=Series((1000.0,) * 3),
        floor_ns=Series((1900.0,) * 3),
        in_process_rps=3000.0,
        http_rps=800.0,
        http_threads_rps=1200.0,
    )


@pytest.mark.parametrize(
    ("ratio", "met"),
    [(FAKE_SLOWDOWN - 0.01, True), (FAKE_SLOWDOWN, True), (FAKE_SLOWDOWN + 0.01, False)],
)
def test_the_target_follows_the_ratio(ratio: float, met: bool) -> None:
    results = replace(fabricated(), fake=with_fake(ratio))
    fake_targets = [t for t in targets(results) if "Stubber" in t.text]
    assert [t.met for t in fake_targets] == [met]


def test_the_section_shows_the_numbers() -> None:
    results = replace(fabricated(), fake=with_fake(2.0))
    markdown = render_markdown(results)
    assert "## The offline service" in markdown
    assert "| HTTP (`chime-capabilities serve`), 8 threads | 1,200 |" in markdown
    assert "offline service 2.00 µs, by\nbotocore's Stubber 1.00 µs (2.00x)" in markdown
    assert "1,200" in render_text(results)
    # the floor: botocore alone at before-send, with no service behind it
    assert "takes 1.90 µs (1.90x the Stubber's)" in " ".join(markdown.split())
    assert "## The offline service" not in render_markdown(replace(fabricated(), fake=None))
