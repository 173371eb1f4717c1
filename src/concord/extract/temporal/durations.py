"""Durations: lengths of time with no place on the calendar ("a two-day tour", "five years")."""

from __future__ import annotations

import re

from concord.extract.temporal.facts import Duration
from concord.extract.temporal.facts import Granularity
from concord.extract.temporal.reading import AMOUNT
from concord.extract.temporal.reading import AMOUNTS_HYPHEN
from concord.extract.temporal.reading import Context
from concord.extract.temporal.reading import Forms
from concord.extract.temporal.reading import Reading
from concord.extract.temporal.reading import duration_of
from concord.extract.temporal.reading import total_duration

FORMS = Forms("u")


# ---------------------------------------------------------------------------------------------
# Durations: facts of their own ("a two-day tour", "five years", "in five years").

_HEDGE = (
    r"(?P<hedge>nearly|almost|about|around|roughly|some|over|"
    r"under|more than|less than|at least|at most|up to|within)"
)
_DURATION = rf"(?:{_HEDGE} )?(?P<amounts>{AMOUNTS_HYPHEN})"


@FORMS.pattern(
    rf"(?:{_HEDGE} )?(?P<amounts>(?:all|full|whole)[ -](?P<unit>day|"
    rf"week|month|year)|a fortnight|half (?:an? )?year|another (?:business )?(?:day|"
    rf"week|month|year))(?![a-z])"
)
def _whole_unit(match: re.Match[str], context: Context) -> Reading | None:
    """ "all day", "a fortnight", "half a year", "another week"."""
    text = match.group("amounts").casefold()
    if "fortnight" in text:
        return Reading("duration", "week", duration=Duration(weeks=2))
    if text.startswith("half"):
        return Reading("duration", "month", duration=Duration(years=0.5))
    unit = text.split()[-1].split("-")[-1]
    return Reading("duration", _unit_granularity(unit), duration=duration_of("1", unit))


@FORMS.pattern(_DURATION)
def _duration_amount(match: re.Match[str], context: Context) -> Reading | None:
    """ "two-day", "five years", "1 year 1 month 21 days", "nearly five years"."""
    total = total_duration(match.group("amounts"))
    if total is None:
        return None
    smallest = AMOUNT.findall(match.group("amounts"))[-1][1]
    return Reading("duration", _unit_granularity(smallest), duration=total)


def _unit_granularity(unit: str) -> Granularity:
    word = unit.casefold().rstrip("s")
    if word.startswith("centur"):
        return "century"
    return {
        "day": "day",
        "week": "week",
        "fortnight": "week",
        "month": "month",
        "decade": "decade",
    }.get(word, "year")  # type: ignore[return-value]
