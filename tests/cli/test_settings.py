"""Configuration people can trust: precedence, --show-settings, format and meeting-features
in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from .helpers import EXAMPLES, run_process

BROKEN = (
    EXAMPLES / "cli-input" / "batch-create-attendee.yaml"
)  # CHM-E303, CHM-E202, CHM-W206, CHM-E102
PYPROJECT = """\
[tool.chime-capabilities]
ignore = ["CHM-E303"]
format = "github"
meeting-features = "meetings/webinar.yaml#webinar"

[tool.chime-capabilities.operations]
"calls/*.json" = "get-attendee"
"""


def _project(root: Path) -> Path:
    (root / "meetings").mkdir()
    shutil.copyfile(EXAMPLES / "profiles" / "webinar.yaml", root / "meetings" / "webinar.yaml")
    shutil.copyfile(BROKEN, root / BROKEN.name)
    (root / "pyproject.toml").write_text(PYPROJECT)
    work = root / "sub"
    work.mkdir()
    return work


def test_command_line_select_overrides_a_configured_ignore(tmp_path: Path) -> None:
    work = _project(tmp_path)
    configured = run_process("check", f"../{BROKEN.name}", cwd=work)
    assert configured.status == 1
    assert "CHM-E303" not in configured.out  # ignored in pyproject.toml
    assert configured.out.startswith("::error file=")  # format = "github"
    selected = run_process("check", f"../{BROKEN.name}", "--select", "CHM-E303", cwd=work)
    assert "title=CHM-E303::" in selected.out
    assert "CHM-E202" not in selected.out
    both = run_process(
        "check", f"../{BROKEN.name}", "--select", "CHM-E3", "--ignore", "CHM-E303", cwd=work
    )
    assert "CHM-E303" not in both.out  # the command line's own ignore still wins


def test_meeting_features_from_the_configuration(tmp_path: Path) -> None:
    work = _project(tmp_path)
    done = run_process("check", f"../{BROKEN.name}", "--format", "text", cwd=work)
    assert "not checked: CHM-E301, CHM-E302" not in done.out  # the configured meeting was used
    unconfigured = run_process("check", f"../{BROKEN.name}", "--no-config", cwd=work)
    assert "not checked: CHM-E301, CHM-E302" in unconfigured.out


def test_show_settings(tmp_path: Path) -> None:
    work = _project(tmp_path)
    config = tmp_path / "pyproject.toml"
    shown = run_process(
        "check", "--show-settings", "--select", "CHM-E3,CHM-W", "--strict", cwd=work
    )
    assert shown.status == 0
    assert shown.out.splitlines() == [
        f"configuration: {config}",
        'select = ["CHM-E3", "CHM-W"]  # command line',
        "ignore = []  # default",
        "strict = true  # command line",
        "max-file-size = 5242880  # default",
        f'format = "github"  # {config}',
        f'meeting-features = "{tmp_path / "meetings/webinar.yaml#webinar"}"  # {config}',
        "operation = null  # default",
        f'operations = {{"calls/*.json": "GetAttendee"}}  # {config}',
    ]
    bare = run_process("check", "--show-settings", "--no-config", cwd=work)
    assert bare.out.splitlines()[0] == "configuration: none"
    assert 'ignore = ["CHM-E303"]' not in bare.out


def test_a_bad_format_in_the_configuration_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.chime-capabilities]\nformat = "xml"\n')
    done = run_process("check", "--show-settings", cwd=tmp_path)
    assert done.status == 2
    assert "format is one of github, json, sarif, text" in done.err
