"""The bundled corpus's date rules through pytest: the visit's clash, 000's unresolved
"tomorrow", nothing false, and the week start that makes the clash go away."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.helpers import BUNDLED_SOURCES
from tests.helpers import ROOT


def _bundled(pytester: pytest.Pytester, edit: str = "") -> None:
    shutil.copytree(BUNDLED_SOURCES, pytester.path / "checks" / "sources")
    rules = (ROOT / "rules.toml").read_text(encoding="utf-8")
    if edit:
        rules = rules.replace('id = "visit-dates"\n', f'id = "visit-dates"\n{edit}\n')
    (pytester.path / "rules.toml").write_text(rules, encoding="utf-8")


def _date_findings(pytester: pytest.Pytester) -> list[dict[str, object]]:
    report = json.loads((pytester.path / "reports" / "concord.json").read_text(encoding="utf-8"))
    return [finding for finding in report["findings"] if finding["kind"] == "date"]


def test_the_visit_clash_and_the_unresolved_tomorrow(pytester: pytest.Pytester) -> None:
    _bundled(pytester)
    result = pytester.runpytest("checks/", "-k", "(dates or meeting) and not example")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*000_cc3606c2b929f4b3.txt:7:55: unresolved-date [[]warning[]]",
            "*002_6ff26e526b4dd854.txt:6:74: date-mismatch [[]error[]]",
            '*= "this weekend" → 2023-06-17..2023-06-18 (published 2023-06-14, read from line 3)',
            '*= "next week" → 2023-06-19..2023-06-25 (published 2023-06-14, declared)',
        ]
    )
    findings = _date_findings(pytester)
    assert [(finding["rule"], finding["code"]) for finding in findings] == [
        ("visit-dates", "unresolved-date"),
        ("visit-dates", "date-mismatch"),
    ]
    mismatch = findings[1]
    assert [location["text"] for location in mismatch["locations"]] == [  # type: ignore[index]
        "this weekend",
        "next week",
        "between June 16 and June 21",
        "June 18-19",
        "this weekend",
        "this weekend",
        "Sunday (June 18)",
    ]


def test_with_weeks_starting_on_sunday_next_week_overlaps_this_weekend(
    pytester: pytest.Pytester,
) -> None:
    _bundled(pytester, 'week_start = "sunday"')
    result = pytester.runpytest("rules.toml::visit-dates", "-k", "not example")
    result.assert_outcomes(passed=1)
    findings = _date_findings(pytester)
    assert [finding["code"] for finding in findings] == ["unresolved-date"]


def test_declaring_000_s_date_resolves_its_tomorrow(pytester: pytest.Pytester) -> None:
    _bundled(pytester)
    rules = pytester.path / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(
        text.replace(
            "[sources.000_cc3606c2b929f4b3]\n",
            "[sources.000_cc3606c2b929f4b3]\npublished = 2023-06-17\n",
        ),
        encoding="utf-8",
    )
    pytester.runpytest("rules.toml::visit-dates", "-k", "not example")
    (mismatch,) = _date_findings(pytester)
    assert '"tomorrow" → 2023-06-18 (published 2023-06-17, declared)' in [
        location.get("note")
        for location in mismatch["locations"]  # type: ignore[attr-defined]
    ]
