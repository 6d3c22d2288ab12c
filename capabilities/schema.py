"""JSON Schema (draft 2020-12) documents for the covered requests, generated from the rule data.

``json_schema(name)`` loads one of the generated documents that ship with the package;
``python -m capabilities.schema`` rewrites them in the top-level ``schemas/`` folder of the
source tree and ``python -m capabilities.schema --check`` names the files that are stale.

Nothing here spells a value set, a bound or a pattern: the documents are built from the shapes
and constants of ``_model.py`` and their cross-field rules' fragments. The schema's
valid/invalid equals the validator's ``Report.ok``, with the exceptions that
``docs/json-schema.md`` lists (integral floats, rules that need a meeting created elsewhere).

This module imports no JSON Schema library.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any, Optional

from . import _model as m
from .rules import RULES

__all__ = ["DIALECT", "ID_BASE", "SCHEMA_NAMES", "generate", "json_schema", "main", "render"]

Schema = dict[str, Any]

#: The JSON Schema dialect of every document.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: ``$id`` of a document: this prefix and its file name. A name, not a download location.
ID_BASE = "urn:chime-capabilities:schemas:"

_SUFFIX = ".schema.json"
_REQUEST = ".request"
#: The documents that are not the request of one operation, by name.
_OTHER_NAMES = ("AttendeeCapabilities", "MeetingFeatures", "Attendee", "meeting-profile")
#: Every name json_schema() accepts as written here (an operation name alone means its request).
SCHEMA_NAMES: tuple[str, ...] = (*(op + _REQUEST for op in m.OPERATIONS), *_OTHER_NAMES)

#: The source tree's ``schemas/`` folder, where the generator writes.
_SOURCE_DIR = Path(__file__).resolve().parent.parent / "schemas"


# --- loading -------------------------------------------------------------------------------


def json_schema(name: str) -> dict[str, Any]:
    """The generated JSON Schema document ``name``, as a new dict on each call.

    ``name``: an operation (``"CreateAttendee"``, ``"create_attendee"`` or
    ``"create-attendee"``, meaning its request, or ``"CreateAttendee.request"``),
    ``"AttendeeCapabilities"``, ``"MeetingFeatures"``, ``"Attendee"`` (the object of a
    response) or ``"meeting-profile"``.
    """
    loaded: dict[str, Any] = json.loads(_read(_file_name(name)))
    return loaded


#: Each operation under the names validate() accepts: API, boto3 method, AWS CLI command.
_OPERATION_NAMES = {
    alias: op.name
    for op in m.OPERATIONS.values()
    for alias in (op.name, op.method, op.method.replace("_", "-"))
}


def _file_name(name: object) -> str:
    if isinstance(name, str):
        if name in _OPERATION_NAMES:
            name = _OPERATION_NAMES[name] + _REQUEST
        if name in SCHEMA_NAMES:
            return name + _SUFFIX
    shown = repr(name) if isinstance(name, str) and len(name) <= 60 else "that name"
    available = ", ".join((*m.OPERATIONS, *_OTHER_NAMES))
    raise ValueError(
        f"no JSON Schema named {shown}; available: {available} "
        f"(an operation name means its request; '<operation>{_REQUEST}' is accepted too)"
    )


def _read(file_name: str) -> str:
    """A document from the package data ``capabilities.schemas`` of an installed distribution
    (a wheel or an editable install), else from the ``schemas/`` of the source tree."""
    from importlib import resources
    from importlib.abc import Traversable

    folder: Traversable
    try:
        folder = resources.files(f"{__package__}.schemas")
    except ModuleNotFoundError:  # run from a source tree that is not installed
        folder = _SOURCE_DIR
    return (folder / file_name).read_text(encoding="utf-8")


# --- generating ----------------------------------------------------------------------------

_CAPABILITY_MEMBERS = m.CAPABILITY_MEMBERS
_DEFAULTS = {member: default for member, (_, default) in m.RESOLUTION_MEMBERS.items()}


@cache
def _capability_limits() -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """Per meeting resolution member and value, the capabilities a request may set for the
    member of the same name, where that is not all of them (rules CHM-E301, CHM-E302).

    Read from ``CAPABILITY_RULES.requestable``; the function checks that these per-member limits
    together with the receiving rule (CHM-E303) give exactly the requestable triples of every
    resolution pair, since that is what a schema of independent ``if``/``then`` rules can say.
    """
    every = set(m.MEDIA_CAPABILITIES)
    limits: dict[str, dict[str, tuple[str, ...]]] = {member: {} for member in m.RESOLUTION_MEMBERS}
    for member, (values, _) in m.RESOLUTION_MEMBERS.items():
        index = _CAPABILITY_MEMBERS.index(member)
        for value in values:
            pair = {**_DEFAULTS, member: value}
            triples = m.CAPABILITY_RULES.requestable((pair["Video"], pair["Content"]))
            allowed = {triple[index] for triple in triples}
            if value == _DEFAULTS[member] and allowed != every:
                raise RuntimeError(f"the default {member} resolution limits capabilities")
            if allowed != every:
                limits[member][value] = tuple(c for c in m.MEDIA_CAPABILITIES if c in allowed)
    for video_res, content_res in product(m.VIDEO_RESOLUTIONS, m.CONTENT_RESOLUTIONS):
        expected = m.CAPABILITY_RULES.requestable((video_res, content_res))
        video_ok = limits["Video"].get(video_res, m.MEDIA_CAPABILITIES)
        content_ok = limits["Content"].get(content_res, m.MEDIA_CAPABILITIES)
        stated = {
            (a, v, c)
            for a, v, c in product(m.MEDIA_CAPABILITIES, repeat=3)
            if v in video_ok and c in content_ok and (c not in m.RECEIVING or v in m.RECEIVING)
        }
        if stated != expected:
            raise RuntimeError(
                f"the capability rules for ({video_res}, {content_res}) no longer split into "
                "per-member limits and the receiving rule; the schema generator needs updating"
            )
    return limits


def _member_is(path: Sequence[str], values: Sequence[str]) -> Schema:
    """A condition: the member at ``path`` (object members) is present and one of ``values``."""
    condition: Schema = {"enum": list(values)}
    for name in reversed(path):
        condition = {"required": [name], "properties": {name: condition}}
    return condition


def _at(path: Sequence[str], schema: Schema) -> Schema:
    """Apply ``schema`` at ``path``: member names, ``[]`` for every item of an array and
    ``{}`` for every member value of a map object."""
    for step in reversed(path):
        if step == "[]":
            schema = {"items": schema}
        elif step == "{}":
            schema = {"additionalProperties": schema}
        else:
            schema = {"properties": {step: schema}}
    return schema


def _comment(*codes: str) -> str:
    return "; ".join(f"{code}: {RULES[code].summary}" for code in codes)


def _capability_rules(features_path: Sequence[str], capabilities_path: Sequence[str]) -> Schema:
    """The capabilities at ``capabilities_path`` against the meeting's MeetingFeatures at
    ``features_path`` (CHM-E301, CHM-E302): one ``if``/``then`` per resolution that limits them."""
    rules = []
    for member, code in (("Video", "CHM-E301"), ("Content", "CHM-E302")):
        for value, allowed in _capability_limits()[member].items():
            rules.append(
                {
                    "$comment": _comment(code),
                    "if": _member_is((*features_path, member, "MaxResolution"), (value,)),
                    "then": _at((*capabilities_path, member), {"enum": list(allowed)}),
                }
            )
    return {"allOf": rules}


class _Builder:
    """Turns shapes into schemas for one document, collecting named ones in ``defs``.

    ``response``: build as the validator checks a response: members outside the model are
    allowed (CHM-I109), and an AttendeeId may be the content-share attendee (CHM-I204).
    """

    def __init__(self, *, response: bool) -> None:
        self.response = response
        self.defs: dict[str, Schema] = {}

    def applies(self, code: str) -> bool:
        """Whether the rule ``code`` refuses values in what this builder describes (a rule
        may apply to requests only: see Rule.in_response)."""
        return not self.response or RULES[code].in_response is None

    def ref(self, name: str, schema: Schema) -> Schema:
        known = self.defs.setdefault(name, schema)
        if known != schema:
            raise RuntimeError(f"two different shapes are named {name}")
        return {"$ref": f"#/$defs/{name}"}

    def shape(self, shape: m.Shape) -> Schema:
        if isinstance(shape, m.Structure):
            return self.ref(shape.name, self.structure(shape))
        if isinstance(shape, m.ListOf):
            out: Schema = {"type": "array", "items": self.shape(shape.member)}
            if self.applies("CHM-E105"):
                if shape.min_items is not None:
                    out["minItems"] = shape.min_items
                if shape.max_items is not None:
                    out["maxItems"] = shape.max_items
            return out
        if isinstance(shape, m.MapOf):
            value = self.shape(shape.value)
            out = {
                "type": "object",
                "additionalProperties": (
                    {"anyOf": [{"type": "null"}, value]} if shape.nullable else value
                ),
            }
            if shape.doc:
                out["description"] = shape.doc
            return out
        if isinstance(shape, m.Boolean):
            return {"type": "boolean"}
        if isinstance(shape, m.Integer):
            out = {"type": "integer"}
            if shape.minimum is not None:
                out["minimum"] = shape.minimum
            if shape.maximum is not None:
                out["maximum"] = shape.maximum
            return out
        string = self.string(shape)
        if shape.enum is not None or shape.pattern is not None:
            return self.ref(shape.name, string)
        return string

    def string(self, shape: m.String) -> Schema:
        out: Schema = {"type": "string"}
        if shape.enum is not None:  # the validator checks nothing else of an enum member
            out["enum"] = list(shape.enum)
            return out
        if shape.min_length is not None:
            out["minLength"] = shape.min_length
        if shape.max_length is not None:
            out["maxLength"] = shape.max_length
        notes = []
        if shape.pattern is not None:
            notes.append(RULES[shape.pattern_code].description)
            if shape.content_share and self.response:
                notes.append(RULES["CHM-I204"].description)
                out["anyOf"] = [
                    {"pattern": shape.pattern.ecma},
                    {"pattern": m.CONTENT_SHARE_ATTENDEE.ecma},
                ]
            else:
                out["pattern"] = shape.pattern.ecma
        if shape.reserved_prefix and self.applies(shape.reserved_code):
            notes.append(RULES[shape.reserved_code].description)
            out["not"] = {"pattern": f"^(?:{m.RESERVED_PREFIX.source})"}
        if shape.known_values is not None:
            notes.append(RULES["CHM-W205"].description)
            out["examples"] = list(shape.known_values)
        if notes:
            out["description"] = " ".join(notes)
        return out

    def member(self, shape: m.Shape, required: bool) -> Schema:
        """In a response, an optional member may be null (read as absent)."""
        if self.response and not required:
            return {"anyOf": [{"type": "null"}, self.shape(shape)]}
        return self.shape(shape)

    def structure(self, shape: m.Structure) -> Schema:
        out: Schema = {
            "type": "object",
            "title": shape.name,
            "properties": {
                name: self.member(member, name in shape.required)
                for name, member in shape.members.items()
            },
        }
        if shape.doc:
            out["description"] = shape.doc
        if not self.response:
            out["additionalProperties"] = False
        if shape.required:
            out["required"] = list(shape.required)
        fragments = [
            {"$comment": _comment(*rule.schema_codes), **fragment}
            for rule in shape.rules
            for fragment in rule.schema()
        ]
        if shape.features_member is not None:
            # the capabilities within are checked against this object's own features
            fragments += [
                rule
                for path in _capability_paths(shape)
                for rule in _capability_rules((shape.features_member,), path)["allOf"]
            ]
        if fragments:
            out["allOf"] = fragments
        return out


def _capability_paths(shape: m.Shape, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Where objects whose rules read the meeting's features (AttendeeCapabilities) sit in
    ``shape`` (``[]``: each item of a list)."""
    if isinstance(shape, m.Structure) and any(rule.needs_features for rule in shape.rules):
        return [path]
    if isinstance(shape, m.Structure):
        return [
            found
            for name, member in shape.members.items()
            for found in _capability_paths(member, (*path, name))
        ]
    if isinstance(shape, m.ListOf):
        return _capability_paths(shape.member, (*path, "[]"))
    if isinstance(shape, m.MapOf):
        return _capability_paths(shape.value, (*path, "{}"))
    return []


