"""The generated JSON Schemas and the engine agree on valid/invalid.

For each document, ``jsonschema`` (Draft 2020-12, Python ``re`` patterns) and ``check-jsonschema``
(ECMA-262 patterns through regress) must say "valid" exactly when the engine's report is ``ok``
(warnings and infos are not failures). The engine's verdict for each schema:

- ``<Operation>.request``: ``validate(op, doc)``, without meeting features (CHM-E301/CHM-E302 of
  attendee requests stay unchecked on both sides; CreateMeetingWithAttendees checks its own);
- ``AttendeeCapabilities``: the Capabilities of an UpdateAttendeeCapabilities request;
- ``MeetingFeatures``: the MeetingFeatures of a CreateMeeting request;
- ``Attendee``: an Attendee listed in a ListAttendees response (``validate_response``; an
  item of a list, so a null is not read as an absent member);
- ``meeting-profile``: ``check_profiles``, less the findings about what a transition's names
  refer to (CHM-E501 and the checks of the update a transition performs), which no schema states.

Every operation's request is expressed by its schema but for the errors of NOT_IN_SCHEMA. Left
out: integral floats (25.0), which JSON Schema counts as integers and the engine refuses, as
boto3 does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import product
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import capabilities
from capabilities.profiles import check_profiles
from capabilities.schema import SCHEMA_NAMES
from tests.property.strategies import (
    CONTENT_RES,
    MEDIA,
    VIDEO_RES,
    any_requests,
    attendee_objects,
    caps,
    edge_cases,
    json_values,
    maybe_mutated,
    meeting_features,
    meeting_profile_files,
    triples,
)
from tests.property.transcription import configurations, tag_lists

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
OTHER_GUID = "A0B1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D"
MEETING = {
    "ClientRequestToken": "token-1",
    "MediaRegion": "us-east-1",
    "ExternalMeetingId": "meeting-1",
}
REQUEST = ".request"

VALIDATORS = {name: Draft202012Validator(capabilities.json_schema(name)) for name in SCHEMA_NAMES}


#: Errors about what a transition's names refer to: a missing preset (CHM-E501), and the update
#: to a null preset, whose service defaults an update may not request (CHM-E301 to CHM-E303).
NAME_DEPENDENT = {"CHM-E501", "CHM-E301", "CHM-E302", "CHM-E303"}


#: Errors no JSON Schema states (docs/json-schema.md): one dialect per language, the
#: PreferredLanguage among the LanguageOptions, a tag key repeated.
NOT_IN_SCHEMA = {"CHM-E606", "CHM-E609", "CHM-E701"}


def _profile_ok(doc: Any) -> bool:
    return all(
        ("transitions" in finding.location and finding.code in NAME_DEPENDENT)
        or finding.code in NOT_IN_SCHEMA
        for finding in check_profiles(doc).errors
    )


def _request_ok(op: str, doc: Any) -> bool:
    report = capabilities.validate(op, doc)
    return not any(f.code not in NOT_IN_SCHEMA for f in report.errors)


def engine_ok(name: str, doc: Any) -> bool:
    """The engine's verdict on ``doc`` as the document the schema ``name`` describes."""
    if name.endswith(REQUEST):
        return _request_ok(name[: -len(REQUEST)], doc)
    if name == "AttendeeCapabilities":
        params = {"MeetingId": GUID, "AttendeeId": GUID, "Capabilities": doc}
        return capabilities.validate("UpdateAttendeeCapabilities", params).ok
    if name == "MeetingFeatures":
        return capabilities.validate("CreateMeeting", {**MEETING, "MeetingFeatures": doc}).ok
    if name == "Attendee":
        return capabilities.validate_response("ListAttendees", {"Attendees": [doc]}).ok
    assert name == "meeting-profile"
    return _profile_ok(doc)


def schema_ok(name: str, doc: Any) -> bool:
    return VALIDATORS[name].is_valid(doc)


def disagreement(name: str, doc: Any) -> Optional[str]:
    engine, schema = engine_ok(name, doc), schema_ok(name, doc)
    if engine == schema:
        return None
    errors = [e.message for e in VALIDATORS[name].iter_errors(doc)]
    return f"{name}: engine ok={engine}, schema ok={schema} {errors[:3]} for {doc!r:.300}"


def assert_agree(name: str, doc: Any) -> None:
    problem = disagreement(name, doc)
    assert problem is None, problem


# --- valid documents of every schema, and each fixed change of one of their values ----------

