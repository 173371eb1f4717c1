"""The date extractor against tests/cases/dates/*.toml: one file per behaviour, one test per case.

A case lists every expression the text holds; each expected entry gives the exact text and
either the closed interval, the ISO duration, or a phrase of the reason it stays unresolved.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from concord.extract import dates

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASE_FILES = sorted((Path(__file__).resolve().parents[1] / "cases" / "dates").glob("*.toml"))


def _cases() -> list[Any]:
    params = []
    for path in CASE_FILES:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(document["case"]):
            params.append(pytest.param(case, id=f"{path.stem}-{index}-{case['text'][:40]}"))
    return params


@pytest.mark.parametrize("case", _cases())
def test_date_case(case: dict[str, Any]) -> None:
    facts = dates(
        case["text"],
        case.get("reference"),
        week_start=case.get("week_start", "monday"),
        date_order=case.get("date_order"),
    )
    assert [fact.text for fact in facts] == [expected["text"] for expected in case["expect"]]
    for fact, expected in zip(facts, case["expect"], strict=True):
        assert case["text"][fact.start : fact.end] == fact.text
        if "interval" in expected:
            assert str(fact.interval) == expected["interval"], fact
            assert fact.resolution in {"absolute", "relative"}
        if "duration" in expected:
            assert fact.kind == "duration"
            assert fact.duration is not None
            assert fact.duration.iso == expected["duration"]
        if "unresolved" in expected:
            assert fact.resolution == "unresolved"
            assert fact.interval is None
            assert expected["unresolved"] in fact.reason
        for key in ("granularity", "tense"):
            if key in expected:
                assert getattr(fact, key) == expected[key]
        if "note" in expected:
            assert expected["note"] in fact.note


def test_every_behaviour_has_a_case_file() -> None:
    assert {path.stem for path in CASE_FILES} >= {
        "absolute",
        "ranges",
        "relative",
        "weekdays",
        "numeric",
        "durations",
        "unresolved",
    }


def test_a_letter_that_ignorecase_takes_for_ascii_is_read_as_that_letter() -> None:
    """The grammar runs case-sensitively on the text folded to small letters; a long s ("ſ")
    is an "s" there as it is to the forms' IGNORECASE patterns, so "ſunday" is Sunday."""
    reference = dt.date(2023, 6, 14)
    plain = dates("Blinken arrives on Sunday.", reference)
    long_s = dates("Blinken arrives on ſunday.", reference)
    assert [(fact.text, fact.interval) for fact in long_s] == [("ſunday", plain[0].interval)]
