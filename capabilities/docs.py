"""Generate docs/rules.md from the rule data: ``python -m capabilities.docs [--check] [PATH]``.

The catalog, the decision tables and the per-operation member tables are all read from the
code, so the document cannot say something the engine does not do.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
from collections.abc import Sequence
from itertools import product
from pathlib import Path
from typing import Optional

from . import _model as m
from .rules import PREFIX, RULES, SOURCES, Rule

__all__ = ["main", "render_rules"]

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
_COMMAND = "python -m capabilities.docs"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rule_lines() -> list[str]:
    lines = [
        "## Rule catalog",
        "",
        f"Every code starts with `{PREFIX}`. After it, the letter is the severity (E error,",
        "W warning, I info); the first digit the family: 1 shapes, 2 identifiers, 3 attendee",
        "capabilities, 4 meeting features, 5 checked files (profile format, duplicate keys: found",
        "by the command-line checker), 6 transcription settings, 7 tags.",
        "**documented**: stated by the API documentation or the service model;",
        "**decided**: the documentation is silent or ambiguous, and this is the project's reading.",
        "",
        "| code | severity | summary | status | service exception |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.severity} | {_cell(rule.summary)} "
            f"| {rule.status} | {rule.exception or '—'} |"
        )
    lines.append("")
    for rule in RULES.values():
        lines += [
            f"### {rule.code}",
            "",
            f"**{rule.summary}** ({rule.severity}, {rule.status})",
            "",
            rule.description,
            "",
            *_example_lines(rule),
            f"Source: {_source_link(rule)}",
            "",
        ]
    return lines


def _example_lines(rule: Rule) -> list[str]:
    blocks = rule.example.blocks() if rule.example is not None else []
    return [line for title, text in blocks for line in (title, "", "```json", text, "```", "")]


def _source_link(rule: Rule) -> str:
    """The source as a link; a document of the project, relative to this one."""
    if rule.own_format:
        return f"[{rule.source_url}]({posixpath.relpath(rule.source_url, 'docs')})"
    return f"<{rule.source_url}>"


_RESOLUTION_PAIRS = list(product(m.VIDEO_RESOLUTIONS, m.CONTENT_RESOLUTIONS))


def _matrix_lines() -> list[str]:
    header = " | ".join(f"V={v}, C={c}" for v, c in _RESOLUTION_PAIRS)
    lines = [
        "## Decision table: what a request may set",
        "",
        "Rows: the requested Video and Content capabilities. Columns: the meeting's",
        "`MeetingFeatures.Video.MaxResolution` (V) and",
        "`MeetingFeatures.Content.MaxResolution` (C),",
        f"absent meaning V={m.DEFAULT_VIDEO_RESOLUTION}, C={m.DEFAULT_CONTENT_RESOLUTION}. "
        "A cell lists the rules the request breaks;",
        "✓ means allowed. Audio takes any value in every meeting: no rule constrains it.",
        "",
        f"| Video | Content | {header} |",
        "| --- | --- |" + " --- |" * len(_RESOLUTION_PAIRS),
    ]
    for video, content in product(m.MEDIA_CAPABILITIES, repeat=2):
        cells = [
            ", ".join(m.CAPABILITY_RULES.violations(video, content, pair)) or "✓"
            for pair in _RESOLUTION_PAIRS
        ]
        lines.append(f"| {video} | {content} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Decision table: defaults when Capabilities is left out",
        "",
        "What the service assigns (and returns in responses) to an attendee created without",
        "`Capabilities`. These are *effective* capabilities: with video off and content on, the",
        "default Video `Receive` is assigned although no request may set it (CHM-E301).",
        "",
        "| Video MaxResolution | Content MaxResolution | Audio | Video | Content | status |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for video_res, content_res in _RESOLUTION_PAIRS:
        audio, video, content = m.CAPABILITY_RULES.default((video_res, content_res))
        decided = content_res == "None"
        status = "decided" if decided else "documented"
        lines.append(f"| {video_res} | {content_res} | {audio} | {video} | {content} | {status} |")
    lines.append("")
    return lines


def _shape_text(shape: m.Shape) -> str:
    if isinstance(shape, m.String):
        parts = []
        if shape.enum is not None:
            parts.append("one of " + ", ".join(f"`{v}`" for v in shape.enum))
        if shape.min_length is not None or shape.max_length is not None:
            parts.append(f"length {_range(shape.min_length, shape.max_length)}")
        if shape.pattern is not None:
            parts.append(f"pattern `{shape.pattern.documented}` (whole value)")
        if shape.reserved_prefix:
            parts.append("no `aws:` prefix (any case) in a request")
        if shape.idempotency_token:
            parts.append("idempotency token: the SDKs and the AWS CLI fill it in when left out")
        if shape.known_values is not None:
            parts.append("documented values: " + ", ".join(shape.known_values))
        if shape.sensitive:
            parts.append("sensitive: never shown in messages")
        return f"string ({shape.name})" + (": " + "; ".join(parts) if parts else "")
    if isinstance(shape, m.Boolean):
        return f"boolean ({shape.name})"
    if isinstance(shape, m.Integer):
        return f"integer ({shape.name}) {_range(shape.minimum, shape.maximum)}"
    if isinstance(shape, m.ListOf):
        bound = _range(shape.min_items, shape.max_items)
        return f"list ({shape.name}) of {bound} items"
    return f"object ({shape.name})"


def _range(low: Optional[int], high: Optional[int]) -> str:
    return f"{'' if low is None else low}..{'' if high is None else high}"


def _response_readings() -> str:
    """What the rules of Rule.in_response become in a response, as a clause."""
    dropped = [code for code, rule in RULES.items() if rule.in_response == ""]
    replaced = [f"{code} is {rule.in_response}" for code, rule in RULES.items() if rule.in_response]
    return f"{', '.join(dropped)} do not apply; " + ", ".join(replaced)


def _member_rows(shape: m.Structure, prefix: str, required: bool) -> list[str]:
    rows = []
    for name, sub in shape.members.items():
        path = f"{prefix}{name}"
        req = "yes" if required and name in shape.required else ""
        rows.append(f"| `{path}` | {req} | {_cell(_shape_text(sub))} |")
        target = sub.member if isinstance(sub, m.ListOf) else sub
        if isinstance(target, m.Structure):
            inner = f"{path}[]." if isinstance(sub, m.ListOf) else f"{path}."
            rows += _member_rows(target, inner, required)
    return rows


def _operation_lines() -> list[str]:
    lines = [
        "## Members of each operation",
        "",
        "Every member the engine knows, with its bounds. A member not listed is an error",
        "(CHM-E103) in a request; in a response it is noted (CHM-I109), as the service adds",
        "response members.",
        "A response is read as the service sends it: a `null` member is absent, and "
        + _response_readings()
        + ".",
        "",
    ]
    for op in m.OPERATIONS.values():
        lines += [
            f"### {op.name} (`{op.method}`)",
            "",
            "| member | required | constraint |",
            "| --- | --- | --- |",
            *_member_rows(op.request, "", True),
            "",
        ]
        codes = {code for rule in m.rules_within(op.request) for code in rule.codes}
        if codes:
            links = ", ".join(f"[{c}](#{c.lower()})" for c in RULES if c in codes)
            lines += [f"Rules across members: {links}.", ""]
    return lines


def render_rules() -> str:
    lines = [
        "# Rules",
        "",
        f"Generated from the code by `{_COMMAND}`; do not edit by hand.",
        "",
        "Sources:",
        "",
        *(f"- {name}: <{url}>" for name, url in SOURCES.items()),
        "",
        *_rule_lines(),
        *_matrix_lines(),
        *_operation_lines(),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


#: Where the README lists the covered operations.
_README_LIST = re.compile(r"Covered, every operation of the service: ([A-Za-z,\s]+)\.")


def readme_operations_problems(readme: str) -> list[str]:
    """What is wrong with the README's list of covered operations: it must name every
    operation of the rule data, in order, and nothing else."""
    found = _README_LIST.search(readme)
    if found is None:
        return ["the README lists no operations ('Covered, every operation of the service: ...')"]
    listed = [name for name in re.split(r"[,\s]+", found.group(1)) if name]
    if listed == list(m.OPERATIONS):
        return []
    return [
        *(f"{name} is missing" for name in m.OPERATIONS if name not in listed),
        *(f"{name} is not an operation" for name in listed if name not in m.OPERATIONS),
    ] or ["the operations are listed out of order"]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog=_COMMAND, description="Write docs/rules.md, generated from the rule data."
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the file is stale"
    )
    parser.add_argument(
        "path", nargs="?", type=Path, default=DEFAULT_PATH, help="the file (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    path: Path = args.path
    text = render_rules()
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            print(f"{path} is stale; run: {_COMMAND}", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