CAPS = {"Audio": "SendReceive", "Video": "Receive", "Content": "Receive"}
FULL_FEATURES = {
    "Audio": {"EchoReduction": "AVAILABLE"},
    "Video": {"MaxResolution": "FHD"},
    "Content": {"MaxResolution": "UHD"},
    "Attendee": {"MaxCount": 25},
}


def _start(configuration: dict[str, Any]) -> dict[str, Any]:
    return {"MeetingId": GUID, "TranscriptionConfiguration": configuration}


def _transcription(settings: dict[str, Any]) -> dict[str, Any]:
    return {"MeetingId": GUID, "TranscriptionConfiguration": {"EngineTranscribeSettings": settings}}


TAGS = [{"Key": "team:a/b", "Value": "x y@z"}, {"Key": "=", "Value": ""}]
FULL_MEETING = {
    **MEETING,
    "MeetingHostId": "host «ÿ»",
    "ExternalMeetingId": "Zoë's (team) [1] {x}",
    "NotificationsConfiguration": {
        "LambdaFunctionArn": "arn:aws:lambda:us-east-1:111122223333:function:f",
        "SnsTopicArn": "arn:aws:sns:us-east-1:111122223333:topic",
        "SqsQueueArn": "arn:aws:sqs:us-east-1:111122223333:queue",
    },
    "MeetingFeatures": FULL_FEATURES,
    "PrimaryMeetingId": "primary",
    "TenantIds": ["tenant-1", "aaab"],
    "Tags": TAGS,
    "MediaPlacementNetworkType": "DualStack",
}
VIDEO_OFF = {"Video": {"MaxResolution": "None"}, "Content": {"MaxResolution": "FHD"}}
CONTENT_OFF = {"Content": {"MaxResolution": "None"}}
ITEMS: list[dict[str, Any]] = [
    {"ExternalUserId": "user-1", "Capabilities": {**CAPS, "Video": "None", "Content": "Send"}},
    {"ExternalUserId": "user\t2"},
]
BASES: dict[str, list[Any]] = {
    "CreateMeeting.request": [MEETING, FULL_MEETING],
    "CreateMeetingWithAttendees.request": [
        {**FULL_MEETING, "Attendees": ITEMS},
        {**MEETING, "MeetingFeatures": VIDEO_OFF, "Attendees": ITEMS[:1]},
        {
            **MEETING,
            "MeetingFeatures": CONTENT_OFF,
            "Attendees": [{**ITEMS[0], "Capabilities": {**CAPS, "Content": "None"}}],
        },
    ],
    "CreateAttendee.request": [{"MeetingId": GUID, "ExternalUserId": "À÷ÿ", "Capabilities": CAPS}],
    "BatchCreateAttendee.request": [{"MeetingId": GUID, "Attendees": ITEMS}],
    "UpdateAttendeeCapabilities.request": [
        {"MeetingId": GUID, "AttendeeId": OTHER_GUID, "Capabilities": CAPS}
    ],
    "BatchUpdateAttendeeCapabilitiesExcept.request": [
        {
            "MeetingId": GUID,
            "ExcludedAttendeeIds": [{"AttendeeId": OTHER_GUID}],
            "Capabilities": CAPS,
        }
    ],
    "GetAttendee.request": [{"MeetingId": GUID, "AttendeeId": OTHER_GUID}],
    "DeleteAttendee.request": [{"MeetingId": GUID, "AttendeeId": OTHER_GUID}],
    "GetMeeting.request": [{"MeetingId": GUID}],
    "DeleteMeeting.request": [{"MeetingId": GUID}],
    "ListAttendees.request": [{"MeetingId": GUID, "NextToken": "t", "MaxResults": 100}],
    "StartMeetingTranscription.request": [
        {
            "MeetingId": GUID,
            "TranscriptionConfiguration": {
                "EngineTranscribeSettings": {"LanguageCode": "en-US", "Region": "auto"}
            },
        },
        _transcription(
            {
                "LanguageCode": "en-US",
                "VocabularyName": "v",
                "VocabularyFilterName": "f",
                "VocabularyFilterMethod": "mask",
                "EnablePartialResultsStabilization": True,
                "PartialResultsStability": "high",
                "ContentRedactionType": "PII",
                "PiiEntityTypes": "SSN, EMAIL",
                "LanguageModelName": "model-1",
            }
        ),
        _transcription(
            {
                "IdentifyLanguage": True,
                "LanguageOptions": "en-US,fr-FR,de-DE",
                "PreferredLanguage": "fr-FR",
                "VocabularyNames": "a,b",
                "VocabularyFilterNames": "c",
                "ContentIdentificationType": "PII",
                "PiiEntityTypes": "ALL",
            }
        ),
        {
            "MeetingId": GUID,
            "TranscriptionConfiguration": {
                "EngineTranscribeMedicalSettings": {
                    "LanguageCode": "en-US",
                    "Specialty": "PRIMARYCARE",
                    "Type": "CONVERSATION",
                    "ContentIdentificationType": "PHI",
                }
            },
        },
    ],
    "StopMeetingTranscription.request": [{"MeetingId": GUID}],
    "TagResource.request": [
        {"ResourceARN": "arn:aws:chime:us-east-1:111122223333:meeting/x", "Tags": TAGS}
    ],
    "UntagResource.request": [
        {"ResourceARN": "arn:aws:chime:us-east-1:111122223333:meeting/x", "TagKeys": ["a", "="]}
    ],
    "ListTagsForResource.request": [{"ResourceARN": "arn:"}],
    "AttendeeCapabilities": [CAPS],
    "MeetingFeatures": [FULL_FEATURES, {}],
    "Attendee": [
        {
            "ExternalUserId": "user-1",
            "AttendeeId": GUID + "#content",
            "JoinToken": "token",
            "Capabilities": {"Audio": "SendReceive", "Video": "Receive", "Content": "SendReceive"},
        }
    ],
    "meeting-profile": [
        {
            "description": "webinar",
            "MeetingFeatures": VIDEO_OFF,
            "presets": {"host": {**CAPS, "Video": "None", "Content": "Send"}, "dflt": None},
            "transitions": [{"from": "dflt", "to": "host"}],
        },
        {"profiles": {"small": {"presets": {"all": CAPS}}, "none": {"presets": {}}}},
        {
            "presets": {},
            "transcription": {
                "EngineTranscribeSettings": {
                    "IdentifyLanguage": True,
                    "LanguageOptions": "en-US,fr-FR",
                    "PreferredLanguage": "en-US",
                }
            },
        },
    ],
}


