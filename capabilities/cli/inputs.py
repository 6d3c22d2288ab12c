"""The files a command line names: ``-`` (standard input), files, and folders walked.

A folder is walked for the file kinds the checker reads (JSON, YAML, TOML), leaving out what
``--exclude`` names and, inside a git work tree, what git ignores (``.gitignore``).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import BinaryIO, NamedTuple

from .loaders import DEFAULT_MAX_FILE_SIZE, LoadError

__all__ = ["STDIN", "Input", "expand", "read_stdin"]

STDIN = "-"
EXTENSIONS = (".json", ".yaml", ".yml", ".toml")
#: Folders never walked into.
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__"})


class Input(NamedTuple):
    """One file to check: its path (``-`` for standard input), and whether it was found by
    walking a folder (then a file that is not a profile or an input file is skipped)."""

    path: str
    walked: bool = False


def expand(paths: Sequence[str], exclude: Sequence[str], cwd: Path) -> list[Input]:
    """The files named, with each folder replaced by the files found in it (sorted)."""
    out: list[Input] = []
    for path in paths:
        if path != STDIN and os.path.isdir(os.path.join(cwd, path)):
            found = _git_files(cwd, path)
            if found is None:
                found = _walk(cwd, path)
            out += [
                Input(name, walked=True)
                for name in sorted(found)
                if name.endswith(EXTENSIONS) and not excluded(name, exclude)
            ]
        elif not excluded(path, exclude) or path == STDIN:
            out.append(Input(path))
    return out


def excluded(path: str, patterns: Iterable[str]) -> bool:
    """Whether a pattern matches the path or one of its parts (``build``, ``*.gen.json``,
    ``tests/data/*``)."""
    parts = PurePath(path).parts if patterns else ()
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(path, pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts):
            return True
        if fnmatch.fnmatch(path, pattern + "/*"):
            return True
    return False


def _walk(cwd: Path, folder: str) -> list[str]:
    found = []
    for root, folders, files in os.walk(cwd / folder):
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS)
        relative = os.path.relpath(root, cwd)
        found += [os.path.normpath(os.path.join(relative, name)) for name in files]
    return found


def _git_files(cwd: Path, folder: str) -> list[str] | None:
    """The files of ``folder`` git tracks or would track (not ignored); None outside a git
    work tree (or without git)."""
    import subprocess  # only for folders: not on the path of a check of files

    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", folder],
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [
        os.path.normpath(name)
        for name in names
        if name and (cwd / name).is_file() and not set(PurePath(name).parts) & SKIPPED_FOLDERS
    ]


def read_stdin(stream: BinaryIO, *, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """Standard input, refused when larger than ``max_size``."""
    raw = stream.read(max_size + 1)
    if len(raw) > max_size:
        raise LoadError(f"input is larger than the limit of {max_size} bytes (--max-file-size)")
    return raw
