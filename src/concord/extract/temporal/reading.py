"""What a date form resolves to, the registry of forms, and the arithmetic they share.

Each form module (spans, days, periods, durations) declares its regular expressions with
`FORMS.pattern`, most specific first; `scan` joins the modules' forms, in that order, into one
alternation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from datetime import timedelta
from typing import Literal

from concord.extract.temporal import calendar
from concord.extract.temporal.calendar import WeekStart
from concord.extract.temporal.facts import Duration
from concord.extract.temporal.facts import FactKind
from concord.extract.temporal.facts import Granularity
from concord.extract.temporal.facts import Interval
from concord.extract.temporal.facts import Tense
from concord.extract.temporal.vocabulary import COUNT
from concord.extract.temporal.vocabulary import SPELLED_YEAR
from concord.extract.temporal.vocabulary import UNIT
from concord.extract.temporal.vocabulary import YEAR
from concord.extract.temporal.vocabulary import number_value
from concord.extract.temporal.vocabulary import spelled_year_value

DateOrder = Literal["DMY", "MDY", "YMD"]

NO_REFERENCE = "it is relative and the source has no reference (publication) date"
NO_YEAR = "it names no year and the source has no reference (publication) date"
TENSE_UNKNOWN = "tense unknown: resolved within the week of the reference date"


@dataclass(frozen=True)
class Context:
    """What resolution may use besides the matched words."""

    reference: date | None
    tense: Tense
    week_start: WeekStart
    date_order: DateOrder | None


@dataclass(frozen=True)
class Reading:
    """What one expression means; `interval` None with a `reason` when it cannot be placed."""

    kind: FactKind
    granularity: Granularity
    interval: Interval | None = None
    duration: Duration | None = None
    relative: bool = False
    reason: str = ""
    note: str = ""
    year_given: bool = True


Resolver = Callable[[re.Match[str], Context], "Reading | None"]


@dataclass(frozen=True)
class Pattern:
    """One date form: its expression, the function that resolves a match, and whether it may
    stand at either end of a range ("a point")."""

    name: str
    regex: re.Pattern[str]
    resolve: Resolver
    point: bool = False


class Forms:
    """The forms one module declares, in the order it declares them (which is their priority)."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.patterns: list[Pattern] = []

    def pattern(self, source: str, *, point: bool = False) -> Callable[[Resolver], Resolver]:
        """Register `source` with the function below it."""

        def register(resolve: Resolver) -> Resolver:
            name = f"{self.module}{len(self.patterns)}_{resolve.__name__.lstrip('_')}"
            regex = re.compile(source, re.IGNORECASE)
            self.patterns.append(Pattern(name, regex, resolve, point))
            return resolve

        return register


# The point forms of every module, in priority order; `scan` fills it when it assembles them.
POINT_FORMS: list[Pattern] = []


