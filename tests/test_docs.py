"""The generated documentation is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from capabilities import RULES
from capabilities.docs import DEFAULT_PATH, render_rules


def test_rules_md_is_current() -> None:
    committed = DEFAULT_PATH.read_text(encoding="utf-8")
    assert committed == render_rules(), "docs/rules.md is stale: run python -m capabilities.docs"


def test_every_rule_has_a_section() -> None:
    text = render_rules()
    for code, rule in RULES.items():
        assert f"### {code}\n" in text
        assert rule.source_url in text


def test_check_mode_reports_stale(tmp_path: Path) -> None:
    from capabilities.docs import main

    target = tmp_path / "rules.md"
    assert main(["--check", str(target)]) == 1
    assert main([str(target)]) == 0
    assert main(["--check", str(target)]) == 0
    target.write_text(target.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert main(["--check", str(target)]) == 1


def test_table_cells_read_as_the_documentation_prints_them() -> None:
    # A "|" inside a table cell is escaped once ("\|"), which GitHub renders as "|" even in
    # code; escaped twice it would render as "\|".
    from capabilities import _model as m

    text = render_rules()
    assert "`" + m.EXTERNAL_ID.documented.replace("|", "\\|") + "`" in text
    assert "\\\\|" not in text


def test_help_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from capabilities.docs import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    assert list(tmp_path.iterdir()) == []
