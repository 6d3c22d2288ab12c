"""Meeting profiles: the configuration a backend keeps for a meeting template and the attendee
capability presets it grants (the format is described in ``docs/profiles.md``).

A profile file is one profile, or ``{"profiles": {name: profile, ...}}``. A profile is::

    {"MeetingFeatures": <MeetingFeaturesConfiguration, optional>,
     "presets": {name: <AttendeeCapabilities> | null, ...},
     "transitions": [{"from": name, "to": name, "acknowledged": [code, ...]}, ...],  # optional
     "transcription": <TranscriptionConfiguration>,      # optional
     "description": "..."}                               # optional

``null`` leaves Capabilities out of the create request: the service's defaults apply.

The format is described with the engine's shapes (``PROFILE_FILE`` and ``PROFILES_FILE`` in
``_model.py``), so a profile is checked, and its JSON Schema generated, like any request: its
MeetingFeatures and presets as the parts of the CreateMeetingWithAttendees request it
describes (the presets against the profile's own features), each transition as the
UpdateAttendeeCapabilities call that performs it (``PresetTransitions``), the transcription
as the StartMeetingTranscription call that starts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, Optional

from . import _model as m
from ._findings import Context
from ._writer import walk
from .report import Location, Report

__all__ = ["Profile", "check_profiles", "is_profile_document", "iter_profiles"]


class Profile(NamedTuple):
    """One profile of a file: its name (None for a single-profile file), where it is, and its
    content (whatever the file holds there; check it with :func:`check_profiles`)."""

    name: Optional[str]
    location: Location
    content: object


def is_profile_document(document: object) -> bool:
    """A top-level ``profiles`` or ``presets`` member makes a document a profile file."""
    return isinstance(document, dict) and ("profiles" in document or "presets" in document)


def iter_profiles(document: object) -> Iterator[Profile]:
    """The profiles of a profile file (nothing for a malformed one)."""
    if not isinstance(document, dict):
        return
    if "profiles" in document:
        profiles = document["profiles"]
        if isinstance(profiles, dict):
            for name, content in profiles.items():
                yield Profile(str(name), ("profiles", str(name)), content)
    else:
        yield Profile(None, (), document)


def check_profiles(document: object) -> Report:
    """Every finding about a profile file, located in the file."""
    several = isinstance(document, dict) and "profiles" in document
    ctx = Context(response=False, resolutions=None)
    walk(m.PROFILES_FILE if several else m.PROFILE_FILE, document, (), ctx)
    return Report.build("profile", ctx.findings, ctx.unchecked)
