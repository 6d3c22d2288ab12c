"""Fuzz the command line: ``chime-capabilities check`` and ``explain`` on a fuzzed file.

    pip install atheris
    PYTHONPATH=. python fuzz/fuzz_cli.py -max_total_time=600    # Python 3.11 or later

An input is one selector byte, then either the bytes of a file (checked next to a known-good
example) or, in the "secrets" half of the selectors, the text from which the values of every
sensitive member of a request are made. The selector picks the file name's extension, the
output format and the command. ``main()`` runs in-process with its streams captured.

A crash is any exception escaping ``main()``; these oracles are also checked:

- the exit status is 0, 1 or 2, and the output holds no traceback and no "internal error"
  (the last-resort handler caught a defect);
- an unreadable file is reported once: in the report (text, github), or in the report and as
  one ``chime-capabilities: error: FILE: reason`` line on stderr (json, sarif, and explain);
  the example next to the fuzzed file is still checked and reported;
- json and sarif output is JSON; text output is one line a finding, note or error, then the
  summary; github output is workflow commands only;
- nothing a CI runner executes: no line starts with "::" but a github annotation, and "##["
  appears nowhere (the file is given names made for this), and the output per file is
  bounded;
- in the secrets half: no output (any format, stdout or stderr) contains a sensitive value,
  also when a YAML alias places it in another member.

See docs/security.md for what was found. Not part of the test suite.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
from _common import EXAMPLES, example_files, libfuzzer_args

with atheris.instrument_imports():
    import yaml

    from capabilities.cli import main as cli_main
    from capabilities.cli.reporters import MAX_FINDINGS_SHOWN, MAX_TEXT, printable

#: Selector bits: 0-2 the extension, 3-4 the output format, 5 explain, 6 the file is a side
#: file (5: pyproject.toml, else --meeting-features; 4: with #webinar), 7 the secrets half.
_EXTENSIONS = (".json", ".yaml", ".yml", ".toml", "", ".txt", ".JSON", ".Yaml")
#: File names, one chosen by the input's length: names a CI runner would execute if printed
#: as they are.
_NAMES = ("input", "::stop-commands::tok", "##[set-output name=x]y", " ::error::x", "a\u2028\x1b")
_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^\n]*::")
#: Output of one file, at most: every shown finding with its message and pointer cut, each
#: character possibly escaped (10 characters for one), and its place.
_PER_FILE = MAX_FINDINGS_SHOWN * (2 * MAX_TEXT * 10 + 2_000) + 100_000
_FORMATS = ("text", "json", "github", "sarif")
_PROG = "chime-capabilities: error: "
#: The example checked next to the fuzzed file (it has findings, so it shows in every format).
_GOOD_CHECK = EXAMPLES / "profiles" / "broken.json"
_GOOD_EXPLAIN = EXAMPLES / "profiles" / "webinar.yaml"
#: A marker no message, rule text or path contains; every sensitive value begins and ends with
#: it (letters: valid in every sensitive member, so that both valid and invalid values occur).
MARK = "Qz7XkWv"

_WORK = Path(tempfile.mkdtemp(prefix="chime-fuzz-cli-"))
#: Seeds for the configuration (docs/cli.md).
_CONFIGS = (
    '[project]\nname = "x"\n\n[tool.chime-capabilities]\nselect = ["CHM-E", "CHM-W3"]\n'
    'ignore = ["CHM-W305"]\nstrict = true\nmax-file-size = "2MB"\n',
    '[tool.chime-capabilities]\nmax-file-size = 1048576\nignore = "CHM-E5"\n',
    "[tool]\nruff = {line-length = 100}\n",
)


#: Files of the kinds that once crashed or amplified the command (YAML, docs/security.md).
_HOSTILE_SEEDS = (
    "MeetingId: x\nExternalUserId: !!bool secret\n",
    'presets: {a: null, b: null}\ntransitions:\n  - {from: a, to: &n "##[x]"}\n'
    "  - {from: b, to: *n}\n",
    "ExternalUserId: &s secret\nMeetingId: *s\n",
    "MaxResults: 1:59:59:59\n",
)


def _refuse_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output (not JSON)")


def _strict_json(text: str) -> object:
    """``text`` as RFC 8259 JSON: ``json.loads`` alone accepts NaN and Infinity."""
    return json.loads(text, parse_constant=_refuse_constant)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli_main(argv)
    return status, out.getvalue(), err.getvalue()


def _check_output(fmt: str, explain: bool, status: int, out: str, err: str) -> None:
    assert status in (0, 1, 2), status
    assert "Traceback" not in out + err
    assert "internal error while checking" not in out + err, (out, err)
    assert "##[" not in out + err
    for line in out.splitlines():
        if line.lstrip().startswith("::"):
            assert fmt == "github", repr(line)
            assert not explain, repr(line)
            assert _ANNOTATION.match(line), repr(line)
    assert len(out) <= 2 * _PER_FILE, len(out)
    for line in err.splitlines():
        assert line.startswith(_PROG), repr(line)
    if fmt in ("json", "sarif"):
        _strict_json(out)
    elif fmt == "github" and not explain:
        assert all(line.startswith("::") for line in out.splitlines()), repr(out)


def _raw(selector: int, body: bytes) -> None:
    extension = _EXTENSIONS[selector & 7]
    explain = bool(selector & 32)
    fmt = _FORMATS[(selector >> 3) & 3]
    if explain and fmt not in ("text", "json"):
        fmt = "text"
    path = _WORK / f"{_NAMES[len(body) % len(_NAMES)]}{extension}"
    path.write_bytes(body)
    good = _GOOD_EXPLAIN if explain else _GOOD_CHECK
    command = ["explain"] if explain else ["check", "--no-config"]
    status, out, err = _run([*command, "--format", fmt, str(path), str(good)])
    _check_output(fmt, explain, status, out, err)
    shown = printable(str(path))
    reasons = err.splitlines()
    assert len(reasons) <= 1, reasons
    if explain or fmt in ("json", "sarif"):  # stdout is for programs: stderr says it too
        if reasons:
            assert status == 2
            assert reasons[0].startswith(f"{_PROG}{shown}: "), reasons
            assert len(reasons[0]) > len(f"{_PROG}{shown}: ")
        elif status == 2:
            raise AssertionError("exit status 2 without a reason on stderr")
    else:  # once, in the report
        assert not reasons, reasons
        start = "::error file=" if fmt == "github" else shown
        errors = [
            line
            for line in out.splitlines()
            if line.startswith(start) and (": error: " in line or "title=chime-cap" in line)
        ]
        assert (status == 2) == bool(errors), (status, errors)
    # the good example is still checked and reported
    assert str(good) in out
    if fmt == "text" and not explain:
        lines = out.splitlines()
        assert all(line.startswith((f"{shown}:", f"{good}:")) for line in lines[:-1]), lines
        assert " file(s) checked" in lines[-1]


def _secret(fdp: Any, index: int) -> str:
    prefix = ("", "arn:aws:sns:us-east-1:111122223333:", "aws:", " ", "AWS:")[
        fdp.ConsumeIntInRange(0, 4)
    ]
    middle = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 80))
    return f"{prefix}{MARK}{index}{middle}{MARK}"


def _secret_document(fdp: Any) -> dict[str, Any]:
    """A CreateMeetingWithAttendees request with every sensitive member set."""
    counter = iter(range(100))
    document: dict[str, Any] = {
        "ClientRequestToken": _secret(fdp, next(counter)),
        "MediaRegion": "us-east-1",
        "ExternalMeetingId": _secret(fdp, next(counter)),
        "MeetingHostId": _secret(fdp, next(counter)),
        "NotificationsConfiguration": {
            name: _secret(fdp, next(counter))
            for name in ("LambdaFunctionArn", "SnsTopicArn", "SqsQueueArn")
        },
        "Attendees": [
            {"ExternalUserId": _secret(fdp, next(counter))}
            for _ in range(fdp.ConsumeIntInRange(1, 3))
        ],
    }
    if fdp.ConsumeBool():
        document["Attendees"].append(dict(document["Attendees"][0]))  # CHM-W206, a duplicate
    if fdp.ConsumeBool():
        document["JoinToken"] = _secret(fdp, next(counter))  # not a request member: CHM-E103
    return document


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _serialize(document: dict[str, Any], kind: int) -> tuple[str, str]:
    if kind == 0:
        return ".json", json.dumps(document, ensure_ascii=False, indent=2)
    if kind == 1:
        return ".yaml", yaml.safe_dump(document, allow_unicode=True)
    if kind == 2:  # a sensitive value placed in other members by YAML aliases
        rest = {k: v for k, v in document.items() if k not in ("ExternalMeetingId", "MediaRegion")}
        anchored = {"ExternalMeetingId": document["ExternalMeetingId"]}
        head = yaml.safe_dump(anchored, allow_unicode=True).replace(": ", ": &s ", 1)
        head += "MediaRegion: *s\n"
        head += "MeetingFeatures: {Audio: {EchoReduction: *s}, Video: {MaxResolution: *s}}\n"
        return ".yaml", head + yaml.safe_dump(rest, allow_unicode=True)
    return ".toml", "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in document.items())


def _secrets(selector: int, body: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(body)
    document = _secret_document(fdp)
    extension, text = _serialize(document, fdp.ConsumeIntInRange(0, 3))
    fmt = _FORMATS[(selector >> 3) & 3]
    path = _WORK / f"secrets{extension}"
    path.write_text(text, encoding="utf-8")
    status, out, err = _run(["check", "--no-config", "--format", fmt, str(path)])
    _check_output(fmt, False, status, out, err)
    assert status in (0, 1), (status, err)
    assert MARK not in out + err, "a sensitive value is in the output"


def _side_file(selector: int, body: bytes) -> None:
    """The fuzzed file as ``--meeting-features`` or as the ``pyproject.toml`` configuration."""
    config = bool(selector & 32)
    attendee = EXAMPLES / "cli-input" / "create-attendee.json"
    if config:
        project = _WORK / "project"
        project.mkdir(exist_ok=True)
        (project / "pyproject.toml").write_bytes(body)
        argv = ["check", "--format", "json", str(attendee)]
        here = os.getcwd()
        os.chdir(project)
        try:
            status, out, err = _run(argv)
        finally:
            os.chdir(here)
    else:
        path = _WORK / f"features{_EXTENSIONS[selector & 7]}"
        path.write_bytes(body)
        spec = f"{path}#webinar" if selector & 16 else str(path)
        argv = ["check", "--no-config", "--format", "json", "--meeting-features", spec]
        status, out, err = _run([*argv, str(attendee)])
    _check_output("json" if out else "text", False, status, out, err)
    reasons = err.splitlines()
    assert len(reasons) <= 1, reasons
    assert (status == 2) == bool(reasons), (status, reasons)
    if status != 2:
        assert str(attendee) in out


def test_one_input(data: bytes) -> None:
    if not data:
        return
    selector, body = data[0], data[1:]
    if selector & 128:
        _secrets(selector, body)
    elif selector & 64:
        _side_file(selector, body)
    else:
        _raw(selector, body)


def seeds() -> Iterator[tuple[str, bytes]]:
    for path in example_files():
        extension = {".yml": ".yaml"}.get(path.suffix, path.suffix)
        selector = _EXTENSIONS.index(extension)
        raw = path.read_bytes()
        for fmt in range(4):
            yield f"{path.stem}{path.suffix}-{fmt}", bytes([selector | fmt << 3]) + raw
        if path.parent.name == "profiles":
            yield f"{path.stem}{path.suffix}-explain", bytes([selector | 32]) + raw
    for fmt in range(4):
        yield f"secrets-{fmt}", bytes([128 | fmt << 3]) + b"\x01\x02secret value\x00"
    for path in example_files():
        extension = {".yml": ".yaml"}.get(path.suffix, path.suffix)
        selector = 64 | _EXTENSIONS.index(extension)
        yield f"features-{path.stem}{path.suffix}", bytes([selector]) + path.read_bytes()
        yield f"features-{path.stem}{path.suffix}-named", bytes([selector | 16]) + path.read_bytes()
    for number, text in enumerate(_HOSTILE_SEEDS):
        yield f"hostile-{number}", bytes([1 | (number % 4) << 3]) + text.encode()
    for number, config in enumerate(_CONFIGS):
        yield f"config-{number}", bytes([64 | 32]) + config.encode()


def main() -> None:
    atheris.Setup(libfuzzer_args("cli", seeds, sys.argv), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
