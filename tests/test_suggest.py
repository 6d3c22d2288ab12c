"""Messages that teach: "did you mean" for member names and regions, and why a fix changes a
second member."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from capabilities import _model as m
from capabilities import validate
from capabilities.suggest import did_you_mean, near_region, yaml_boolean

from .cli.helpers import run_process

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
MEMBERS = sorted(m.ATTENDEE_CAPABILITIES.members)
REGIONS = sorted(m.MEDIA_REGIONS)


@given(st.sampled_from(MEMBERS), st.data())
def test_a_member_name_in_another_case_is_recognised(name: str, data: st.DataObject) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    written = "".join(c.swapcase() if flip else c for c, flip in zip(name, flips))
    report = validate(
        "CreateAttendee",
        {"MeetingId": GUID, "ExternalUserId": "abc", "Capabilities": {written: "None"}},
    )
    unknown = [f for f in report.findings if f.code == "CHM-E103"]
    if written == name:
        assert not unknown
    else:
        assert f"(did you mean {name!r}?)" in unknown[0].message


def test_a_misspelt_member_is_recognised_and_a_far_one_is_not() -> None:
    known = m.OPERATIONS["CreateAttendee"].request.members
    assert did_you_mean("Capabilites", known) == " (did you mean 'Capabilities'?)"
    assert did_you_mean("ExternalUserID", known) == " (did you mean 'ExternalUserId'?)"
    assert did_you_mean("Colour", known) == ""


@given(st.sampled_from(REGIONS), st.sampled_from([str.upper, str.lower, str.title]), st.data())
def test_a_region_written_another_way_is_recognised(
    region: str, case: Callable[[str], str], data: st.DataObject
) -> None:
    written = case(region)
    if data.draw(st.booleans()):
        written = written[::-1].replace("-", "", 1)[::-1]  # us-east-1 -> us-east1
    if data.draw(st.booleans()):
        written = written.replace("-", "_")
    assert near_region(written, REGIONS) == f" (did you mean {region!r}?)"


def test_a_far_region_gets_no_suggestion() -> None:
    assert near_region("mars-north-9", REGIONS) == ""
    report = validate(
        "CreateMeeting",
        {
            "ClientRequestToken": "abcdefghijk",
            "ExternalMeetingId": "abc",
            "MediaRegion": "US-EAST-1",
        },
    )
    assert report.findings[0].message.endswith("(did you mean 'us-east-1'?)")


def test_through_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "create-attendee.yaml").write_text(
        f"MeetingId: {GUID}\nExternalUserId: abc\nCapabilites: {{Audio: None}}\n"
    )
    done = run_process("check", "create-attendee.yaml", cwd=tmp_path)
    assert (
        "3:1: error CHM-E103 unknown member 'Capabilites' (did you mean 'Capabilities'?);"
        in done.out
    )
    (tmp_path / "create-attendee.yaml").write_text(
        f"MeetingId: {GUID}\nExternalUserId: abc\n"
        "Capabilities: {Audio: None, Video: Send, Content: Receive}\n"
    )
    features = tmp_path / "features.json"
    features.write_text('{"Video": {"MaxResolution": "None"}}')
    done = run_process(
        "check", "create-attendee.yaml", "--meeting-features", features.name, cwd=tmp_path
    )
    assert (
        "Video Send is refused; the fix also sets Content to None: content is received only"
        in done.out
    )
    assert (
        "and Video is Send; the fix also sets Video to None: the meeting has video off" in done.out
    )


def test_meeting_features_errors_name_the_profiles_and_every_finding(tmp_path: Path) -> None:
    (tmp_path / "create-attendee.json").write_text(
        '{"MeetingId": "%s", "ExternalUserId": "abc"}' % GUID  # noqa: UP031
    )
    webinar = Path(__file__).resolve().parents[1] / "examples" / "profiles" / "webinar.yaml"
    named = run_process(
        "check", "create-attendee.json", "--meeting-features", f"{webinar}#nope", cwd=tmp_path
    )
    assert named.status == 2
    assert "no profile named 'nope'; profiles: 'webinar', 'town-hall'" in named.err
    (tmp_path / "features.json").write_text(
        '{"Video": {"MaxResolution": "4K"}, "Content": {"MaxResolution": "8K"}}'
    )
    invalid = run_process(
        "check", "create-attendee.json", "--meeting-features", "features.json", cwd=tmp_path
    )
    assert invalid.status == 2
    assert "invalid MeetingFeatures (2 error(s)): /Content/MaxResolution: CHM-E107 " in invalid.err
    assert "; /Video/MaxResolution: CHM-E107 '4K' is not a VideoResolution" in invalid.err


def test_a_yaml_boolean_is_explained_except_for_a_sensitive_member(tmp_path: Path) -> None:
    (tmp_path / "create-attendee.yaml").write_text(
        f"MeetingId: {GUID}\nExternalUserId: Yes\n"
        "Capabilities:\n  Audio: on\n  Video: NO\n  Content: 'None'\n"
    )
    done = run_process("check", "create-attendee.yaml", cwd=tmp_path)
    lines = done.out.splitlines()
    assert lines[0] == (
        "create-attendee.yaml:2:17: error CHM-E101 expected a string (ExternalUserId), got boolean "
        "(at /ExternalUserId)"
    )
    assert (
        "got boolean (YAML 1.1 reads the unquoted on as a boolean; write 'on' in quotes)"
        in lines[1]
    )
    assert (
        "got boolean (YAML 1.1 reads the unquoted NO as a boolean; write 'NO' in quotes)"
        in lines[2]
    )
    assert "Yes" not in done.out


@given(
    st.sampled_from(["yes", "no", "true", "false", "on", "off"]),
    st.sampled_from([str.lower, str.title, str.upper]),
)
def test_yaml_boolean_words(word: str, case: Callable[[str], str]) -> None:
    written = case(word)
    assert yaml_boolean(f"a: {written}\n", 3) == (
        f" (YAML 1.1 reads the unquoted {written} as a boolean; write '{written}' in quotes)"
    )
    assert yaml_boolean(f"a: {written}x\n", 3) == ""


@given(
    st.lists(st.text("abcAB", min_size=1, max_size=6), min_size=1, max_size=4),
    st.text("abcAB", max_size=20),
)
def test_the_suggestion_is_difflibs_whatever_the_length(names: list[str], name: str) -> None:
    """The length bound and the kept answers change nothing: the same suggestion as a search
    of every name with difflib, written out here."""
    folded = {candidate.casefold(): candidate for candidate in names}
    meant = folded.get(name.casefold())
    if meant is None:
        close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.8)
        meant = folded[close[0]] if close else None
    expected = f" (did you mean {meant!r}?)" if meant is not None else ""
    assert did_you_mean(name, names) == expected
