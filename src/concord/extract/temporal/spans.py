"""Date forms that cover several days: days of one month ("June 18-19"), spans counted from the
reference date ("next 3 days", "within 2 weeks", "the rest of the week").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from datetime import timedelta

from concord.extract.temporal import calendar
from concord.extract.temporal.facts import Granularity
from concord.extract.temporal.facts import Interval
from concord.extract.temporal.reading import AMOUNTS
from concord.extract.temporal.reading import ANY_YEAR
from concord.extract.temporal.reading import PERIOD_SHIFT
from concord.extract.temporal.reading import RANGE_WORD
from concord.extract.temporal.reading import Context
from concord.extract.temporal.reading import Forms
from concord.extract.temporal.reading import Reading
from concord.extract.temporal.reading import add_duration
from concord.extract.temporal.reading import duration_of
from concord.extract.temporal.reading import month_day_reading
from concord.extract.temporal.reading import optional_year
from concord.extract.temporal.reading import period_of
from concord.extract.temporal.reading import relative
from concord.extract.temporal.reading import resolve_range
from concord.extract.temporal.reading import safe_date
from concord.extract.temporal.reading import total_duration
from concord.extract.temporal.reading import weekday_in_week
from concord.extract.temporal.vocabulary import COUNT
from concord.extract.temporal.vocabulary import DAY_NUMBER
from concord.extract.temporal.vocabulary import MONTH
from concord.extract.temporal.vocabulary import UNIT
from concord.extract.temporal.vocabulary import WEEKDAY
from concord.extract.temporal.vocabulary import day_value
from concord.extract.temporal.vocabulary import month_value
from concord.extract.temporal.vocabulary import weekday_value

FORMS = Forms("s")


# ---------------------------------------------------------------------------------------------
# Ranges: two endpoints, or days within one month.

_DAYS_OF_MONTH = (
    rf"(?:from |between )?(?P<month>{MONTH}) (?:the )?(?P<first>{DAY_NUMBER})\s?{RANGE_WORD}\s?"
    rf"(?:the )?(?P<last>{DAY_NUMBER})(?!\s?(?:{MONTH}))(?:,? (?P<year>{ANY_YEAR}))?"
)


@FORMS.pattern(_DAYS_OF_MONTH)
def _days_of_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "June 18-19", "November 19 to 20", "between June 16 and 21"."""
    return _day_span(match, context)


_DAYS_BEFORE_MONTH = (
    rf"(?:from |between )?(?P<first>{DAY_NUMBER})\s?{RANGE_WORD}\s?(?P<last>{DAY_NUMBER}) "
    rf"(?:of )?(?P<month>{MONTH})(?:,? (?P<year>{ANY_YEAR}))?"
)


@FORMS.pattern(_DAYS_BEFORE_MONTH)
def _days_before_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "4-22 January, 1995", "between 3 and 12 of Sept"."""
    return _day_span(match, context)


_MONTH_BETWEEN = (
    rf"(?P<month>{MONTH}) between (?P<first>{DAY_NUMBER}) and (?P<last>{DAY_NUMBER})"
    rf"(?:,? (?P<year>{ANY_YEAR}))?"
)


@FORMS.pattern(_MONTH_BETWEEN)
def _month_between(match: re.Match[str], context: Context) -> Reading | None:
    """ "November between 19 and 20"."""
    return _day_span(match, context)


def _day_span(match: re.Match[str], context: Context) -> Reading | None:
    month = month_value(match.group("month"))
    first_day, last_day = day_value(match.group("first")), day_value(match.group("last"))
    if first_day is None or last_day is None or last_day < first_day:
        return None
    first = month_day_reading(month, first_day, optional_year(match), context)
    if first is None or first.interval is None:
        return first and replace(first, granularity="days")
    last = safe_date(first.interval.first.year, month, last_day)
    if last is None:
        return None
    return replace(first, granularity="days", interval=Interval(first.interval.first, last))


_DAYS_OF_RELATIVE_MONTH = (
    rf"(?:from |between )?(?P<first>{DAY_NUMBER})\s?{RANGE_WORD}\s?(?P<last>{DAY_NUMBER}) "
    r"(?:of |in )?(?P<rel>this|next|last|the) month"
)


@FORMS.pattern(_DAYS_OF_RELATIVE_MONTH)
def _days_of_relative_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "from 4 to 22 this month", "4 till 23 of next month"."""
    first_day, last_day = day_value(match.group("first")), day_value(match.group("last"))
    if first_day is None or last_day is None or last_day < first_day:
        return None
    shift = PERIOD_SHIFT[match.group("rel").casefold()]

    def compute(reference: date) -> Interval | None:
        month = calendar.shift(calendar.month(reference.year, reference.month), months=shift)
        first = safe_date(month.first.year, month.first.month, first_day)
        last = safe_date(month.first.year, month.first.month, last_day)
        return Interval(first, last) if first and last else None

    return relative(context, "days", compute, kind="range")


# ---------------------------------------------------------------------------------------------
# Spans of time anchored on a date: "next 3 days", "for 3 days from today", "rest of the week".

