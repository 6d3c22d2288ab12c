"""Fuzz the file loaders (JSON, YAML, TOML with positions) and the checker behind them.

    pip install atheris
    PYTHONPATH=. python fuzz/fuzz_loaders.py -max_total_time=600    # Python 3.11 or later

An input is one selector byte, then the file's bytes. The selector picks the format (JSON,
YAML, TOML, or guessed from the content as for a file without an extension) and whether YAML
is composed by libyaml or by PyYAML's pure-Python composer. A crash is any exception other
than ``LoadError`` escaping the loaders, or any exception at all from the checker and the four
reporters; these oracles are also checked:

- a ``LoadError`` message is one non-empty line;
- every recorded position is a line and column of the text as editors count lines (LF, CRLF
  and CR end a line; NEL, U+2028 and U+2029 do not);
- the nesting limit has one meaning: what is read nests at most MAX_DEPTH deep (counted
  here), and what is refused as nested too deeply nests deeper where the reference reads it;
- where the reference parser (``json.loads``, PyYAML's safe loader on the same composer,
  ``tomllib.loads``) reads the text, the loader gives the same data, or refuses it for a
  documented reason (nesting limit, alias budget, a tag or key kind that is not accepted);
  what the loader reads, the reference parser reads too (except a TOML file whose only
  problem is a repeated key, read with an CHM-E502 finding);
- the json and sarif reporters write strict JSON, the text and github reporters one line a
  finding, no line longer than a finding's cut message and pointer allow, no line a CI runner
  would execute ("::" but a github annotation, "##[" anywhere).

See docs/security.md for what was found. Not part of the test suite.
"""

from __future__ import annotations

import io
import json
import math
import re
import sys
from collections.abc import Iterator

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
from _common import EXTENSIONS, example_files, libfuzzer_args

with atheris.instrument_imports():
    import tomllib
    import yaml

    from capabilities.cli import _yaml
    from capabilities.cli.checker import check_document
    from capabilities.cli.loaders import (
        FORMATS,
        MAX_DEPTH,
        Document,
        LoadError,
        decode,
        detect_format,
        parse_text,
    )
    from capabilities.cli.reporters import MAX_TEXT, REPORTERS
    from capabilities.rules import RULES

#: Refusals the reference parsers do not make (documented in docs/cli.md).
_OWN_LIMITS = (
    "nested too deeply",
    "nesting depth",
    "aliases expand",
    "is not accepted",
    "only scalar keys",
    "unhashable key",
    "number too long",
    "merge keys are nested",
    "a merge key (<<) takes",
    "no YAML document",
    "too many values under too long keys",
    "an integer key too long",
)
_PATH = "fuzzed-input"


def _selector(data: bytes) -> tuple[str, bool, bytes]:
    """(format or "guess", use libyaml, body)."""
    if not data:
        return "json", True, b""
    choice = data[0] & 3
    fmt = "guess" if choice == 3 else FORMATS[choice]
    return fmt, not data[0] & 4, data[1:]


def _same(a: object, b: object) -> bool:
    """Equal data, NaN equal to NaN, types compared (1 is not True), key order ignored."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        # keys by repr (a NaN key equals no other); merged YAML keys may come in another order
        by_repr = {repr(k): v for k, v in b.items()}
        return len(a) == len(b) == len(by_repr) and all(
            repr(k) in by_repr and _same(v, by_repr[repr(k)]) for k, v in a.items()
        )
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _reference(text: str, fmt: str, use_libyaml: bool) -> tuple[bool, object]:
    """(read, data) by the reference parser; (False, None) when it refuses the text.

    For YAML, PyYAML's safe loader on the same composer: libyaml and the pure-Python one
    differ on corner cases (`a: !` is '' in one and None in the other, `{a: b?c}`)."""
    try:
        if fmt == "json":
            return True, json.loads(text)
        if fmt == "toml":
            return True, tomllib.loads(text)
        loader = yaml.CSafeLoader if use_libyaml else yaml.SafeLoader
        return True, yaml.load(text, Loader=loader)
    except Exception:  # any refusal (including RecursionError) of the reference parser
        return False, None


def _nesting(value: object) -> int:
    """How deep containers nest in ``value``, the outermost one included."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            stack += [(v, depth + 1) for v in (item.values() if isinstance(item, dict) else item)]
    return deepest


def _check_positions(document: Document, text: str) -> None:
    # + 1: libyaml places an empty value at the end of a text without a final line break on
    # the next line (`---`: line 2, column 1)
    lines = len(re.findall(r"\r\n|\r|\n", text)) + 2
    every = [*document.positions.values(), *document.key_positions.values()]
    every += [position for _, position in document.findings]
    for line, column in every:
        assert 1 <= line <= lines, (line, lines)
        assert 1 <= column <= len(text) + 1, (column, len(text))
    for finding, _ in document.findings:
        assert finding.code in RULES, finding.code


