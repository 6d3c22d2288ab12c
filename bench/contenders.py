"""The four validators of one case, and the check that they agree before any is timed.

For each case the engine is measured as a user calls it (``capabilities.validate`` or
``check_profiles``: the report always holds every finding). Each JSON Schema validator is
measured at its cheapest for the same information:

- a valid input: the validator's yes/no (``is_valid``; fastjsonschema's compiled function);
- an invalid input: every error, as the engine's report holds every finding
  (``list(iter_errors(doc))`` for jsonschema and jsonschema-rs). fastjsonschema stops at the
  first error by design: it is measured as it is, and the results say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import capabilities

from .cases import Case

__all__ = [
    "CONTENDERS",
    "OURS",
    "Contender",
    "Disagreement",
    "MissingPackage",
    "build_contenders",
    "check_agreement",
]

OURS = "chime-capabilities"
JSONSCHEMA = "jsonschema"
FASTJSONSCHEMA = "fastjsonschema"
JSONSCHEMA_RS = "jsonschema-rs"
#: Every contender, ours first, in the order of the results' columns.
CONTENDERS = (OURS, JSONSCHEMA, FASTJSONSCHEMA, JSONSCHEMA_RS)
#: The contenders that report only the first error of an invalid input.
FIRST_ERROR_ONLY = frozenset({FASTJSONSCHEMA})


class MissingPackage(RuntimeError):
    """A validator the benchmark compares with is not installed."""


class Disagreement(RuntimeError):
    """The validators do not all give the input's expected verdict: nothing is timed."""


@dataclass(frozen=True)
class Contender:
    """One validator set up for one case."""

    name: str
    #: True when the validator accepts the document.
    verdict: Callable[[Any], bool]
    #: The call that is timed (see the module's docstring).
    measured: Callable[[Any], object]
    #: How many errors the validator reports for the document (1 at most for fastjsonschema).
    errors: Callable[[Any], int]


def _ours(case: Case) -> Contender:
    check = case.check
    return Contender(
        OURS,
        verdict=lambda doc: check(doc).ok,
        measured=check,
        errors=lambda doc: len(check(doc).errors),
    )


def _jsonschema(schema: dict[str, Any], valid: bool) -> Contender:
    try:
        from jsonschema import Draft202012Validator
    except ImportError as error:
        raise MissingPackage(JSONSCHEMA) from error
    return _iterating(JSONSCHEMA, Draft202012Validator(schema), valid)


def _iterating(name: str, validator: Any, valid: bool) -> Contender:
    """A validator with ``is_valid`` and ``iter_errors``: timed at its yes/no on a valid input,
    collecting every error on an invalid one."""

    def every_error(doc: Any) -> list[Any]:
        return list(validator.iter_errors(doc))

    return Contender(
        name,
        verdict=validator.is_valid,
        measured=validator.is_valid if valid else every_error,
        errors=lambda doc: len(every_error(doc)),
    )


def _fastjsonschema(schema: dict[str, Any]) -> Contender:
    try:
        import fastjsonschema
    except ImportError as error:
        raise MissingPackage(FASTJSONSCHEMA) from error
    compiled = fastjsonschema.compile(schema)

    def first_error(doc: Any) -> int:
        try:
            compiled(doc)
        except fastjsonschema.JsonSchemaValueException:
            return 1
        return 0

    return Contender(
        FASTJSONSCHEMA,
        verdict=lambda doc: first_error(doc) == 0,
        measured=first_error,
        errors=first_error,
    )


def _jsonschema_rs(schema: dict[str, Any], valid: bool) -> Contender:
    try:
        import jsonschema_rs
    except ImportError as error:
        raise MissingPackage(JSONSCHEMA_RS) from error
    return _iterating(JSONSCHEMA_RS, jsonschema_rs.Draft202012Validator(schema), valid)


def build_contenders(case: Case) -> tuple[Contender, ...]:
    """The four validators of ``case``, in the order of ``CONTENDERS``."""
    schema = capabilities.json_schema(case.schema)
    return (
        _ours(case),
        _jsonschema(schema, case.valid),
        _fastjsonschema(schema),
        _jsonschema_rs(schema, case.valid),
    )


def check_agreement(case: Case, contenders: Sequence[Contender]) -> dict[str, int]:
    """Each contender's error count for the case's document, once every contender has given
    the verdict the case is built to have; raises Disagreement otherwise."""
    verdicts = {c.name: c.verdict(case.document) for c in contenders}
    counts = {c.name: c.errors(case.document) for c in contenders}
    expected = "valid" if case.valid else "invalid"
    wrong = [
        f"{name} says {'valid' if ok else 'invalid'}"
        for name, ok in verdicts.items()
        if ok is not case.valid
    ]
    # The error count must say the same as the verdict (an invalid input has errors).
    wrong += [
        f"{name} reports {counts[name]} error(s) for an input it finds "
        f"{'valid' if verdicts[name] else 'invalid'}"
        for name in verdicts
        if (counts[name] == 0) is not verdicts[name]
    ]
    if wrong:
        raise Disagreement(
            f"{case.title}: the input is built to be {expected}, but " + "; ".join(wrong)
        )
    return counts
