"""Output formats: a name -> class registry; each reporter writes every result to a stream.

No reporter prints a value of a checked file or a line of its source: findings carry the
engine's messages, which never show sensitive values, and locations are line, column and
JSON Pointer.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, Optional, TextIO
from urllib.parse import quote

from .. import __version__
from ..report import Finding
from ..rules import RULES, Rule
from .checker import MAX_FINDINGS_SHOWN, FileResult, summarize
from .loaders import Position, located

__all__ = [
    "MAX_FINDINGS_SHOWN",
    "MAX_TEXT",
    "REPORTERS",
    "GithubReporter",
    "JsonReporter",
    "Reporter",
    "SarifReporter",
    "TextReporter",
]

TOOL = "chime-capabilities"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The version of the ``--format json`` document; raised on any incompatible change.
JSON_FORMAT_VERSION = 1


#: Characters of a finding's message and of its JSON Pointer, at most ("..." ends a cut one).
MAX_TEXT = 500


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 3] + "..."


class Shown(NamedTuple):
    """A finding as reported: its message and pointer cut to MAX_TEXT characters."""

    finding: Finding
    position: Position
    message: str
    pointer: str


def shown(result: FileResult) -> list[Shown]:
    """The findings of ``result`` to report (the first MAX_FINDINGS_SHOWN), cut."""
    return [
        Shown(item.finding, item.position, _clip(item.finding.message), _clip(item.finding.path))
        for item in result.findings
    ]


def omitted(result: FileResult) -> str:
    """The line that says how many findings were not reported, or ""."""
    more = result.omitted
    if more <= 0:
        return ""
    return (
        f"{more:,} more finding(s) not shown: output is limited to {MAX_FINDINGS_SHOWN:,} "
        "findings per file"
    )


#: What a CI runner takes for a command: GitHub Actions runs a line that starts with "::"
#: (after blanks) and, in its older syntax, "##[" anywhere in a line.
_COMMAND = re.compile(r"^\s*:(?=:)|##\[")
_ESCAPED = {":": "\\u003a", "[": "\\u005b"}


def printable(text: str) -> str:
    """``text`` on one line: control, format and separator characters and lone surrogates
    become escapes, so a key or file name cannot break a line or forge an annotation, and
    neither a leading "::" nor "##[" is left for a CI runner to execute."""
    if text.isprintable() and "::" not in text and "##[" not in text:  # the common case
        return text
    text = _COMMAND.sub(lambda match: match.group()[:-1] + _ESCAPED[match.group()[-1]], text)
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def dump_json(document: object, stream: TextIO) -> None:
    """``document`` as indented JSON, with "##[" written "##\\u005b" (the same string)."""
    stream.write(json.dumps(document, indent=2).replace("##[", "##\\u005b") + "\n")


def _fix_text(fix: Mapping[str, object]) -> str:
    return ", ".join(f"{path} = {json.dumps(value)}" for path, value in fix.items())


#: ANSI colour of each severity: red, yellow, cyan (bold).
_COLORS = {"error": "1;31", "warning": "1;33", "info": "1;36"}


class Reporter:
    """Writes the results of one run to ``stream``."""

    name: ClassVar[str]
    #: Whether the output is read by programs (a reason is then also written to stderr).
    for_programs: ClassVar[bool] = False

    def __init__(self, stream: TextIO, *, quiet: bool = False, color: bool = False) -> None:
        self.stream = stream
        #: Only the findings (no notes, no summary), where the format allows.
        self.quiet = quiet
        #: ANSI colours, where the format has them (a terminal, NO_COLOR not set).
        self.color = color

    def report(self, results: Sequence[FileResult]) -> None:
        raise NotImplementedError


class TextReporter(Reporter):
    """``path:line:col: severity CODE message (at POINTER; fix: POINTER = VALUE)``."""

    name = "text"

    def report(self, results: Sequence[FileResult]) -> None:
        write = self.stream.write
        for result in results:
            path = printable(result.path)
            for item in shown(result):
                write(self.line(path, item) + "\n")
            if omitted(result) and not self.quiet:
                write(f"{path}: note: {omitted(result)}\n")
            if result.unchecked and not self.quiet:
                for reason in sorted(set(result.unchecked.values())):
                    codes = ", ".join(c for c, r in sorted(result.unchecked.items()) if r == reason)
                    write(f"{path}: note: not checked: {codes}: {reason}\n")
            if result.error is not None:
                where = "".join(f":{number}" for number in result.error_position or ())
                write(f"{path}{where}: {self.paint('error')}: {printable(result.error)}\n")
        if not self.quiet:
            write(self.summary(results) + "\n")

    def paint(self, severity: str, text: Optional[str] = None) -> str:
        """``text`` (default: the severity) in the colour of ``severity``, when colours are on."""
        text = severity if text is None else text
        return f"\x1b[{_COLORS[severity]}m{text}\x1b[0m" if self.color else text

    def line(self, path: str, item: Shown) -> str:
        finding = item.finding
        where = f"at {printable(item.pointer) or '/'}"
        if finding.fix:
            where += f"; fix: {printable(_fix_text(finding.fix))}"
        return (
            f"{path}:{item.position.line}:{item.position.column}: "
            f"{self.paint(finding.severity)} {self.paint(finding.severity, finding.code)} "
            f"{printable(item.message)} ({where})"
        )

    @staticmethod
    def summary(results: Sequence[FileResult]) -> str:
        counts = summarize(results)
        text = (
            f"{counts['errors']} error(s), {counts['warnings']} warning(s), "
            f"{counts['infos']} info(s) in {counts['checked']} file(s) checked"
        )
        if counts["failed"]:
            text += f"; {counts['failed']} file(s) could not be checked"
        return text


class JsonReporter(Reporter):
    """One JSON document; its shape is documented in docs/cli.md and versioned."""

    name = "json"
    for_programs = True

    def report(self, results: Sequence[FileResult]) -> None:
        document = {
            "version": JSON_FORMAT_VERSION,
            "tool": {"name": TOOL, "version": __version__},
            "files": [self.file(result) for result in results],
            "summary": summarize(results),
        }
        dump_json(document, self.stream)

    @staticmethod
    def file(result: FileResult) -> dict[str, Any]:
        items = shown(result)
        return {
            "path": result.path,
            "kind": result.kind,
            "format": result.format,
            "operation": result.operation,
            "error": None if result.error is None else located(result.error, result.error_position),
            "error_position": (
                None
                if result.error_position is None
                else {"line": result.error_position.line, "column": result.error_position.column}
            ),
            "findings": [
                {
                    "code": item.finding.code,
                    "severity": item.finding.severity,
                    "line": item.position.line,
                    "column": item.position.column,
                    "pointer": item.pointer,
                    "message": item.message,
                    "summary": RULES[item.finding.code].summary,
                    "exception": item.finding.exception,
                    "fix": dict(item.finding.fix) if item.finding.fix else None,
                }
                for item in items
            ],
            "omitted": result.omitted,
            "unchecked": [
                {"code": code, "reason": reason}
                for code, reason in sorted(result.unchecked.items())
            ],
        }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: one annotation a finding."""

    name = "github"
    _LEVELS: ClassVar[Mapping[str, str]] = {
        "error": "error",
        "warning": "warning",
        "info": "notice",
    }

    def report(self, results: Sequence[FileResult]) -> None:
        write = self.stream.write
        for result in results:
            file = _escape_property(printable(result.path))
            for item in shown(result):
                finding = item.finding
                message = f"{item.message} (at {item.pointer or '/'})"
                if finding.fix:
                    message += f" fix: {_fix_text(finding.fix)}"
                write(
                    f"::{self._LEVELS[finding.severity]} file={file},line={item.position.line},"
                    f"col={item.position.column},title={finding.code}::"
                    f"{_escape_data(printable(message))}\n"
                )
            if omitted(result):
                write(f"::notice file={file},title={TOOL}::{omitted(result)}\n")
            if result.unchecked:
                codes = ", ".join(sorted(result.unchecked))
                write(
                    f"::notice file={file},title={TOOL}::{_escape_data('not checked: ' + codes)}\n"
                )
            if result.error is not None:
                where = "".join(
                    f",{name}={number}"
                    for name, number in zip(("line", "col"), result.error_position or ())
                )
                write(
                    f"::error file={file}{where},title={TOOL}::"
                    f"{_escape_data(printable(result.error))}\n"
                )


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    # the file system's bytes: a name that is not UTF-8 arrives with surrogate escapes
    return quote(os.fsencode(candidate.as_posix()), safe="/")


