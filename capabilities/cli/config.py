"""``[tool.chime-capabilities]`` in the nearest ``pyproject.toml`` that has it.

Starting from the current directory and going up, the first ``pyproject.toml`` holding a
``[tool.chime-capabilities]`` table is used (files without that table are passed over, as
ruff does). Keys: ``select`` and ``ignore`` (lists of rule codes or prefixes), ``strict``
(boolean), ``max-file-size`` (bytes, or a string such as ``"5MB"``), ``format`` (the output
format), ``meeting-features`` (``FILE[#PROFILE]``, relative to the pyproject.toml), and
``operations``: a table of glob -> operation for AWS CLI input files whose members and name
do not tell (``"meetings/*.json" = "get-meeting"``; the first glob that matches wins). A
command-line option replaces the value of the same key; ``--select`` replaces both ``select``
and ``ignore`` (``--ignore`` still applies), as ruff's command line does.
"""

from __future__ import annotations

import os
import re
import sys
from fnmatch import fnmatchcase
from pathlib import Path, PurePath
from typing import Any, NamedTuple, Optional

from .checker import resolve_operation
from .loaders import DEFAULT_MAX_FILE_SIZE
from .options import UsageError
from .reporters import REPORTERS

__all__ = ["MAX_SIZE_LIMIT", "Config", "find_config", "parse_size"]

_TABLE = "chime-capabilities"
_KEYS = ("select", "ignore", "strict", "max-file-size", "format", "meeting-features", "operations")
_SIZE = re.compile(r"(\d+)\s*(b|kb|k|kib|mb|m|mib)?", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2}
_UNITS["mib"] = 1024**2
#: The largest size limit accepted (a larger one would bound nothing a machine can hold).
MAX_SIZE_LIMIT = 1024**3


class Config(NamedTuple):
    """Settings from pyproject.toml; None where the file does not say."""

    path: Optional[Path] = None
    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    strict: Optional[bool] = None
    max_file_size: Optional[int] = None
    output_format: Optional[str] = None
    #: ``FILE[#PROFILE]``, FILE joined to the pyproject.toml's folder.
    meeting_features: Optional[str] = None
    #: (glob, API name) pairs of ``operations``, in the file's order.
    operations: tuple[tuple[str, str], ...] = ()

    def operation_for(self, path: str, cwd: Path) -> Optional[str]:
        """The operation ``operations`` maps a checked file to, or None. Globs are matched
        against the file's path relative to the pyproject.toml's directory (``*`` also
        crosses ``/``); a glob without ``/`` against the file name too."""
        if not self.operations or self.path is None:
            return None
        where = os.path.relpath(os.path.join(cwd, path), self.path.parent)
        relative = PurePath(path if where.startswith("..") else where).as_posix()
        name = PurePath(path).name
        for glob, operation in self.operations:
            if fnmatchcase(relative, glob) or ("/" not in glob and fnmatchcase(name, glob)):
                return operation
        return None


def parse_size(text: str) -> int:
    """Bytes from "5242880", "5MB", "512k" (units are powers of 1024), at most
    MAX_SIZE_LIMIT."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"not a size: {text[:40]!r} (use bytes, or a number with KB or MB)")
    digits = match.group(1).lstrip("0") or "0"
    too_large = UsageError(f"the size limit is at most {MAX_SIZE_LIMIT // 1024**2}MB")
    if len(digits) > len(str(MAX_SIZE_LIMIT)):  # before converting: 4,300 digits raise
        raise too_large
    size = int(digits) * _UNITS[(match.group(2) or "").lower()]
    if size <= 0:
        raise UsageError("the size limit must be positive")
    if size > MAX_SIZE_LIMIT:
        raise too_large
    return size


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python < 3.11
        import tomli as tomllib
    try:
        with open(path, "rb") as stream:  # bounded: the file may be anything, or growing
            raw = stream.read(DEFAULT_MAX_FILE_SIZE + 1)
    except OSError as error:
        raise UsageError(f"{path}: cannot read the configuration: {error}") from None
    if len(raw) > DEFAULT_MAX_FILE_SIZE:
        raise UsageError(
            f"{path}: cannot read the configuration: larger than {DEFAULT_MAX_FILE_SIZE} bytes"
        )
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the configuration: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nesting
        raise UsageError(f"{path}: cannot read the configuration: nested too deeply") from None
    except ValueError:  # an integer of more digits than Python converts (4300)
        raise UsageError(f"{path}: cannot read the configuration: number too long") from None
    return data


def find_config(start: Path) -> Config:
    """The configuration for a run from ``start`` (the current directory)."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if not candidate.is_file():
            continue
        tool = _load_toml(candidate).get("tool")
        # `tool` that is not a table (`tool = 1`) holds no configuration of ours
        table = tool.get(_TABLE) if isinstance(tool, dict) else None
        if table is not None:
            return _parse(candidate, table)
    return Config()


def _codes(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: [tool.{_TABLE}] {key} is a list of rule codes or prefixes")
    return tuple(value)


def _parse(path: Path, table: Any) -> Config:
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.{_TABLE}] is a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise UsageError(
            f"{path}: unknown key(s) in [tool.{_TABLE}]: {', '.join(unknown)}; "
            f"known: {', '.join(_KEYS)}"
        )
    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise UsageError(f"{path}: [tool.{_TABLE}] strict is true or false")
    size = table.get("max-file-size")
    max_file_size = None
    if isinstance(size, int) and not isinstance(size, bool):
        max_file_size = parse_size(str(size))
    elif isinstance(size, str):
        max_file_size = parse_size(size)
    elif size is not None:
        raise UsageError(f"{path}: [tool.{_TABLE}] max-file-size is bytes or a string like '5MB'")
    operations = table.get("operations", {})
    if not isinstance(operations, dict) or not all(isinstance(v, str) for v in operations.values()):
        raise UsageError(
            f"{path}: [tool.{_TABLE}] operations is a table of glob = operation "
            '(e.g. "meetings/*.json" = "get-meeting")'
        )
    try:
        mapped = tuple((glob, resolve_operation(name)) for glob, name in operations.items())
    except UsageError as error:
        raise UsageError(f"{path}: [tool.{_TABLE}] operations: {error}") from None
    output_format = table.get("format")
    if output_format is not None and output_format not in REPORTERS:
        raise UsageError(f"{path}: [tool.{_TABLE}] format is one of {', '.join(sorted(REPORTERS))}")
    features = table.get("meeting-features")
    if features is not None and not isinstance(features, str):
        raise UsageError(f"{path}: [tool.{_TABLE}] meeting-features is a string: FILE[#PROFILE]")
    if features is not None:  # relative to the pyproject.toml
        features = os.path.join(path.parent, features)
    return Config(
        path=path,
        operations=mapped,
        output_format=output_format,
        meeting_features=features,
        select=_codes(path, "select", table["select"]) if "select" in table else None,
        ignore=_codes(path, "ignore", table["ignore"]) if "ignore" in table else None,
        strict=strict,
        max_file_size=max_file_size,
    )
