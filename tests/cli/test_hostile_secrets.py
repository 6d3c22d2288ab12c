"""Values of sensitive members never leave the command line: not in any output format, not on
stderr, not in a finding's repr, whether the value breaks a rule or not, whatever file
format holds it, and when the file next to it cannot be read."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any, Callable

import yaml
from hypothesis import given
from hypothesis import strategies as st

from capabilities import _model as m
from capabilities.cli import execute, parse_args
from capabilities.cli.checker import check_document, load_meeting_features
from capabilities.cli.loaders import load_file

from .helpers import Run

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
MEETING = {"ClientRequestToken": "token-1", "MediaRegion": "us-east-1", "ExternalMeetingId": "m-1"}
#: The sensitive members, as the reference lists them.
SENSITIVE = (
    "ExternalUserId",
    "ExternalMeetingId",
    "MeetingHostId",
    "JoinToken",
    "ClientRequestToken",
    "LambdaFunctionArn",
    "SnsTopicArn",
    "SqsQueueArn",
)

#: member -> files that hold the secret there (each a function of the secret)
Build = Callable[[str], dict[str, Any]]
PLACES: dict[str, list[Build]] = {
    "ExternalUserId": [
        lambda s: {"MeetingId": GUID, "ExternalUserId": s},
        lambda s: {"MeetingId": GUID, "Attendees": [{"ExternalUserId": s}, {"ExternalUserId": s}]},
        lambda s: {**MEETING, "Attendees": [{"ExternalUserId": s}]},
    ],
    "ExternalMeetingId": [lambda s: {**MEETING, "ExternalMeetingId": s}],
    "MeetingHostId": [lambda s: {**MEETING, "MeetingHostId": s}],
    "ClientRequestToken": [lambda s: {**MEETING, "ClientRequestToken": s}],
    # JoinToken is a response member: in a request it is an unknown member (CHM-E103)
    "JoinToken": [lambda s: {"MeetingId": GUID, "ExternalUserId": "user-1", "JoinToken": s}],
}


def _notification(arn: str) -> Build:
    return lambda s: {**MEETING, "NotificationsConfiguration": {arn: s}}


for _arn in ("LambdaFunctionArn", "SnsTopicArn", "SqsQueueArn"):
    PLACES[_arn] = [_notification(_arn)]


def _sensitive_members(shape: m.Shape, name: str, out: set[str]) -> None:
    if isinstance(shape, m.String) and shape.sensitive:
        out.add(name)
    elif isinstance(shape, m.Structure):
        for member, sub in shape.members.items():
            _sensitive_members(sub, member, out)
    elif isinstance(shape, m.ListOf):
        _sensitive_members(shape.member, name, out)


def test_every_sensitive_member_of_the_model_is_covered() -> None:
    found: set[str] = set()
    for op in m.OPERATIONS.values():
        for shape in (op.request, op.response):
            if shape is not None:
                _sensitive_members(shape, op.name, found)
    assert found == set(SENSITIVE) == set(PLACES)


# --- writing the files ----------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # a JSON string is a TOML basic string, but for DEL, which TOML wants escaped
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": lambda doc: json.dumps(doc, ensure_ascii=False, indent=2),
    "yaml": lambda doc: yaml.safe_dump(doc, allow_unicode=True),
    "toml": lambda doc: "".join(f"{json.dumps(k)} = {_toml_value(v)}\n" for k, v in doc.items()),
}
#: Something after the document that makes the file unreadable in each format.
BREAKERS = {"json": "\n{", "yaml": "\n: : [\n", "toml": "\n= broken\n"}

# A distinctive core, with something around it that may or may not break a rule: too long,
# reserved prefix, characters outside every pattern, line breaks, format directives.
_CORES = st.uuids().map(lambda u: u.hex)
_PREFIXES = ["", "arn:aws:sns:us-east-1:111122223333:", "aws:", "AWS:", "!", " ", "é", "x" * 70]
_SUFFIXES = ["", "!", "#", "«»", "\x00", "\u2028", "\n", "x" * 2100, "%s", "{0}", "\ud7ff"]
secrets = st.tuples(st.sampled_from(_PREFIXES), _CORES, st.sampled_from(_SUFFIXES))

FORMATS = ("text", "json", "github", "sarif")


def _run(args: list[str], cwd: Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    status = execute(parse_args(args), stdout=out, stderr=err, cwd=cwd)
    return Run(status, out.getvalue(), err.getvalue())


@given(
    member=st.sampled_from(SENSITIVE),
    place=st.integers(min_value=0, max_value=2),
    parts=secrets,
    file_format=st.sampled_from(sorted(WRITERS)),
    broken=st.booleans(),
)
def test_sensitive_values_never_in_any_output(
    member: str, place: int, parts: tuple[str, str, str], file_format: str, broken: bool
) -> None:
    prefix, core, suffix = parts
    secret = prefix + core + suffix
    builds = PLACES[member]
    document = builds[place % len(builds)](secret)
    with tempfile.TemporaryDirectory() as work:
        tmp = Path(work)
        path = tmp / f"request.{file_format}"
        path.write_text(WRITERS[file_format](document), encoding="utf-8")
        # the meeting this request is about, as a GetMeeting response that lists the attendee
        response = {
            "Meeting": {"MeetingId": GUID, "MeetingFeatures": {"Video": {"MaxResolution": "None"}}},
            "Attendees": [{"AttendeeId": GUID, "ExternalUserId": secret, "JoinToken": secret}],
        }
        features = tmp / f"meeting.{file_format}"
        features.write_text(WRITERS[file_format](response), encoding="utf-8")
        other = tmp / f"other.{file_format}"
        other.write_text(WRITERS[file_format](document) + BREAKERS[file_format], encoding="utf-8")
        files = [str(path), str(other)] if broken else [str(path)]
        texts = []
        for fmt in FORMATS:
            args = ["check", "--no-config", "--format", fmt, "--meeting-features", str(features)]
            result = _run([*args, *files], tmp)
            assert result.status in ((2,) if broken else (0, 1)), result.err
            # the broken file's reason, on stderr too where stdout is for programs
            assert bool(result.err) == (broken and fmt in ("json", "sarif")), result.err
            texts += [result.out, result.err]
        # the checker's own objects, as a program using it would see them
        checked = check_document(
            str(path),
            load_file(str(path)),
            meeting_features=load_meeting_features(str(features), max_size=1 << 20),
        )
        texts += [repr(checked), *(repr(item) for item in checked.findings)]
    for text in texts:
        assert core not in text
        assert secret not in text


ALIASED_SECRET = "SeCrEt7f3a9b"
#: A sensitive member's value placed in another member by a YAML alias (either way round).
ALIASED = (
    f"ExternalUserId: &s {ALIASED_SECRET}\nMeetingId: *s\n",
    f"MeetingId: &s {ALIASED_SECRET}\nExternalUserId: *s\n",
    f"MeetingId: {GUID}\nExternalUserId: &s {ALIASED_SECRET}\n"
    "Capabilities: {Audio: *s, Video: *s, Content: *s}\n",
    f"ExternalUserId: &s [{ALIASED_SECRET}]\nMeetingId: *s\n",
    f"presets:\n  a: {{ExternalUserId: &s {ALIASED_SECRET}}}\ntransitions:\n"
    "  - {from: a, to: *s}\n",
)


def test_a_sensitive_value_as_a_key_through_a_yaml_alias_is_refused() -> None:
    text = f"ExternalUserId: &s {ALIASED_SECRET}\nMeetingId: {GUID}\n? *s\n: 1\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aliased.yaml"
        path.write_text(text, encoding="utf-8")
        for fmt in ("text", "json", "github", "sarif"):
            result = _run(["check", "--no-config", "--format", fmt, str(path)], Path(folder))
            assert result.status == 2
            assert "a key is the value of a sensitive member" in result.out
            assert ALIASED_SECRET not in result.out + result.err


def test_a_sensitive_value_through_a_yaml_alias_is_shown_nowhere() -> None:
    for text in ALIASED:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "aliased.yaml"
            path.write_text(text, encoding="utf-8")
            for fmt in ("text", "json", "github", "sarif"):
                result = _run(["check", "--no-config", "--format", fmt, str(path)], Path(folder))
                assert result.status == 1, (text, result)
                assert ALIASED_SECRET not in result.out + result.err, (text, fmt)
                assert "through a YAML alias" in result.out


def test_a_sensitive_value_through_an_alias_into_meeting_features() -> None:
    text = (
        f"ClientRequestToken: &s {ALIASED_SECRET}\nMediaRegion: us-east-1\n"
        "MeetingFeatures: {Audio: {EchoReduction: *s}}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meeting.yaml"
        path.write_text(text, encoding="utf-8")
        attendee = Path(folder) / "attendee.json"
        attendee.write_text(json.dumps({"MeetingId": GUID, "ExternalUserId": "u"}))
        result = _run(
            ["check", "--no-config", "--meeting-features", str(path), str(attendee)], Path(folder)
        )
        assert result.status == 2
        assert "CHM-E107" in result.err
        assert ALIASED_SECRET not in result.out + result.err


TOML_KEY = "SeCrEtKey41"


def test_toml_parse_errors_quote_no_key() -> None:
    texts = (
        f"[{TOML_KEY}]\na = 1\n[{TOML_KEY}]\nb = 2\n",
        f"a = {{{TOML_KEY} = 1, {TOML_KEY} = 2}}\n",
        f"{TOML_KEY} = {{a = 1}}\n[{TOML_KEY}.b]\n",
        f"[[{TOML_KEY}]]\n[{TOML_KEY}]\n",
        f"{TOML_KEY} = [1]\n[[{TOML_KEY}]]\n",
        f'"{TOML_KEY}".x = 1\n"{TOML_KEY}" = 2\n',
    )
    for text in texts:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bad.toml"
            path.write_text(text, encoding="utf-8")
            result = _run(["check", "--no-config", str(path)], Path(folder))
            assert result.status == 2, text
            assert "invalid TOML" in result.out
            assert TOML_KEY not in result.err + result.out, (text, result.err)


EXPLAIN_SECRET = "SeCrEtXp1a1n"


def test_explain_shows_only_values_the_model_lets_it_show() -> None:
    """A misplaced sensitive member (or any member the model does not define) under
    MeetingFeatures is not shown by explain, in either format; what the model defines is."""
    features = {
        "Video": {"MaxResolution": "FHD", "JoinToken": EXPLAIN_SECRET},
        "ExternalMeetingId": EXPLAIN_SECRET,
        "JoinToken": EXPLAIN_SECRET,
        "Other": {"Deep": [EXPLAIN_SECRET]},
        "Attendee": {"MaxCount": 25},
    }
    profile = {"presets": {"viewer": None}, "MeetingFeatures": features}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profile.json"
        path.write_text(json.dumps(profile), encoding="utf-8")
        text = _run(["explain", str(path)], Path(folder))
        as_json = _run(["explain", "--format", "json", str(path)], Path(folder))
    for result in (text, as_json):
        assert result.status == 0, result
        assert EXPLAIN_SECRET not in result.out + result.err
    shown = json.loads(as_json.out)["files"][0]["profiles"][0]["meeting_features"]
    assert shown["Video"] == {"MaxResolution": "FHD"}
    assert shown["Attendee"] == {"MaxCount": 25}
    assert set(shown) <= {"Audio", "Video", "Content", "Attendee"}
