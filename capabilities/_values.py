"""Python values as the engine reads them: their JSON type names, how a value is shown in a
message, and the plain twin of a value built from subclasses (as botocore accepts them)."""

from __future__ import annotations

from typing import Optional, cast

from . import _model as m
from ._crossfield import shown

__all__ = ["is_int", "plain_value", "show", "string_value", "type_name"]


# --- value rendering (never used for sensitive members) -------------------------------------

_JSON_TYPES = {
    dict: "object",
    list: "array",
    tuple: "array",
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def type_name(value: object) -> str:
    """The JSON name of a value's type (of a subclass too); the Python name of another type."""
    name = _JSON_TYPES.get(type(value))
    if name is None:
        kinds = (name for kind, name in _JSON_TYPES.items() if isinstance(value, kind))
        name = next(kinds, type(value).__name__)
    return name


def show(value: object, limit: int = 40) -> str:
    """A value as a message quotes it: a string cut to ``limit`` characters, anything else by
    its type."""
    return shown(value, limit) if isinstance(value, str) else f"<{type_name(value)}>"


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- the Python values botocore accepts ---------------------------------------------------
#
# botocore's ParamValidator tests isinstance: any dict subclass is an object, any list or
# tuple (or subclass) a list, any str subclass a string, any int subclass an integer (bool
# too, which the service refuses in JSON: CHM-E101 keeps refusing it). The generated predicate
# tests ``type(v) is dict`` and friends, the fast way, and refuses a subclass; the walk then
# accepts it (``isinstance``), reads a string by its value, and so reports exactly what the
# plain twin gives. Arguments (meeting_features, previous) are made plain by plain_value.


def string_value(value: object) -> Optional[str]:
    """The string value of a ``str`` or ``str`` subclass (an Enum member's value, whatever its
    ``__str__`` says); None for anything else."""
    if type(value) is str:
        return value
    return str.__str__(value) if isinstance(value, str) else None


def plain_value(shape: m.Shape, value: object) -> object:
    """``value`` with subclasses of dict, list, tuple, str and int replaced by the plain types,
    along ``shape`` (members outside the shape are kept as they are); ``value`` itself when
    nothing is replaced."""
    kind = type(value)
    if kind is str or kind is int or value is None:
        return value
    if isinstance(value, dict):
        if not isinstance(shape, m.Structure):
            return value
        out = {}
        changed = kind is not dict
        for key, item in value.items():
            if type(key) is not str and isinstance(key, str):
                key, changed = str.__str__(key), True
            member = shape.members.get(key) if type(key) is str else None
            if member is not None:
                plain = plain_value(member, item)
                changed = changed or plain is not item
                item = plain
            out[key] = item
        return out if changed else value
    if isinstance(value, (list, tuple)):
        if not isinstance(shape, m.ListOf):
            return value
        items = [plain_value(shape.member, item) for item in value]
        unchanged = all(new is old for new, old in zip(items, value))
        return value if unchanged and (kind is list or kind is tuple) else items
    if isinstance(value, str):
        return str.__str__(value)
    if is_int(value):
        return int.__int__(cast(int, value))
    return value