SPAN_FROM = (
    rf"(?:for (?P<amounts>{AMOUNTS}),? (?:starting|beginning|commencing|from)"
    rf"|(?P<amounts_b>{AMOUNTS}),? (?:starting|beginning|commencing))"
    r"(?: from| on)? (?P<point>{endpoint})"
)
WEEK_OF = (
    r"(?:(?:the )?(?P<unit>week|month) (?:of|commencing|starting|"
    r"beginning)(?: on)?|w/c) (?P<point>{endpoint}|the " + DAY_NUMBER + ")"
)
_WEEKDAYS_OF_WEEK = (
    rf"(?P<rel>this|next|last) week (?:between|from) (?P<a>{WEEKDAY}) (?:and|"
    rf"to|until|till|-) (?P<b>{WEEKDAY})"
)


@FORMS.pattern(_WEEKDAYS_OF_WEEK)
def _weekdays_of_week(match: re.Match[str], context: Context) -> Reading | None:
    """ "next week between Wednesday and Friday"."""
    shift = PERIOD_SHIFT[match.group("rel").casefold()]
    a = weekday_in_week(weekday_value(match.group("a")), shift, context)
    b = weekday_in_week(weekday_value(match.group("b")), shift, context)
    return resolve_range(a, b, context)


_AFTER_NEXT = r"(?:the )?(?P<unit>weekend|week|month|year) after (?:the )?next"


@FORMS.pattern(_AFTER_NEXT)
def _after_next(match: re.Match[str], context: Context) -> Reading | None:
    """ "the week after next"."""
    unit = match.group("unit").casefold()
    granularity: Granularity = unit  # type: ignore[assignment]
    return relative(
        context, granularity, lambda reference: period_of(unit, reference, 2, context.week_start)
    )


_WITHIN = (
    rf"(?:within|less than) (?:the next |the coming |the upcoming )?(?P<amounts>{AMOUNTS})"
    r"(?: (?:from|after) (?P<anchor>today|now|tomorrow))?"
)


@FORMS.pattern(_WITHIN)
def _within(match: re.Match[str], context: Context) -> Reading | None:
    """ "within 5 days", "less than 2 weeks from today": from the reference (or tomorrow) on,
    when the sentence looks ahead or names its start; otherwise a duration ("within a day of
    happening")."""
    duration = total_duration(match.group("amounts"))
    if duration is None:
        return None
    anchor = (match.group("anchor") or "").casefold()
    hedged = match.group(0).casefold().startswith("less")
    if not anchor and (hedged or context.tense != "future"):
        return Reading("duration", "day", duration=duration)
    offset = 1 if anchor == "tomorrow" else 0

    def compute(reference: date) -> Interval:
        start = reference + timedelta(days=offset)
        return Interval(start, add_duration(start, duration))

    return relative(context, "days", compute, kind="range")


_IN_COUNT = rf"in (?P<amounts>{AMOUNTS})"


@FORMS.pattern(_IN_COUNT)
def _in_count(match: re.Match[str], context: Context) -> Reading | None:
    """ "in 3 weeks" is a date when the sentence looks ahead; "first visit in five years" is a
    duration."""
    duration = total_duration(match.group("amounts"))
    if duration is None:
        return None
    if context.tense != "future" or re.search(
        r"(?i)first|last|since|highest|most|best|worst",
        match.string[max(0, match.start() - 60) : match.start()],
    ):
        return None
    return relative(
        context, "day", lambda reference: calendar.day(add_duration(reference, duration))
    )


_DAY_TO_DATE = (
    rf"from (?P<first>{DAY_NUMBER}) (?:to|until|till|-) (?P<month>{MONTH}) (?P<last>{DAY_NUMBER})"
    rf"(?:,? (?P<year>{ANY_YEAR}))?"
)


@FORMS.pattern(_DAY_TO_DATE)
def _day_to_date(match: re.Match[str], context: Context) -> Reading | None:
    """ "from 4 to January 22, 1995": the first day takes the second's month and year."""
    return _day_span(match, context)


_NEXT_COUNT = (
    rf"(?P<rel>next|past|last|previous|coming|following) (?P<count>{COUNT}) ?(?P<unit>{UNIT})"
)


@FORMS.pattern(_NEXT_COUNT)
def _next_count(match: re.Match[str], context: Context) -> Reading | None:
    """ "next 3 days" (from tomorrow), "past 3 weeks" (up to yesterday)."""
    duration = duration_of(match.group("count"), match.group("unit"))
    if duration is None:
        return None
    forward = match.group("rel").casefold() in {"next", "coming", "following"}

    decades = match.group("unit").casefold().startswith("decade")

    def compute(reference: date) -> Interval:
        if decades:  # whole decades: "the past 2 decades" in 2016 are the 1990s and 2000s
            count = round(duration.years / 10)
            this_decade = reference.year - reference.year % 10
            if forward:
                return calendar.years(this_decade + 10, this_decade + 10 * count + 9)
            return calendar.years(this_decade - 10 * count, this_decade - 1)
        if forward:
            start = reference + timedelta(days=1)
            return Interval(start, add_duration(start, duration) - timedelta(days=1))
        return Interval(add_duration(reference, duration, sign=-1), reference - timedelta(days=1))

    return relative(context, "days", compute, kind="range")


_REST_OF = r"(?:the )?rest (?:of )?(?:the |this |my |current )?(?P<unit>week|month|year)"


@FORMS.pattern(_REST_OF)
def _rest_of(match: re.Match[str], context: Context) -> Reading | None:
    unit = match.group("unit")

    def compute(reference: date) -> Interval:
        return Interval(reference, period_of(unit, reference, 0, context.week_start).last)

    return relative(context, "days", compute, kind="range")
