"""Run a parsed command: load the configuration, check or explain each file, report.

``execute`` takes the plain options object the command line was parsed into and the two
streams, and returns the exit status. It writes to the files it reads only with ``--fix``.
"""

from __future__ import annotations

import io
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, Optional, TextIO

from ..rules import RULES, Rule
from .checker import (
    FileResult,
    RuleFilter,
    check_document,
    load_meeting_features,
    load_previous,
)
from .checker import resolve_operation as _resolve_operation
from .config import Config, find_config
from .inputs import STDIN, expand, read_stdin
from .loaders import (
    DEFAULT_MAX_FILE_SIZE,
    UTF8_BOM,
    Document,
    LoadError,
    decode,
    detect_format,
    located,
    parse_text,
    read_bytes,
)
from .options import CheckOptions, ExplainOptions, Options, RulesOptions, ServeOptions, UsageError
from .reporters import REPORTERS, printable

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "execute"]

EXIT_OK = 0
#: At least one error finding (or a warning, with --strict).
EXIT_ERRORS = 1
#: A usage error, or a file that cannot be read or parsed.
EXIT_USAGE = 2
PROG = "chime-capabilities"


def execute(
    options: Options,
    *,
    stdout: TextIO,
    stderr: TextIO,
    cwd: Optional[Path] = None,
    stdin: Optional[BinaryIO] = None,
) -> int:
    """Run one command; returns the exit status. ``stdin`` is read for the file ``-``
    (default: the process's standard input)."""
    try:
        if isinstance(options, CheckOptions):
            return _check(options, stdout, stderr, cwd or Path.cwd(), stdin)
        if isinstance(options, ExplainOptions):
            return _explain(options, stdout, stderr)
        if isinstance(options, ServeOptions):
            return _serve(options, stdout)
        return _rules(options, stdout)
    except UsageError as error:
        stderr.write(f"{PROG}: error: {printable(str(error))}\n")
        return EXIT_USAGE


def _check(
    options: CheckOptions, stdout: TextIO, stderr: TextIO, cwd: Path, stdin: Optional[BinaryIO]
) -> int:
    config = find_config(cwd) if options.use_config else Config()
    settings = _settings(options, config)
    if options.show_settings:
        _show_settings(settings, config, stdout)
        return EXIT_OK
    rules = RuleFilter.build(settings["select"][0], settings["ignore"][0])
    strict = bool(settings["strict"][0])
    max_size = settings["max-file-size"][0]
    output_format = settings["format"][0]
    meeting_features = settings["meeting-features"][0]
    operation = _resolve_operation(options.operation) if options.operation else None
    if operation is not None and options.kind == "profile":
        raise UsageError("--operation applies to AWS CLI input files, not to profiles")
    features = None
    if meeting_features is not None:
        try:
            features = load_meeting_features(meeting_features, max_size=max_size)
        except UsageError:
            raise
        except Exception as error:  # a defect: say so without showing any value
            raise UsageError(f"--meeting-features: {internal_error(error)}") from None
    previous = None
    if options.previous is not None:
        previous = load_previous(options.previous, max_size=max_size)
    if options.fix and STDIN in options.files and not options.diff:
        raise UsageError("--fix writes files, not standard input (--diff shows the fixes)")
    color = stdout.isatty() and not os.environ.get("NO_COLOR")
    reporter = REPORTERS[output_format](stdout, quiet=options.quiet, color=color)
    results = []
    diffs = skipped = 0
    for item in expand(options.files, options.exclude, cwd):
        name = (options.stdin_filename or STDIN) if item.path == STDIN else item.path

        def check(document: Document, name: str = name) -> FileResult:
            return check_document(
                name,
                document,
                kind=options.kind,
                operation=operation or config.operation_for(name, cwd),
                meeting_features=features,
                previous=previous,
                rules=rules,
            )

        try:
            if item.path == STDIN:
                raw = read_stdin(stdin or sys.stdin.buffer, max_size=max_size)
            else:
                raw = read_bytes(item.path, max_size=max_size)
            text = decode(raw)
            document = parse_text(text, detect_format(name, text))
            result = check(document)
            if (options.fix or options.diff) and result.error is None:
                fixing = _Fixing(item.path, raw, text, document)
                result, changed = _fix(fixing, result, check, options, stdout, stderr)
                diffs += changed
        except LoadError as error:
            result = FileResult.failed(name, error)
        except Exception as error:  # a defect: the other files are still checked
            result = FileResult(name, error=internal_error(error))
        if item.walked and result.error is not None:  # not a file of ours
            skipped += 1
            continue
        results.append(result)
    if skipped and not options.quiet:
        stderr.write(
            f"{PROG}: {skipped} file(s) in folders skipped: not a profile or an AWS CLI input "
            "file the checker can read\n"
        )
    if options.diff:
        return _status(results, strict=False) if diffs == 0 else EXIT_ERRORS
    reporter.report(results)
    if reporter.for_programs:  # a person reads stderr
        for result in results:
            if result.error is not None:
                reason = located(result.error, result.error_position)
                stderr.write(f"{PROG}: error: {printable(result.path)}: {printable(reason)}\n")
    return _status(results, strict=strict)


