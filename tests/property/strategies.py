"""Hypothesis strategies shared by the property tests.

Everything here is written from the documentation, not from the package's rule data, so that
the tests derive their expectations independently of the code under test.
"""

from __future__ import annotations

import string
from typing import Any, Optional

from hypothesis import strategies as st

MEDIA = ("SendReceive", "Send", "Receive", "None")
RECEIVE = ("SendReceive", "Receive")
VIDEO_RES = ("None", "HD", "FHD")
CONTENT_RES = ("None", "FHD", "UHD")

#: ExternalUserId alphabet, transcribed from the documented pattern
#: [-_&@+=,(){}\[\]\/«».:|'"#a-zA-Z0-9À-ÿ\s]* with Java's \s (six ASCII characters).
ALLOWED_PUNCTUATION = "-_&@+=,(){}[]/«».:|'\"#"
JAVA_SPACE = " \t\n\x0b\f\r"
LATIN1_LETTERS = "".join(chr(c) for c in range(0xC0, 0x100))
EXTERNAL_ID_ALPHABET = (
    ALLOWED_PUNCTUATION + string.ascii_letters + string.digits + LATIN1_LETTERS + JAVA_SPACE
)
#: Characters at the edges of the alphabet that must be refused.
REFUSED_BOUNDARY = (
    "\x00\x08\x0e\x1c\x1d\x1e\x1f\x7f\x85\xa0\xaa\xac\xba\xbf\u0100\u2000\u200a\u2028\u2029"
    "\u3000\ufeff!$%*;<>?\\^`~" + "\U0001f600"
)

GUID_HEX = "0123456789abcdefABCDEF"


def guids() -> st.SearchStrategy[str]:
    def part(n: int) -> st.SearchStrategy[str]:
        return st.text(GUID_HEX, min_size=n, max_size=n)

    return st.builds(lambda *p: "-".join(p), part(8), part(4), part(4), part(4), part(12))


def reserved(value: str) -> bool:
    return value[:4].lower() == "aws:"


def external_ids() -> st.SearchStrategy[str]:
    return st.text(EXTERNAL_ID_ALPHABET, min_size=2, max_size=64).filter(lambda v: not reserved(v))


def triples() -> st.SearchStrategy[tuple[str, str, str]]:
    return st.tuples(st.sampled_from(MEDIA), st.sampled_from(MEDIA), st.sampled_from(MEDIA))


def expected_errors(
    triple: tuple[str, str, str], video_res: Optional[str], content_res: Optional[str]
) -> set[tuple[str, str]]:
    """(code, member) the documentation says a requested triple breaks. None = unknown."""
    _, video, content = triple
    out = set()
    if video_res == "None" and video != "None":
        out.add(("CHM-E301", "Video"))
    if content_res == "None" and content != "None":
        out.add(("CHM-E302", "Content"))
    if content in RECEIVE and video not in RECEIVE:
        out.add(("CHM-E303", "Content"))
    return out


def caps(triple: tuple[str, str, str]) -> dict[str, str]:
    return {"Audio": triple[0], "Video": triple[1], "Content": triple[2]}


@st.composite
def meeting_features(draw: st.DrawFn) -> dict[str, Any]:
    """Valid MeetingFeatures: any resolutions, MaxCount within bounds (<= 25 when FHD/UHD)."""
    features: dict[str, Any] = {}
    video = draw(st.sampled_from((None, *VIDEO_RES)))
    content = draw(st.sampled_from((None, *CONTENT_RES)))
    if video is not None:
        features["Video"] = {"MaxResolution": video}
    if content is not None:
        features["Content"] = {"MaxResolution": content}
    high = video == "FHD" or content == "UHD"
    if high or draw(st.booleans()):
        features["Attendee"] = {"MaxCount": draw(st.integers(1, 25 if high else 250))}
    if draw(st.booleans()):
        features["Audio"] = {"EchoReduction": draw(st.sampled_from(("AVAILABLE", "UNAVAILABLE")))}
    return features


