"""docs/fake.md: its Python examples run and assert what they say; the package imports
botocore only when it is used."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from capabilities.fake import attach

from .conftest import new_client

ROOT = Path(__file__).resolve().parent.parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "fake.md").read_text("utf-8"), re.S)


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples need none: the requests the service answers are not signed."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")


def test_the_ways_in_example_runs() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(BLOCKS[0], "docs/fake.md", "exec"), namespace)
    assert [e.type for e in namespace["fake"].events] == []  # the attached client's service
    namespace["test_something"]()


def test_the_fixture_example_runs() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(BLOCKS[1], "docs/fake.md", "exec"), namespace)
    client = new_client()
    namespace["test_defaults_when_video_is_off"]((client, attach(client)))


def test_importing_the_fake_imports_no_botocore() -> None:
    probe = (
        "import sys, json, capabilities.fake, capabilities.fake.server; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('botocore', 'boto3', 'jsonschema', 'yaml'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == []
