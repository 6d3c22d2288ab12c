"""The rule data copies; findings and reports are plain values: they copy, pickle and hash."""

from __future__ import annotations

import copy
import pickle

import capabilities
from capabilities._model import OPERATIONS

GUID = "0f3c2a1b-9d8e-4f70-a6b5-c4d3e2f1a0b9"


def _report_with_fixes() -> capabilities.Report:
    report = capabilities.validate(
        "CreateAttendee",
        {
            "MeetingId": GUID,
            "ExternalUserId": "user-1",
            "Capabilities": {"Audio": "SendReceive", "Video": "Send", "Content": "Receive"},
        },
    )
    assert any(finding.fix for finding in report.findings)  # a fix is a mapping
    return report


def test_rule_data_copies() -> None:
    copied = copy.deepcopy(OPERATIONS)
    assert {name: list(op.request.members) for name, op in copied.items()} == {
        name: list(op.request.members) for name, op in OPERATIONS.items()
    }


def test_report_copies_and_pickles() -> None:
    report = _report_with_fixes()
    assert copy.deepcopy(report) == report
    assert pickle.loads(pickle.dumps(report)) == report


def test_findings_with_a_fix_hash() -> None:
    report = _report_with_fixes()
    assert set(report.findings) == set(copy.deepcopy(report.findings))
    assert len({*report.findings, *report.findings}) == len(report.findings)
