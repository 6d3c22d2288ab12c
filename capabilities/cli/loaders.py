"""Read a checked file and parse it into data plus the source position of every value.

Each format has its own module (``_json``, ``_yaml``, ``_toml``), imported only when a file
of that format is read. Each returns a :class:`Document`: the data, a JSON Pointer ->
(line, column) map of every value (and of every member's key), and the findings that belong
to the file itself rather than to the request (duplicate keys, CHM-E502; NaN in JSON, CHM-E101).

Reading refuses what cannot be a configuration file with a :class:`LoadError` whose message
is one line, names no value of the file and never quotes its source.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..report import escape_token
from ._document import (
    MAX_DEPTH,
    Document,
    LineIndex,
    LoadError,
    OffsetPositions,
    PointerBudget,
    Position,
    forget,
    located,
    nesting,
)

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "FORMATS",
    "MAX_DEPTH",
    "UTF8_BOM",
    "Document",
    "LineIndex",
    "LoadError",
    "OffsetPositions",
    "PointerBudget",
    "Position",
    "detect_format",
    "escape_token",
    "forget",
    "load_file",
    "located",
    "nesting",
    "parse_text",
    "read_bytes",
    "read_text",
]

#: Files larger than this are refused (``--max-file-size``).
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

FORMATS = ("json", "yaml", "toml")
_CHUNK = 1024 * 1024
_EXTENSIONS = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def read_text(path: str, *, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """The file's text: UTF-8 (a BOM is accepted), not empty, not binary, not too large."""
    return decode(read_bytes(path, max_size=max_size))


def read_bytes(path: str, *, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file that is not too large."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except OSError as error:
        raise LoadError(f"cannot read: {error.strerror or 'error'}") from None
    except ValueError:  # a NUL in the name (possible from Python, not from a command line)
        raise LoadError("cannot read: not a valid file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError("is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError("not a regular file")
    if info.st_size > max_size:
        raise LoadError(f"file is larger than the limit of {max_size} bytes (--max-file-size)")
    raw = bytearray()
    try:
        with open(path, "rb") as stream:
            # In pieces, into one buffer: read(max_size + 1) would allocate the whole limit
            # up front, and joining pieces would hold the file twice. The file may also have
            # grown since it was measured.
            while len(raw) <= max_size:
                chunk = stream.read(min(_CHUNK, max_size + 1 - len(raw)))
                if not chunk:
                    break
                raw += chunk
    except OSError as error:
        raise LoadError(f"cannot read: {error.strerror or 'error'}") from None
    if len(raw) > max_size:
        raise LoadError(f"file is larger than the limit of {max_size} bytes (--max-file-size)")
    return bytes(raw)


def decode(raw: bytes | bytearray) -> str:
    """UTF-8 text of ``raw``; refuses other encodings, binary data and empty files."""
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            raise LoadError(f"file is {name}-encoded; only UTF-8 is accepted")
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    if b"\x00" in raw:
        raise LoadError("binary file (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8")
        raise LoadError(
            f"not UTF-8: invalid byte 0x{raw[error.start]:02x} at offset {error.start}",
            LineIndex(before).position(len(before)),
        ) from None
    if not text.strip():
        raise LoadError("empty file")
    return text


def detect_format(path: str, text: str) -> str:
    """The format named by the extension, else guessed from the content."""
    by_extension = _EXTENSIONS.get(Path(path).suffix.lower())
    if by_extension is not None:
        return by_extension
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if _looks_like_toml(stripped):
            return "toml"
        if stripped[0] in "{[":
            return "json"
        return "yaml"
    return "yaml"


def _looks_like_toml(line: str) -> bool:
    header = re.fullmatch(r"\[\[?\s*[A-Za-z0-9_\-\"'.][^\[\]]*\]\]?\s*(#.*)?", line)
    if header is not None and not line.startswith(('["', "['")) and "," not in line:
        return True
    return re.match(r"[A-Za-z0-9_\-]+(\s*\.\s*[A-Za-z0-9_\-]+)*\s*=", line) is not None


def parse_text(text: str, fmt: str) -> Document:
    """Parse ``text`` of format ``fmt`` ("json", "yaml" or "toml")."""
    try:
        if fmt == "json":
            from ._json import load_json as load
        elif fmt == "yaml":
            from ._yaml import load_yaml as load
        elif fmt == "toml":
            from ._toml import load_toml as load
        else:
            raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
        document = load(text)
    except RecursionError:
        raise LoadError(f"containers are nested too deeply (limit {MAX_DEPTH})") from None
    return document._replace(text=text)


def load_file(path: str, *, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Read and parse one file; :class:`LoadError` says why it cannot be."""
    text = read_text(path, max_size=max_size)
    return parse_text(text, detect_format(path, text))
