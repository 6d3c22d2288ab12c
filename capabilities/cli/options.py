"""The plain objects the command line is parsed into, one per command."""

from __future__ import annotations

from typing import NamedTuple, Optional, Union

__all__ = [
    "CheckOptions",
    "ExplainOptions",
    "Options",
    "RulesOptions",
    "ServeOptions",
    "UsageError",
]


class UsageError(ValueError):
    """Bad options or an unusable --meeting-features file (exit status 2)."""


class CheckOptions(NamedTuple):
    """``chime-capabilities check``. None means "not given": the configuration decides."""

    files: tuple[str, ...]
    kind: str = "auto"
    operation: Optional[str] = None
    meeting_features: Optional[str] = None
    #: The attendee's current capabilities, for capability updates.
    previous: Optional[str] = None
    output_format: Optional[str] = None
    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    strict: Optional[bool] = None
    max_file_size: Optional[int] = None
    use_config: bool = True
    #: Write the suggested fixes back into the files.
    fix: bool = False
    #: Print the fixes as a unified diff; write nothing.
    diff: bool = False
    #: Path patterns left out of the files and folders given.
    exclude: tuple[str, ...] = ()
    #: The name of standard input (``-``), for positions and format detection.
    stdin_filename: Optional[str] = None
    #: Only the findings: no notes, no summary.
    quiet: bool = False
    #: Print the settings in effect and check nothing.
    show_settings: bool = False


class ExplainOptions(NamedTuple):
    """``chime-capabilities explain``."""

    files: tuple[str, ...]
    output_format: str = "text"
    max_file_size: Optional[int] = None


class RulesOptions(NamedTuple):
    """``chime-capabilities rules [CODE]``."""

    output_format: str = "text"
    #: One rule to show in full; None lists the catalog.
    code: Optional[str] = None


class ServeOptions(NamedTuple):
    """``chime-capabilities serve``: the offline service over HTTP."""

    host: str = "127.0.0.1"
    port: int = 0
    allow_remote: bool = False
    seed: Optional[int] = None


Options = Union[CheckOptions, ExplainOptions, RulesOptions, ServeOptions]
