"""The transcription and tag rules, as decision tables: every combination of the members that
take part in a cross-field rule, with the expected findings written out here from the
reference (section 6 and 7 of chime-sdk-meetings.md), not read from the engine."""

from __future__ import annotations

from itertools import product
from typing import Any, Optional

import pytest

import capabilities

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
SETTINGS = "/TranscriptionConfiguration/EngineTranscribeSettings"
MEDICAL = "/TranscriptionConfiguration/EngineTranscribeMedicalSettings"

#: A valid value of each member that takes part in a rule (the values agree with each other:
#: PreferredLanguage is among the LanguageOptions).
VALUES: dict[str, Any] = {
    "LanguageCode": "en-US",
    "LanguageModelName": "model-1",
    "ContentRedactionType": "PII",
    "ContentIdentificationType": "PII",
    "PiiEntityTypes": "SSN,EMAIL",
    "LanguageOptions": "en-US,fr-FR",
    "PreferredLanguage": "fr-FR",
    "VocabularyName": "vocabulary",
    "VocabularyNames": "vocabulary",
    "VocabularyFilterName": "filter",
    "VocabularyFilterNames": "filter",
    "VocabularyFilterMethod": "mask",
}
MEMBERS = tuple(VALUES)
#: IdentifyLanguage: left out, true, false.
IDENTIFY = (None, True, False)


def findings(settings: dict[str, Any], **kwargs: Any) -> set[tuple[str, str]]:
    params = {
        "MeetingId": GUID,
        "TranscriptionConfiguration": {"EngineTranscribeSettings": settings},
    }
    report = capabilities.validate("StartMeetingTranscription", params, **kwargs)
    return {(f.code, f.path) for f in report.findings}


def expected(given: set[str], identify: Optional[bool]) -> set[tuple[str, str]]:
    """What the reference says about a combination (``given``: the members present)."""
    out: set[tuple[str, str]] = set()

    def at(code: str, member: str = "") -> None:
        out.add((code, f"{SETTINGS}/{member}" if member else SETTINGS))

    on = identify is True  # IdentifyLanguage false counts as not included
    if "LanguageCode" in given and on:
        at("CHM-E602", "IdentifyLanguage")
    if "LanguageCode" not in given and not on:
        at("CHM-E602")
    for member in ("LanguageModelName", "ContentRedactionType"):
        if on and member in given:
            at("CHM-E603", member)
    if "LanguageOptions" in given and not on:
        at("CHM-E604", "LanguageOptions")
    if "PreferredLanguage" in given and not (on and "LanguageOptions" in given):
        at("CHM-E608", "PreferredLanguage")
    if {"ContentIdentificationType", "ContentRedactionType"} <= given:
        at("CHM-E610", "ContentRedactionType")
    if "PiiEntityTypes" in given and not given & {
        "ContentIdentificationType",
        "ContentRedactionType",
    }:
        at("CHM-E611", "PiiEntityTypes")
    for singular, plural in (
        ("VocabularyName", "VocabularyNames"),
        ("VocabularyFilterName", "VocabularyFilterNames"),
    ):
        if on and singular in given:
            at("CHM-E613", singular)
        if not on and plural in given:
            at("CHM-E613", plural)
    if "VocabularyFilterMethod" in given and not given & {
        "VocabularyFilterName",
        "VocabularyFilterNames",
    }:
        at("CHM-W615", "VocabularyFilterMethod")
    return out


@pytest.mark.parametrize("identify", IDENTIFY)
def test_every_combination_of_the_rule_members(identify: Optional[bool]) -> None:
    """2**12 combinations of the members per IdentifyLanguage state, Region given (CHM-W616
    aside)."""
    wrong = []
    for present in product((False, True), repeat=len(MEMBERS)):
        given = {name for name, on in zip(MEMBERS, present) if on}
        settings: dict[str, Any] = {name: VALUES[name] for name in given}
        settings["Region"] = "auto"
        if identify is not None:
            settings["IdentifyLanguage"] = identify
        got, want = findings(settings), expected(given, identify)
        if got != want:
            wrong.append(f"{sorted(given)}: got {sorted(got)}, expected {sorted(want)}")
    assert not wrong, f"{len(wrong)} combination(s) differ, e.g.\n" + "\n".join(wrong[:5])


