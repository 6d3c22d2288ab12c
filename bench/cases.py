"""The inputs of the benchmark: requests and meeting profiles, built the same way on every run.

Every document is generated from a fixed seed, so two runs (and the JSON Schema validators of
one run) see exactly the same values. Capabilities are drawn from what the engine says a
request may set in the meeting (``capabilities.allowed_capabilities``); whether the four
validators agree on each input is checked by the harness before anything is timed.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Optional

import capabilities
from capabilities.profiles import check_profiles

__all__ = ["CASES", "Case", "profile_documents"]

_SEED = 20261126
MEETING_ID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
_NAMES = ("zoë", "jürgen", "ana maría", "o'brien", "li", "søren", "amélie", "kwame")


@dataclass(frozen=True)
class Case:
    """One input, the JSON Schema that describes it, and the engine's check of it."""

    title: str
    #: The name of the generated JSON Schema (``capabilities.json_schema``).
    schema: str
    document: Any
    #: What the input is built to be; the validators must all say so.
    valid: bool
    #: The engine's check of ``document``: the report's ``ok`` is its verdict.
    check: Callable[[Any], capabilities.Report]


def _triples(
    features: Optional[dict[str, Any]], rng: random.Random
) -> Callable[[], dict[str, str]]:
    allowed = sorted(capabilities.allowed_capabilities(features))

    def pick() -> dict[str, str]:
        audio, video, content = rng.choice(allowed)
        return {"Audio": audio, "Video": video, "Content": content}

    return pick


def _user_id(index: int, rng: random.Random) -> str:
    """An ExternalUserId of the documented alphabet: ASCII, Latin-1 letters, spaces, ``'@.``."""
    name = rng.choice(_NAMES)
    return rng.choice(
        (
            f"user-{index:03d}",
            f"{name}.{index}@example.com",
            f"{name} ({index})",
            f"u{index}:{name}",
        )
    )


def _attendees(
    count: int, features: Optional[dict[str, Any]], rng: random.Random
) -> list[dict[str, Any]]:
    pick = _triples(features, rng)
    out: list[dict[str, Any]] = []
    for index in range(count):
        item: dict[str, Any] = {"ExternalUserId": _user_id(index, rng)}
        if index % 5 != 4:  # one in five leaves Capabilities out: the service's defaults apply
            item["Capabilities"] = pick()
        out.append(item)
    return out


def _broken_attendee(index: int) -> dict[str, Any]:
    """An attendee with one problem; the kind of problem cycles through seven."""
    user = f"attendee-{index:03d}"
    caps: dict[str, str] = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "Send"}
    item: dict[str, Any] = {"ExternalUserId": user, "Capabilities": caps}
    kind = index % 7
    if kind == 0:
        item["ExternalUserId"] = user.replace("-", "*")  # outside the alphabet (CHM-E201)
    elif kind == 1:
        item["ExternalUserId"] = "AWS:" + user  # reserved prefix (CHM-E202)
    elif kind == 2:
        caps.update(Video="Send", Content="Receive")  # content receive without video (CHM-E303)
    elif kind == 3:
        caps["Audio"] = "sendreceive"  # wrong case (CHM-E107)
    elif kind == 4:
        del caps["Content"]  # a required member missing (CHM-E102)
    elif kind == 5:
        item["Role"] = "presenter"  # a member the model does not define (CHM-E103)
    else:
        item["ExternalUserId"] = user + "-" + "x" * 60  # longer than 64 (CHM-E104)
    return item


def _create_attendee() -> dict[str, Any]:
    return {
        "MeetingId": MEETING_ID,
        "ExternalUserId": "zoë.1@example.com",
        "Capabilities": {"Audio": "SendReceive", "Video": "Receive", "Content": "Receive"},
    }


def _batch(rng: random.Random) -> dict[str, Any]:
    return {"MeetingId": MEETING_ID, "Attendees": _attendees(100, None, rng)}


def _broken_batch() -> dict[str, Any]:
    return {"MeetingId": MEETING_ID, "Attendees": [_broken_attendee(i) for i in range(100)]}


def _meeting_with_attendees(rng: random.Random) -> dict[str, Any]:
    features = {
        "Audio": {"EchoReduction": "AVAILABLE"},
        "Video": {"MaxResolution": "FHD"},
        "Content": {"MaxResolution": "FHD"},
        "Attendee": {"MaxCount": 25},
    }
    return {
        "ClientRequestToken": "request-7f3c9b2e-0001",
        "MediaRegion": "eu-central-1",
        "MeetingHostId": "host-001",
        "ExternalMeetingId": "weekly-sync (team b) 2026-11",
        "MeetingFeatures": features,
        "NotificationsConfiguration": {
            "SqsQueueArn": "arn:aws:sqs:eu-central-1:111122223333:meeting-events"
        },
        "TenantIds": ["tenant-b1"],
        "Tags": [{"Key": "team", "Value": "support"}, {"Key": "cost-center", "Value": "4711"}],
        "Attendees": _attendees(20, features, rng),
    }


def _batch_update_except(rng: random.Random) -> dict[str, Any]:
    ids = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(250)]
    if len(set(ids)) != len(ids):
        raise RuntimeError("the seed gives a repeated AttendeeId; change it")
    return {
        "MeetingId": MEETING_ID,
        "ExcludedAttendeeIds": [{"AttendeeId": attendee_id} for attendee_id in ids],
        "Capabilities": {"Audio": "Receive", "Video": "None", "Content": "None"},
    }


