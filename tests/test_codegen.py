"""The generated code can be read: its source is printed by a command, and a traceback through
it names the shape and shows the generated line."""

from __future__ import annotations

import linecache
import traceback
from typing import Any

import pytest

from capabilities import _model as m
from capabilities import _writer
from capabilities.codegen import main


def test_traceback_names_the_generated_file() -> None:
    request = m.OPERATIONS["CreateAttendee"].request
    no_context: Any = object()  # a context without its attributes
    with pytest.raises(AttributeError) as raised:
        _writer.walker(request)({}, (), no_context)
    frame = traceback.extract_tb(raised.value.__traceback__)[-1]
    assert frame.filename == "<chime-capabilities: CreateAttendeeRequest walk>"
    assert frame.lineno is not None
    assert linecache.getline(frame.filename, frame.lineno).strip() == "response = ctx.response"


@pytest.mark.parametrize(
    ("argv", "first_line"),
    [
        (["CreateAttendee"], "def walk(v0, loc, ctx):"),
        (["create-attendee", "--predicate"], "def clean(v0, ctx):"),
        (["get_meeting", "--response"], "def walk(v0, loc, ctx):"),
    ],
)
def test_command_prints_the_source(
    argv: list[str], first_line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert first_line in out.splitlines()
    source = out[out.index(first_line) :]
    compile(source, "<printed>", "exec")
    # each constant the source uses is named in the header
    for name in ("_GuidString_pattern", "_MISSING"):
        if name in source:
            assert f"# {name} = " in out


@pytest.mark.parametrize("argv", [["NoSuchOperation"], ["DeleteMeeting", "--response"]])
def test_command_refuses_what_has_no_source(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2


def test_shapes_of_one_name_get_their_own_file() -> None:
    first = m.Structure("Twin", {"A": m.BOOLEAN})
    second = m.Structure("Twin", {"B": m.BOOLEAN})
    names = [_writer.walker(shape).__code__.co_filename for shape in (first, second)]
    assert names[0] != names[1]
    for name, member in zip(names, ("'A'", "'B'")):
        assert member in "".join(linecache.getlines(name))
