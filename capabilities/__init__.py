"""chime-capabilities: offline validation of Amazon Chime SDK Meetings requests.

Checks attendee capabilities against the meeting's features, external identifiers against
their documented pattern, and every value set, bound and required member of the covered
operations, before the service answers ``400 BadRequest``.
"""

from __future__ import annotations

from .fixes import apply_fixes
from .report import CapabilityValidationError, Finding, Report
from .rules import RULES, Rule
from .validator import (
    allowed_capabilities,
    normalize,
    normalize_meeting_features,
    validate,
    validate_response,
)

__all__ = [
    "RULES",
    "CapabilityValidationError",
    "Finding",
    "Report",
    "Rule",
    "allowed_capabilities",
    "apply_fixes",
    "normalize",
    "normalize_meeting_features",
    "validate",
    "validate_response",
]

__version__ = "0.1.0"
