"""Meeting profiles: checked through the engine, findings placed in the profile file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capabilities import _model as m
from capabilities import apply_fixes, normalize, validate
from capabilities.profiles import check_profiles, is_profile_document, iter_profiles

from .helpers import EXAMPLES, run, run_process

GUID = "2b8d4a6c-1f3e-4d5a-9b7c-0e1f2a3b4c5d"
CAPABILITY = st.sampled_from([*m.MEDIA_CAPABILITIES, "sendreceive", 7])
CAPABILITIES = st.one_of(
    st.none(),
    st.fixed_dictionaries({}, optional=dict.fromkeys(("Audio", "Video", "Content"), CAPABILITY)),
)
FEATURES = st.fixed_dictionaries(
    {},
    optional={
        "Video": st.fixed_dictionaries({"MaxResolution": st.sampled_from(m.VIDEO_RESOLUTIONS)}),
        "Content": st.fixed_dictionaries({"MaxResolution": st.sampled_from(m.CONTENT_RESOLUTIONS)}),
        "Attendee": st.fixed_dictionaries({"MaxCount": st.sampled_from([10, 25])}),
    },
)
NAMES = st.text(st.characters(codec="ascii", exclude_characters="\x00"), min_size=1, max_size=8)


def _by_code(findings: Any, prefix: str) -> set[tuple[str, str]]:
    inside = [f for f in findings if f.path == prefix or f.path.startswith(prefix + "/")]
    return {(f.code, f.path[len(prefix) :]) for f in inside}


@given(FEATURES, st.dictionaries(NAMES, CAPABILITIES, max_size=4), st.booleans())
def test_presets_get_the_engine_findings_of_an_attendee_request(
    features: dict[str, Any], presets: dict[str, Any], multi: bool
) -> None:
    profile = {"MeetingFeatures": features, "presets": presets}
    document = {"profiles": {"p": profile}} if multi else profile
    base = "/profiles/p" if multi else ""
    report = check_profiles(document)
    # the meeting's own findings: those of a CreateMeeting with these features
    meeting = validate(
        "CreateMeeting",
        {
            "ClientRequestToken": "t1",
            "MediaRegion": "us-east-1",
            "ExternalMeetingId": "m1",
            "MeetingFeatures": features,
        },
    )
    assert _by_code(report.findings, base + "/MeetingFeatures") == _by_code(
        meeting.findings, "/MeetingFeatures"
    )
    # The presets are judged against the meeting's resolutions whenever those can be read,
    # whatever else is wrong with the features (CHM-E401/CHM-E402 do not hide them).
    unreadable = {"/MeetingFeatures"} | {
        f"/MeetingFeatures/{member}{leaf}"
        for member in ("Video", "Content")
        for leaf in ("", "/MaxResolution")
    }
    resolutions_only: Any = None
    if not any(f.severity == "error" and f.path in unreadable for f in meeting.findings):
        resolutions_only = {"Attendee": {"MaxCount": 1}}
        for member in ("Video", "Content"):
            if "MaxResolution" in features.get(member, {}):
                resolutions_only[member] = {"MaxResolution": features[member]["MaxResolution"]}
    for name, caps in presets.items():
        token = name.replace("~", "~0").replace("/", "~1")
        params: dict[str, Any] = {"MeetingId": GUID, "ExternalUserId": "user-1"}
        if caps is not None:
            params["Capabilities"] = caps
        attendee = validate("CreateAttendee", params, meeting_features=resolutions_only)
        expected = _by_code(attendee.findings, "/Capabilities")
        got = _by_code(report.findings, f"{base}/presets/{token}")
        assert got == expected, (name, caps)
    assert all(f.severity != "error" or f.path.startswith(base) for f in report.findings)
    # the suggested fixes point into the profile: applied, they leave none of those rules broken
    fixed = check_profiles(apply_fixes(document, report.fixes))
    assert not {f.code for f in fixed.findings} & {
        "CHM-E301",
        "CHM-E302",
        "CHM-E303",
        "CHM-E401",
        "CHM-E402",
    }


@given(
    st.dictionaries(
        NAMES,
        st.fixed_dictionaries(
            {n: st.sampled_from(m.MEDIA_CAPABILITIES) for n in ("Audio", "Video", "Content")}
        )
        | st.none(),
        min_size=1,
        max_size=3,
    ),
    st.data(),
)
def test_transitions_warn_as_the_update_would(presets: dict[str, Any], data: st.DataObject) -> None:
    names = list(presets)
    transitions = data.draw(
        st.lists(
            st.fixed_dictionaries({"from": st.sampled_from(names), "to": st.sampled_from(names)}),
            max_size=3,
        )
    )
    report = check_profiles({"presets": presets, "transitions": transitions})
    for index, transition in enumerate(transitions):
        source, target = presets[transition["from"]], presets[transition["to"]]
        got = {(f.code, f.message) for f in report.findings if f.path == f"/transitions/{index}/to"}
        try:
            previous = normalize(source)
            if target is None:
                target = normalize(None)
            update = validate(
                "UpdateAttendeeCapabilities",
                {"MeetingId": GUID, "AttendeeId": GUID, "Capabilities": target},
                meeting_features={},
                previous=previous,
            )
        except ValueError:  # a preset the meeting cannot have: reported at the preset
            assert got == set()
            continue
        expected = {
            (f.code, f.message) for f in update.findings if f.code in ("CHM-W304", "CHM-W305")
        }
        assert {item for item in got if item[0] in ("CHM-W304", "CHM-W305")} == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([], {("CHM-E503", "")}),
        ({"profiles": []}, {("CHM-E503", "/profiles")}),
        ({"profiles": {"a": {"presets": {}}}, "extra": 1}, {("CHM-E503", "/extra")}),
        ({"profiles": {"a": "x"}}, {("CHM-E503", "/profiles/a")}),
        ({"presets": {}, "other": 1}, {("CHM-E503", "/other")}),
        ({"presets": {}, "description": 5}, {("CHM-E503", "/description")}),
        ({"presets": "viewer"}, {("CHM-E503", "/presets")}),
        ({"presets": {"a": None}, "transitions": {}}, {("CHM-E503", "/transitions")}),
        ({"presets": {"a": None}, "transitions": ["a"]}, {("CHM-E503", "/transitions/0")}),
        (
            {"presets": {"a": None}, "transitions": [{"from": "a"}]},
            {("CHM-E503", "/transitions/0/to")},
        ),
        (
            {"presets": {"a": None}, "transitions": [{"from": "a", "to": 1}]},
            {("CHM-E503", "/transitions/0/to")},
        ),
        (
            {"presets": {"a": None}, "transitions": [{"from": "a", "to": "a", "via": "b"}]},
            {("CHM-E503", "/transitions/0/via")},
        ),
        (
            {"presets": {"a": None}, "transitions": [{"from": "b", "to": "c"}]},
            {("CHM-E501", "/transitions/0/from"), ("CHM-E501", "/transitions/0/to")},
        ),
        (
            {"presets": {"a/b": {"Audio": "None", "Video": "None"}}},
            {("CHM-E102", "/presets/a~1b/Content")},
        ),
        ({"presets": {"a": "SendReceive"}}, {("CHM-E101", "/presets/a")}),
    ],
)
def test_profile_format(document: Any, expected: set[tuple[str, str]]) -> None:
    assert is_profile_document(document) or not isinstance(document, dict)
    assert {(f.code, f.path) for f in check_profiles(document).findings} == expected


def test_iter_profiles() -> None:
    single: dict[str, Any] = {"presets": {}}
    assert [(p.name, p.location) for p in iter_profiles(single)] == [(None, ())]
    multi: dict[str, Any] = {"profiles": {"a": {"presets": {}}, "b": {"presets": {}}}}
    assert [(p.name, p.location) for p in iter_profiles(multi)] == [
        ("a", ("profiles", "a")),
        ("b", ("profiles", "b")),
    ]
    assert list(iter_profiles([])) == []
    assert not is_profile_document({"MeetingFeatures": {}})


def test_null_target_preset_must_be_requestable() -> None:
    profile = {
        "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
        "presets": {
            "listener": {"Audio": "Receive", "Video": "None", "Content": "None"},
            "default": None,
        },
        "transitions": [{"from": "listener", "to": "default"}],
    }
    findings = {(f.code, f.path) for f in check_profiles(profile).findings}
    # the defaults of a video-off meeting give Video Receive, which no request may set
    assert ("CHM-E301", "/transitions/0/to") in findings
    assert ("CHM-W304", "/transitions/0/to") in findings


def test_positions_through_the_cli() -> None:
    result = run("check", str(EXAMPLES / "profiles" / "webinar.yaml"))
    assert result.out.splitlines()[0].startswith(
        f"{EXAMPLES / 'profiles' / 'webinar.yaml'}:25:28: warning CHM-W304 Audio goes from Receive"
    )
    toml = run("check", str(EXAMPLES / "profiles" / "classroom.toml"))
    assert f"{EXAMPLES / 'profiles' / 'classroom.toml'}:23:6: warning CHM-W305" in toml.out


def test_explain(tmp_path: Any) -> None:
    result = run("explain", str(EXAMPLES / "profiles" / "webinar.yaml"))
    assert result.status == 0
    out = result.out
    assert "profile webinar" in out
    assert "profile town-hall" in out
    assert (
        "    guest      Audio SendReceive  Video SendReceive  Content SendReceive"
        "  (null: the service's defaults)" in out
    )
    assert "    listener  Audio Receive  Video None  Content None" in out
    # town hall: video off, so only Video None rows are allowed; content receive needs video receive
    town_hall = out[out.index("profile town-hall") :]
    grid = town_hall[town_hall.index("Rows: Video") :].splitlines()
    assert grid[2].split() == ["SendReceive", "-", "-", "-", "-"]
    assert grid[5].split() == ["None", "-", "yes", "-", "yes"]
    audio_only = run("explain", "--format", "json", str(EXAMPLES / "profiles" / "audio-only.json"))
    [profile] = json.loads(audio_only.out)["files"][0]["profiles"]
    customer = next(p for p in profile["presets"] if p["name"] == "customer")
    assert customer == {
        "name": "customer",
        "effective": {"Audio": "SendReceive", "Video": "None", "Content": "None"},
        "defaults": True,
        "error": None,
    }
    assert {tuple(t.values()) for t in profile["allowed"]} == {
        (a, "None", "None") for a in m.MEDIA_CAPABILITIES
    }
    broken = run("explain", str(EXAMPLES / "profiles" / "broken.json"))
    assert broken.status == 1
    assert "MeetingFeatures are not valid: CHM-E403" in broken.out
    not_profile = run("explain", str(EXAMPLES / "cli-input" / "create-attendee.json"))
    assert not_profile.status == 2
    assert "not a meeting profile" in not_profile.err


@pytest.mark.parametrize("several", [False, True])
def test_a_profile_may_name_its_schema(tmp_path: Path, several: bool) -> None:
    profile = {"presets": {"viewer": {"Audio": "Receive", "Video": "None", "Content": "None"}}}
    document = {"profiles": {"webinar": profile}} if several else profile
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({"$schema": "../schemas/meeting-profile.schema.json", **document}))
    done = run_process("check", path.name, cwd=tmp_path)
    assert (done.status, done.out.splitlines()[-1]) == (
        0,
        "0 error(s), 0 warning(s), 0 info(s) in 1 file(s) checked",
    )
    path.write_text(json.dumps({"$schema": 1, **document}))
    wrong = run_process("check", path.name, cwd=tmp_path)
    assert wrong.status == 1
    assert ":1:13: error CHM-E503 $schema is a string, not integer (at /$schema)" in wrong.out
    if not several:  # inside a profile of several, it is not the file's
        return
    nested = {"profiles": {"webinar": {"$schema": "x", **profile}}}
    path.write_text(json.dumps(nested))
    assert "CHM-E503 unknown member '$schema'" in run_process("check", path.name, cwd=tmp_path).out


@pytest.mark.parametrize(
    ("acknowledged", "reported"),
    [
        (None, ["CHM-W304", "CHM-W305", "CHM-W305"]),
        (["CHM-W304", "CHM-W305"], []),
        (["CHM-W305"], ["CHM-W304"]),
        ([], ["CHM-W304", "CHM-W305", "CHM-W305"]),
        (
            ["CHM-W304", "CHM-E101"],
            ["CHM-W304", "CHM-W305", "CHM-W305", "CHM-E503"],
        ),  # invalid: nothing acknowledged
        ("CHM-W304", ["CHM-W304", "CHM-W305", "CHM-W305", "CHM-E503"]),
    ],
)
def test_a_transition_acknowledges_its_warnings(
    tmp_path: Path, acknowledged: Any, reported: list[str]
) -> None:
    viewer = {"Audio": "Receive", "Video": "Receive", "Content": "Receive"}
    presenter = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}
    transition: dict[str, Any] = {"from": "viewer", "to": "presenter"}
    if acknowledged is not None:
        transition["acknowledged"] = acknowledged
    profile = {"presets": {"viewer": viewer, "presenter": presenter}, "transitions": [transition]}
    (tmp_path / "profile.json").write_text(json.dumps(profile))
    done = run_process("check", "profile.json", "--format", "json", cwd=tmp_path)
    (checked,) = json.loads(done.out)["files"]
    assert [finding["code"] for finding in checked["findings"]] == reported
    assert done.status == (1 if "CHM-E503" in reported else 0)
    if "CHM-E503" in reported:
        assert checked["findings"][-1]["pointer"].startswith("/transitions/0/acknowledged")


@given(
    st.lists(st.integers(-5, 5) | st.booleans(), min_size=1, max_size=4, unique=True),
    st.sampled_from(["Audio", "Video", "Content"]),
)
def test_a_preset_named_by_a_non_string_key_is_located_by_its_text(
    keys: list[Any], broken: str
) -> None:
    """A YAML key can be a number: the preset is checked all the same, and its findings are
    placed under the key's text."""
    preset = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}
    presets = {key: {**preset, broken: "sendreceive"} for key in keys}
    report = check_profiles({"presets": presets})
    assert {(f.code, f.path) for f in report.findings} == {
        ("CHM-E107", f"/presets/{key}/{broken}") for key in keys
    }