def test_bases_cover_every_schema_and_are_valid() -> None:
    assert set(BASES) == set(SCHEMA_NAMES)
    for name, docs in BASES.items():
        for doc in docs:
            assert engine_ok(name, doc), (name, doc)
            assert schema_ok(name, doc), (name, doc)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_edge_value_agrees(name: str) -> None:
    """Every value of each base document changed to each edge value of its member (wrong enum
    case, lengths 1/2/64/65, whitespace and Latin-1 boundary characters, aws: in every casing,
    ' aws:' and 'awsx:', counts out of range, booleans and fractions for integers, unknown and
    missing members, list sizes, wrong types)."""
    verdicts = []
    problems = []
    for base in BASES[name]:
        for label, doc in edge_cases(base):
            verdicts.append(engine_ok(name, doc))
            problem = disagreement(name, doc)
            if problem is not None:
                problems.append(f"{label}: {problem}")
    assert not problems, "\n".join(problems[:20])
    assert set(verdicts) == {True, False}


# --- the capability and meeting feature rules, exhaustively ---------------------------------

RESOLUTION_PAIRS = list(product((None, *VIDEO_RES), (None, *CONTENT_RES)))
TRIPLES = [(a, v, c) for a, v, c in product(MEDIA, repeat=3)]


def _features(video: Optional[str], content: Optional[str]) -> dict[str, Any]:
    features: dict[str, Any] = {"Attendee": {"MaxCount": 25}}
    if video is not None:
        features["Video"] = {"MaxResolution": video}
    if content is not None:
        features["Content"] = {"MaxResolution": content}
    return features


@pytest.mark.parametrize(("video", "content"), RESOLUTION_PAIRS)
def test_every_triple_under_every_resolution_pair(
    video: Optional[str], content: Optional[str]
) -> None:
    features = _features(video, content)
    verdicts = set()
    for triple in TRIPLES:
        attendee = {"ExternalUserId": "user", "Capabilities": caps(triple)}
        request = {**MEETING, "MeetingFeatures": features, "Attendees": [attendee]}
        assert_agree("CreateMeetingWithAttendees.request", request)
        profile = {"MeetingFeatures": features, "presets": {"p": caps(triple), "q": None}}
        assert_agree("meeting-profile", profile)
        assert_agree("meeting-profile", {"profiles": {"x": profile}})
        verdicts.add(engine_ok("meeting-profile", profile))
    assert verdicts == {True, False}