def _document(file_name: str, title: str, body: Schema, builder: _Builder) -> Schema:
    out: Schema = {
        "$schema": DIALECT,
        "$id": ID_BASE + file_name,
        "$comment": "Generated by `python -m capabilities.schema` from the rule data; do not edit.",
        **body,
        "title": title,
    }
    if builder.defs:
        out["$defs"] = builder.defs
    return out


def _request_document(op: m.Operation) -> Schema:
    builder = _Builder(response=False)
    body = builder.structure(op.request)
    body["description"] = (
        f"The parameters of the Amazon Chime SDK Meetings {op.name} call (boto3 "
        f"{op.method}), checked as chime-capabilities checks them."
        + (
            ""
            if op.creates_meeting or not _capability_paths(op.request)
            else " The meeting's MeetingFeatures are not part of this request, so rules CHM-E301 "
            "and CHM-E302 (capabilities the meeting has turned off) cannot be checked here."
        )
    )
    name = op.name + _REQUEST + _SUFFIX
    return _document(name, f"{op.name} request", body, builder)


def _profile_document() -> Schema:
    builder = _Builder(response=False)
    body = {
        "description": (
            'A meeting profile file: one profile at the top level, or several under "profiles".'
        ),
        "type": "object",
        "if": {"required": ["profiles"]},
        "then": builder.shape(m.PROFILES_FILE),
        "else": builder.shape(m.PROFILE_FILE),
    }
    return _document("meeting-profile" + _SUFFIX, "Meeting profile file", body, builder)


