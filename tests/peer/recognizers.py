"""Scoring our date extractor against Microsoft Recognizers-Text's English date specs.

The suite is read in place from `../shared/peer-suites/recognizers-text-en/` (MIT licence); it is
never copied into this project. How a case is scored:

- Scope: cases whose expected results are all dates, date ranges or durations of a day or more.
  Times of day, seasons (no calendar resolution) and impossible dates ("Feb 30", expected
  0001-01-01) are out of scope. Cases expecting nothing stay in: they check we find nothing.
- Extractor files: the case passes when the texts we find (of the file's kind), read with no
  reference date, equal the expected texts, compared without case and without a leading "on",
  "in", "the", "for" or "during" (which the suite includes or leaves out case by case).
- Parser files: the case passes when every expected result is found with that text and our
  resolution equals the suite's. A date without a year may resolve to the suite's future or past
  resolution. The suite gives a period's end as the day after its last day, yet names the end of
  an explicit range itself ("from 4 to 22 this month" ends "2016-11-22"), so our closed interval's
  last day may equal `endDate` or the day before. The suite reads "the US" style text as MDY.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from pathlib import Path
from typing import Any

from concord.extract.temporal import TemporalFact
from concord.extract.temporal import dates

SUITE = Path(__file__).resolve().parents[3] / "shared" / "peer-suites" / "recognizers-text-en"
FILES = (
    "DateExtractor",
    "DateParser",
    "DatePeriodExtractor",
    "DatePeriodParser",
    "DurationExtractor",
    "DurationParser",
)
_LEADING = re.compile(r"^(?:(?:on|in|the|for|during|of|my)\s+)+", re.IGNORECASE)
_SUB_DAY = re.compile(r"T|PT")
_SUB_DAY_WORDS = re.compile(
    r"[0-9 -](?:h|hrs?|hours?|min|mins|minutes?|sec|secs|seconds?)\b|\b(?:an? |half )hour",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Outcome:
    file: str
    input: str
    passed: bool
    expected: list[str]
    found: list[str]


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(
        (SUITE / f"{name}.json").read_text(encoding="utf-8-sig")
    )
    return cases


def in_scope(case: dict[str, Any]) -> bool:
    for result in case["Results"]:
        if result["Type"] not in {"date", "daterange", "duration"}:
            return False
        if result["Type"] == "duration" and _SUB_DAY_WORDS.search(result["Text"]):
            return False
        value = result.get("Value")
        if value is None:
            continue
        timex = value.get("Timex", "")
        if result["Type"] == "duration" and _SUB_DAY.search(timex):
            return False
        resolution = value.get("FutureResolution") or {}
        if not resolution:
            return False  # seasons ("this summer") have no calendar resolution
        if "0001-01-01" in json.dumps(resolution):
            return False
    return True


def _reference(case: dict[str, Any]) -> date:
    text = case.get("Context", {}).get("ReferenceDateTime") or "2016-11-07T00:00:00"
    return date.fromisoformat(text[:10])


def _normal(text: str) -> str:
    return _LEADING.sub("", " ".join(text.casefold().split())).rstrip(".")


def _of_kind(name: str, fact: TemporalFact) -> bool:
    if name.startswith("Duration"):
        return fact.kind == "duration"
    if fact.kind == "duration":
        return False
    if name.startswith("DatePeriod"):
        return fact.granularity != "day"
    return fact.granularity == "day"


def _resolution_matches(fact: TemporalFact, value: dict[str, Any]) -> bool:
    if fact.kind == "duration":
        if fact.duration is None:
            return False
        expected = float(value["FutureResolution"]["duration"])
        return abs(_duration_seconds(fact) - expected) < 1
    if fact.interval is None:
        return False
    for key in ("FutureResolution", "PastResolution"):
        resolution = value.get(key) or {}
        if "date" in resolution:
            expected_day = date.fromisoformat(resolution["date"])
            if fact.interval.first == fact.interval.last == expected_day:
                return True
        elif "startDate" in resolution and "endDate" in resolution:
            start = date.fromisoformat(resolution["startDate"])
            end = date.fromisoformat(resolution["endDate"])
            if fact.interval.first == start and fact.interval.last in {
                end,
                end - timedelta(days=1),
            }:
                return True
    return False


def _duration_seconds(fact: TemporalFact) -> float:
    assert fact.duration is not None
    duration = fact.duration
    days = duration.years * 365 + duration.months * 30 + duration.weeks * 7 + duration.days
    return days * 86400


def score(name: str) -> Iterator[Outcome]:
    parser = name.endswith("Parser")
    for case in load(name):
        if not in_scope(case):
            continue
        # Extractor specs carry no reference date: they test spans, not resolutions.
        reference = _reference(case) if parser else None
        facts = [
            fact
            for fact in dates(case["Input"], reference, date_order="MDY")
            if _of_kind(name, fact)
        ]
        expected = [result["Text"] for result in case["Results"]]
        found = [fact.text for fact in facts]
        if parser:
            passed = len(facts) == len(expected) and all(
                any(
                    _normal(fact.text) == _normal(result["Text"])
                    and _resolution_matches(fact, result["Value"])
                    for fact in facts
                )
                for result in case["Results"]
            )
        else:
            passed = sorted(map(_normal, found)) == sorted(map(_normal, expected))
        yield Outcome(name, case["Input"], passed, expected, found)


def rates() -> dict[str, tuple[int, int]]:
    """Passed and in-scope case counts per file."""
    counts = {}
    for name in FILES:
        outcomes = list(score(name))
        counts[name] = (sum(outcome.passed for outcome in outcomes), len(outcomes))
    return counts


if __name__ == "__main__":
    import sys

    wanted = sys.argv[1:] or list(FILES)
    total_passed = total = 0
    for name in wanted:
        outcomes = list(score(name))
        passed = sum(outcome.passed for outcome in outcomes)
        total_passed += passed
        total += len(outcomes)
        for outcome in outcomes:
            if not outcome.passed and "-v" not in sys.argv:
                print(
                    f"FAIL {name}: {outcome.input!r} "
                    f"expected {outcome.expected} found {outcome.found}"
                )
        print(f"{name}: {passed}/{len(outcomes)} ({passed / max(1, len(outcomes)):.0%})")
    print(f"all: {total_passed}/{total} ({total_passed / max(1, total):.0%})")