def test_every_triple_alone() -> None:
    for triple in TRIPLES:
        assert_agree("AttendeeCapabilities", caps(triple))
        assert_agree("Attendee", {"Capabilities": caps(triple)})
        assert_agree(
            "CreateAttendee.request",
            {"MeetingId": GUID, "ExternalUserId": "ab", "Capabilities": caps(triple)},
        )


@pytest.mark.parametrize(("video", "content"), RESOLUTION_PAIRS)
def test_attendee_count_under_every_resolution_pair(
    video: Optional[str], content: Optional[str]
) -> None:
    for attendee in (None, {}, *({"MaxCount": n} for n in (1, 24, 25, 26, 250, 251))):
        features = {k: v for k, v in _features(video, content).items() if k != "Attendee"}
        if attendee is not None:
            features["Attendee"] = attendee
        assert_agree("MeetingFeatures", features)


# --- generated documents --------------------------------------------------------------------


@st.composite
def _requests(draw: st.DrawFn) -> tuple[str, Any]:
    op, params = draw(any_requests())
    return op + REQUEST, draw(maybe_mutated(st.just(params)))


@given(_requests())
def test_requests_agree(case: tuple[str, Any]) -> None:
    assert_agree(*case)


@given(maybe_mutated(configurations().map(_start)))
def test_transcription_requests_agree(doc: Any) -> None:
    assert_agree("StartMeetingTranscription.request", doc)


@given(maybe_mutated(tag_lists().map(lambda tags: {"ResourceARN": "arn:x", "Tags": tags})))
def test_tag_requests_agree(doc: Any) -> None:
    assert_agree("TagResource.request", doc)


@given(maybe_mutated(triples().map(caps)))
def test_capabilities_agree(doc: Any) -> None:
    assert_agree("AttendeeCapabilities", doc)


@given(maybe_mutated(meeting_features()))
def test_meeting_features_agree(doc: Any) -> None:
    assert_agree("MeetingFeatures", doc)


@given(maybe_mutated(attendee_objects()))
def test_attendees_agree(doc: Any) -> None:
    assert_agree("Attendee", doc)


@given(maybe_mutated(meeting_profile_files()))
def test_profiles_agree(doc: Any) -> None:
    assert_agree("meeting-profile", doc)


def _without_integral_floats(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return value + 0.5
    if isinstance(value, dict):
        return {k: _without_integral_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_integral_floats(v) for v in value]
    return value


@given(st.sampled_from(SCHEMA_NAMES), json_values().map(_without_integral_floats))
def test_any_json_value_agrees(name: str, doc: Any) -> None:
    assert_agree(name, doc)


# --- the check-jsonschema command (ECMA-262 regular expressions) ----------------------------


def _check_jsonschema(schema: Path, files: list[Path]) -> tuple[int, set[str]]:
    """Exit status and the names of the files it finds invalid."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), "-o", "json"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert not report.get("parse_errors"), report["parse_errors"]
    return result.returncode, {Path(e["filename"]).name for e in report.get("errors", ())}


def test_check_jsonschema_agrees(tmp_path: Path) -> None:
    """Valid documents and edge cases of each schema, through the real command: exit 0 for the
    valid files alone, and exactly the files the engine refuses reported invalid."""
    schema_dir = tmp_path / "schemas"
    schema_dir.mkdir()
    for name in SCHEMA_NAMES:
        folder = tmp_path / name
        folder.mkdir()
        schema = schema_dir / f"{name}.schema.json"
        schema.write_text(json.dumps(capabilities.json_schema(name)), encoding="utf-8")
        cases = [doc for base in BASES[name] for doc in (base, *(d for _, d in edge_cases(base)))]
        valid: list[Path] = []
        invalid: list[Path] = []
        for index, doc in enumerate(cases):
            path = folder / f"{index:04d}.json"
            path.write_text(json.dumps(doc), encoding="utf-8")
            (valid if engine_ok(name, doc) else invalid).append(path)
        assert valid
        assert invalid
        status, refused = _check_jsonschema(schema, valid)
        assert (status, refused) == (0, set()), name
        status, refused = _check_jsonschema(schema, valid + invalid)
        assert status == 1, name
        assert refused == {p.name for p in invalid}, name
