"""The ``chime-capabilities`` command line (``python -m capabilities``).

Not imported by ``import capabilities``: it reads YAML and TOML, which the core never needs.
"""

from __future__ import annotations

from .execute import execute
from .main import main, parse_args
from .options import CheckOptions, ExplainOptions, RulesOptions

__all__ = ["CheckOptions", "ExplainOptions", "RulesOptions", "execute", "main", "parse_args"]
