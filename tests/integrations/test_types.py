"""capabilities.types spells the rule data's value sets and shapes for the type checker; they
must stay equal to ``_model.py``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from typing import Any, Literal, get_args

import pytest
from typing_extensions import get_type_hints, is_typeddict

from capabilities import _model as m
from capabilities import types as t

#: Model shape name -> the class that mirrors it, where the names differ.
_RENAMED = {"MeetingFeaturesConfiguration": "MeetingFeatures"}


def _structures() -> dict[str, m.Structure]:
    """Every request-side structure of the covered operations, by model name."""
    found: dict[str, m.Structure] = {}

    def visit(shape: m.Shape) -> None:
        if isinstance(shape, m.Structure):
            found[shape.name] = shape
            for sub in shape.members.values():
                visit(sub)
        elif isinstance(shape, m.ListOf):
            visit(shape.member)

    for op in m.OPERATIONS.values():
        visit(op.request)
    return found


STRUCTURES = _structures()


def typed_dict(structure: m.Structure) -> Any:
    return getattr(t, _RENAMED.get(structure.name, structure.name))


def expected_annotation(shape: m.Shape) -> Any:
    """The annotation a member of this shape must have."""
    if isinstance(shape, m.Structure):
        return typed_dict(shape)
    if isinstance(shape, m.ListOf):
        return Sequence[expected_annotation(shape.member)]  # type: ignore[misc]  # built at run time
    if isinstance(shape, m.Integer):
        return int
    if isinstance(shape, m.Boolean):
        return bool
    if isinstance(shape, m.MapOf):
        return Mapping[str, expected_annotation(shape.value)]  # type: ignore[misc]
    if shape.enum is not None:
        return Literal[shape.enum]
    return str


@pytest.mark.parametrize(
    ("alias", "values"),
    [
        (t.MediaCapability, m.MEDIA_CAPABILITIES),
        (t.VideoResolution, m.VIDEO_RESOLUTIONS),
        (t.ContentResolution, m.CONTENT_RESOLUTIONS),
        (t.MeetingFeatureStatus, m.MEETING_FEATURE_STATUS),
        (t.MediaPlacementNetworkType, m.MEDIA_PLACEMENT_NETWORK_TYPES),
        (t.TranscribeLanguageCode, m.TRANSCRIBE_LANGUAGE_CODES),
        (t.TranscribeVocabularyFilterMethod, m.TRANSCRIBE_VOCABULARY_FILTER_METHODS),
        (t.TranscribeRegion, m.TRANSCRIBE_REGIONS),
        (t.TranscribePartialResultsStability, m.TRANSCRIBE_PARTIAL_RESULTS_STABILITIES),
        (t.TranscribeContentType, m.TRANSCRIBE_CONTENT_TYPES),
        (t.TranscribeMedicalLanguageCode, m.TRANSCRIBE_MEDICAL_LANGUAGE_CODES),
        (t.TranscribeMedicalSpecialty, m.TRANSCRIBE_MEDICAL_SPECIALTIES),
        (t.TranscribeMedicalType, m.TRANSCRIBE_MEDICAL_TYPES),
        (t.TranscribeMedicalRegion, m.TRANSCRIBE_MEDICAL_REGIONS),
        (t.TranscribeMedicalContentIdentificationType, m.TRANSCRIBE_MEDICAL_CONTENT_TYPES),
    ],
)
def test_literal_value_sets_equal_the_rule_data(alias: Any, values: tuple[str, ...]) -> None:
    assert get_args(alias) == values


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_each_typed_dict_mirrors_its_model_shape(name: str) -> None:
    structure = STRUCTURES[name]
    cls = typed_dict(structure)
    assert is_typeddict(cls)
    # an idempotency token keeps the model's Required, as boto3's own type stubs do; the
    # engine does not require it (the SDKs fill it in)
    tokens = {
        n for n, s in structure.members.items() if isinstance(s, m.String) and s.idempotency_token
    }
    assert set(cls.__required_keys__) - tokens == set(structure.required)
    assert set(cls.__required_keys__) | set(cls.__optional_keys__) == set(structure.members)
    hints = get_type_hints(cls)
    for member, shape in structure.members.items():
        assert hints[member] == expected_annotation(shape), member


def test_every_request_has_its_typed_dict() -> None:
    names = {f"{op.name}Request" for op in m.OPERATIONS.values()}
    assert names <= set(t.__all__)
    assert all(name in STRUCTURES for name in names)


def test_every_exported_typed_dict_is_a_model_shape() -> None:
    mirrored = {_RENAMED.get(name, name) for name in STRUCTURES}
    exported = {name for name in t.__all__ if is_typeddict(getattr(t, name))}
    assert exported == mirrored


def test_types_import_nothing_heavy() -> None:
    code = (
        "import sys, capabilities.types, capabilities;"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in "
        "('botocore', 'boto3', 'jsonschema', 'yaml', 'mypy_boto3_chime_sdk_meetings')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_normalize_returns_the_typed_dicts_at_run_time_too() -> None:
    from capabilities import normalize, normalize_meeting_features

    caps = normalize(meeting_features={"Video": {"MaxResolution": "None"}})
    assert set(caps) == set(t.AttendeeCapabilities.__required_keys__)
    assert all(value in get_args(t.MediaCapability) for value in caps.values())
    features = normalize_meeting_features({})
    assert set(features) <= set(t.MeetingFeatures.__optional_keys__)
