"""The check command: exit status, options, configuration, and what it never does."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from capabilities.cli.checker import detect_operation, resolve_operation
from capabilities.cli.loaders import LoadError

from .helpers import EXAMPLES, Run, run, run_process

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
GOOD_ATTENDEE = {
    "MeetingId": GUID,
    "ExternalUserId": "user-1",
    "Capabilities": {"Audio": "SendReceive", "Video": "SendReceive", "Content": "None"},
}
BAD_ATTENDEE = {
    "MeetingId": GUID,
    "ExternalUserId": "user-1",
    "Capabilities": {"Audio": "SendReceive", "Video": "Send", "Content": "Receive"},
}
VIDEO_OFF_MEETING = {
    "ClientRequestToken": "token-1",
    "MediaRegion": "us-east-1",
    "ExternalMeetingId": "meeting-1",
    "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
}


def _write(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
    return path


def _codes(result: Run) -> list[str]:
    data = json.loads(result.out)
    return [f["code"] for file in data["files"] for f in file["findings"]]


def test_exit_0_for_valid_files(tmp_path: Path) -> None:
    good = _write(tmp_path / "attendee.json", GOOD_ATTENDEE)
    result = run("check", str(good), str(EXAMPLES / "profiles" / "webinar.yaml"), cwd=tmp_path)
    assert result.status == 0, result.out
    assert "0 error(s), 3 warning(s)" in result.out
    assert result.err == ""


def test_exit_1_for_an_error_and_strict_warnings(tmp_path: Path) -> None:
    bad = _write(tmp_path / "attendee.json", BAD_ATTENDEE)
    result = run("check", str(bad), cwd=tmp_path)
    assert result.status == 1
    assert f"{bad}:7:16: error CHM-E303 " in result.out
    webinar = str(EXAMPLES / "profiles" / "webinar.yaml")
    assert run("check", webinar, cwd=tmp_path).status == 0
    assert run("check", "--strict", webinar, cwd=tmp_path).status == 1


def test_exit_2_and_every_file_is_still_reported(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.json", BAD_ATTENDEE)
    broken = tmp_path / "broken.json"
    broken.write_text('{"MeetingId": ', encoding="utf-8")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("ExternalUserId: caf\xe9\n".encode("latin-1"))
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    result = run(
        "check",
        str(broken),
        str(tmp_path / "missing.json"),
        str(bad),
        str(latin),
        str(fifo),
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert result.status == 2
    files = {f["path"]: f for f in json.loads(result.out)["files"]}
    assert [f["code"] for f in files[str(bad)]["findings"]] == ["CHM-E303"]
    assert "invalid JSON at line 1, column 15" in files[str(broken)]["error"]
    assert files[str(tmp_path / "missing.json")]["error"] == "no such file"
    assert "not UTF-8" in files[str(latin)]["error"]
    assert files[str(fifo)]["error"] == "not a regular file"
    reasons = result.err.splitlines()
    assert len(reasons) == 4
    assert all(line.startswith("chime-capabilities: error: ") for line in reasons)


def test_real_process_exit_statuses_without_tracebacks(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.json", GOOD_ATTENDEE)
    bad = _write(tmp_path / "bad.json", BAD_ATTENDEE)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\x00\x01\x02\xff")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("ExternalUserId: caf\xe9\n".encode("latin-1"))
    malformed_yaml = tmp_path / "malformed.yaml"
    malformed_yaml.write_text("MeetingId: [1, 2\n", encoding="utf-8")
    malformed_toml = tmp_path / "malformed.toml"
    malformed_toml.write_text("MeetingId = \n", encoding="utf-8")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    cases = [
        ((str(good),), 0),
        ((str(bad),), 1),
        ((str(binary), str(good)), 2),
        ((str(latin),), 2),
        ((str(malformed_yaml),), 2),
        ((str(malformed_toml),), 2),
        ((str(fifo),), 2),
        ((str(tmp_path / "missing.json"),), 2),
        (("--format", "nope", str(good)), 2),
        (("--operation", "NoSuchOperation", str(good)), 2),
        (("--select", "X9", str(good)), 2),
        (("--max-file-size", "lots", str(good)), 2),
        (("--max-file-size", "10", str(good)), 2),
        (("--meeting-features", str(tmp_path / "nope.json"), str(good)), 2),
    ]
    for args, status in cases:
        result = run_process("check", *args, cwd=tmp_path)
        assert result.status == status, (args, result)
        assert "Traceback" not in result.err + result.out
        if status != 2:
            continue
        reasons = [line for line in result.out.splitlines() if ": error: " in line]
        if reasons:  # a file's reason: once, one line naming it, in the report
            assert result.err == ""
            assert len(reasons) == 1, (args, reasons)
            named = [
                a for a in args if re.match(rf"{re.escape(a)}(:\d+:\d+)?: error: ", reasons[0])
            ]
            assert named, (args, reasons)
        else:  # a usage error: on stderr
            assert "error: " in result.err.strip().splitlines()[-1], args


def test_select_and_ignore(tmp_path: Path) -> None:
    broken = str(EXAMPLES / "profiles" / "broken.json")
    everything = _codes(run("check", "--format", "json", broken, cwd=tmp_path))
    assert set(everything) == {
        "CHM-E102",
        "CHM-E107",
        "CHM-E303",
        "CHM-E401",
        "CHM-E403",
        "CHM-E501",
        "CHM-E502",
        "CHM-E503",
    }
    assert set(
        _codes(run("check", "--format", "json", "--select", "CHM-E5", broken, cwd=tmp_path))
    ) == {
        "CHM-E501",
        "CHM-E502",
        "CHM-E503",
    }
    only = run(
        "check",
        "--format",
        "json",
        "--select",
        "CHM-E4,CHM-E1",
        "--ignore",
        "chm-e403",
        broken,
        cwd=tmp_path,
    )
    assert set(_codes(only)) == {"CHM-E102", "CHM-E107", "CHM-E401"}
    ignored = run("check", "--ignore", "CHM-E", broken, cwd=tmp_path)
    assert ignored.status == 0
    assert "0 error(s)" in ignored.out


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["E3", "E303", "W", "CHM-E9", "CHM-E3031"])
def test_a_code_without_the_prefix_is_a_usage_error(
    tmp_path: Path, option: str, value: str
) -> None:
    broken = str(EXAMPLES / "profiles" / "broken.json")
    result = run_process("check", option, value, broken, cwd=tmp_path)
    assert result.status == 2
    assert result.out == ""
    assert (
        result.err.strip()
        .splitlines()[-1]
        .endswith(
            f"{value!r} is not a rule code or a prefix of one: codes look like CHM-E303, "
            "prefixes like CHM-E3 (see: rules)"
        )
    )


def test_configuration_in_pyproject(tmp_path: Path) -> None:
    project = tmp_path / "project"
    nested = project / "config" / "chime"
    nested.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.chime-capabilities]\nselect = ["CHM-W"]\n')
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n'
        '[tool.chime-capabilities]\nignore = ["CHM-E5", "CHM-W305"]\nstrict = true\n'
    )
    (nested / "pyproject.toml").write_text('[project]\nname = "no table here"\n')
    broken = str(EXAMPLES / "profiles" / "broken.json")
    codes = set(_codes(run("check", "--format", "json", broken, cwd=nested)))
    assert codes == {"CHM-E102", "CHM-E107", "CHM-E303", "CHM-E401", "CHM-E403"}
    # strict from the configuration: the CHM-W304 warning fails
    webinar = str(EXAMPLES / "profiles" / "webinar.yaml")
    assert run("check", webinar, cwd=nested).status == 1
    assert run("check", "--no-config", webinar, cwd=nested).status == 0
    # the command line replaces the configuration's value
    assert set(
        _codes(run("check", "--format", "json", "--ignore", "CHM-E1", broken, cwd=nested))
    ) == {
        "CHM-E303",
        "CHM-E401",
        "CHM-E403",
        "CHM-E501",
        "CHM-E502",
        "CHM-E503",
    }
    (project / "pyproject.toml").write_text("[tool.chime-capabilities]\nsurprise = 1\n")
    result = run("check", webinar, cwd=nested)
    assert result.status == 2
    assert "unknown key(s)" in result.err
    (project / "pyproject.toml").write_text('[tool.chime-capabilities]\nselect = ["Q"]\n')
    assert run("check", webinar, cwd=nested).status == 2


@pytest.mark.parametrize(
    ("members", "operation"),
    [
        ({"MeetingId": GUID, "ExternalUserId": "u1"}, "CreateAttendee"),
        ({"MeetingId": GUID, "Attendees": []}, "BatchCreateAttendee"),
        ({"MeetingId": GUID, "AttendeeId": GUID, "Capabilities": {}}, "UpdateAttendeeCapabilities"),
        (
            {"MeetingId": GUID, "ExcludedAttendeeIds": [], "Capabilities": {}},
            "BatchUpdateAttendeeCapabilitiesExcept",
        ),
        (
            {"ClientRequestToken": "t1", "MediaRegion": "us-east-1", "ExternalMeetingId": "m1"},
            "CreateMeeting",
        ),
        ({"MediaRegion": "us-east-1", "Attendees": []}, "CreateMeetingWithAttendees"),
        ({"MeetingId": GUID, "MaxResults": 5}, "ListAttendees"),
        ({"MeetingId": GUID, "ExternalUserId": "u1", "Capabilites": {}}, "CreateAttendee"),
    ],
)
def test_operation_is_recognized(members: dict[str, object], operation: str) -> None:
    assert detect_operation(members) == operation


@pytest.mark.parametrize(
    ("members", "fits"),
    [
        ({"MeetingId": GUID, "AttendeeId": GUID}, ["GetAttendee", "DeleteAttendee"]),
        ({"MeetingId": GUID}, ["GetMeeting", "DeleteMeeting", "ListAttendees"]),
        ({"MeetingId": GUID, "Capabilities": {}}, ["CreateAttendee", "UpdateAttendeeCapabilities"]),
    ],
)
def test_ambiguous_files_say_which_options_fit(members: dict[str, object], fits: list[str]) -> None:
    with pytest.raises(LoadError) as info:
        detect_operation(members)
    for name in fits:
        assert name in str(info.value)
    assert "--operation" in str(info.value)


def test_ambiguous_file_exit_status(tmp_path: Path) -> None:
    path = _write(tmp_path / "get.json", {"MeetingId": GUID, "AttendeeId": GUID})
    result = run("check", str(path), cwd=tmp_path)
    assert result.status == 2
    assert "--operation get-attendee" in result.out
    assert "--operation delete-attendee" in result.out
    assert run("check", "--operation", "get-attendee", str(path), cwd=tmp_path).status == 0
    assert run("check", "--operation", "DeleteAttendee", str(path), cwd=tmp_path).status == 0
    assert run("check", "--operation", "delete_attendee", str(path), cwd=tmp_path).status == 0
    assert resolve_operation("batch-update-attendee-capabilities-except") == (
        "BatchUpdateAttendeeCapabilitiesExcept"
    )


def test_meeting_features_sources(tmp_path: Path) -> None:
    attendee = _write(tmp_path / "attendee.json", GOOD_ATTENDEE)
    unchecked = run("check", "--format", "json", str(attendee), cwd=tmp_path)
    assert json.loads(unchecked.out)["files"][0]["unchecked"] == [
        {
            "code": "CHM-E301",
            "reason": "the meeting's features are unknown (pass --meeting-features) or invalid",
        },
        {
            "code": "CHM-E302",
            "reason": "the meeting's features are unknown (pass --meeting-features) or invalid",
        },
    ]
    assert "note: not checked: CHM-E301, CHM-E302" in run("check", str(attendee), cwd=tmp_path).out
    sources = {
        "create-meeting.json": VIDEO_OFF_MEETING,
        "get-meeting.json": {
            "Meeting": {"MeetingId": GUID, "MeetingFeatures": {"Video": {"MaxResolution": "None"}}}
        },
        "features.json": {"Video": {"MaxResolution": "None"}},
        "profile.json": {"MeetingFeatures": {"Video": {"MaxResolution": "None"}}, "presets": {}},
    }
    for name, content in sources.items():
        source = _write(tmp_path / name, content)
        result = run(
            "check",
            "--format",
            "json",
            "--meeting-features",
            str(source),
            str(attendee),
            cwd=tmp_path,
        )
        assert result.status == 1, name
        assert _codes(result) == ["CHM-E301"]
        assert json.loads(result.out)["files"][0]["unchecked"] == []
    profiles = str(EXAMPLES / "profiles" / "webinar.yaml")
    result = run("check", "--meeting-features", profiles, str(attendee), cwd=tmp_path)
    assert result.status == 2
    assert "FILE#NAME" in result.err
    assert (
        run(
            "check", "--meeting-features", profiles + "#town-hall", str(attendee), cwd=tmp_path
        ).status
        == 1
    )
    assert (
        run(
            "check", "--meeting-features", profiles + "#webinar", str(attendee), cwd=tmp_path
        ).status
        == 0
    )
    invalid = _write(tmp_path / "invalid.json", {"Video": {"MaxResolution": "UHD"}})
    result = run("check", "--meeting-features", str(invalid), str(attendee), cwd=tmp_path)
    assert result.status == 2
    assert "CHM-E403" in result.err


def test_kind_option(tmp_path: Path) -> None:
    profile = _write(tmp_path / "p.json", {"presets": {"a": None}})
    assert run("check", "--kind", "profile", str(profile), cwd=tmp_path).status == 0
    as_input = run("check", "--kind", "cli-input", str(profile), cwd=tmp_path)
    assert as_input.status == 2
    assert "no covered operation" in as_input.out
    attendee = _write(tmp_path / "a.json", GOOD_ATTENDEE)
    as_profile = run("check", "--format", "json", "--kind", "profile", str(attendee), cwd=tmp_path)
    assert as_profile.status == 1
    assert set(_codes(as_profile)) == {"CHM-E503"}


def _tree(root: Path) -> dict[str, tuple[int, str]]:
    out = {}
    for path in sorted(root.rglob("*")):
        stat = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        out[str(path.relative_to(root))] = (stat.st_mode, digest)
    return out


def test_never_writes_next_to_what_it_checks(tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    (tree / "chime-profiles").mkdir(parents=True)
    for example in (EXAMPLES / "profiles").iterdir():
        (tree / "chime-profiles" / example.name).write_bytes(example.read_bytes())
    (tree / "attendee.json").write_text(json.dumps(BAD_ATTENDEE))
    (tree / "pyproject.toml").write_text('[tool.chime-capabilities]\nignore = ["CHM-W"]\n')
    # files that cannot be read or are refused: nothing is written for them either
    hostile = tree / "hostile"
    hostile.mkdir()
    (hostile / "empty.json").write_bytes(b"")
    (hostile / "binary.yaml").write_bytes(b"\x00\x01")
    (hostile / "latin1.toml").write_bytes("a = 'caf\xe9'\n".encode("latin-1"))
    (hostile / "deep.json").write_text("[" * 1000 + "]" * 1000)
    (hostile / "tag.yaml").write_text("a: !!python/object/apply:os.system ['touch pwned']\n")
    (hostile / "bomb.yaml").write_text(
        'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]\n'
        + "".join(
            f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh")
        )
    )
    (hostile / "directory.json").mkdir()
    before = _tree(tree)
    mtimes = {p: p.stat().st_mtime_ns for p in tree.rglob("*")}
    files = [str(p) for p in sorted(tree.rglob("*")) if p.is_file() or p.suffix == ".json"]
    features = str(tree / "chime-profiles" / "webinar.yaml") + "#town-hall"
    for fmt in ("text", "json", "github", "sarif"):
        assert run_process("check", "--format", fmt, *files, cwd=tree).status == 2
        with_features = run("check", "--format", fmt, "--meeting-features", features, *files)
        assert with_features.status == 2
    assert run_process("explain", "--format", "json", *files, cwd=tree).status == 2
    assert run("explain", *files, cwd=tree).status == 2
    assert run("rules", "--format", "json", cwd=tree).status == 0
    assert _tree(tree) == before
    assert {p: p.stat().st_mtime_ns for p in tree.rglob("*")} == mtimes
    assert not (tree / "pwned").exists()


def test_sensitive_values_never_appear(tmp_path: Path) -> None:
    secret_user = "aws:SECRET-user-Ø×"
    secret_token = "SECRET token!"
    meeting: dict[str, object] = dict(
        VIDEO_OFF_MEETING, ClientRequestToken=secret_token, ExternalMeetingId="a" * 70 + "SECRET"
    )
    meeting["Attendees"] = [{"ExternalUserId": secret_user}, {"ExternalUserId": secret_user}]
    path = _write(tmp_path / "meeting.json", meeting)
    yaml_path = tmp_path / "attendee.yaml"
    yaml_path.write_text(
        f'MeetingId: {GUID}\nExternalUserId: "{secret_user}"\nExternalUserId: "SECRET"\n'
    )
    for fmt in ("text", "json", "github", "sarif"):
        result = run("check", "--format", fmt, str(path), str(yaml_path), cwd=tmp_path)
        assert result.status == 1
        assert "SECRET" not in result.out + result.err
        assert "CHM-E202" in result.out


def test_rules_and_version(tmp_path: Path) -> None:
    listing = run("rules", cwd=tmp_path)
    assert listing.status == 0
    assert any(line.startswith("CHM-E501  error") for line in listing.out.splitlines())
    catalog = json.loads(run("rules", "--format", "json").out)
    assert {"CHM-E502", "CHM-E303", "CHM-W304"} <= {rule["code"] for rule in catalog["rules"]}
    version = run_process("--version", cwd=tmp_path)
    assert version.status == 0
    assert version.out.startswith("chime-capabilities ")
    assert run_process(cwd=tmp_path).status == 2  # no command is a usage error