def resolutions_of(features: dict[str, Any]) -> tuple[str, str]:
    return (
        features.get("Video", {}).get("MaxResolution", "HD"),
        features.get("Content", {}).get("MaxResolution", "FHD"),
    )


def allowed_triples(features: dict[str, Any]) -> list[tuple[str, str, str]]:
    v, c = resolutions_of(features)
    return [
        (a, b, d)
        for a in MEDIA
        for b in MEDIA
        for d in MEDIA
        if not expected_errors((a, b, d), v, c)
    ]


@st.composite
def attendee_item(draw: st.DrawFn, features: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"ExternalUserId": draw(external_ids())}
    if draw(st.booleans()):
        item["Capabilities"] = caps(draw(st.sampled_from(allowed_triples(features))))
    return item


@st.composite
def valid_requests(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(operation, params, meeting features) for a request the documentation allows."""
    op = draw(
        st.sampled_from(
            (
                "CreateAttendee",
                "BatchCreateAttendee",
                "CreateMeetingWithAttendees",
                "UpdateAttendeeCapabilities",
                "BatchUpdateAttendeeCapabilitiesExcept",
                "CreateMeeting",
            )
        )
    )
    features = draw(meeting_features())
    meeting = draw(guids())
    if op == "CreateAttendee":
        params = {"MeetingId": meeting, **draw(attendee_item(features))}
    elif op == "BatchCreateAttendee":
        items = draw(st.lists(attendee_item(features), min_size=1, max_size=100))
        params = {"MeetingId": meeting, "Attendees": _unique_ids(items)}
    elif op in ("CreateMeeting", "CreateMeetingWithAttendees"):
        params = {
            "ClientRequestToken": draw(
                st.text(string.ascii_letters + string.digits + "-_", min_size=2, max_size=64)
            ),
            "MediaRegion": draw(st.sampled_from(("us-east-1", "eu-central-1", "ap-south-1"))),
            "ExternalMeetingId": draw(external_ids()),
        }
        if draw(st.booleans()) or features:
            params["MeetingFeatures"] = features
        if op == "CreateMeetingWithAttendees":
            items = draw(st.lists(attendee_item(features), min_size=1, max_size=20))
            params["Attendees"] = _unique_ids(items)
    elif op == "UpdateAttendeeCapabilities":
        params = {
            "MeetingId": meeting,
            "AttendeeId": draw(guids()),
            "Capabilities": caps(draw(st.sampled_from(allowed_triples(features)))),
        }
    else:
        ids = draw(st.lists(guids(), min_size=1, max_size=250, unique_by=str.lower))
        params = {
            "MeetingId": meeting,
            "ExcludedAttendeeIds": [{"AttendeeId": i} for i in ids],
            "Capabilities": caps(draw(st.sampled_from(allowed_triples(features)))),
        }
    return op, params, features


def _unique_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item["ExternalUserId"] not in seen:
            seen.add(item["ExternalUserId"])
            out.append(item)
    return out


def json_values() -> st.SearchStrategy[Any]:
    """Arbitrary JSON-like values, with keys drawn partly from the API's member names."""
    keys = st.one_of(
        st.sampled_from(
            (
                "MeetingId",
                "AttendeeId",
                "ExternalUserId",
                "Capabilities",
                "Audio",
                "Video",
                "Content",
                "Attendees",
                "MeetingFeatures",
                "MaxResolution",
                "Attendee",
                "MaxCount",
                "ExcludedAttendeeIds",
                "ClientRequestToken",
                "MediaRegion",
                "ExternalMeetingId",
                "Tags",
                "TenantIds",
                "Key",
                "Value",
                "TranscriptionConfiguration",
                "EngineTranscribeSettings",
                "EngineTranscribeMedicalSettings",
                "LanguageCode",
                "IdentifyLanguage",
                "LanguageOptions",
                "PreferredLanguage",
                "Region",
                "ResourceARN",
                "TagKeys",
            )
        ),
        st.text(max_size=5),
    )
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=70),
        st.sampled_from(MEDIA + VIDEO_RES + CONTENT_RES + ("en-US", "en-US,fr-FR", "auto")),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
        ),
        max_leaves=25,
    )


