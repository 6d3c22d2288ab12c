"""Properties of the transcription and tag rules: valid configurations give no finding, each
single-rule mutation gives exactly that rule's finding at that path, and applying the fixes
leaves no error."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Optional

from hypothesis import given
from hypothesis import strategies as st

import capabilities
from capabilities import _findings, _writer
from capabilities import _model as m

from .strategies import json_values
from .test_fast_path import _mutate, assert_same, both
from .transcription import configurations, standard_settings, tag_lists

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
ARN = "arn:aws:chime:us-east-1:111122223333:meeting/" + GUID
#: A meeting Region where both engines run, so that CHM-W616 never fires.
SAFE_MEETING = {"MediaRegion": "us-east-1"}
#: A Region of the meetings API where neither engine runs.
NO_ENGINE_REGION = "af-south-1"
SETTINGS = ("TranscriptionConfiguration", "EngineTranscribeSettings")


def start(configuration: dict[str, Any]) -> dict[str, Any]:
    return {"MeetingId": GUID, "TranscriptionConfiguration": configuration}


def check(params: dict[str, Any], meeting: Optional[dict[str, Any]] = None) -> capabilities.Report:
    return capabilities.validate(
        "StartMeetingTranscription", params, meeting=meeting or SAFE_MEETING
    )


@given(configurations())
def test_valid_configurations_give_no_finding(configuration: dict[str, Any]) -> None:
    report = check(start(configuration))
    assert report.findings == ()
    assert report.unchecked == ()


@given(tag_lists())
def test_valid_tag_lists_give_no_finding(tags: list[dict[str, str]]) -> None:
    assert capabilities.validate("TagResource", {"ResourceARN": ARN, "Tags": tags}).findings == ()
    keys = [tag["Key"] for tag in tags]
    assert capabilities.validate("UntagResource", {"ResourceARN": ARN, "TagKeys": keys}).ok


# --- single-rule mutations ------------------------------------------------------------------

Settings = dict[str, Any]
#: A mutation: (code, member the finding is at or "" for the settings object, change) and
#: whether it applies to a given valid settings object.
Mutation = tuple[str, str, Callable[[Settings], None], Callable[[Settings], bool]]


def _identify(s: Settings) -> bool:
    return s.get("IdentifyLanguage") is True


def _set(**values: Any) -> Callable[[Settings], None]:
    return lambda s: s.update(values)


def _drop(name: str) -> Callable[[Settings], None]:
    return lambda s: s.pop(name)


def _options(s: Settings) -> list[str]:
    return str(s.get("LanguageOptions", "")).split(",")


def _one_option(s: Settings) -> None:
    s["LanguageOptions"] = s.get("PreferredLanguage", _options(s)[0])


def _second_dialect(s: Settings) -> None:
    options = _options(s)
    languages = {code.split("-")[0] for code in options}
    other = next(
        c for c in m.TRANSCRIBE_LANGUAGE_CODES if c.split("-")[0] in languages and c not in options
    )
    s["LanguageOptions"] = ",".join([*options, other])


def _has_second_dialect(s: Settings) -> bool:
    options = _options(s)
    languages = {code.split("-")[0] for code in options}
    return any(
        c.split("-")[0] in languages and c not in options for c in m.TRANSCRIBE_LANGUAGE_CODES
    )


def _six_languages(s: Settings) -> None:
    by_language: dict[str, str] = {}
    for code in (*_options(s), *m.TRANSCRIBE_LANGUAGE_CODES):
        by_language.setdefault(code.split("-")[0], code)
    s["LanguageOptions"] = ",".join(list(by_language.values())[:6])


def _preferred_elsewhere(s: Settings) -> None:
    s["PreferredLanguage"] = next(c for c in m.TRANSCRIBE_LANGUAGE_CODES if c not in _options(s))


MUTATIONS: list[Mutation] = [
    ("CHM-E602", "", _drop("LanguageCode"), lambda s: "LanguageCode" in s),
    ("CHM-E602", "IdentifyLanguage", _set(LanguageCode="en-US"), _identify),
    ("CHM-E603", "LanguageModelName", _set(LanguageModelName="model"), _identify),
    (
        "CHM-E603",
        "ContentRedactionType",
        _set(ContentRedactionType="PII"),
        lambda s: _identify(s) and "ContentIdentificationType" not in s,
    ),
    (
        "CHM-E604",
        "LanguageOptions",
        _set(LanguageOptions="en-US,fr-FR"),
        lambda s: not _identify(s),
    ),
    ("CHM-E605", "LanguageOptions", _one_option, lambda s: "LanguageOptions" in s),
    (
        "CHM-E606",
        "LanguageOptions",
        _second_dialect,
        lambda s: "LanguageOptions" in s and len(_options(s)) < 5 and _has_second_dialect(s),
    ),
    ("CHM-W607", "LanguageOptions", _six_languages, lambda s: "LanguageOptions" in s),
    ("CHM-E608", "PreferredLanguage", _set(PreferredLanguage="en-US"), lambda s: not _identify(s)),
    (
        "CHM-E608",
        "PreferredLanguage",
        _set(PreferredLanguage="en-US"),
        lambda s: _identify(s) and "LanguageOptions" not in s,
    ),
    ("CHM-E609", "PreferredLanguage", _preferred_elsewhere, lambda s: "LanguageOptions" in s),
    (
        "CHM-E610",
        "ContentRedactionType",
        _set(ContentRedactionType="PII"),
        lambda s: "ContentIdentificationType" in s and not _identify(s),
    ),
    (
        "CHM-E611",
        "PiiEntityTypes",
        _set(PiiEntityTypes="SSN"),
        lambda s: not ({"ContentIdentificationType", "ContentRedactionType"} & set(s)),
    ),
    (
        "CHM-E612",
        "PiiEntityTypes",
        _set(PiiEntityTypes="SSN,ALL"),
        lambda s: bool({"ContentIdentificationType", "ContentRedactionType"} & set(s)),
    ),
    (
        "CHM-E613",
        "VocabularyName",
        _set(VocabularyName="v1"),
        lambda s: _identify(s) and "VocabularyNames" not in s,
    ),
    (
        "CHM-E613",
        "VocabularyFilterNames",
        _set(VocabularyFilterNames="f1"),
        lambda s: not _identify(s) and "VocabularyFilterName" not in s,
    ),
    (
        "CHM-W614",
        "PartialResultsStability",
        _set(PartialResultsStability="low"),
        lambda s: s.get("EnablePartialResultsStabilization") is not True,
    ),
    (
        "CHM-W615",
        "VocabularyFilterMethod",
        _set(VocabularyFilterMethod="tag"),
        lambda s: not ({"VocabularyFilterName", "VocabularyFilterNames"} & set(s)),
    ),
]


@given(standard_settings(), st.data())
def test_a_single_rule_mutation_gives_exactly_that_finding(
    settings: Settings, data: st.DataObject
) -> None:
    applicable = [mutation for mutation in MUTATIONS if mutation[3](settings)]
    code, member, change, _ = data.draw(st.sampled_from(applicable))
    mutated = copy.deepcopy(settings)
    change(mutated)
    params = start({"EngineTranscribeSettings": mutated})
    report = check(params)
    path = "/" + "/".join((*SETTINGS, member)) if member else "/" + "/".join(SETTINGS)
    assert [(f.code, f.path) for f in report.findings] == [(code, path)]
    if report.fixes:
        fixed = check(capabilities.apply_fixes(params, report.fixes))
        assert fixed.findings == ()


@given(configurations())
def test_the_region_warning_and_its_fix(configuration: dict[str, Any]) -> None:
    engine = next(iter(configuration.values()))
    engine.pop("Region", None)
    meeting = {"Meeting": {"MediaRegion": NO_ENGINE_REGION}}
    report = check(start(configuration), meeting)
    name = next(iter(configuration))
    assert [(f.code, f.path) for f in report.findings] == [
        ("CHM-W616", f"/TranscriptionConfiguration/{name}/Region")
    ]
    fixed = capabilities.apply_fixes(start(configuration), report.fixes)
    assert check(fixed, meeting).findings == ()


@given(tag_lists().filter(bool), st.data())
def test_a_repeated_or_reserved_tag_key_gives_exactly_that_finding(
    tags: list[dict[str, str]], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(tags) - 1))
    mutated = copy.deepcopy(tags)
    if data.draw(st.booleans()):
        mutated.append({"Key": tags[index]["Key"], "Value": ""})
        expected = [("CHM-E701", f"/Tags/{len(tags)}/Key")]
    else:
        mutated[index]["Key"] = data.draw(st.sampled_from(("aws:", "AWS:", "Aws:"))) + "k"
        expected = [("CHM-E702", f"/Tags/{index}/Key")]
    report = capabilities.validate("TagResource", {"ResourceARN": ARN, "Tags": mutated})
    assert [(f.code, f.path) for f in report.findings] == expected


# --- the predicate and the walk agree -------------------------------------------------------


@given(configurations(), tag_lists(), st.data())
def test_the_fast_path_and_the_walk_agree(
    configuration: dict[str, Any], tags: list[dict[str, str]], data: st.DataObject
) -> None:
    settings = configuration.get("EngineTranscribeSettings")
    if settings is not None and data.draw(st.booleans()):
        applicable = [mutation for mutation in MUTATIONS if mutation[3](settings)]
        data.draw(st.sampled_from(applicable))[2](settings)
    params = start(configuration)
    if data.draw(st.booleans()):
        params = _mutate(params, data)
    region = data.draw(st.sampled_from((None, "us-east-1", NO_ENGINE_REGION)))
    meeting = None if region is None else {"MediaRegion": region}
    assert_same(
        *both(lambda: capabilities.validate("StartMeetingTranscription", params, meeting=meeting))
    )
    tagged = _mutate({"ResourceARN": ARN, "Tags": tags}, data)
    assert_same(*both(lambda: capabilities.validate("TagResource", tagged)))


@given(configurations(), tag_lists())
def test_valid_configurations_and_tags_take_the_fast_path(
    configuration: dict[str, Any], tags: list[dict[str, str]]
) -> None:
    context = _findings.Context(response=False, resolutions=None, media_region="us-east-1")
    request = m.OPERATIONS["StartMeetingTranscription"].request
    assert _writer.clean(request)(start(configuration), context)
    tag_request = m.OPERATIONS["TagResource"].request
    assert _writer.clean(tag_request)({"ResourceARN": ARN, "Tags": tags}, context)


@given(json_values())
def test_any_meeting_argument_gives_a_report_or_a_validation_error(meeting: Any) -> None:
    params = start({"EngineTranscribeSettings": {"LanguageCode": "en-US"}})
    raised: Optional[capabilities.CapabilityValidationError] = None
    try:
        report = capabilities.validate("StartMeetingTranscription", params, meeting=meeting)
    except capabilities.CapabilityValidationError as error:
        raised = error
    if raised is not None:
        assert raised.report.errors
    else:
        assert report.ok