@pytest.mark.parametrize(
    ("enable", "stability", "expected_codes"),
    [
        (None, None, set()),
        (None, "low", {"CHM-W614"}),
        (False, "medium", {"CHM-W614"}),
        (True, "high", set()),
        (True, None, set()),
        (False, None, set()),
    ],
)
def test_partial_results_stability(
    enable: Optional[bool], stability: Optional[str], expected_codes: set[str]
) -> None:
    settings: dict[str, Any] = {"LanguageCode": "en-US", "Region": "auto"}
    if enable is not None:
        settings["EnablePartialResultsStabilization"] = enable
    if stability is not None:
        settings["PartialResultsStability"] = stability
    assert {code for code, _ in findings(settings)} == expected_codes


#: LanguageOptions values: the findings at LanguageOptions (IdentifyLanguage on).
LANGUAGE_OPTIONS = [
    ("en-US,fr-FR", set()),
    ("en-US,fr-FR,de-DE,ja-JP,ko-KR", set()),
    ("en-US,fr-FR,de-DE,ja-JP,ko-KR,zh-CN", {"CHM-W607"}),
    ("en-US", {"CHM-E605"}),
    ("en-US,en-AU", {"CHM-E606"}),
    ("fr-CA,de-DE,fr-FR", {"CHM-E606"}),
    ("en-US,en-GB,en-AU,fr-FR,de-DE,ja-JP", {"CHM-E606", "CHM-W607"}),
    ("en-US,en-US", set()),
    ("en-US,xx-XX", {"CHM-E605"}),
    ("en-US,", {"CHM-E605"}),
    (",en-US,fr-FR", {"CHM-E605"}),
    ("en-us,fr-FR", {"CHM-E605"}),
]


@pytest.mark.parametrize(("options", "codes"), LANGUAGE_OPTIONS)
def test_language_options(options: str, codes: set[str]) -> None:
    settings = {"IdentifyLanguage": True, "LanguageOptions": options, "Region": "auto"}
    assert findings(settings) == {(code, f"{SETTINGS}/LanguageOptions") for code in codes}


@pytest.mark.parametrize(
    ("preferred", "ok"),
    [("en-US", True), ("fr-FR", True), ("de-DE", False), ("en-GB", False)],
)
def test_preferred_language_among_the_options(preferred: str, ok: bool) -> None:
    settings = {
        "IdentifyLanguage": True,
        "LanguageOptions": "en-US,fr-FR",
        "PreferredLanguage": preferred,
        "Region": "auto",
    }
    assert findings(settings) == (set() if ok else {("CHM-E609", f"{SETTINGS}/PreferredLanguage")})


#: PiiEntityTypes values: whether they are accepted (with ContentIdentificationType).
PII_ENTITY_TYPES = [
    ("ALL", True),
    ("SSN", True),
    ("ADDRESS,BANK_ACCOUNT_NUMBER,BANK_ROUTING,CREDIT_DEBIT_CVV", True),
    ("CREDIT_DEBIT_EXPIRY,CREDIT_DEBIT_NUMBER,EMAIL,NAME,PHONE,PIN,SSN", True),
    ("SSN, EMAIL", True),
    (" SSN ,  PIN ", True),
    ("SSN,ALL", False),
    ("ALL, ALL", False),
    ("SSN,,EMAIL", False),
    ("SSN,", False),
    ("PASSPORT", False),
    ("S SN", False),
]