# --- documents for the JSON Schema agreement tests ------------------------------------------
# Near-valid documents of every covered shape and the mutations that probe each rule's edges.
# Mutations are chosen by member name, as the API reference names members.

#: Members holding an ExternalUserId-like identifier (pattern, length 2..64, aws: reserved).
_EXTERNAL_ID_MEMBERS = ("ExternalUserId", "ExternalMeetingId", "MeetingHostId")
_ARN_MEMBERS = ("LambdaFunctionArn", "SnsTopicArn", "SqsQueueArn")


def schema_boundary_characters() -> tuple[str, ...]:
    """Whitespace and Latin-1 characters at the edges of the ExternalUserId alphabet: Java's
    six whitespace characters, what Python's or ECMA-262's \\s adds, and the ends of À-ÿ."""
    return (
        *(chr(c) for c in range(0x09, 0x0E)),
        " ",
        *(chr(c) for c in range(0x1C, 0x20)),
        *"\x85\xa0\u2000\u2028",
        *"\xaa\xab\xba\xbb\xbf\xc0\xd7\xf7\xff\u0100",
    )


def reserved_prefix_variants() -> tuple[str, ...]:
    """aws: in each of its 8 letter casings, and the near misses ' aws:' and 'awsx:'."""
    casings = tuple(a + w + s + ":" for a in "aA" for w in "wW" for s in "sS")
    return (*casings, " aws:", "awsx:")


def _case_variants(values: tuple[str, ...]) -> tuple[str, ...]:
    out = [v for value in values for v in (value.lower(), value.upper(), value.swapcase())]
    return tuple(dict.fromkeys(v for v in out if v not in values))


