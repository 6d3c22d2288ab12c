"""Every rule's example (``chime-capabilities rules CODE``, docs/rules.md) is what the engine
does: the broken input gives that rule and nothing else, the fixed input gives no finding, and
the fixes the engine suggests for the broken input clear the rule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Union

import pytest

from capabilities import validate, validate_response
from capabilities.cli.checker import check_document
from capabilities.cli.loaders import parse_text
from capabilities.fixes import apply_fixes
from capabilities.profiles import check_profiles
from capabilities.report import Finding
from capabilities.rules import RULES, Example


def _findings(
    example: Example, data: Union[Mapping[str, Any], str]
) -> tuple[list[Finding], Mapping[str, object]]:
    """What the engine reports for ``data``, as ``example`` says to check it, and its fixes."""
    if isinstance(data, str):  # the text of a file: the command-line checker reads it
        document = parse_text(data, "json")
        result = check_document("example.json", document, operation=example.operation)
        return [located.finding for located in result.findings], {}
    if example.operation == "profile":
        report = check_profiles(data)
    elif example.response:
        report = validate_response(
            example.operation, data, meeting_features=example.meeting_features
        )
    else:
        report = validate(
            example.operation,
            data,
            meeting_features=example.meeting_features,
            previous=example.previous,
            meeting=example.meeting,
        )
    return list(report.findings), report.fixes


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_example_breaks_the_rule_and_the_fix_clears_it(code: str) -> None:
    example = RULES[code].example
    assert example is not None, f"{code} has no example"
    findings, fixes = _findings(example, example.broken)
    assert findings, code
    assert {finding.code for finding in findings} == {code}
    if example.fixed is not None:
        assert _findings(example, example.fixed)[0] == []
    if fixes:
        assert isinstance(example.broken, Mapping)
        fixed, _ = _findings(example, apply_fixes(example.broken, fixes))
        assert code not in {finding.code for finding in fixed}


def test_errors_show_their_fix_and_infos_none() -> None:
    """An info asks for no change; every error shows the input fixed."""
    for code, rule in RULES.items():
        assert rule.example is not None
        if rule.severity == "error":
            assert rule.example.fixed is not None, code
        if rule.severity == "info":
            assert rule.example.fixed is None, code