@pytest.mark.parametrize(("types", "ok"), PII_ENTITY_TYPES)
def test_pii_entity_types(types: str, ok: bool) -> None:
    settings = {
        "LanguageCode": "en-US",
        "ContentIdentificationType": "PII",
        "PiiEntityTypes": types,
        "Region": "auto",
    }
    assert findings(settings) == (set() if ok else {("CHM-E612", f"{SETTINGS}/PiiEntityTypes")})


# --- the engine and the meeting's Region -------------------------------------------------------

#: The Regions of each engine (service model enums), written out.
STANDARD_REGIONS = {
    "us-east-2",
    "us-east-1",
    "us-west-2",
    "ap-northeast-2",
    "ap-southeast-2",
    "ap-northeast-1",
    "ca-central-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "sa-east-1",
    "us-gov-west-1",
}
MEDICAL_REGIONS = {
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-southeast-2",
    "ca-central-1",
    "eu-west-1",
}
MEETING_REGIONS = sorted(
    STANDARD_REGIONS
    | {"af-south-1", "ap-south-1", "eu-north-1", "eu-south-1", "eu-west-3", "us-gov-east-1"}
)


def _config(engine: str, region: Optional[str]) -> dict[str, Any]:
    if engine == "standard":
        settings: dict[str, Any] = {"LanguageCode": "en-US"}
        name = "EngineTranscribeSettings"
    else:
        settings = {"LanguageCode": "en-US", "Specialty": "CARDIOLOGY", "Type": "DICTATION"}
        name = "EngineTranscribeMedicalSettings"
    if region is not None:
        settings["Region"] = region
    return {"MeetingId": GUID, "TranscriptionConfiguration": {name: settings}}


@pytest.mark.parametrize("engine", ["standard", "medical"])
@pytest.mark.parametrize("meeting_region", [None, *MEETING_REGIONS])
@pytest.mark.parametrize("region", [None, "auto", "us-east-1"])
def test_region_against_the_meeting(
    engine: str, meeting_region: Optional[str], region: Optional[str]
) -> None:
    meeting = None if meeting_region is None else {"Meeting": {"MediaRegion": meeting_region}}
    params = _config(engine, region)
    report = capabilities.validate("StartMeetingTranscription", params, meeting=meeting)
    runs_there = STANDARD_REGIONS if engine == "standard" else MEDICAL_REGIONS
    where = SETTINGS if engine == "standard" else MEDICAL
    if region is None and meeting_region is not None and meeting_region not in runs_there:
        assert [(f.code, f.path, f.fix) for f in report.findings] == [
            ("CHM-W616", f"{where}/Region", {f"{where}/Region": "auto"})
        ]
        fixed = capabilities.apply_fixes(params, report.fixes)
        assert (
            capabilities.validate("StartMeetingTranscription", fixed, meeting=meeting).findings
            == ()
        )
    else:
        assert report.findings == ()
    unknown = region is None and meeting_region is None
    assert report.unchecked == (("CHM-W616",) if unknown else ())


def test_a_meeting_argument_that_is_not_a_meeting_raises() -> None:
    params = _config("standard", None)
    with pytest.raises(capabilities.CapabilityValidationError):
        capabilities.validate("StartMeetingTranscription", params, meeting={"MediaRegion": 5})
    with pytest.raises(capabilities.CapabilityValidationError):
        capabilities.validate("StartMeetingTranscription", params, meeting="us-east-1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("engines", "ok"),
    [
        ((), False),
        (("EngineTranscribeSettings",), True),
        (("EngineTranscribeMedicalSettings",), True),
        (("EngineTranscribeSettings", "EngineTranscribeMedicalSettings"), False),
    ],
)
def test_exactly_one_engine(engines: tuple[str, ...], ok: bool) -> None:
    bodies = {
        "EngineTranscribeSettings": {"LanguageCode": "en-US", "Region": "auto"},
        "EngineTranscribeMedicalSettings": {
            "LanguageCode": "en-US",
            "Specialty": "ONCOLOGY",
            "Type": "CONVERSATION",
            "Region": "auto",
        },
    }
    params = {"MeetingId": GUID, "TranscriptionConfiguration": {e: bodies[e] for e in engines}}
    report = capabilities.validate("StartMeetingTranscription", params)
    assert [f.code for f in report.findings] == ([] if ok else ["CHM-E601"])