def generate() -> dict[str, Schema]:
    """Every document, by file name."""
    out = {}
    for op in m.OPERATIONS.values():
        document = _request_document(op)
        out[document["$id"][len(ID_BASE) :]] = document
    for name, shape, response in (
        ("AttendeeCapabilities", m.ATTENDEE_CAPABILITIES, False),
        ("MeetingFeatures", m.MEETING_FEATURES, False),
        ("Attendee", m.ATTENDEE, True),
    ):
        builder = _Builder(response=response)
        title = f"{name} (in a response)" if response else name
        out[name + _SUFFIX] = _document(name + _SUFFIX, title, builder.structure(shape), builder)
    out["meeting-profile" + _SUFFIX] = _profile_document()
    return out


def render(schema: Mapping[str, Any]) -> str:
    """The file text of a document: sorted keys, 2-space indent, a final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# --- the command -----------------------------------------------------------------------------


def _stale(directory: Path, texts: Mapping[str, str]) -> list[tuple[str, str]]:
    """(file name, why) for each file of ``directory`` that differs from ``texts``."""
    out = []
    for name, text in texts.items():
        path = directory / name
        if not path.is_file():
            out.append((name, "missing"))
        elif path.read_text(encoding="utf-8") != text:
            out.append((name, "differs from the rule data"))
    for path in sorted(directory.glob("*" + _SUFFIX)):
        if path.name not in texts:
            out.append((path.name, "not generated any more"))
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m capabilities.schema",
        description="Write the JSON Schema documents generated from the rule data.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 naming each file that is not what the generator writes",
    )
    parser.add_argument(
        "--dir", type=Path, default=_SOURCE_DIR, help="the folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    directory: Path = args.dir
    texts = {name: render(schema) for name, schema in generate().items()}
    stale = _stale(directory, texts)
    if args.check:
        for name, why in stale:
            print(f"{directory / name}: stale ({why})", file=sys.stderr)
        if stale:
            print("run `python -m capabilities.schema` to regenerate", file=sys.stderr)
            return 1
        print(f"{directory}: {len(texts)} schema(s) current")
        return 0
    directory.mkdir(parents=True, exist_ok=True)
    for name, why in stale:
        path = directory / name
        if name in texts:
            path.write_bytes(texts[name].encode("utf-8"))
            print(f"wrote {path}")
        else:
            path.unlink()
            print(f"removed {path} ({why})")
    if not stale:
        print(f"{directory}: {len(texts)} schema(s) current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
