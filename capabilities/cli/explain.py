"""``chime-capabilities explain``: what the service will assign to each preset of a profile,
and which capabilities a request may set in its meeting."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Optional, TextIO

from .. import _model as m
from ..profiles import Profile, is_profile_document, iter_profiles
from ..report import CapabilityValidationError
from ..validator import allowed_capabilities, normalize, normalize_meeting_features, validate
from .loaders import LoadError, load_file
from .reporters import dump_json, printable

__all__ = ["FileExplanation", "ProfileExplanation", "explain_file", "write_json", "write_text"]

_NAMES = ("Audio", "Video", "Content")
#: The MeetingId of the StartMeetingTranscription call a profile's configuration is checked as.
_ANY_MEETING = "00000000-0000-0000-0000-000000000000"
#: Profiles and presets explained per file, at most (a profile takes a dozen lines of output):
#: a last line says how many more there were.
MAX_PROFILES = 50
MAX_PRESETS = 1_000


@dataclass
class PresetExplanation:
    name: str
    #: The capabilities the service assigns (None when the preset is not valid).
    effective: Optional[dict[str, Any]]
    defaults: bool
    error: Optional[str] = None


@dataclass
class TranscriptionExplanation:
    #: The engine's member name, and its settings as given (None when not valid).
    engine: Optional[str]
    settings: Optional[dict[str, Any]]
    #: What each member left out of the settings means.
    defaults: dict[str, str] = field(default_factory=dict)
    error: Optional[str] = None


def _transcription(configuration: object) -> TranscriptionExplanation:
    """The configuration with what its left-out members mean, or its first error."""
    report = validate(
        m.OPERATIONS["StartMeetingTranscription"].method,
        {"MeetingId": _ANY_MEETING, "TranscriptionConfiguration": configuration},
    )
    if not report.ok:
        error = report.errors[0]
        return TranscriptionExplanation(None, None, error=f"{error.code} {error.message}")
    assert isinstance(configuration, dict)
    engine, settings = next(iter(configuration.items()))
    shape = m.TRANSCRIPTION_CONFIGURATION.members[engine]
    assert isinstance(shape, m.Structure)
    defaults = {name: text for name, text in shape.absent.items() if name not in settings}
    return TranscriptionExplanation(engine, _shown(dict(settings), shape), defaults)


@dataclass
class ProfileExplanation:
    name: Optional[str]
    meeting_features: Optional[dict[str, Any]] = None
    presets: list[PresetExplanation] = field(default_factory=list)
    allowed: list[tuple[str, str, str]] = field(default_factory=list)
    error: Optional[str] = None
    #: The profile's transcription configuration (None when it has none).
    transcription: Optional[TranscriptionExplanation] = None
    #: Presets not explained (beyond MAX_PRESETS in the file).
    omitted: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and all(p.error is None for p in self.presets)


def _first_error(error: CapabilityValidationError) -> str:
    finding = error.report.errors[0]
    return f"{finding.code} {finding.message}"


@dataclass
class FileExplanation:
    """The explained profiles of a file, and how many more it has (beyond MAX_PROFILES)."""

    profiles: list[ProfileExplanation]
    omitted: int = 0

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.profiles)


def _explain(profile: Profile, limit: int) -> ProfileExplanation:
    """The explanation of ``profile``, of its first ``limit`` presets."""
    out = ProfileExplanation(profile.name)
    content = profile.content
    if not isinstance(content, dict) or not isinstance(content.get("presets", {}), dict):
        out.error = "not a profile (run check for the details)"
        return out
    features = content.get("MeetingFeatures")
    try:
        out.meeting_features = _shown(
            dict(normalize_meeting_features(features)), m.MEETING_FEATURES
        )
        out.allowed = sorted(allowed_capabilities(features), key=_order)
    except CapabilityValidationError as error:
        out.error = f"MeetingFeatures are not valid: {_first_error(error)}"
        return out
    except ValueError:
        out.error = "MeetingFeatures is not an object"
        return out
    if "transcription" in content:
        out.transcription = _transcription(content["transcription"])
    presets = content.get("presets", {})
    out.omitted = max(0, len(presets) - limit)
    for name, caps in islice(presets.items(), limit):
        try:
            effective = dict(normalize(caps, meeting_features=features))
            out.presets.append(PresetExplanation(str(name), effective, caps is None))
        except (CapabilityValidationError, ValueError) as error:
            reason = _first_error(error) if isinstance(error, CapabilityValidationError) else ""
            out.presets.append(
                PresetExplanation(str(name), None, caps is None, reason or "not valid")
            )
    return out


def _shown(value: Any, shape: m.Shape) -> Any:
    """The part of ``value`` the model lets explain show: the members it defines, with the
    values it lists (a capability, a resolution, a count). MeetingFeatures may hold members
    the model does not define (accepted, as in a GetMeeting response), a misplaced
    ``JoinToken`` among them: those are left out."""
    if isinstance(shape, m.Structure):
        if not isinstance(value, dict):
            return None
        return {
            key: _shown(item, shape.members[key])
            for key, item in value.items()
            if isinstance(key, str) and key in shape.members
        }
    if isinstance(shape, m.String) and not shape.sensitive and isinstance(value, str):
        listed = (*(shape.enum or ()), *(shape.known_values or ()))
        if listed:
            return value if value in listed else None
        # a name of a transcription setting: shown when its pattern and bounds hold
        low, high = shape.min_length or 0, shape.max_length
        fits = low <= len(value) and (high is None or len(value) <= high)
        return value if fits and shape.pattern and shape.pattern.fullmatch(value) else None
    if isinstance(shape, m.Boolean) and type(value) is bool:
        return value
    if isinstance(shape, m.Integer) and type(value) is int:
        within = (shape.minimum or value) <= value <= (shape.maximum or value)
        return value if within else None
    return None


def _order(triple: tuple[str, str, str]) -> tuple[int, ...]:
    return tuple(m.MEDIA_CAPABILITIES.index(v) for v in triple)


def explain_file(path: str, *, max_size: int) -> FileExplanation:
    """The explanations of the profiles of a file (up to MAX_PROFILES profiles and
    MAX_PRESETS presets); LoadError when it is not a profile file."""
    data = load_file(path, max_size=max_size).data
    if not is_profile_document(data):
        raise LoadError("not a meeting profile file (no top-level presets or profiles)")
    out = FileExplanation([])
    left = MAX_PRESETS
    for profile in iter_profiles(data):
        if len(out.profiles) == MAX_PROFILES:
            out.omitted += 1
            continue
        out.profiles.append(_explain(profile, left))
        left -= len(out.profiles[-1].presets)
    return out


def _grid(allowed: Sequence[tuple[str, str, str]]) -> list[str]:
    values = m.MEDIA_CAPABILITIES
    pairs: dict[tuple[str, str], set[str]] = {}
    for audio, video, content in allowed:
        pairs.setdefault((video, content), set()).add(audio)
    uniform = all(len(a) == len(values) for a in pairs.values())
    if not uniform:
        return ["    " + " ".join(triple) for triple in allowed]
    width = max(len(v) for v in values) + 2
    lines = ["    Audio: any value. Rows: Video; columns: Content.", " " * 4 + " " * width]
    lines[-1] += "".join(v.ljust(width) for v in values)
    for video in values:
        row = "".join(("yes" if (video, c) in pairs else "-").ljust(width) for c in values)
        lines.append(("    " + video.ljust(width) + row).rstrip())
    lines[1] = lines[1].rstrip()
    return lines


def write_text(stream: TextIO, path: str, explained: FileExplanation) -> None:
    shown_path = printable(path)
    for item in explained.profiles:
        title = f"profile {printable(item.name)}" if item.name is not None else "profile"
        stream.write(f"{shown_path}: {title}\n")
        if item.error is not None:
            stream.write(f"  error: {printable(item.error)}\n")
            continue
        stream.write(
            "  MeetingFeatures (defaults applied): "
            f"{printable(json.dumps(item.meeting_features, sort_keys=True))}\n"
        )
        stream.write("  presets (the capabilities the service assigns):\n")
        width = max((len(p.name) for p in item.presets), default=0) + 2
        for preset in item.presets:
            name = printable(preset.name).ljust(width)
            if preset.effective is None:
                stream.write(f"    {name}not valid here: {printable(preset.error or '')}\n")
                continue
            caps = "  ".join(f"{k} {preset.effective[k]}" for k in _NAMES)
            note = "  (null: the service's defaults)" if preset.defaults else ""
            stream.write(f"    {name}{caps}{note}\n")
        if item.omitted:
            stream.write(f"    {_omitted(item.omitted, 'preset', MAX_PRESETS)}\n")
        stream.write("  allowed in a request (CreateAttendee, UpdateAttendeeCapabilities):\n")
        for line in _grid(item.allowed):
            stream.write(line + "\n")
        if item.transcription is not None:
            _write_transcription(stream, item.transcription)
    if explained.omitted:
        stream.write(f"{shown_path}: {_omitted(explained.omitted, 'profile', MAX_PROFILES)}\n")


def _write_transcription(stream: TextIO, item: TranscriptionExplanation) -> None:
    if item.error is not None:
        stream.write(f"  transcription: not valid: {printable(item.error)}\n")
        return
    settings = json.dumps(item.settings, sort_keys=True)
    stream.write(f"  transcription: {item.engine} {printable(settings)}\n")
    for name, meaning in item.defaults.items():
        stream.write(f"    {name} left out: {meaning}\n")


def _omitted(count: int, what: str, limit: int) -> str:
    return f"{count:,} more {what}(s) not shown: output is limited to {limit:,} per file"


def explanation_json(path: str, explained: FileExplanation) -> dict[str, Any]:
    return {
        "path": path,
        "error": None,
        "omitted_profiles": explained.omitted,
        "profiles": [
            {
                "name": item.name,
                "error": item.error,
                "meeting_features": item.meeting_features,
                "presets": [
                    {
                        "name": p.name,
                        "effective": p.effective,
                        "defaults": p.defaults,
                        "error": p.error,
                    }
                    for p in item.presets
                ],
                "allowed": [dict(zip(_NAMES, t)) for t in item.allowed],
                "transcription": None
                if item.transcription is None
                else {
                    "engine": item.transcription.engine,
                    "settings": item.transcription.settings,
                    "defaults": item.transcription.defaults,
                    "error": item.transcription.error,
                },
                "omitted_presets": item.omitted,
            }
            for item in explained.profiles
        ],
    }


def write_json(stream: TextIO, files: list[dict[str, Any]]) -> None:
    dump_json({"version": 1, "files": files}, stream)
