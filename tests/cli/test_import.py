"""YAML and TOML readers are loaded by the command line only, never by `import capabilities`."""

from __future__ import annotations

import json
import subprocess
import sys

from .helpers import ROOT

_PROBE = (
    "import sys, json, {module}; "
    "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
    "('yaml', 'tomllib', 'tomli', '_yaml') or m.startswith('capabilities.cli') "
    "or m == 'capabilities.profiles')))"
)


def _loaded(module: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded


def test_import_capabilities_loads_no_reader() -> None:
    assert _loaded("capabilities") == []


def test_the_cli_loads_readers_only_when_a_file_needs_them() -> None:
    loaded = _loaded("capabilities.cli")
    assert not any(m.split(".")[0] in ("yaml", "tomllib", "tomli") for m in loaded)
    assert "capabilities.cli" in loaded