def _parse(text: str, fmt: str, use_libyaml: bool) -> Document | str:
    _yaml.USE_LIBYAML = use_libyaml
    try:
        return parse_text(text, fmt)
    except LoadError as error:
        reason = str(error)
        assert reason, "empty LoadError"
        assert "\n" not in reason, repr(reason)
        assert "\r" not in reason, repr(reason)
        return reason
    finally:
        _yaml.USE_LIBYAML = True


def _refuse_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output (not JSON)")


def _strict_json(text: str) -> object:
    """``text`` as RFC 8259 JSON: ``json.loads`` alone accepts NaN and Infinity."""
    return json.loads(text, parse_constant=_refuse_constant)


def _report(document: Document) -> None:
    result = check_document(_PATH, document)
    for name, reporter in REPORTERS.items():
        stream = io.StringIO()
        reporter(stream).report([result])
        out = stream.getvalue()
        if name in ("json", "sarif"):
            _strict_json(out)
        elif name == "text":
            for line in out.splitlines()[:-1]:
                assert line.startswith(_PATH + ":"), repr(line)
        else:
            assert all(line.startswith("::") for line in out.splitlines()), repr(out)
        assert "##[" not in out
        for line in out.splitlines():
            assert len(line) <= 2 * 10 * MAX_TEXT + 1_000, len(line)  # cut, then escaped
            assert name == "github" or not line.lstrip().startswith("::"), repr(line)


def test_one_input(data: bytes) -> None:
    fmt, use_libyaml, body = _selector(data)
    try:
        text = decode(body)
    except LoadError as error:
        reason = str(error)
    else:
        reason = ""
    if reason:
        assert "\n" not in reason, repr(reason)
        return
    if fmt == "guess":
        fmt = detect_format(_PATH, text)
        assert fmt in FORMATS
    parsed = _parse(text, fmt, use_libyaml)
    if isinstance(parsed, str):
        read, expected = _reference(text, fmt, use_libyaml)
        if not any(limit in parsed for limit in _OWN_LIMITS):
            assert not read, f"{fmt}: the reference parser reads what the loader refused: {parsed}"
        if read and "nested too deeply" in parsed:
            assert _nesting(expected) > MAX_DEPTH, "refused as too deep within the limit"
        return
    assert _nesting(parsed.data) <= MAX_DEPTH, "read beyond the nesting limit"
    _check_positions(parsed, text)
    own_findings = {finding.code for finding, _ in parsed.findings}
    read, expected = _reference(text, fmt, use_libyaml)
    if read:
        assert _same(parsed.data, expected), "data differs from the reference parser"
    else:  # only a repeated TOML key may be read where tomllib refuses
        assert fmt == "toml", f"{fmt}: the reference parser refuses what was read"
        assert "CHM-E502" in own_findings, "tomllib refuses what was read"
    _report(parsed)


#: Constructs the examples do not use: (format index, text).
_EXTRA_SEEDS = (
    (0, '{"a": NaN, "a": [1e999, -Infinity, 25.0, "25", true], "b\\u0000/~": {}}'),
    (1, "base: &b {Audio: Receive}\nx:\n  <<: [*b, {Video: None}]\n  y: !!binary aGk=\n"),
    (1, "r: &r x\na: .nan\nb: .inf\nc: 1e999\nd: 2001-12-14t21:59:43.10-05:00\n? e\n: [*r]\n"),
    (2, "a = {b = 1, c.d = [1, {e = 2}]}\na = 3\n[t]\nx = nan\ny = inf\n[[t.u]]\nz = 1\n"),
    (2, '"q.k" = \'v\'\n\'l\' = """m\n"""\n[a.\'b\'."c"]\nd = 1979-05-27T07:32:00Z\n'),
    # constructors that fail on a tagged value; base 60; separators; headers and dotted keys
    (1, 'a: !!bool x\nb: !!int "_"\nc: !!float ""\nd: !!timestamp 2024-13-99\ne: 1:59:59\n'),
    (1, 'ExternalUserId: &s "x\u2028y\x85z"\nMeetingId: *s\nf: [[[[[[1]]]]]]\n'),
    (2, "[a.b.c.d]\ne.f.g = [[1], {h = {i = 1}}]\n[[a.b.x]]\ny.z = 2\n"),
)


def seeds() -> Iterator[tuple[str, bytes]]:
    for number, (selector, text) in enumerate(_EXTRA_SEEDS):
        yield f"extra-{number}", bytes([selector]) + text.encode()
    for path in example_files():
        fmt = {".yml": ".yaml"}.get(path.suffix, path.suffix)
        selector = EXTENSIONS.index(fmt)
        raw = path.read_bytes()
        yield f"{path.stem}{path.suffix}", bytes([selector]) + raw
        yield f"{path.stem}-guess{path.suffix}", bytes([3]) + raw
        if fmt == ".yaml":
            yield f"{path.stem}-pure{path.suffix}", bytes([selector | 4]) + raw


def main() -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    atheris.Setup(libfuzzer_args("loaders", seeds, sys.argv), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
