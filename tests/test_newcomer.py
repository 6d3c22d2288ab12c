"""A contributor adds an enum member and an operation by editing ``_model.py`` alone: in a copy
of the package, the engine, the schemas and the docs follow once regenerated,
and the hand-written files that restate the data (the TypedDicts, the README's operation list)
are reported as stale by their checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

_ENUM = 'MEETING_FEATURE_STATUS: tuple[str, ...] = ("AVAILABLE", "UNAVAILABLE")'
_OPERATIONS = "\n)\n\n#: Covered operations by API name."
_OPERATION = """
    Operation(
        "ThrowawayOperation",
        "throwaway_operation",
        _request(
            "ThrowawayOperation",
            {
                "MeetingId": GUID_STRING,
                "Status": String("MeetingFeatureStatus", enum=MEETING_FEATURE_STATUS),
            },
            ("MeetingId", "Status"),
        ),
    ),"""

#: Run in the copy: what the engine and the README check say.
_PROBE = """
import json, sys
from pathlib import Path
import capabilities
from capabilities import validate
from capabilities.docs import readme_operations_problems
guid = "11111111-2222-3333-4444-555555555555"
refused = validate("ThrowawayOperation", {"MeetingId": guid, "Status": "x"})
print(json.dumps({
    "file": capabilities.__file__,
    "valid": validate("throwaway-operation", {"MeetingId": guid, "Status": "THROWAWAY"}).ok,
    "refused": [(f.code, f.message) for f in refused.findings],
    "echo": validate("CreateMeeting", {"MediaRegion": "us-east-1", "ExternalMeetingId": "ab",
        "MeetingFeatures": {"Audio": {"EchoReduction": "THROWAWAY"}}}).ok,
    "readme": readme_operations_problems(Path(sys.argv[1]).read_text(encoding="utf-8")),
}))
"""


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the throwaway member and operation added to the rule data."""
    root = tmp_path_factory.mktemp("newcomer")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("capabilities", "schemas", "docs", "tests"):
        shutil.copytree(ROOT / name, root / name, ignore=ignore)
    shutil.copy(ROOT / "README.md", root / "README.md")
    model = root / "capabilities" / "_model.py"
    text = model.read_text(encoding="utf-8")
    assert _ENUM in text
    assert text.count(_OPERATIONS) == 1
    text = text.replace(_ENUM, _ENUM[:-1] + ', "THROWAWAY")')
    text = text.replace(_OPERATIONS, _OPERATION + _OPERATIONS)
    model.write_text(text, encoding="utf-8")
    return root


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy)}
    return subprocess.run(
        [sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, check=False
    )


def test_generated_files_follow(copy: Path) -> None:
    assert _run(copy, "-m", "capabilities.schema", "--check").returncode == 1
    assert _run(copy, "-m", "capabilities.docs", "--check", "docs/rules.md").returncode == 1
    assert _run(copy, "-m", "capabilities.schema").returncode == 0
    assert _run(copy, "-m", "capabilities.docs", "docs/rules.md").returncode == 0
    rules = (copy / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "### ThrowawayOperation (`throwaway_operation`)" in rules
    assert "`THROWAWAY`" in rules
    schemas = copy / "schemas"
    request = json.loads((schemas / "ThrowawayOperation.request.schema.json").read_text("utf-8"))
    assert request["required"] == ["MeetingId", "Status"]
    assert "THROWAWAY" in json.dumps(request)
    assert "THROWAWAY" in (schemas / "MeetingFeatures.schema.json").read_text("utf-8")


def test_engine_follows_and_readme_is_checked(copy: Path) -> None:
    ran = _run(copy, "-c", _PROBE, str(copy / "README.md"))
    assert ran.returncode == 0, ran.stderr
    said = json.loads(ran.stdout)
    assert Path(said["file"]).is_relative_to(copy)
    assert said["valid"]
    assert said["echo"]
    [(code, message)] = said["refused"]
    assert code == "CHM-E107"
    assert "THROWAWAY" in message
    assert said["readme"] == ["ThrowawayOperation is missing"]


def test_typed_dicts_are_checked(copy: Path) -> None:
    ran = _run(
        copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/integrations/test_types.py"
    )
    assert ran.returncode == 1
    assert "ThrowawayOperationRequest" in ran.stdout
    assert "THROWAWAY" in ran.stdout