def _sized(n: int, alphabet: str = "aZ9") -> str:
    """A text of ``n`` characters, for lengths around the bounds."""
    return (alphabet * (n // len(alphabet) + 1))[:n]


def tricky_examples(member: str) -> tuple[Any, ...]:
    """Fixed values at the edges of the documented rules of ``member`` (a member name)."""
    guid = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"
    not_integers = (True, False, 2.5, -0.5, 25.5, "25", None)
    if member in _EXTERNAL_ID_MEMBERS:
        return (
            *(_sized(n) for n in (0, 1, 2, 3, 63, 64, 65)),
            *(f"a{ch}b" for ch in schema_boundary_characters()),
            *(ch + "ab" for ch in schema_boundary_characters()),
            *(prefix + "x" for prefix in reserved_prefix_variants()),
            "aws",
            "aws:",
        )
    if member in ("MeetingId", "AttendeeId"):
        return (
            guid,
            guid.upper(),
            guid + "\n",
            guid + "#content",
            "\n" + guid,
            guid[:-1],
            "g" + guid[1:],
            "{" + guid + "}",
            guid.replace("-", ""),
            "",
        )
    if member in ("Audio", "Video", "Content"):
        return (*MEDIA, *_case_variants(MEDIA), " Send", "Send ", "")
    if member == "MaxResolution":
        resolutions = tuple(dict.fromkeys(VIDEO_RES + CONTENT_RES))
        return (*resolutions, *_case_variants(resolutions), "4K", "")
    if member == "EchoReduction":
        return ("AVAILABLE", "UNAVAILABLE", "available", "Available", "")
    if member == "MediaPlacementNetworkType":
        return ("Ipv4Only", "DualStack", "ipv4only", "DUALSTACK", "")
    if member == "MaxCount":
        return (-1, 0, 1, 2, 24, 25, 26, 249, 250, 251, 10**20, *not_integers)
    if member == "MaxResults":
        return (-1, 0, 1, 2, 99, 100, 101, *not_integers)
    if member == "ClientRequestToken":
        return (*(_sized(n, "aZ9-_") for n in (1, 2, 64, 65)), "a b", "ab\n", "a.b", "aé")
    if member == "MediaRegion":
        return ("us-east-1", "us-gov-west-1", "mars-north-1", "a", "ab", _sized(64), _sized(65))
    if member == "PrimaryMeetingId":
        return tuple(_sized(n) for n in (1, 2, 64, 65))
    if member == "TenantIds":
        return ("ab", "aaa", "aaaa", "abbbb", "a!@#$-_", "a b", "a\n", _sized(256), _sized(257))
    if member == "Key":
        return ("", "a", "+", "=", "<", "a,b", "a b", "é", "a\n", _sized(128), _sized(129))
    if member == "Value":
        return (
            "",
            "a b\tc",
            "a\x0bb",
            "a\x1cb",
            "a\xa0b",
            "é",
            "_",
            "<=>",
            "a\n",
            "#",
            _sized(257),
        )
    if member in _ARN_MEMBERS:
        return ("arn:aws:sns:us-east-1:1:t", "arn", "arn:", "xarn:a", "arn:a\n", "arn:é", "")
    if member in ("LanguageCode", "PreferredLanguage"):
        return ("en-US", "en-AU", "fr-FR", "en-us", "EN-US", "en_US", "", True)
    if member == "LanguageOptions":
        return (
            "en-US,fr-FR",
            "en-US",
            "en-US,en-AU",
            "en-US,fr-FR,de-DE,ja-JP,ko-KR,zh-CN",
            "en-US,,fr-FR",
            "en-US,fr-FR,",
            "en-US, fr-FR",
            "en-US,xx-XX",
            "",
        )
    if member == "PiiEntityTypes":
        return (
            "ALL",
            "SSN",
            "SSN, EMAIL",
            " NAME ,PIN ",
            "SSN,ALL",
            "SSN,,EMAIL",
            "SSN,FOO",
            "ssn",
            "",
            _sized(300, "ALL,"),
            _sized(301, "SSN,"),
        )
    if member in ("IdentifyLanguage", "EnablePartialResultsStabilization"):
        return (True, False, "true", 1, None)
    if member in ("VocabularyName", "VocabularyFilterName"):
        return ("v", "v w", "", _sized(4096), _sized(4097))
    if member in ("VocabularyNames", "VocabularyFilterNames"):
        return ("a,b", "a-b.c_d", "a b", "", _sized(3000), _sized(3001))
    if member == "LanguageModelName":
        return ("m.1_x-y", "m,1", "", _sized(200), _sized(201))
    if member == "Region":
        return ("auto", "us-east-1", "eu-west-2", "af-south-1", "AUTO", "")
    if member in ("ContentIdentificationType", "ContentRedactionType"):
        return ("PII", "PHI", "pii", "")
    if member == "EngineTranscribeSettings":
        return ({}, {"LanguageCode": "en-US"}, {"IdentifyLanguage": True})
    if member == "ResourceARN":
        return (
            "arn:",
            "arn:aws:chime:us-east-1:1:meeting/x y",
            "arn",
            "xarn:",
            "arn:a\n",
            "arn:a\u2028",
            "arn:é",
            "",
            "arn:" + _sized(1007),
            "arn:" + _sized(1008),
        )
    if member == "JoinToken":
        return tuple(_sized(n) for n in (1, 2, 2048, 2049))
    if member == "NextToken":
        return ("", "a", _sized(4096), _sized(4097))
    if member in ("description", "from", "to"):
        return ("", "x", 1, None)
    return ()


def wrong_types() -> tuple[Any, ...]:
    """A value of each JSON type; integral floats left out (JSON Schema counts 25.0 as an
    integer, the engine does not, as boto3 refuses a float there)."""
    return (None, True, 7, 1.5, "x", [], {})


def _positions(doc: Any, path: tuple[Any, ...] = (), name: str = "") -> list[tuple[Any, ...]]:
    """(path, member name) of every value in ``doc``; list items take the list's name."""
    out: list[tuple[Any, ...]] = [(path, name)]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _positions(value, (*path, key), key)
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            out += _positions(value, (*path, index), name)
    return out


def replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``doc`` with the value at ``path`` replaced (``path`` () replaces it all)."""
    if not path:
        return value
    out = _copied(doc)
    holder = out
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value
    return out


def _copied(doc: Any) -> Any:
    if isinstance(doc, dict):
        return {key: _copied(value) for key, value in doc.items()}
    if isinstance(doc, list):
        return [_copied(value) for value in doc]
    return doc


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _neighbours(value: Any, name: str) -> list[Any]:
    """Fixed changes of ``value``: edge values of its member, members added or dropped,
    list sizes at and around the bounds."""
    out: list[Any] = list(tricky_examples(name))
    if isinstance(value, dict):
        out += [{**value, extra: "x"} for extra in ("Extra", "audio", "ResponseMetadata")]
        out += [{k: v for k, v in value.items() if k != drop} for drop in value]
    elif isinstance(value, list) and value:
        out += [[value[0]] * n for n in (0, 1, 5, 20, 21, 50, 51, 100, 101, 250, 251)]
    return out


def edge_cases(doc: Any) -> list[tuple[str, Any]]:
    """(label, document) for each fixed change of one value of ``doc``: the edge values of
    its member, every wrong JSON type, members added and dropped, list sizes."""
    out = []
    for path, name in _positions(doc):
        value = _get(doc, path)
        for new in (*_neighbours(value, name), *wrong_types()):
            out.append((f"/{'/'.join(map(str, path))} = {new!r:.40}", replaced(doc, path, new)))
    return out


@st.composite
def mutated(draw: st.DrawFn, doc: Any, *, max_mutations: int = 3) -> Any:
    """``doc`` with one to ``max_mutations`` values changed, each picked from the changes of
    ``edge_cases`` or generated: texts with edge characters, integers near the bounds."""
    for _ in range(draw(st.integers(1, max_mutations))):
        path, name = draw(st.sampled_from(_positions(doc)))
        value = _get(doc, path)
        fixed = _neighbours(value, name) + list(wrong_types())
        options = [st.sampled_from(fixed)]
        if name in _EXTERNAL_ID_MEMBERS:
            edge = st.sampled_from(schema_boundary_characters() + reserved_prefix_variants())
            options.append(
                st.builds(
                    lambda head, mid, tail: head + mid + tail,
                    st.text(EXTERNAL_ID_ALPHABET, max_size=40),
                    edge,
                    st.text(EXTERNAL_ID_ALPHABET, max_size=30),
                )
            )
        elif name in ("MaxCount", "MaxResults"):
            options.append(st.integers(-3, 300))
        elif isinstance(value, dict) and set(value) <= {"Audio", "Video", "Content"}:
            options.append(triples().map(caps))  # a capabilities object: any triple
        doc = replaced(doc, path, draw(st.one_of(options)))
    return doc


def maybe_mutated(base: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Documents from ``base`` as they are, or mutated."""
    return st.one_of(base, base.flatmap(lambda doc: mutated(doc)))


@st.composite
def meeting_request_extras(draw: st.DrawFn) -> dict[str, Any]:
    """Valid optional members of CreateMeeting (documented bounds and patterns)."""
    extras: dict[str, Any] = {}
    if draw(st.booleans()):
        extras["MeetingHostId"] = draw(external_ids())
    if draw(st.booleans()):
        extras["PrimaryMeetingId"] = draw(st.text("abc-123", min_size=2, max_size=64))
    if draw(st.booleans()):
        extras["MediaPlacementNetworkType"] = draw(st.sampled_from(("Ipv4Only", "DualStack")))
    if draw(st.booleans()):
        arn = st.text("abc:/-_.09", min_size=0, max_size=20).map(lambda rest: "arn:" + rest)
        members = st.fixed_dictionaries({}, optional=dict.fromkeys(_ARN_MEMBERS, arn))
        extras["NotificationsConfiguration"] = draw(members)
    if draw(st.booleans()):
        tenant = st.text("-_!@#$aZ09", min_size=2, max_size=12).filter(
            lambda t: not any(t[i] == t[i + 1] == t[i + 2] == t[i + 3] for i in range(len(t) - 3))
        )
        extras["TenantIds"] = draw(st.lists(tenant, min_size=1, max_size=5))
    if draw(st.booleans()):
        tag = st.fixed_dictionaries(
            {
                "Key": st.text("aZ+,-./:;<=_", min_size=1, max_size=12),
                "Value": st.text("aZ09_+,-./:;<=@ \t日é٣\u00a0", max_size=12),
            }
        )
        extras["Tags"] = draw(st.lists(tag, max_size=4, unique_by=lambda t: t["Key"]))
    return extras


@st.composite
def any_requests(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """(operation, params) of a valid request of any covered operation, each about as likely."""
    simple = ("GetAttendee", "DeleteAttendee", "GetMeeting", "DeleteMeeting", "ListAttendees")
    # valid_requests() covers the six other operations
    op = draw(st.sampled_from((*simple, *("other",) * 6)))
    if op == "other":
        op, params, _ = draw(valid_requests())
        if op in ("CreateMeeting", "CreateMeetingWithAttendees"):
            params = {**params, **draw(meeting_request_extras())}
        return op, params
    params = {"MeetingId": draw(guids())}
    if op in ("GetAttendee", "DeleteAttendee"):
        params["AttendeeId"] = draw(guids())
    if op == "ListAttendees":
        if draw(st.booleans()):
            params["NextToken"] = draw(st.text(max_size=20))
        if draw(st.booleans()):
            params["MaxResults"] = draw(st.integers(1, 100))
    return op, params


@st.composite
def attendee_objects(draw: st.DrawFn) -> dict[str, Any]:
    """An Attendee as a response holds it: every member optional, capabilities effective."""
    attendee: dict[str, Any] = {}
    if draw(st.booleans()):
        attendee["ExternalUserId"] = draw(external_ids())
    if draw(st.booleans()):
        suffix = draw(st.sampled_from(("", "#content")))
        attendee["AttendeeId"] = draw(guids()) + suffix
    if draw(st.booleans()):
        attendee["JoinToken"] = draw(st.text(min_size=2, max_size=60))
    if draw(st.booleans()):
        attendee["Capabilities"] = caps(draw(triples()))
    return attendee


@st.composite
def meeting_profile_files(draw: st.DrawFn) -> dict[str, Any]:
    """A meeting profile file: one profile, or several under "profiles"."""

    @st.composite
    def profile(draw: st.DrawFn) -> dict[str, Any]:
        features = draw(meeting_features())
        with_features = draw(st.booleans())
        allowed = allowed_triples(features if with_features else {})
        preset = st.one_of(st.none(), st.sampled_from(allowed).map(caps))
        out: dict[str, Any] = {"presets": draw(st.dictionaries(st.text(max_size=8), preset))}
        if with_features:
            out["MeetingFeatures"] = features
        names: list[str] = list(out["presets"])
        with_transitions = draw(st.booleans())
        if names and with_transitions:
            name = st.sampled_from(names)
            pair = st.fixed_dictionaries({"from": name, "to": name})
            out["transitions"] = draw(st.lists(pair, max_size=3))
        if draw(st.booleans()):
            out["description"] = draw(st.text(max_size=20))
        return out

    if draw(st.booleans()):
        return draw(profile())
    return {"profiles": draw(st.dictionaries(st.text(max_size=8), profile(), max_size=3))}
