"""chime-capabilities: offline validation of Amazon Chime SDK Meetings requests.

Checks attendee capabilities against the meeting's features, external identifiers against
their documented pattern, transcription settings, tags, and every value set, bound and required
member of every operation of the service, before the service answers ``400 BadRequest``.
"""

from __future__ import annotations

from typing import Any

from .fixes import apply_fixes
from .report import CapabilityValidationError, Finding, Report
from .rules import RULES, Rule
from .types import AttendeeCapabilities, MeetingFeatures
from .validator import (
    allowed_capabilities,
    normalize,
    normalize_meeting_features,
    validate,
    validate_response,
)

__all__ = [
    "RULES",
    "AttendeeCapabilities",
    "CapabilityValidationError",
    "Finding",
    "MeetingFeatures",
    "Report",
    "Rule",
    "allowed_capabilities",
    "apply_fixes",
    "json_schema",
    "normalize",
    "normalize_meeting_features",
    "validate",
    "validate_response",
]

__version__ = "0.1.0"


def json_schema(name: str) -> dict[str, Any]:
    """The generated JSON Schema document ``name``: see ``capabilities.schema.json_schema``."""
    # Imported on call, so that `python -m capabilities.schema` runs a module not yet imported.
    from .schema import json_schema as load

    return load(name)
