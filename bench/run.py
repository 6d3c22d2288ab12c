"""``python bench/run.py [--quick] [--write]``: the benchmark (see ``docs/performance.md``)."""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script: import `bench` and `capabilities` from this source tree.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.command import main

if __name__ == "__main__":
    sys.exit(main())