def unnamed(source: str) -> str:
    """The same expression with its named groups made anonymous, for use inside a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", source)


def relative(
    context: Context,
    granularity: Granularity,
    compute: Callable[[date], Interval | None],
    *,
    kind: FactKind = "date",
    note: str = "",
) -> Reading | None:
    if context.reference is None:
        return Reading(kind, granularity, relative=True, reason=NO_REFERENCE)
    interval = compute(context.reference)
    if interval is None:
        return None
    return Reading(kind, granularity, interval, relative=True, note=note)


ANY_YEAR = f"(?:{YEAR}|{SPELLED_YEAR})"


def parse_year(text: str) -> int:
    if not text[:1].isdigit():
        spelled = spelled_year_value(text)
        if spelled is None:
            raise ValueError(f"not a year: {text!r}")  # caught by the scanner: no date here
        return spelled
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 50 else 1900 + value
    return value


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_day_reading(
    month: int, day: int | None, year: int | None, context: Context
) -> Reading | None:
    if day is None:
        return None
    if year is not None:
        on = safe_date(year, month, day)
        return Reading("date", "day", calendar.day(on)) if on else None
    if context.reference is None:
        if safe_date(2024, month, day) is None:
            return None
        return Reading("date", "day", relative=True, reason=NO_YEAR, year_given=False)
    on = calendar.month_day_near(month, day, context.reference, context.tense)
    if on is None:
        return None
    return Reading("date", "day", calendar.day(on), relative=True, year_given=False)


def optional_year(match: re.Match[str]) -> int | None:
    text = match.group("year")
    return parse_year(text) if text else None


AMOUNTS = rf"(?:{COUNT}) ?(?:{UNIT})(?:,? (?:and )?(?:{COUNT}) ?(?:{UNIT}))*"
AMOUNTS_HYPHEN = rf"(?:{COUNT})[ -]?(?:{UNIT})(?:,? (?:and )?(?:{COUNT})[ -]?(?:{UNIT}))*"
RANGE_WORD = r"(?:to|until|till|til|through|thru|and|-|–|—)"
REL = r"(?P<rel>this|next|last|current|coming|upcoming|following|previous|past|the|that|same|my)"
PERIOD_SHIFT = {
    "this": 0,
    "current": 0,
    "the": 0,
    "that": 0,
    "same": 0,
    "my": 0,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
    "last": -1,
    "previous": -1,
    "past": -1,
}


def period_of(unit: str, reference: date, shift: int, week_start: WeekStart) -> Interval:
    unit = unit.casefold()
    if unit == "week":
        return calendar.shift(calendar.week_of(reference, week_start), days=7 * shift)
    if unit == "weekend":
        return calendar.shift(calendar.weekend_of(reference), days=7 * shift)
    if unit == "month":
        return calendar.shift(calendar.month(reference.year, reference.month), months=shift)
    if unit == "quarter":
        number = (reference.month - 1) // 3 + 1
        return calendar.shift(calendar.quarter(reference.year, number), months=3 * shift)
    if unit == "decade":
        first = reference.year - reference.year % 10 + 10 * shift
        return calendar.years(first, first + 9)
    return calendar.year(reference.year + shift)


def weekday_in_week(weekday: int, shift: int, context: Context) -> Reading | None:
    def compute(reference: date) -> Interval:
        week = calendar.shift(calendar.week_of(reference, context.week_start), days=7 * shift)
        return calendar.day(week.first + timedelta(days=(weekday - week.first.weekday()) % 7))

    return relative(context, "day", compute)


def resolve_range(a: Reading | None, b: Reading | None, context: Context) -> Reading | None:
    if a is None or b is None:
        return None
    relative = a.relative or b.relative
    if a.interval is None or b.interval is None:
        reason = a.reason or b.reason
        return Reading("range", "days", relative=relative, reason=reason)
    first, last = a.interval.first, b.interval.last
    if last < first and not a.year_given and b.year_given:
        earlier = safe_date(first.year - 1, first.month, first.day)
        first = earlier or first
    if last < first and not b.year_given:
        last = (
            last.replace(year=last.year + 1)
            if safe_date(last.year + 1, last.month, last.day)
            else last
        )
    if last < first:
        return None
    return Reading("range", "days", Interval(first, last), relative=relative)


AMOUNT = re.compile(rf"({COUNT})[ -]?({UNIT})", re.IGNORECASE)


def total_duration(text: str) -> Duration | None:
    total = Duration()
    for count, unit in AMOUNT.findall(text):
        part = duration_of(count, unit)
        if part is None:
            return None
        total = Duration(
            years=total.years + part.years,
            months=total.months + part.months,
            weeks=total.weeks + part.weeks,
            days=total.days + part.days,
        )
    return total


def duration_of(count_text: str, unit_text: str) -> Duration | None:
    count = number_value(count_text)
    if count is None:
        if count_text.casefold() == "several":
            return None
        return None
    unit = unit_text.casefold().rstrip(".")
    if unit.startswith("day"):
        return Duration(days=count)
    if unit.startswith("fortnight"):
        return Duration(weeks=2 * count)
    if unit.startswith("week"):
        return Duration(weeks=count)
    if unit.startswith("month"):
        return Duration(months=count)
    if unit.startswith("decade"):
        return Duration(years=10 * count)
    if unit.startswith("centur"):
        return Duration(years=100 * count)
    if unit.startswith("year"):
        return Duration(years=count)
    return None


def add_duration(on: date, duration: Duration, sign: int = 1) -> date:
    return calendar.add(
        on,
        years=sign * duration.years,
        months=sign * duration.months,
        weeks=sign * duration.weeks,
        days=sign * duration.days,
    )


def parse_point(text: str, context: Context) -> Reading | None:
    """Read `text` as exactly one point form (a range endpoint)."""
    if text.casefold() == "now":
        return relative(context, "day", calendar.day)
    if re.fullmatch(ANY_YEAR, text, re.IGNORECASE):
        return Reading("date", "year", calendar.year(parse_year(text)))
    for item in POINT_FORMS:
        match = item.regex.fullmatch(text)
        if match is not None:
            reading = item.resolve(match, context)
            if reading is not None:
                return reading
    return None
