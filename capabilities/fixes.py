"""Apply the changes that findings suggest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .report import tokens

__all__ = ["apply_fixes"]


def apply_fixes(document: Any, fixes: Mapping[str, object]) -> Any:
    """A deep copy of ``document`` with each ``{pointer: value}`` of ``fixes`` set; a value
    of None removes the member (no member of the API takes null).

    Missing objects on the way are created; ``document`` itself is never changed. Pass
    ``report.fixes`` to apply every suggestion of a report.
    """
    import copy  # here: a check needs no copy

    out = copy.deepcopy(document)
    for path, value in fixes.items():
        parts = tokens(path)
        if not parts:
            raise ValueError("a fix cannot replace the whole document")
        node = out
        for token in parts[:-1]:
            if isinstance(node, (list, tuple)):  # botocore takes a tuple for a list
                node = node[int(token)]
            elif isinstance(node, dict):
                node = node.setdefault(token, {})
            else:
                raise ValueError(f"cannot apply a fix at {path}: not an object or array on the way")
        last = parts[-1]
        if isinstance(node, list):
            node[int(last)] = value
        elif isinstance(node, dict) and value is None:
            node.pop(last, None)
        elif isinstance(node, dict):
            node[last] = value
        else:
            raise ValueError(f"cannot apply a fix at {path}: not an object or array on the way")
    return out
