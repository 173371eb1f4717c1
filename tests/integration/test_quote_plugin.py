"""The quote rule through pytest: the failure output with its word diff, and the JSON report."""

from __future__ import annotations

import json

import pytest

from tests.helpers import QIN_RULE
from tests.helpers import QUOTE_RULE
from tests.helpers import MiniProject

FULL = "Since the beginning of the year, relations have encountered new difficulties and challenges"
REST = "new difficulties and challenges"


def test_a_reworded_quote_fails_with_both_places_and_a_word_diff(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project(
        {
            "a": f"“{FULL},” Qin told Blinken.\n",
            "b": f"“{FULL.replace('encountered', 'faced')},” Foreign Minister Qin Gang said.\n",
        },
        rules=QIN_RULE + QUOTE_RULE,
    )
    result = pytester.runpytest("checks/", "-k", "quotes")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*1 finding (1 error) for rule quotes (quote)",
            "checks/sources/a.txt:1:2: quote-wording [[]error[]]",
            "  1 | “Since the beginning of the year, relations have encountered*",
            "  = most common version; Qin Gang",
            "  also checks/sources/b.txt:1:2",
            "  = differs; Qin Gang",
            "  Qin Gang is quoted 2 ways across the corpus (consensus: most common version). "
            "The version in a:",
            f'    "{FULL}"',
            "  differs in b:",
            "    Since the beginning of the year relations have"
            f" [[]-encountered-[]] {{+faced+}} {REST}",
            f'  expected: "{FULL}"',
        ]
    )
    report = json.loads((pytester.path / "reports" / "concord.json").read_text(encoding="utf-8"))
    (finding,) = [finding for finding in report["findings"] if finding["kind"] == "quote"]
    assert finding["code"] == "quote-wording"
    assert [location["source"] for location in finding["locations"]] == ["a", "b"]
    assert finding["locations"][1]["note"] == "differs; Qin Gang"


def test_a_misattributed_quote_names_both_speakers(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    rules = QIN_RULE + QUOTE_RULE
    mini_project(
        {"a": f"“{FULL},” Qin said.\n", "b": f"“{FULL},” Blinken said.\n"},
        rules=rules,
    )
    result = pytester.runpytest("checks/", "-k", "quotes")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*: quote-speaker [[]error[]]",
            "  = attributed to Antony Blinken (Blinken); Antony Blinken",
            "*is given to 2 speakers: Antony Blinken in b; Qin Gang in a",
        ]
    )
