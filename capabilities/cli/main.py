"""The command line: parse arguments into an options object and hand it to ``execute``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Optional

from .. import __version__
from .checker import KINDS
from .config import parse_size
from .execute import PROG, execute
from .options import CheckOptions, ExplainOptions, Options, RulesOptions, ServeOptions, UsageError
from .reporters import REPORTERS

__all__ = ["build_parser", "main", "parse_args"]


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except UsageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check Amazon Chime SDK meeting profiles and AWS CLI input files offline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check meeting profiles and AWS CLI input files",
        description="Check meeting profiles and `aws chime-sdk-meetings` input files (JSON, "
        "YAML or TOML). Exit status: 0 nothing wrong, 1 an error (or a warning with --strict), "
        "2 a usage error or a file that cannot be read or parsed.",
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="PATH",
        help="files, folders (walked for .json, .yaml, .yml and .toml files; inside a git work "
        "tree, files git ignores are left out) or - for standard input",
    )
    check.add_argument(
        "--exclude",
        action="append",
        type=_codes,
        metavar="PATTERNS",
        help="leave out paths matching these glob patterns (comma-separated, repeatable)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of standard input (-): shown in findings, and used to tell the format "
        "and the operation",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings only: no notes, no summary"
    )
    check.add_argument(
        "--kind",
        choices=KINDS,
        default="auto",
        help="what the files are; auto: a top-level 'profiles' or 'presets' member means a "
        "profile, anything else an AWS CLI input file (default: auto)",
    )
    check.add_argument(
        "--operation",
        metavar="OPERATION",
        help="the operation of AWS CLI input files (CreateAttendee or create-attendee); "
        "default: recognized from the file's members",
    )
    check.add_argument(
        "--meeting-features",
        metavar="FILE[#PROFILE]",
        help="the meeting attendee files are about: a profile, a CreateMeeting input file or "
        "a GetMeeting response",
    )
    check.add_argument(
        "--previous",
        metavar="FILE",
        help="the attendee's current capabilities, for UpdateAttendeeCapabilities files: a "
        "GetAttendee response, an Attendee or an AttendeeCapabilities object (CHM-W304, CHM-W305)",
    )
    check.add_argument(
        "--format",
        dest="output_format",
        choices=sorted(REPORTERS),
        help="output format (default: text)",
    )
    check.add_argument(
        "--select",
        action="append",
        type=_codes,
        metavar="CODES",
        help="only these rule codes or prefixes (comma-separated, repeatable)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        type=_codes,
        metavar="CODES",
        help="never these rule codes or prefixes (comma-separated, repeatable)",
    )
    check.add_argument(
        "--strict", action="store_true", default=None, help="warnings also give exit status 1"
    )
    check.add_argument(
        "--max-file-size",
        type=_size,
        metavar="SIZE",
        help="refuse larger files (bytes, or 512KB, 5MB; default 5MB)",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="write the suggested fixes back into the files (only the values change)",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the suggested fixes as a unified diff and write nothing "
        "(exit status 1 when there is one)",
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings in effect, and where each comes from, and check nothing",
    )
    check.add_argument(
        "--no-config",
        dest="use_config",
        action="store_false",
        help="ignore [tool.chime-capabilities] in pyproject.toml",
    )

    explain = commands.add_parser(
        "explain",
        help="show the capabilities each preset of a profile gets",
        description="For each preset of each profile: the capabilities the service assigns "
        "(defaults applied), and the capabilities a request may set in the meeting.",
    )
    explain.add_argument("files", nargs="+", metavar="FILE")
    explain.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")
    explain.add_argument("--max-file-size", type=_size, metavar="SIZE")

    rules = commands.add_parser(
        "rules",
        help="list the rule catalog, or show one rule",
        description="Without CODE, one line per rule. With CODE, the rule in full: its summary, "
        "the documentation sentence it encodes (or the project's reading of it), its source, "
        "whether it is documented or decided, and the service exception it maps to.",
    )
    rules.add_argument("code", nargs="?", metavar="CODE", help="a rule code (CHM-E303)")
    rules.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")

    serve = commands.add_parser(
        "serve",
        help="run the offline Chime SDK Meetings service over HTTP",
        description="Answer Chime SDK Meetings calls from any AWS SDK or the AWS CLI "
        "(--endpoint-url) until Ctrl-C. Signatures are accepted and not verified. Prints "
        "'listening on http://HOST:PORT' when ready.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=0, help="port (default 0: a free port)")
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host that is not a loopback address (anyone who reaches it can call)",
    )
    serve.add_argument("--seed", type=int, help="make ids and join tokens reproducible")
    return parser


def _joined(groups: Optional[list[list[str]]]) -> Optional[tuple[str, ...]]:
    return None if groups is None else tuple(code for group in groups for code in group)


def parse_args(argv: Optional[Sequence[str]] = None) -> Options:
    """Arguments -> the options object of the command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        if not args.files and not args.show_settings:
            parser.error("check: the following arguments are required: PATH")
        return CheckOptions(
            files=tuple(args.files),
            kind=args.kind,
            operation=args.operation,
            meeting_features=args.meeting_features,
            previous=args.previous,
            output_format=args.output_format,
            select=_joined(args.select),
            ignore=_joined(args.ignore),
            strict=args.strict,
            max_file_size=args.max_file_size,
            use_config=args.use_config,
            fix=args.fix,
            diff=args.diff,
            exclude=_joined(args.exclude) or (),
            stdin_filename=args.stdin_filename,
            quiet=args.quiet,
            show_settings=args.show_settings,
        )
    if args.command == "explain":
        return ExplainOptions(
            files=tuple(args.files),
            output_format=args.output_format,
            max_file_size=args.max_file_size,
        )
    if args.command == "serve":
        return ServeOptions(
            host=args.host, port=args.port, allow_remote=args.allow_remote, seed=args.seed
        )
    return RulesOptions(output_format=args.output_format, code=args.code)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The console script: returns the exit status (argparse exits 2 on a usage error)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a key with a lone surrogate must not crash the output
            reconfigure(errors="backslashreplace")
    try:
        options = parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        return execute(options, stdout=sys.stdout, stderr=sys.stderr)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
