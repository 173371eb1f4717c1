"""Calendar periods as closed intervals: weeks with a configurable first day, weekends, months.

Month and year arithmetic is dateutil's `relativedelta`, which clamps to the end of a shorter
month (January 31 + 1 month = February 28) instead of overflowing.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from datetime import date
from datetime import timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from concord.extract.temporal.facts import Interval
from concord.extract.temporal.facts import Tense

WeekStart = Literal["monday", "sunday"]

SATURDAY = 5
_SEASON_DAYS = 92
SUNDAY = 6


def days(first: date, last: date) -> Interval:
    return Interval(first, last)


def day(on: date) -> Interval:
    return Interval(on, on)


def week_of(on: date, week_start: WeekStart) -> Interval:
    """The calendar week holding `on`: Monday to Sunday (ISO), or Sunday to Saturday."""
    first_weekday = 0 if week_start == "monday" else SUNDAY
    first = on - timedelta(days=(on.weekday() - first_weekday) % 7)
    return Interval(first, first + timedelta(days=6))


def weekend_of(on: date) -> Interval:
    """The Saturday and Sunday holding `on`, or the next ones on a weekday.

    It does not depend on the week start: "this weekend" said on a Wednesday is the coming
    Saturday and Sunday whichever day a calendar puts first.
    """
    if on.weekday() == SUNDAY:
        return Interval(on - timedelta(days=1), on)
    saturday = on + timedelta(days=(SATURDAY - on.weekday()) % 7)
    return Interval(saturday, saturday + timedelta(days=1))


def month(year: int, month_number: int) -> Interval:
    last_day = stdlib_calendar.monthrange(year, month_number)[1]
    return Interval(date(year, month_number, 1), date(year, month_number, last_day))


def year(year_number: int) -> Interval:
    return Interval(date(year_number, 1, 1), date(year_number, 12, 31))


def quarter(year_number: int, quarter_number: int) -> Interval:
    first_month = 3 * (quarter_number - 1) + 1
    return Interval(month(year_number, first_month).first, month(year_number, first_month + 2).last)


def half(year_number: int, half_number: int) -> Interval:
    first_month = 1 if half_number == 1 else 7
    return Interval(month(year_number, first_month).first, month(year_number, first_month + 5).last)


def years(first_year: int, last_year: int) -> Interval:
    return Interval(date(first_year, 1, 1), date(last_year, 12, 31))


def add_months(on: date, count: int) -> date:
    return on + relativedelta(months=count)


def add(
    on: date, *, years: float = 0, months: float = 0, weeks: float = 0, days: float = 0
) -> date:
    whole_months = round(years * 12 + months)
    return on + relativedelta(months=whole_months) + timedelta(days=round(weeks * 7 + days))


def shift(interval: Interval, *, days: int = 0, months: int = 0) -> Interval:
    """Move a whole period: months keep their full length ("next month" of January 31)."""
    if months:
        first = add_months(interval.first.replace(day=1), months)
        if interval.first.day == 1 and interval.last == _month_end(interval.last):
            span = _month_count(interval)
            return Interval(first, _month_end(add_months(first, span - 1)))
        return Interval(add_months(interval.first, months), add_months(interval.last, months))
    delta = timedelta(days=days)
    return Interval(interval.first + delta, interval.last + delta)


def month_day_near(
    month_number: int, day_number: int, reference: date, tense: Tense
) -> date | None:
    """The date with this month and day nearest to `reference`; the tense breaks ties and
    decides dates more than a season away.

    Returns None when no year has that day (February 30).
    """
    candidates = []
    for year_number in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year_number, month_number, day_number))
        except ValueError:
            continue
    if not candidates:
        return None
    nearest = min(candidates, key=lambda candidate: abs((candidate - reference).days))
    if abs((nearest - reference).days) <= _SEASON_DAYS:
        return nearest
    if tense == "past":
        past = [candidate for candidate in candidates if candidate <= reference]
        candidates = past or candidates
        return max(candidates)
    if tense == "future":
        future = [candidate for candidate in candidates if candidate >= reference]
        candidates = future or candidates
        return min(candidates)
    return min(candidates, key=lambda candidate: (abs((candidate - reference).days), candidate))


def month_near(month_number: int, reference: date, tense: Tense) -> Interval:
    """The month of that name nearest to the reference month; the tense decides a tie.

    News writes "in May" for the nearest May either way ("talks in May", "a summit in
    November"), so a tense marker elsewhere in the sentence does not outweigh distance.
    """
    months_ahead = (month_number - reference.month) % 12
    if months_ahead > 6 or (months_ahead == 6 and tense == "past"):
        year_number = reference.year if month_number <= reference.month else reference.year - 1
    else:
        year_number = reference.year if month_number >= reference.month else reference.year + 1
    return month(year_number, month_number)


def weekday_near(weekday: int, reference: date, tense: Tense, week_start: WeekStart) -> date:
    """The day with this weekday: on or before the reference in the past tense, on or after it
    in the future tense, and within the reference's week when the tense is unknown."""
    if tense == "past":
        return reference - timedelta(days=(reference.weekday() - weekday) % 7)
    if tense == "future":
        return reference + timedelta(days=(weekday - reference.weekday()) % 7)
    week = week_of(reference, week_start)
    return week.first + timedelta(days=(weekday - week.first.weekday()) % 7)


def _month_end(on: date) -> date:
    return month(on.year, on.month).last


def _month_count(interval: Interval) -> int:
    return (
        (interval.last.year - interval.first.year) * 12
        + interval.last.month
        - interval.first.month
        + 1
    )
