"""The attendee capability rules as pure functions of (Audio, Video, Content) and the meeting's
(Video MaxResolution, Content MaxResolution).

Two sets matter and differ: the *requestable* capabilities (what a request may set, rules
CHM-E301 to CHM-E303) and the *effective* ones (what the service assigns and returns): a
meeting with video off and content on gives a defaulted attendee Video ``Receive``, a value no
request may set there.
"""

from __future__ import annotations

from functools import cache
from itertools import product
from typing import Optional

from ._model import MEDIA_CAPABILITIES, RECEIVING, SENDING

__all__ = [
    "Resolutions",
    "Triple",
    "capability_violations",
    "default_triple",
    "effective_triples",
    "repair",
    "requestable_triples",
    "transition_warnings",
]

#: (Audio, Video, Content)
Triple = tuple[str, str, str]
#: (Video MaxResolution, Content MaxResolution), defaults applied.
Resolutions = tuple[str, str]

#: What dropping the receive direction leaves of a capability.
_WITHOUT_RECEIVE = {"SendReceive": "Send", "Receive": "None", "Send": "Send", "None": "None"}


def capability_violations(
    video: Optional[str], content: Optional[str], resolutions: Optional[Resolutions]
) -> list[str]:
    """Codes of the rules a requested (video, content) pair breaks.

    ``None`` for a capability means it is not a valid value (its own finding is reported
    elsewhere); ``None`` for ``resolutions`` means the meeting's features are unknown, so CHM-E301
    and CHM-E302 cannot be evaluated.
    """
    codes = []
    if resolutions is not None:
        if resolutions[0] == "None" and video is not None and video != "None":
            codes.append("CHM-E301")
        if resolutions[1] == "None" and content is not None and content != "None":
            codes.append("CHM-E302")
    if content in RECEIVING and video is not None and video not in RECEIVING:
        codes.append("CHM-E303")
    return codes


def repair(
    video: Optional[str], content: Optional[str], resolutions: Optional[Resolutions]
) -> tuple[Optional[str], Optional[str]]:
    """The nearest requestable (video, content): turn off what the meeting does not have, then
    drop content's receive direction if video does not receive. Audio never needs a change.
    ``None`` (not a valid value) stays ``None``: nothing is suggested for it."""
    if resolutions is not None:
        if resolutions[0] == "None" and video is not None:
            video = "None"
        if resolutions[1] == "None" and content is not None:
            content = "None"
    if content in RECEIVING and video is not None and video not in RECEIVING:
        content = _WITHOUT_RECEIVE[content]
    return (video, content)


def default_triple(resolutions: Resolutions) -> Triple:
    """What the service assigns when a create request leaves Capabilities out."""
    video_off, content_off = resolutions[0] == "None", resolutions[1] == "None"
    if video_off and content_off:  # decided
        return ("SendReceive", "None", "None")
    if video_off:  # documented: "video ... Receive and ... content ... SendReceive"
        return ("SendReceive", "Receive", "SendReceive")
    if content_off:  # decided
        return ("SendReceive", "SendReceive", "None")
    return ("SendReceive", "SendReceive", "SendReceive")  # documented


@cache
def requestable_triples(resolutions: Resolutions) -> frozenset[Triple]:
    return frozenset(
        (a, v, c)
        for a, v, c in product(MEDIA_CAPABILITIES, repeat=3)
        if not capability_violations(v, c, resolutions)
    )


@cache
def effective_triples(resolutions: Resolutions) -> frozenset[Triple]:
    """What a response may hold: anything requestable, plus the default assignment."""
    return requestable_triples(resolutions) | {default_triple(resolutions)}


def transition_warnings(previous: Triple, new: tuple[Optional[str], ...]) -> list[tuple[int, str]]:
    """(index into the triple, code) for each capability that starts sending."""
    out = []
    for index, code in ((0, "CHM-W304"), (1, "CHM-W305"), (2, "CHM-W305")):
        after = new[index]
        if previous[index] not in SENDING and after is not None and after in SENDING:
            out.append((index, code))
    return out