class _Fixing(NamedTuple):
    """A file as read: its path, bytes, text and parsed document."""

    path: str
    raw: bytes
    text: str
    document: Document


#: A setting's value and where it comes from.
_Setting = tuple[Any, str]


def _settings(options: CheckOptions, config: Config) -> dict[str, _Setting]:
    """Each setting of ``check`` in effect, and where it comes from: the command line, the
    configuration file or the default. ``--select`` replaces both select and ignore of the
    configuration (ruff's precedence); ``--ignore`` still applies."""
    where = str(config.path) if config.path is not None else "default"

    def pick(given: Any, configured: Any, default: Any) -> _Setting:
        if given is not None:
            return given, "command line"
        if configured is not None:
            return configured, where
        return default, "default"

    replaced = options.select is not None
    return {
        "select": pick(options.select, config.select, ()),
        "ignore": pick(options.ignore, None if replaced else config.ignore, ()),
        "strict": pick(options.strict, config.strict, False),
        "max-file-size": pick(options.max_file_size, config.max_file_size, DEFAULT_MAX_FILE_SIZE),
        "format": pick(options.output_format, config.output_format, "text"),
        "meeting-features": pick(options.meeting_features, config.meeting_features, None),
        "operation": pick(options.operation, None, None),
        "operations": pick(None, dict(config.operations) or None, {}),
    }


def _show_settings(settings: dict[str, _Setting], config: Config, stdout: TextIO) -> None:
    import json

    stdout.write(f"configuration: {config.path or 'none'}\n")
    for name, (value, origin) in settings.items():
        shown = list(value) if isinstance(value, tuple) else value
        stdout.write(f"{name} = {printable(json.dumps(shown))}  # {origin}\n")


def _fix(
    file: _Fixing,
    result: FileResult,
    check: Callable[[Document], FileResult],
    options: CheckOptions,
    stdout: TextIO,
    stderr: TextIO,
) -> tuple[FileResult, bool]:
    """Apply (``--fix``) or show (``--diff``) the fixes of a checked file; the result is that
    of the file as it is afterwards, and whether there was anything to change."""
    from .fixes import plan_fixes, sensitive_lines, unified_diff, write_atomically

    raw, text, document = file.raw, file.text, file.document
    shown = result.path
    planned = plan_fixes(text, document, [(i.finding, i.position) for i in result.findings])
    for skipped in planned.skipped:
        where = f"{printable(shown)}:{skipped.position.line}:{skipped.position.column}"
        stderr.write(f"{where}: fix of {skipped.finding.code} skipped: {skipped.reason}\n")
    if not planned.changed:
        return result, False
    if options.diff:
        hidden = sensitive_lines(document, text)
        stdout.write(unified_diff(shown, text, planned.text, hidden))
        return result, True
    bom = UTF8_BOM if raw.startswith(UTF8_BOM) else b""
    new = bom + planned.text.encode("utf-8")
    why = write_atomically(file.path, raw, new)
    if why is not None:
        stderr.write(f"{PROG}: error: {printable(shown)}: {why}\n")
        return result, True
    count = len(planned.applied)
    if not options.quiet:
        stderr.write(f"{printable(shown)}: fixed {count} finding{'s' if count != 1 else ''}\n")
    return check(parse_text(planned.text, document.format)), True


def internal_error(error: BaseException) -> str:
    """The reason shown for an unexpected exception: its type, never its text (which may hold
    a value of the file)."""
    return f"internal error while checking this file ({type(error).__name__}); please report it"


def _status(results: list[FileResult], *, strict: bool) -> int:
    if any(result.error is not None for result in results):
        return EXIT_USAGE
    failing = ("error", "warning") if strict else ("error",)
    if any(result.count(severity) for result in results for severity in failing):
        return EXIT_ERRORS
    return EXIT_OK