def _webinar_profiles() -> dict[str, Any]:
    """Two profiles with presets and transitions, as a webinar backend keeps them."""
    return {
        "profiles": {
            "webinar": {
                "description": "Presenters share video and content; viewers watch and listen.",
                "MeetingFeatures": {
                    "Video": {"MaxResolution": "FHD"},
                    "Content": {"MaxResolution": "FHD"},
                    "Attendee": {"MaxCount": 25},
                },
                "presets": {
                    "presenter": {
                        "Audio": "SendReceive",
                        "Video": "SendReceive",
                        "Content": "SendReceive",
                    },
                    "viewer": {"Audio": "Receive", "Video": "Receive", "Content": "Receive"},
                    "guest": None,
                },
                "transitions": [
                    {"from": "viewer", "to": "presenter"},
                    {"from": "presenter", "to": "viewer"},
                ],
            },
            "town-hall": {
                "description": "Audio and shared slides only; nobody sends video.",
                "MeetingFeatures": {"Video": {"MaxResolution": "None"}},
                "presets": {
                    "speaker": {"Audio": "SendReceive", "Video": "None", "Content": "Send"},
                    "listener": {"Audio": "Receive", "Video": "None", "Content": "None"},
                },
                "transitions": [{"from": "listener", "to": "speaker"}],
            },
        }
    }


def _build_cases() -> tuple[Case, ...]:
    rng = random.Random(_SEED)
    return (
        Case(
            "CreateAttendee, 1 attendee",
            "CreateAttendee",
            _create_attendee(),
            True,
            partial(capabilities.validate, "CreateAttendee"),
        ),
        Case(
            "BatchCreateAttendee, 100 valid attendees",
            "BatchCreateAttendee",
            _batch(rng),
            True,
            partial(capabilities.validate, "BatchCreateAttendee"),
        ),
        Case(
            "BatchCreateAttendee, 100 invalid attendees",
            "BatchCreateAttendee",
            _broken_batch(),
            False,
            partial(capabilities.validate, "BatchCreateAttendee"),
        ),
        Case(
            "CreateMeetingWithAttendees, 20 attendees",
            "CreateMeetingWithAttendees",
            _meeting_with_attendees(rng),
            True,
            partial(capabilities.validate, "CreateMeetingWithAttendees"),
        ),
        Case(
            "BatchUpdateAttendeeCapabilitiesExcept, 250 excluded ids",
            "BatchUpdateAttendeeCapabilitiesExcept",
            _batch_update_except(rng),
            True,
            partial(capabilities.validate, "BatchUpdateAttendeeCapabilitiesExcept"),
        ),
        Case(
            "meeting profile file, 2 profiles",
            "meeting-profile",
            _webinar_profiles(),
            True,
            check_profiles,
        ),
    )


#: The cases, in the order they are run and reported.
CASES: tuple[Case, ...] = _build_cases()

#: The case whose speed is compared with jsonschema-rs in the targets.
BATCH_CASE = CASES[1]
#: The two 100-attendee batches, whose memory use is measured.
BATCH_CASES = (CASES[1], CASES[2])


# --- profile files for the command-line checker ---------------------------------------------

_FEATURE_CHOICES: tuple[dict[str, Any], ...] = (
    {},
    {"Video": {"MaxResolution": "None"}},
    {"Content": {"MaxResolution": "None"}},
    {"Video": {"MaxResolution": "None"}, "Content": {"MaxResolution": "None"}},
    {"Video": {"MaxResolution": "FHD"}, "Attendee": {"MaxCount": 25}},
    {"Content": {"MaxResolution": "UHD"}, "Attendee": {"MaxCount": 10}},
    {"Audio": {"EchoReduction": "AVAILABLE"}, "Attendee": {"MaxCount": 250}},
)
_PRESET_NAMES = ("host", "presenter", "panelist", "viewer", "guest", "moderator")


def _profile(rng: random.Random, index: int) -> dict[str, Any]:
    features = dict(rng.choice(_FEATURE_CHOICES))
    pick = _triples(features or None, rng)
    names = rng.sample(_PRESET_NAMES, rng.randint(2, 5))
    presets: dict[str, Any] = {name: pick() for name in names}
    profile: dict[str, Any] = {"description": f"generated profile {index}"}
    if features:
        profile["MeetingFeatures"] = features
    if rng.random() < 0.3:
        presets["default"] = None  # the service's defaults; never a transition's target
    profile["presets"] = presets
    transitions = [{"from": a, "to": b} for a, b in zip(names, names[1:]) if rng.random() < 0.5]
    if transitions:
        profile["transitions"] = transitions
    return profile


def profile_documents(count: int) -> list[dict[str, Any]]:
    """``count`` valid profile files: one profile, or two or three under ``profiles``."""
    rng = random.Random(_SEED + 1)
    out: list[dict[str, Any]] = []
    for index in range(count):
        if rng.random() < 0.5:
            out.append(_profile(rng, index))
        else:
            out.append(
                {
                    "profiles": {
                        f"profile-{index}-{n}": _profile(rng, index)
                        for n in range(rng.randint(2, 3))
                    }
                }
            )
    return out
