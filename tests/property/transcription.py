"""Hypothesis strategies for valid transcription configurations and tag lists, drawn from the
rule data (value sets, patterns, bounds of ``capabilities/_model.py``)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from capabilities import _model as m

#: The engines' members by name, as the rule data defines them.
STANDARD = m.ENGINE_TRANSCRIBE_SETTINGS.members
MEDICAL = m.ENGINE_TRANSCRIBE_MEDICAL_SETTINGS.members


def matching(shape: Any, limit: int = 24) -> st.SearchStrategy[str]:
    """Strings of a String shape with a pattern: matching it, within its bounds."""
    low = shape.min_length or 0
    high = min(shape.max_length or limit, limit)
    return st.from_regex(shape.pattern.compiled, fullmatch=True).filter(
        lambda v: low <= len(v) <= high
    )


def enum(shape: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(shape.enum)


@st.composite
def language_options(draw: st.DrawFn) -> list[str]:
    """Two to five codes, one dialect per language."""
    by_language: dict[str, list[str]] = {}
    for code in m.TRANSCRIBE_LANGUAGE_CODES:
        by_language.setdefault(code.split("-")[0], []).append(code)
    languages = draw(
        st.lists(
            st.sampled_from(sorted(by_language)),
            min_size=m.LANGUAGE_OPTIONS_MIN,
            max_size=m.LANGUAGE_OPTIONS_RECOMMENDED_MAX,
            unique=True,
        )
    )
    return [draw(st.sampled_from(by_language[language])) for language in languages]


@st.composite
def pii_entity_types(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return m.PII_ALL
    types = [t for t in m.PII_ENTITY_TYPES_VALUES if t != m.PII_ALL]
    chosen = draw(st.lists(st.sampled_from(types), min_size=1, max_size=4))
    return draw(st.sampled_from((",", ", "))).join(chosen)


@st.composite
def standard_settings(draw: st.DrawFn) -> dict[str, Any]:
    """Valid EngineTranscribeSettings: every documented and decided rule holds."""
    settings: dict[str, Any] = {}
    identify = draw(st.booleans())
    if identify:
        settings["IdentifyLanguage"] = True
        if draw(st.booleans()):
            options = draw(language_options())
            settings["LanguageOptions"] = ",".join(options)
            if draw(st.booleans()):
                settings["PreferredLanguage"] = draw(st.sampled_from(options))
        vocabulary, vocabulary_filter = "VocabularyNames", "VocabularyFilterNames"
        content = draw(st.sampled_from((None, "ContentIdentificationType")))
    else:
        settings["LanguageCode"] = draw(enum(STANDARD["LanguageCode"]))
        if draw(st.booleans()):
            settings["IdentifyLanguage"] = False
        if draw(st.booleans()):
            settings["LanguageModelName"] = draw(matching(STANDARD["LanguageModelName"]))
        vocabulary, vocabulary_filter = "VocabularyName", "VocabularyFilterName"
        content = draw(st.sampled_from((None, "ContentIdentificationType", "ContentRedactionType")))
    names = matching(m.VOCABULARY_NAMES_STRING)
    if draw(st.booleans()):
        settings[vocabulary] = draw(names)
    if draw(st.booleans()):
        settings[vocabulary_filter] = draw(names)
        if draw(st.booleans()):
            settings["VocabularyFilterMethod"] = draw(enum(STANDARD["VocabularyFilterMethod"]))
    if content is not None:
        settings[content] = draw(enum(STANDARD[content]))
        if draw(st.booleans()):
            settings["PiiEntityTypes"] = draw(pii_entity_types())
    if draw(st.booleans()):
        settings["EnablePartialResultsStabilization"] = enable = draw(st.booleans())
        if enable and draw(st.booleans()):
            settings["PartialResultsStability"] = draw(enum(STANDARD["PartialResultsStability"]))
    if draw(st.booleans()):
        settings["Region"] = draw(enum(STANDARD["Region"]))
    return settings


@st.composite
def medical_settings(draw: st.DrawFn) -> dict[str, Any]:
    settings = {name: draw(enum(MEDICAL[name])) for name in ("LanguageCode", "Specialty", "Type")}
    for name in ("Region", "ContentIdentificationType"):
        if draw(st.booleans()):
            settings[name] = draw(enum(MEDICAL[name]))
    if draw(st.booleans()):
        settings["VocabularyName"] = draw(st.text(max_size=20))
    return settings


def configurations() -> st.SearchStrategy[dict[str, Any]]:
    """Valid TranscriptionConfiguration: exactly one engine."""
    return st.one_of(
        standard_settings().map(lambda s: {"EngineTranscribeSettings": s}),
        medical_settings().map(lambda s: {"EngineTranscribeMedicalSettings": s}),
    )


def tag_keys() -> st.SearchStrategy[str]:
    return matching(m.TAG_KEY_STRING, limit=m.TAG_KEY_STRING.max_length or 128).filter(
        lambda key: key[:4].lower() != "aws:"
    )


@st.composite
def tag_lists(draw: st.DrawFn) -> list[dict[str, str]]:
    """Valid lists of tags: keys unique, none reserved."""
    size = m.TAG_LIST.max_items or 50
    keys = draw(st.lists(tag_keys(), max_size=min(size, 8), unique=True))
    value = m.TAG_LIST.member
    assert isinstance(value, m.Structure)
    values = matching(value.members["Value"], limit=40)
    return [{"Key": key, "Value": draw(values)} for key in keys]