def _explain(options: ExplainOptions, stdout: TextIO, stderr: TextIO) -> int:
    from .explain import explain_file, explanation_json, write_json, write_text

    max_size = options.max_file_size or DEFAULT_MAX_FILE_SIZE
    status = EXIT_OK
    files: list[dict[str, Any]] = []
    for path in options.files:
        text = io.StringIO()
        try:
            explanations = explain_file(path, max_size=max_size)
            if options.output_format == "json":
                entry = explanation_json(path, explanations)
            else:
                write_text(text, path, explanations)
        except Exception as error:  # LoadError, or a defect (internal_error)
            reason = str(error) if isinstance(error, LoadError) else internal_error(error)
            stderr.write(f"{PROG}: error: {printable(path)}: {printable(reason)}\n")
            files.append({"path": path, "error": reason, "profiles": []})
            status = EXIT_USAGE
            continue
        if not explanations.ok and status == EXIT_OK:
            status = EXIT_ERRORS
        if options.output_format == "json":
            files.append(entry)
        else:
            stdout.write(text.getvalue())
    if options.output_format == "json":
        write_json(stdout, files)
    return status


def _rules(options: RulesOptions, stdout: TextIO) -> int:
    chosen = list(RULES.values())
    if options.code is not None:
        code = options.code.strip().upper()
        if code not in RULES:
            raise UsageError(f"no rule {options.code!r}; the codes: {', '.join(RULES)}")
        chosen = [RULES[code]]
    if options.output_format == "json":
        import json

        catalog = [
            {
                "code": rule.code,
                "severity": rule.severity,
                "summary": rule.summary,
                "description": rule.description,
                "status": rule.status,
                "source": rule.source_url,
                "exception": rule.exception,
                "example": _example_object(rule),
            }
            for rule in chosen
        ]
        document = catalog[0] if options.code is not None else {"version": 1, "rules": catalog}
        json.dump(document, stdout, indent=2)
        stdout.write("\n")
        return EXIT_OK
    if options.code is not None:
        rule = chosen[0]
        text = textwrap.fill(rule.description, 88, break_on_hyphens=False, break_long_words=False)
        own = " (this project's documentation)" if rule.own_format else ""
        stdout.write(
            f"{rule.code}: {rule.summary}\n\n"
            f"{text}\n\n"
            f"{_example_text(rule)}"
            f"Severity:  {rule.severity}\n"
            f"Status:    {rule.status} ({_STATUS_MEANS[rule.status]})\n"
            f"Source:    {rule.source_url}{own}\n"
            f"Exception: {rule.exception or _NO_EXCEPTION[rule.severity == 'error']}\n"
        )
        return EXIT_OK
    for rule in chosen:
        stdout.write(f"{rule.code}  {rule.severity:<7}  {rule.status:<10}  {rule.summary}\n")
    return EXIT_OK


def _example_text(rule: Rule) -> str:
    """The rule's example and its fix, each input indented as a block."""
    if rule.example is None:
        return ""
    return "".join(
        f"{textwrap.fill(title, 88)}\n\n{textwrap.indent(text, '    ')}\n\n"
        for title, text in rule.example.blocks()
    )


def _example_object(rule: Rule) -> Optional[dict[str, Any]]:
    example = rule.example
    if example is None:
        return None
    return {
        "subject": example.subject,
        "broken": example.broken,
        "fixed": example.fixed,
    }


#: What the Exception line says for a rule without a service exception: a warning or info,
#: or an error about this project's own files (a profile), which no service call raises.
_NO_EXCEPTION = {
    False: "none (not an error)",
    True: "none (an error in a file of this project's format, not a service call)",
}
#: What a rule's status says.
_STATUS_MEANS = {
    "documented": "the documentation says so",
    "decided": "the project's reading where the documentation is silent or unclear",
}


def _serve(options: ServeOptions, stdout: TextIO) -> int:
    from ..fake import FakeChimeSdkMeetings
    from ..fake.server import make_server, serve

    try:
        server = make_server(
            options.host,
            options.port,
            FakeChimeSdkMeetings(seed=options.seed),
            allow_remote=options.allow_remote,
        )
    except ValueError as error:
        raise UsageError(f"{error} (--allow-remote to listen anyway)") from None
    except OSError as error:
        where = f"{options.host}:{options.port}"
        raise UsageError(f"cannot listen on {where}: {error.strerror}") from None
    serve(server, stdout)
    return EXIT_OK