def _help(rule: Rule) -> dict[str, Any]:
    """SARIF's ``helpUri``: the web page of the rule's source. A rule about this project's own
    format has no page on the web yet, so its help names the document that describes it."""
    if rule.own_format:
        return {"help": {"text": f"{TOOL} documentation: {rule.source_url}"}}
    return {"helpUri": rule.source_url}


class SarifReporter(Reporter):
    """SARIF 2.1.0: one run, the rule catalog as the driver's rules."""

    name = "sarif"
    for_programs = True
    _LEVELS: ClassVar[Mapping[str, str]] = {"error": "error", "warning": "warning", "info": "note"}

    def report(self, results: Sequence[FileResult]) -> None:
        codes = list(RULES)
        rules = [
            {
                "id": rule.code,
                "name": rule.code,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.description},
                **_help(rule),
                "defaultConfiguration": {"level": self._LEVELS[rule.severity]},
                "properties": {"status": rule.status},
            }
            for rule in RULES.values()
        ]
        sarif_results = []
        notifications = []
        for result in results:
            artifact = {"uri": _uri(result.path)}
            for item in shown(result):
                finding = item.finding
                entry: dict[str, Any] = {
                    "ruleId": finding.code,
                    "ruleIndex": codes.index(finding.code),
                    "level": self._LEVELS[finding.severity],
                    "message": {"text": f"{item.message} (at {item.pointer or '/'})"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": artifact,
                                "region": {
                                    "startLine": item.position.line,
                                    "startColumn": item.position.column,
                                },
                            },
                            "logicalLocations": [
                                {"fullyQualifiedName": item.pointer or "/", "kind": "member"}
                            ],
                        }
                    ],
                    "properties": {"pointer": item.pointer},
                }
                if finding.fix:
                    entry["properties"]["fix"] = dict(finding.fix)
                sarif_results.append(entry)
            locations = [{"physicalLocation": {"artifactLocation": artifact}}]
            if omitted(result):
                notifications.append(
                    {"level": "note", "message": {"text": omitted(result)}, "locations": locations}
                )
            if result.unchecked:
                notifications.append(
                    {
                        "level": "note",
                        "message": {"text": "not checked: " + ", ".join(sorted(result.unchecked))},
                        "locations": locations,
                    }
                )
            if result.error is not None:
                physical: dict[str, Any] = {"artifactLocation": artifact}
                if result.error_position is not None:
                    physical["region"] = {
                        "startLine": result.error_position.line,
                        "startColumn": result.error_position.column,
                    }
                notifications.append(
                    {
                        "level": "error",
                        "message": {"text": result.error},
                        "locations": [{"physicalLocation": physical}],
                    }
                )
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": TOOL,
                            "version": __version__,
                            "rules": rules,
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": not any(r.error for r in results),
                            "toolExecutionNotifications": notifications,
                        }
                    ],
                    "columnKind": "unicodeCodePoints",
                    "results": sarif_results,
                }
            ],
        }
        dump_json(log, self.stream)


#: Output formats by name.
REPORTERS: Mapping[str, type[Reporter]] = {
    cls.name: cls for cls in (TextReporter, JsonReporter, GithubReporter, SarifReporter)
}
