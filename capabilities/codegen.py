"""Print the Python source the engine generates for an operation's request or response.

The engine compiles two functions per shape from the rule data: the predicate (``clean``,
"this value gives no finding") and the walk (``walk``, which reports each finding). A
traceback or a profile names them by the file ``<chime-capabilities: Shape walk>``; this
command shows that file::

    python -m capabilities.codegen CreateAttendee
    python -m capabilities.codegen create_attendee --predicate
    python -m capabilities.codegen GetMeeting --response
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Optional

from . import _model as m
from ._writer import shape_source
from .validator import operation_name

__all__ = ["main"]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m capabilities.codegen",
        description="Print the source the engine generates for an operation.",
    )
    parser.add_argument("operation", help="API name, boto3 method name or AWS CLI command name")
    parser.add_argument(
        "--predicate", action="store_true", help="the predicate (no finding?) instead of the walk"
    )
    parser.add_argument("--response", action="store_true", help="the response, not the request")
    args = parser.parse_args(argv)
    try:
        op = m.OPERATIONS[operation_name(args.operation)]
    except ValueError as error:
        parser.error(str(error))
    shape = op.response if args.response else op.request
    if shape is None:
        parser.error(f"{op.name} returns no body")
    print(shape_source(shape, walk=not args.predicate), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