# --- tags ---------------------------------------------------------------------------------------

ARN = "arn:aws:chime:us-east-1:111122223333:meeting/" + GUID


@pytest.mark.parametrize(
    ("keys", "expected_findings"),
    [
        (["a", "b"], set()),
        (["a", "A"], set()),  # keys are case-sensitive
        (["a", "b", "a"], {("CHM-E701", "/Tags/2/Key")}),
        (["a", "a", "a"], {("CHM-E701", "/Tags/1/Key"), ("CHM-E701", "/Tags/2/Key")}),
        (["aws:x"], {("CHM-E702", "/Tags/0/Key")}),
        (["AwS:x", "aWs:y"], {("CHM-E702", "/Tags/0/Key"), ("CHM-E702", "/Tags/1/Key")}),
        (["aws", "awsx:", "x:aws:"], set()),
        (["aws:"], {("CHM-E702", "/Tags/0/Key")}),
    ],
)
def test_tag_keys(keys: list[str], expected_findings: set[tuple[str, str]]) -> None:
    for operation in ("TagResource", "CreateMeeting"):
        params: dict[str, Any] = {"Tags": [{"Key": key, "Value": "v"} for key in keys]}
        if operation == "TagResource":
            params["ResourceARN"] = ARN
        else:
            params.update(
                ClientRequestToken="t-1", MediaRegion="us-east-1", ExternalMeetingId="m-1"
            )
        report = capabilities.validate(operation, params)
        assert {(f.code, f.path) for f in report.findings} == expected_findings


def test_untag_keys_have_the_reserved_prefix_too() -> None:
    report = capabilities.validate("UntagResource", {"ResourceARN": ARN, "TagKeys": ["aws:x"]})
    assert [(f.code, f.path) for f in report.findings] == [("CHM-E702", "/TagKeys/0")]


@pytest.mark.parametrize("name", ["create-attendee", "create_attendee", "CreateAttendee"])
def test_every_name_of_an_operation_is_accepted(name: str) -> None:
    params = {"MeetingId": GUID, "ExternalUserId": "user-1"}
    assert capabilities.validate(name, params).operation == "CreateAttendee"
    assert capabilities.json_schema(name) == capabilities.json_schema("CreateAttendee")


@pytest.mark.parametrize(
    ("settings", "only"),
    [
        # an invalid value is still given: it is reported once, by its own shape
        ({"LanguageCode": "en-us"}, ("CHM-E107", f"{SETTINGS}/LanguageCode")),
        ({"IdentifyLanguage": "true"}, ("CHM-E101", f"{SETTINGS}/IdentifyLanguage")),
        (
            {"LanguageCode": "en-US", "PiiEntityTypes": 5, "ContentRedactionType": "PII"},
            ("CHM-E101", f"{SETTINGS}/PiiEntityTypes"),
        ),
    ],
)
def test_an_invalid_member_counts_as_given(settings: dict[str, Any], only: tuple[str, str]) -> None:
    """As the service and the JSON Schema see it: present, so the rules about presence hold,
    and no second finding says it is missing."""
    assert findings(settings) == {only}


def test_an_invalid_member_is_given_to_the_rules_that_exclude_it() -> None:
    settings = {"IdentifyLanguage": True, "LanguageOptions": "en-US,fr-FR", "LanguageCode": "x"}
    assert findings(settings) == {
        ("CHM-E107", f"{SETTINGS}/LanguageCode"),
        ("CHM-E602", f"{SETTINGS}/IdentifyLanguage"),
    }