@pytest.mark.parametrize("features", [{"Video": {"MaxResolution": "4K"}}, {"Video": "HD"}, []])
def test_unreadable_features_leave_the_transitions_unchecked(features: Any) -> None:
    viewer = {"Audio": "Receive", "Video": "Receive", "Content": "Receive"}
    presenter = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}
    profile = {
        "MeetingFeatures": features,
        "presets": {"viewer": viewer, "presenter": presenter},
        "transitions": [{"from": "viewer", "to": "presenter"}],
    }
    report = check_profiles(profile)
    assert {"CHM-W304", "CHM-W305"} <= set(report.unchecked)
    assert not {"CHM-W304", "CHM-W305"} & {f.code for f in report.findings}
    readable = check_profiles({**profile, "MeetingFeatures": {}})
    assert not {"CHM-W304", "CHM-W305"} & set(readable.unchecked)
    assert [f.code for f in readable.findings] == ["CHM-W304", "CHM-W305", "CHM-W305"]


def test_an_enumerated_structure_reads_no_meeting() -> None:
    """The values of an enumerated structure are decided once per set of resolutions: a rule
    reading anything else cannot be attached to one."""
    shape = m.Structure(
        "Throwaway",
        {"Audio": m.MEDIA_CAPABILITY},
        required=("Audio",),
        rules=(m.TRANSITION_RULES,),
    )
    with pytest.raises(ValueError, match="enumerated"):
        _ = shape.enumerated
