"""Findings, reports and the exception that carries them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple, Optional, Union

from .rules import RULES, Severity

__all__ = [
    "CapabilityValidationError",
    "Finding",
    "Location",
    "Report",
    "escape_token",
    "pointer",
    "tokens",
]

Location = tuple[Union[str, int], ...]


def escape_token(part: object) -> str:
    """One RFC 6901 reference token."""
    return str(part).replace("~", "~0").replace("/", "~1")


def pointer(location: Sequence[Union[str, int]]) -> str:
    """Render a location as an RFC 6901 JSON Pointer."""
    parts = tuple(location)
    text = ("/%s" * len(parts)) % parts
    if "~" in text or text.count("/") > len(parts):  # a token to escape
        return "".join("/" + escape_token(part) for part in location)
    return text


def tokens(path: str) -> tuple[str, ...]:
    """The reference tokens of an RFC 6901 JSON Pointer, unescaped."""
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in path.split("/")[1:])


class Finding(NamedTuple):
    """One problem (or note) about one value of a request or response.

    ``path`` is an RFC 6901 JSON Pointer into what was validated; ``location`` is the same as a
    sequence. ``fix``, where there is one, maps pointers to the values that make the request
    valid for the rules of that finding's object.
    """

    code: str
    severity: Severity
    location: Location
    message: str
    exception: Optional[str] = None
    fix: Optional[Mapping[str, object]] = None
    #: The finding is about the member's name rather than its value (an unknown member): a
    #: file position points at the key.
    on_key: bool = False

    def __hash__(self) -> int:
        # Without the fix, a mapping.
        return hash((self.code, self.location, self.message))

    @property
    def path(self) -> str:
        return pointer(self.location)

    @property
    def summary(self) -> str:
        return RULES[self.code].summary

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.severity} {self.code} {self.message}"


def make_finding(
    code: str,
    location: Location,
    message: str,
    fix: Optional[Mapping[str, object]] = None,
    *,
    on_key: bool = False,
) -> Finding:
    rule = RULES[code]
    return Finding(code, rule.severity, location, message, rule.exception, fix, on_key)


_ORDER = attrgetter("location", "code", "message")


class Report(NamedTuple):
    """Every finding about one request or response, sorted by path, then code.

    ``unchecked`` holds the codes of rules that could not be evaluated because what they need
    was not given (the meeting's features, the attendee's previous capabilities). A report with
    ``ok`` true and a non-empty ``unchecked`` is "valid as far as was checked".
    """

    operation: str
    findings: tuple[Finding, ...]
    unchecked: tuple[str, ...] = ()

    @classmethod
    def build(
        cls, operation: str, findings: Iterable[Finding], unchecked: Iterable[str] = ()
    ) -> Report:
        # Locations compare as tuples: where two differ, both name children of one value, so
        # both are list indices (compared as numbers: /Attendees/2 before /Attendees/10) or
        # both member names.
        ordered = tuple(sorted(findings, key=_ORDER))
        return cls(operation, ordered, tuple(sorted(set(unchecked))) if unchecked else ())

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "info")

    @property
    def ok(self) -> bool:
        """No error findings (warnings and infos do not count)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def fixes(self) -> dict[str, object]:
        """Every suggested change of the report, merged."""
        merged: dict[str, object] = {}
        for finding in self.findings:
            if finding.fix:
                merged.update(finding.fix)
        return merged

    def raise_for_errors(self) -> None:
        """Raise CapabilityValidationError when the report has an error finding."""
        if not self.ok:
            raise CapabilityValidationError(self)

    def __str__(self) -> str:
        lines = [f"{self.operation}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)"]
        lines += [f"  {finding}" for finding in self.findings]
        if self.unchecked:
            lines.append(f"  not checked (information missing): {', '.join(self.unchecked)}")
        return "\n".join(lines)


class CapabilityValidationError(ValueError):
    """Raised for a request the service would refuse; ``report`` holds every finding."""

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = report.errors
        head = f"chime-capabilities: {report.operation}: {len(errors)} error(s)"
        super().__init__("; ".join([head, *(str(f) for f in errors)]))
