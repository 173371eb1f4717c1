"""The date grammar: one regular expression per form, each with the function that resolves it.

Patterns are tried in the order they are declared here, so longer and more specific forms come
first ("between June 16 and June 21" before "June 16"). `scan` joins them into one alternation so
that a text is read in a single pass; each hit is then matched again against its own pattern to
read the named groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import replace
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
from concord.extract.temporal.vocabulary import DAY
from concord.extract.temporal.vocabulary import DAY_NUMBER
from concord.extract.temporal.vocabulary import MONTH
from concord.extract.temporal.vocabulary import MONTHS
from concord.extract.temporal.vocabulary import NUMBER_WORD
from concord.extract.temporal.vocabulary import ORDINAL_WORD
from concord.extract.temporal.vocabulary import ORDINALS
from concord.extract.temporal.vocabulary import SPELLED_YEAR
from concord.extract.temporal.vocabulary import UNIT
from concord.extract.temporal.vocabulary import WEEKDAY
from concord.extract.temporal.vocabulary import WEEKDAYS
from concord.extract.temporal.vocabulary import YEAR
from concord.extract.temporal.vocabulary import day_value
from concord.extract.temporal.vocabulary import month_value
from concord.extract.temporal.vocabulary import number_value
from concord.extract.temporal.vocabulary import spelled_year_value
from concord.extract.temporal.vocabulary import weekday_value

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
    name: str
    regex: re.Pattern[str]
    resolve: Resolver


PATTERNS: list[Pattern] = []
POINT_NAMES: list[str] = []


def pattern(source: str, *, point: bool = False) -> Callable[[Resolver], Resolver]:
    """Register `source` with the function below it. `point` forms may be range endpoints."""

    def register(resolve: Resolver) -> Resolver:
        name = f"p{len(PATTERNS)}_{resolve.__name__.lstrip('_')}"
        PATTERNS.append(Pattern(name, re.compile(source, re.IGNORECASE), resolve))
        if point:
            POINT_NAMES.append(name)
        return resolve

    return register


def unnamed(source: str) -> str:
    """The same expression with its named groups made anonymous, for use inside a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", source)


def _day(on: date) -> Interval:
    return Interval(on, on)


def _relative(
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


def _year(text: str) -> int:
    if not text[:1].isdigit():
        spelled = spelled_year_value(text)
        if spelled is None:
            raise ValueError(f"not a year: {text!r}")  # caught by the scanner: no date here
        return spelled
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 50 else 1900 + value
    return value


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int | None, year: int | None, context: Context) -> Reading | None:
    if day is None:
        return None
    if year is not None:
        on = _safe_date(year, month, day)
        return Reading("date", "day", _day(on)) if on else None
    if context.reference is None:
        if _safe_date(2024, month, day) is None:
            return None
        return Reading("date", "day", relative=True, reason=NO_YEAR, year_given=False)
    on = calendar.month_day_near(month, day, context.reference, context.tense)
    if on is None:
        return None
    return Reading("date", "day", _day(on), relative=True, year_given=False)


def _optional_year(match: re.Match[str]) -> int | None:
    text = match.group("year")
    return _year(text) if text else None


AMOUNTS = rf"(?:{COUNT}) ?(?:{UNIT})(?:,? (?:and )?(?:{COUNT}) ?(?:{UNIT}))*"
AMOUNTS_HYPHEN = rf"(?:{COUNT})[ -]?(?:{UNIT})(?:,? (?:and )?(?:{COUNT})[ -]?(?:{UNIT}))*"
_RANGE_WORD = r"(?:to|until|till|til|through|thru|and|-|–|—)"
_REL = r"(?P<rel>this|next|last|current|coming|upcoming|following|previous|past|the|that|same|my)"
_PERIOD_SHIFT = {
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


def _period(unit: str, reference: date, shift: int, week_start: WeekStart) -> Interval:
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


# ---------------------------------------------------------------------------------------------
# Ranges: two endpoints, or days within one month.

_DAYS_OF_MONTH = (
    rf"(?:from |between )?(?P<month>{MONTH}) (?:the )?(?P<first>{DAY_NUMBER})\s?{_RANGE_WORD}\s?"
    rf"(?:the )?(?P<last>{DAY_NUMBER})(?!\s?(?:{MONTH}))(?:,? (?P<year>{ANY_YEAR}))?"
)


@pattern(_DAYS_OF_MONTH)
def _days_of_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "June 18-19", "November 19 to 20", "between June 16 and 21"."""
    return _day_span(match, context)


_DAYS_BEFORE_MONTH = (
    rf"(?:from |between )?(?P<first>{DAY_NUMBER})\s?{_RANGE_WORD}\s?(?P<last>{DAY_NUMBER}) "
    rf"(?:of )?(?P<month>{MONTH})(?:,? (?P<year>{ANY_YEAR}))?"
)


@pattern(_DAYS_BEFORE_MONTH)
def _days_before_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "4-22 January, 1995", "between 3 and 12 of Sept"."""
    return _day_span(match, context)


_MONTH_BETWEEN = (
    rf"(?P<month>{MONTH}) between (?P<first>{DAY_NUMBER}) and (?P<last>{DAY_NUMBER})"
    rf"(?:,? (?P<year>{ANY_YEAR}))?"
)


@pattern(_MONTH_BETWEEN)
def _month_between(match: re.Match[str], context: Context) -> Reading | None:
    """ "November between 19 and 20"."""
    return _day_span(match, context)


def _day_span(match: re.Match[str], context: Context) -> Reading | None:
    month = month_value(match.group("month"))
    first_day, last_day = day_value(match.group("first")), day_value(match.group("last"))
    if first_day is None or last_day is None or last_day < first_day:
        return None
    first = _month_day(month, first_day, _optional_year(match), context)
    if first is None or first.interval is None:
        return first and replace(first, granularity="days")
    last = _safe_date(first.interval.first.year, month, last_day)
    if last is None:
        return None
    return replace(first, granularity="days", interval=Interval(first.interval.first, last))


_DAYS_OF_RELATIVE_MONTH = (
    rf"(?:from |between )?(?P<first>{DAY_NUMBER})\s?{_RANGE_WORD}\s?(?P<last>{DAY_NUMBER}) "
    r"(?:of |in )?(?P<rel>this|next|last|the) month"
)


@pattern(_DAYS_OF_RELATIVE_MONTH)
def _days_of_relative_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "from 4 to 22 this month", "4 till 23 of next month"."""
    first_day, last_day = day_value(match.group("first")), day_value(match.group("last"))
    if first_day is None or last_day is None or last_day < first_day:
        return None
    shift = _PERIOD_SHIFT[match.group("rel").casefold()]

    def compute(reference: date) -> Interval | None:
        month = calendar.shift(calendar.month(reference.year, reference.month), months=shift)
        first = _safe_date(month.first.year, month.first.month, first_day)
        last = _safe_date(month.first.year, month.first.month, last_day)
        return Interval(first, last) if first and last else None

    return _relative(context, "days", compute, kind="range")


# Ranges between two points ("between June 16 and June 21", "from 2014 to 2018") are not
# patterns: `scan` joins two neighbouring points, which keeps the alternation small.
_ENDPOINT = "{endpoint}"
_YEAR_SPAN = rf"(?:(?:between|from|in) )?(?P<a>{YEAR})\s?[-–]\s?(?P<b>{YEAR}|[0-9]{{2}})(?![0-9])"


def resolve_range(a: Reading | None, b: Reading | None, context: Context) -> Reading | None:
    if a is None or b is None:
        return None
    relative = a.relative or b.relative
    if a.interval is None or b.interval is None:
        reason = a.reason or b.reason
        return Reading("range", "days", relative=relative, reason=reason)
    first, last = a.interval.first, b.interval.last
    if last < first and not a.year_given and b.year_given:
        earlier = _safe_date(first.year - 1, first.month, first.day)
        first = earlier or first
    if last < first and not b.year_given:
        last = (
            last.replace(year=last.year + 1)
            if _safe_date(last.year + 1, last.month, last.day)
            else last
        )
    if last < first:
        return None
    return Reading("range", "days", Interval(first, last), relative=relative)


# ---------------------------------------------------------------------------------------------
# Spans of time anchored on a date: "next 3 days", "for 3 days from today", "rest of the week".

_SPAN_FROM = (
    rf"(?:for (?P<amounts>{AMOUNTS}),? (?:starting|beginning|commencing|from)"
    rf"|(?P<amounts_b>{AMOUNTS}),? (?:starting|beginning|commencing))"
    r"(?: from| on)? (?P<point>{endpoint})"
)
_WEEK_OF = (
    r"(?:(?:the )?(?P<unit>week|month) (?:of|commencing|starting|"
    r"beginning)(?: on)?|w/c) (?P<point>{endpoint}|the " + DAY_NUMBER + ")"
)
_WEEKDAYS_OF_WEEK = (
    rf"(?P<rel>this|next|last) week (?:between|from) (?P<a>{WEEKDAY}) (?:and|"
    rf"to|until|till|-) (?P<b>{WEEKDAY})"
)


@pattern(_WEEKDAYS_OF_WEEK)
def _weekdays_of_week(match: re.Match[str], context: Context) -> Reading | None:
    """ "next week between Wednesday and Friday"."""
    shift = _PERIOD_SHIFT[match.group("rel").casefold()]
    a = _weekday_in_week(weekday_value(match.group("a")), shift, context)
    b = _weekday_in_week(weekday_value(match.group("b")), shift, context)
    return resolve_range(a, b, context)


_AFTER_NEXT = r"(?:the )?(?P<unit>weekend|week|month|year) after (?:the )?next"


@pattern(_AFTER_NEXT)
def _after_next(match: re.Match[str], context: Context) -> Reading | None:
    """ "the week after next"."""
    unit = match.group("unit").casefold()
    granularity: Granularity = unit  # type: ignore[assignment]
    return _relative(
        context, granularity, lambda reference: _period(unit, reference, 2, context.week_start)
    )


_WITHIN = (
    rf"(?:within|less than) (?:the next |the coming |the upcoming )?(?P<amounts>{AMOUNTS})"
    r"(?: (?:from|after) (?P<anchor>today|now|tomorrow))?"
)


@pattern(_WITHIN)
def _within(match: re.Match[str], context: Context) -> Reading | None:
    """ "within 5 days", "less than 2 weeks from today": from the reference (or tomorrow) on,
    when the sentence looks ahead or names its start; otherwise a duration ("within a day of
    happening")."""
    duration = _total_duration(match.group("amounts"))
    if duration is None:
        return None
    anchor = (match.group("anchor") or "").casefold()
    hedged = match.group(0).casefold().startswith("less")
    if not anchor and (hedged or context.tense != "future"):
        return Reading("duration", "day", duration=duration)
    offset = 1 if anchor == "tomorrow" else 0

    def compute(reference: date) -> Interval:
        start = reference + timedelta(days=offset)
        return Interval(start, _add(start, duration))

    return _relative(context, "days", compute, kind="range")


_IN_COUNT = rf"in (?P<amounts>{AMOUNTS})"


@pattern(_IN_COUNT)
def _in_count(match: re.Match[str], context: Context) -> Reading | None:
    """ "in 3 weeks" is a date when the sentence looks ahead; "first visit in five years" is a
    duration."""
    duration = _total_duration(match.group("amounts"))
    if duration is None:
        return None
    if context.tense != "future" or re.search(
        r"(?i)first|last|since|highest|most|best|worst",
        match.string[max(0, match.start() - 60) : match.start()],
    ):
        return None
    return _relative(context, "day", lambda reference: _day(_add(reference, duration)))


_DAY_TO_DATE = (
    rf"from (?P<first>{DAY_NUMBER}) (?:to|until|till|-) (?P<month>{MONTH}) (?P<last>{DAY_NUMBER})"
    rf"(?:,? (?P<year>{ANY_YEAR}))?"
)


@pattern(_DAY_TO_DATE)
def _day_to_date(match: re.Match[str], context: Context) -> Reading | None:
    """ "from 4 to January 22, 1995": the first day takes the second's month and year."""
    return _day_span(match, context)


_NEXT_COUNT = (
    rf"(?P<rel>next|past|last|previous|coming|following) (?P<count>{COUNT}) ?(?P<unit>{UNIT})"
)


@pattern(_NEXT_COUNT)
def _next_count(match: re.Match[str], context: Context) -> Reading | None:
    """ "next 3 days" (from tomorrow), "past 3 weeks" (up to yesterday)."""
    duration = _duration(match.group("count"), match.group("unit"))
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
            return Interval(start, _add(start, duration) - timedelta(days=1))
        return Interval(_add(reference, duration, sign=-1), reference - timedelta(days=1))

    return _relative(context, "days", compute, kind="range")


_REST_OF = r"(?:the )?rest (?:of )?(?:the |this |my |current )?(?P<unit>week|month|year)"


@pattern(_REST_OF)
def _rest_of(match: re.Match[str], context: Context) -> Reading | None:
    unit = match.group("unit")

    def compute(reference: date) -> Interval:
        return Interval(reference, _period(unit, reference, 0, context.week_start).last)

    return _relative(context, "days", compute, kind="range")


# ---------------------------------------------------------------------------------------------
# Days.

_WEEKDAY_DATE = (
    rf"(?:(?:this|next|last) )?(?P<weekday>{WEEKDAY})(?:,? ?\(|,? |-)"
    rf"(?P<date>(?:{MONTH})[ -](?:{DAY_NUMBER}|{ORDINAL_WORD}|{NUMBER_WORD})(?:,? {ANY_YEAR})?|"
    rf"(?:{DAY_NUMBER})[ -](?:{MONTH})(?:,? {ANY_YEAR})?|"
    rf"{YEAR}-[01]?[0-9]-[0-3]?[0-9]|[01]?[0-9][/.-][0-3]?[0-9](?:[/.-](?:{YEAR}|"
    rf"[0-9]{{2}}))?)(?![0-9])\)?"
)


@pattern(_WEEKDAY_DATE, point=True)
def _weekday_date(match: re.Match[str], context: Context) -> Reading | None:
    """ "Sunday (June 18)", "this Friday (Jun-15)", "Friday 7/6": the date decides; the weekday
    only confirms it."""
    text = match.group("date")
    numeric = re.fullmatch(r"([01]?[0-9])[/.-]([0-3]?[0-9])", text)
    if numeric:
        reading = _numeric_day(int(numeric.group(1)), int(numeric.group(2)), None, context)
    else:
        reading = parse_point(text, context)
    weekday = weekday_value(match.group("weekday"))
    if (
        reading is not None
        and reading.interval is not None
        and reading.interval.first.weekday() != weekday
    ):
        return None  # "Friday June 23" when June 23 is no Friday: two expressions, read apart
    return reading


_MONTH_DAY_YEAR = (
    rf"(?:(?P<weekday>{WEEKDAY}),? )?(?P<month>{MONTH})[ -/]?(?:the )?(?P<day>{DAY})"
    rf"(?:,? ?(?:of )?(?P<year>{ANY_YEAR}))?(?![0-9:])"
)


@pattern(_MONTH_DAY_YEAR, point=True)
def _month_day_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "June 18", "June 18, 2023", "Monday January 12th, 2016", "Oct-2", "May twenty-first"."""
    month_text = match.group("month")
    day_text = match.group("day")
    spelt_out = not day_text[0].isdigit()
    several_words = " " in day_text.strip() or "-" in day_text or " the " in match.group(0)
    if (
        spelt_out
        and not several_words
        and month_text[0].islower()
        and month_text.casefold() in {"may", "march"}
    ):
        return None  # "we may first ask": a verb and a word, not May 1
    return _month_day(month_value(month_text), day_value(day_text), _optional_year(match), context)


_DAY_MONTH_YEAR = (
    rf"(?:(?P<weekday>{WEEKDAY}),? )?(?:the )?(?P<day>{DAY_NUMBER}|"
    rf"{ORDINAL_WORD})\.?(?: of | day of |[ -]?)"
    rf"(?P<month>{MONTH})(?:,? (?:of )?(?P<year>{ANY_YEAR}))?"
)


@pattern(_DAY_MONTH_YEAR, point=True)
def _day_month_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "18 June 2023", "the 18th of June", "Wed, 22 of Jan", "second of Aug"."""
    return _month_day(
        month_value(match.group("month")),
        day_value(match.group("day")),
        _optional_year(match),
        context,
    )


_YEAR_MONTH_DAY = (
    rf"(?P<year>{YEAR})[-/.](?:(?P<month>[01]?[0-9])|(?P<month_name>{MONTH}))"
    r"[-/.](?P<day>[0-3]?[0-9])(?![0-9])"
)


@pattern(_YEAR_MONTH_DAY, point=True)
def _year_month_day(match: re.Match[str], context: Context) -> Reading | None:
    """ "2023-06-14", "2015/08/12", "2019-sep-1"."""
    month_text = match.group("month")
    month = int(month_text) if month_text else month_value(match.group("month_name"))
    on = _safe_date(_year(match.group("year")), month, int(match.group("day")))
    return Reading("date", "day", _day(on)) if on else None


_NUMERIC = (
    r"(?P<first>[0-3]?[0-9])(?P<separator>[-/.])(?P<second>[0-3]?[0-9])(?P<separator_b>[-/.,])"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9]|[-/.][0-9])"
)


@pattern(_NUMERIC, point=True)
def _numeric(match: re.Match[str], context: Context) -> Reading | None:
    """ "14/06/2023", "06-14-23": day and month order from the data, or declared, never guessed."""
    if match.group("separator_b") not in {match.group("separator"), ","}:
        return None
    first, second = int(match.group("first")), int(match.group("second"))
    year = _year(match.group("year"))
    return _numeric_day(first, second, year, context)


def _numeric_day(first: int, second: int, year: int | None, context: Context) -> Reading | None:
    orders: set[tuple[int, int]] = set()
    if first <= 12 and 1 <= second <= 31:
        orders.add((first, second))  # month, day
    if second <= 12 and 1 <= first <= 31:
        orders.add((second, first))
    if not orders:
        return None
    if len(orders) > 1:
        if context.date_order == "MDY":
            orders = {(first, second)}
        elif context.date_order == "DMY":
            orders = {(second, first)}
        else:
            return Reading(
                "date",
                "day",
                reason="day and month could be either way round: set date_order (DMY or MDY)",
            )
    ((month, day),) = orders
    return _month_day(month, day, year, context)


@pattern(
    r"(?:from )?(?P<a>(?P<am>[01]?[0-9])/(?P<ad>[0-3]?[0-9])) (?:to|"
    r"until|till|-) (?P<b>(?P<bm>[01]?[0-9])/(?P<bd>[0-3]?[0-9]))(?![0-9/])"
)
def _numeric_range(match: re.Match[str], context: Context) -> Reading | None:
    """ "from 10/1 to 11/7": both ends month-first or both day-first."""
    a = _numeric_day(int(match.group("am")), int(match.group("ad")), None, context)
    b = _numeric_day(int(match.group("bm")), int(match.group("bd")), None, context)
    return resolve_range(a, b, context)


_NUMERIC_NO_YEAR = (
    "(?:(?:"
    + "|".join(
        f"(?<=\\b{lead} )" for lead in "on from to until till by since before after in".split()
    )
    + r")(?P<first>[0-3]?[0-9])[/.-](?P<second>[0-3]?[0-9])"
    r"|(?P<first_bare>[0-3]?[0-9])/(?P<second_bare>[0-3]?[0-9]))(?![0-9]|[-/.:,%]?[0-9])"
)


@pattern(_NUMERIC_NO_YEAR)
def _numeric_no_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "on 4/22", "22/04": a dash or a dot only after a preposition, since a bare "3-2" is
    usually a score; a bare slash only when one number cannot be a month, since "1/2" is a
    fraction."""
    if match.group("first_bare"):
        first, second = int(match.group("first_bare")), int(match.group("second_bare"))
        if first <= 12 and second <= 12:
            return None
        return _numeric_day(first, second, None, context)
    return _numeric_day(int(match.group("first")), int(match.group("second")), None, context)


_NUMERIC_MONTH_DAY = r"(?P<month>[01]?[0-9])/(?P<day>[0-3]?[0-9])(?![0-9/])"
_NUMERIC_DAY_MONTH = r"(?P<day>[0-3]?[0-9])/(?P<month>[01]?[0-9])(?![0-9/])"


_DAY_AFTER = r"(?:the )?day (?P<which>after tomorrow|after tmrw|before yesterday)"


@pattern(_DAY_AFTER, point=True)
def _day_after(match: re.Match[str], context: Context) -> Reading | None:
    offset = -2 if "before" in match.group("which").casefold() else 2
    return _relative(context, "day", lambda reference: _day(reference + timedelta(days=offset)))


_COUNT_OFFSET = (
    rf"(?P<amounts>{AMOUNTS}|(?P<count>{COUNT}) (?P<unit>(?:monday|"
    rf"tuesday|wednesday|thursday|friday|saturday|sunday)s?)) (?P<direction>ago|"
    rf"from now|later|hence|"
    r"from today|after today|before today|from tomorrow|after tomorrow|from yesterday|"
    r"before yesterday|after yesterday|earlier|before|after)(?![a-z])"
)


@pattern(_COUNT_OFFSET, point=True)
def _count_offset(match: re.Match[str], context: Context) -> Reading | None:
    """ "two days ago", "two weeks from now", "three weeks from tomorrow", "two sundays from
    now"."""
    direction = match.group("direction").casefold()
    if direction in {"before", "after"}:
        return None
    anchor = 1 if "tomorrow" in direction else -1 if "yesterday" in direction else 0
    sign = -1 if direction in {"ago", "earlier"} or "before" in direction else 1
    if match.group("unit"):
        count = number_value(match.group("count"))
        if count is None:
            return None
        weekday = weekday_value(match.group("unit").casefold().rstrip("s"))

        def nth_weekday(reference: date) -> Interval:
            on = reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
            return _day(on + timedelta(days=7 * (int(count) - 1)))

        return _relative(context, "day", nth_weekday)
    duration = _total_duration(match.group("amounts"))
    if duration is None:
        return None

    def compute(reference: date) -> Interval:
        return _day(_add(reference + timedelta(days=anchor), duration, sign=sign))

    return _relative(context, "day", compute)


_WEEKDAY_OF_WEEK = (
    rf"(?:on )?(?:(?P<weekday_a>{WEEKDAY}),? (?:of )?(?P<rel_a>this|next|last|the coming) week"
    rf"|(?P<rel_b>this|next|last) week(?:'s)?,? (?:on )?(?P<weekday_b>{WEEKDAY}))"
)


@pattern(_WEEKDAY_OF_WEEK, point=True)
def _weekday_of_week(match: re.Match[str], context: Context) -> Reading | None:
    """ "Friday next week", "next week on Friday", "Sunday of next week"."""
    weekday = weekday_value(match.group("weekday_a") or match.group("weekday_b"))
    rel = (match.group("rel_a") or match.group("rel_b")).casefold().replace("the coming", "next")
    return _weekday_in_week(weekday, _PERIOD_SHIFT[rel], context)


def _weekday_in_week(weekday: int, shift: int, context: Context) -> Reading | None:
    def compute(reference: date) -> Interval:
        week = calendar.shift(calendar.week_of(reference, context.week_start), days=7 * shift)
        return _day(week.first + timedelta(days=(weekday - week.first.weekday()) % 7))

    return _relative(context, "day", compute)


_ORDINAL_WEEKDAY_OF = (
    rf"(?:the )?(?:(?P<ordinal>first|second|third|fourth|fifth|"
    rf"1st|2nd|3rd|4th|5th)|(?P<last>last)(?= {WEEKDAY} (?:of|"
    rf"in) )) "
    rf"(?P<weekday>{WEEKDAY})(?: (?:of|in) (?:(?P<rel>this|"
    rf"next|last|previous|the) month|(?P<month>{MONTH})(?: (?P<year>{ANY_YEAR}))?))?"
)


@pattern(_ORDINAL_WEEKDAY_OF, point=True)
def _ordinal_weekday_of(match: re.Match[str], context: Context) -> Reading | None:
    """ "the first Friday of July", "the second Monday of next month"."""
    ordinal = -1 if match.group("last") else number_value(match.group("ordinal"))
    if ordinal is None:
        return None
    weekday = weekday_value(match.group("weekday"))
    rel = match.group("rel")
    year = _optional_year(match)

    def pick(month: Interval) -> Interval | None:
        days = [
            month.first + timedelta(days=offset)
            for offset in range(month.days)
            if (month.first + timedelta(days=offset)).weekday() == weekday
        ]
        index = int(ordinal) - 1 if ordinal > 0 else -1
        return _day(days[index]) if -len(days) <= index < len(days) else None

    if rel is None and match.group("month") is None:
        rel = "this"
    if rel is not None:
        shift = _PERIOD_SHIFT[rel.casefold()]
        return _relative(
            context,
            "day",
            lambda reference: pick(
                calendar.shift(calendar.month(reference.year, reference.month), months=shift)
            ),
        )
    month_number = month_value(match.group("month"))
    if year is not None:
        interval = pick(calendar.month(year, month_number))
        return Reading("date", "day", interval) if interval else None
    return _relative(
        context,
        "day",
        lambda reference: pick(calendar.month_near(month_number, reference, context.tense)),
    )


_DAY_OF_RELATIVE_MONTH = (
    rf"(?:the )?(?P<day>{DAY_NUMBER}|{ORDINAL_WORD}) (?:of )?(?P<rel>this|next|last|previous) month"
)


@pattern(_DAY_OF_RELATIVE_MONTH, point=True)
def _day_of_relative_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "the 20th of next month"."""
    day_number = day_value(match.group("day"))
    shift = _PERIOD_SHIFT[match.group("rel").casefold()]
    if day_number is None:
        return None

    def compute(reference: date) -> Interval | None:
        month = calendar.shift(calendar.month(reference.year, reference.month), months=shift)
        on = _safe_date(month.first.year, month.first.month, day_number)
        return _day(on) if on else None

    return _relative(context, "day", compute)


_WEEKDAY_THE_DAY = rf"(?P<weekday>{WEEKDAY}),? the (?P<day>{DAY_NUMBER}|{ORDINAL_WORD}|{DAY})"


@pattern(_WEEKDAY_THE_DAY, point=True)
def _weekday_the_day(match: re.Match[str], context: Context) -> Reading | None:
    """ "Friday the 22nd": the nearest month in which the 22nd is a Friday."""
    weekday = weekday_value(match.group("weekday"))
    day_number = day_value(match.group("day"))
    if day_number is None:
        return None

    def compute(reference: date) -> Interval | None:
        candidates = []
        for months in range(-6, 7):
            month = calendar.shift(calendar.month(reference.year, reference.month), months=months)
            on = _safe_date(month.first.year, month.first.month, day_number)
            if on is not None and on.weekday() == weekday:
                candidates.append(on)
        if not candidates:
            return None
        return _day(min(candidates, key=lambda on: (abs((on - reference).days), on)))

    return _relative(context, "day", compute)


_RELATIVE_WEEKDAY = rf"(?P<rel>this|next|last|coming|this coming|past) (?P<weekday>{WEEKDAY})"


@pattern(_RELATIVE_WEEKDAY, point=True)
def _relative_weekday(match: re.Match[str], context: Context) -> Reading | None:
    """ "next Sunday" (in next week), "last Sunday" (in last week), "this Friday"."""
    weekday = weekday_value(match.group("weekday"))
    rel = match.group("rel").casefold()
    if rel in {"coming", "this coming"}:
        return _relative(
            context,
            "day",
            lambda reference: _day(
                reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
            ),
        )
    return _weekday_in_week(weekday, _PERIOD_SHIFT[rel], context)


_NOW = (
    "(?:"
    + "|".join(f"(?<=\\b{lead} )" for lead in "between and to until till from through".split())
    + r")now(?![a-z])"
)
NOW_NOTE = "now"


@pattern(_NOW)
def _now(match: re.Match[str], context: Context) -> Reading | None:
    """ "now" as the end of a range ("between Jan 22 and now"); alone it is dropped by `scan`."""
    return _relative(context, "day", _day, note=NOW_NOTE)


_DAY_WORD = r"(?P<word>today|tonight|tomorrow|tmrw|yesterday)(?![a-z])"


@pattern(_DAY_WORD, point=True)
def _day_word(match: re.Match[str], context: Context) -> Reading | None:
    word = match.group("word").casefold()
    offset = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[word]
    return _relative(context, "day", lambda reference: _day(reference + timedelta(days=offset)))


# ---------------------------------------------------------------------------------------------
# Weeks, weekends, months, quarters and years relative to the reference date.

_PART = (
    r"(?P<part>early|late|mid|middle|earlier|later|the (?:end|"
    r"beginning|start|middle) of|(?:the )?end of|(?:the )?beginning of|"
    r"(?:the )?start of)"
)
_PART_OF_PERIOD = (
    rf"{_PART}[ -](?:in )?(?P<rel>this|next|last|the|previous) (?P<unit>week|month|year)"
)


@pattern(_PART_OF_PERIOD, point=True)
def _part_of_period(match: re.Match[str], context: Context) -> Reading | None:
    """ "earlier this month", "later this year", "early next week", "the end of last year"."""
    part = _part_name(match.group("part"))
    unit = match.group("unit").casefold()
    shift = _PERIOD_SHIFT[match.group("rel").casefold()]

    def compute(reference: date) -> Interval:
        period = _period(unit, reference, shift, context.week_start)
        if part == "earlier":
            return Interval(
                period.first, max(period.first, min(period.last, reference - timedelta(days=1)))
            )
        if part == "later":
            return Interval(max(period.first, min(period.last, reference)), period.last)
        return _part_of(period, unit, part)

    return _relative(context, unit, compute)  # type: ignore[arg-type]


def _part_name(text: str) -> str:
    text = text.casefold()
    for word, part in (
        ("earlier", "earlier"),
        ("later", "later"),
        ("early", "early"),
        ("begin", "beginning"),
        ("start", "beginning"),
        ("late", "late"),
        ("end", "end"),
        ("mid", "mid"),
    ):
        if word in text:
            return part
    return "mid"


def _part_of(period: Interval, unit: str, part: str) -> Interval:
    """A part of a week, month or year.

    Early (or the beginning) and late (or the end) are the halves of a week or a month: the
    first three days of a week and the last four, days 1-15 of a month and the rest. A year's
    early and late parts are its halves, but its beginning, middle and end are its thirds
    (January-April, May-August, September-December), as the suite we measure against reads them.
    """
    if unit == "year":
        first_month, last_month = {
            "early": (1, 6),
            "late": (7, 12),
            "beginning": (1, 4),
            "mid": (5, 8),
            "end": (9, 12),
        }[part]
        year_number = period.first.year
        return Interval(
            calendar.month(year_number, first_month).first,
            calendar.month(year_number, last_month).last,
        )
    part = {"beginning": "early", "end": "late"}.get(part, part)
    first_days, last_days = (3, 4) if unit == "week" else (15, period.days - 15)
    if part == "early":
        return Interval(period.first, period.first + timedelta(days=first_days - 1))
    if part == "late":
        return Interval(period.last - timedelta(days=last_days - 1), period.last)
    if unit == "week":
        return Interval(period.first + timedelta(days=1), period.first + timedelta(days=4))
    return Interval(period.first + timedelta(days=10), period.first + timedelta(days=19))


_PART_OF_WEEK_PHRASE = r"(?P<part>earlier|later) in the (?P<unit>week|month|year)"


@pattern(_PART_OF_WEEK_PHRASE, point=True)
def _part_in_the(match: re.Match[str], context: Context) -> Reading | None:
    """ "earlier in the week", "later in the year"."""
    unit = match.group("unit").casefold()
    earlier = match.group("part").casefold() == "earlier"

    def compute(reference: date) -> Interval:
        period = _period(unit, reference, 0, context.week_start)
        if earlier:
            return Interval(period.first, max(period.first, reference - timedelta(days=1)))
        return Interval(reference, period.last)

    return _relative(context, unit, compute)  # type: ignore[arg-type]


_ORDINAL_WEEK_OF = (
    rf"(?:the )?(?P<ordinal>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) week "
    rf"(?:of |in )?(?:(?P<rel>this|next|last|the) (?P<unit>month|"
    rf"year)|(?P<month>{MONTH})(?: (?P<month_year>{ANY_YEAR}))?|"
    rf"(?P<year>{ANY_YEAR}))"
)


@pattern(_ORDINAL_WEEK_OF, point=True)
def _ordinal_week_of(match: re.Match[str], context: Context) -> Reading | None:
    """ "the third week of this month", "the first week of 2015": weeks whose Thursday is in it."""
    ordinal = number_value(match.group("ordinal"))
    if ordinal is None:
        return None

    def pick(period: Interval) -> Interval | None:
        weeks = []
        week = calendar.week_of(period.first, context.week_start)
        while week.first <= period.last:
            if period.first <= week.first + timedelta(days=3) <= period.last:
                weeks.append(week)
            week = calendar.shift(week, days=7)
        index = int(ordinal) - 1 if ordinal > 0 else -1
        return weeks[index] if -len(weeks) <= index < len(weeks) else None

    if match.group("year"):
        interval = pick(calendar.year(_year(match.group("year"))))
        return Reading("date", "week", interval) if interval else None
    if match.group("month"):
        month_number = month_value(match.group("month"))
        if match.group("month_year"):
            interval = pick(calendar.month(_year(match.group("month_year")), month_number))
            return Reading("date", "week", interval) if interval else None
        return _relative(
            context,
            "week",
            lambda reference: pick(calendar.month_near(month_number, reference, context.tense)),
        )
    unit = match.group("unit").casefold()
    shift = _PERIOD_SHIFT[match.group("rel").casefold()]
    return _relative(
        context, "week", lambda reference: pick(_period(unit, reference, shift, context.week_start))
    )


_RELATIVE_PERIOD = rf"{_REL} (?P<unit>weekend|week|month|year|quarter|decade)(?![a-z])"


@pattern(_RELATIVE_PERIOD, point=True)
def _relative_period(match: re.Match[str], context: Context) -> Reading | None:
    """ "this weekend", "next week", "last month", "this year", "the week"."""
    rel = match.group("rel").casefold()
    unit = match.group("unit").casefold()
    shift = _PERIOD_SHIFT[rel]
    if rel in {"the", "that", "same"} and unit not in {"weekend", "week"}:
        return None
    if rel == "the" and unit == "weekend" and context.tense == "past":
        shift = -1

    def compute(reference: date) -> Interval:
        if unit == "weekend" and shift == -1 and reference.weekday() >= calendar.SATURDAY:
            return calendar.shift(calendar.weekend_of(reference), days=-7)
        return _period(unit, reference, shift, context.week_start)

    granularity: Granularity = unit  # type: ignore[assignment]
    return _relative(context, granularity, compute)


_BARE_WEEKEND = r"(?:(?<=\bon )|(?<=\bat )|(?<=\bover )|(?<=\bduring ))weekends?(?![a-z])"


@pattern(_BARE_WEEKEND)
def _bare_weekend(match: re.Match[str], context: Context) -> Reading | None:
    """ "on weekend": the coming one, or the last one in the past tense."""
    if match.group(0).casefold().endswith("s"):
        return None
    shift = -1 if context.tense == "past" else 0
    return _relative(context, "weekend", lambda reference: _past_or_this_weekend(reference, shift))


def _past_or_this_weekend(reference: date, shift: int) -> Interval:
    if shift == -1 and reference.weekday() < calendar.SATURDAY:
        return calendar.shift(calendar.weekend_of(reference), days=-7)
    return calendar.weekend_of(reference)


_YEAR_TO_DATE = r"(?:the )?year to date|(?:the )?year-to-date"


@pattern(_YEAR_TO_DATE)
def _year_to_date(match: re.Match[str], context: Context) -> Reading | None:
    """ "the year to date": from January 1 to the reference date."""
    return _relative(
        context, "days", lambda reference: Interval(reference.replace(month=1, day=1), reference)
    )


_QUARTER = (
    r"(?:(?P<year_a>" + YEAR + r") ?(?:the )?|(?P<rel_a>this|next|last) year['’]s )?"
    r"(?:(?:the )?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)(?: |-|- )"
    r"(?P<unit_word>quarter|half)|(?P<letter>[QH])(?P<number>[1-4]))"
    r"(?:(?: of|,)? (?P<year_b>"
    + ANY_YEAR
    + r")|(?: of)? (?P<rel>this|next|last) year)?(?![0-9a-z])"
)


@pattern(_QUARTER, point=True)
def _quarter(match: re.Match[str], context: Context) -> Reading | None:
    """ "Q3 2016", "the third quarter of 2016", "H1 2016", "Q3 this year"."""
    if match.group("letter"):
        is_half = match.group("letter").upper() == "H"
        number = int(match.group("number"))
    else:
        is_half = match.group("unit_word").casefold() == "half"
        value = number_value(match.group("ordinal"))
        if value is None:
            return None
        number = int(value)
    if is_half and number > 2:
        return None
    granularity: Granularity = "half" if is_half else "quarter"
    year_text = match.group("year_a") or match.group("year_b")
    make = calendar.half if is_half else calendar.quarter
    if year_text:
        return Reading("date", granularity, make(_year(year_text), number))
    rel = match.group("rel") or match.group("rel_a")
    if rel is None and is_half:
        return None  # "H2" alone is too often something else
    shift = _PERIOD_SHIFT[rel.casefold()] if rel else 0

    def compute(reference: date) -> Interval:
        if rel is None:
            this_year = make(reference.year, number)
            future = context.tense != "past"
            if future and this_year.last < reference:
                return make(reference.year + 1, number)
            return this_year
        return make(reference.year + shift, number)

    return _relative(context, granularity, compute)


_MONTH_RELATIVE_YEAR = rf"(?P<month>{MONTH}),? (?:of )?(?P<rel>this|next|last) year"


@pattern(_MONTH_RELATIVE_YEAR, point=True)
def _month_relative_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "June next year"."""
    month_number = month_value(match.group("month"))
    shift = _PERIOD_SHIFT[match.group("rel").casefold()]
    return _relative(
        context, "month", lambda reference: calendar.month(reference.year + shift, month_number)
    )


_MONTH_YEAR = (
    rf"(?:(?:(?P<part>early|mid|late)[ -])?(?P<month>{MONTH}) ?,? (?:of )?(?P<year>{ANY_YEAR}|"
    rf"'?[0-9]{{2}})"
    rf"|(?P<year_first>{YEAR}) ?,? (?P<month_b>{MONTH}))(?![0-9:])"
)


@pattern(_MONTH_YEAR, point=True)
def _month_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "October 2018", "January 2021", "August 99"."""
    if match.group("year_first"):
        return Reading(
            "date",
            "month",
            calendar.month(int(match.group("year_first")), month_value(match.group("month_b"))),
        )
    month_number = month_value(match.group("month"))
    interval = calendar.month(_year(match.group("year").lstrip("'")), month_number)
    if match.group("part"):
        interval = _part_of(interval, "month", _part_name(match.group("part")))
    return Reading("date", "month", interval)


_NUMERIC_MONTH = (
    r"(?:(?P<year>"
    + YEAR
    + r") ?[-/.] ?(?P<month>1[0-2]|0?[1-9])|(?P<month_b>1[0-2]|0?[1-9]) ?[-/] ?(?P<year_b>"
    + YEAR
    + r"))(?![0-9]|[-/.][0-9])"
)


@pattern(_NUMERIC_MONTH, point=True)
def _numeric_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "2015-3", "2015/3", "3/2015"."""
    year_text = match.group("year") or match.group("year_b")
    month_text = match.group("month") or match.group("month_b")
    return Reading("date", "month", calendar.month(int(year_text), int(month_text)))


_RELATIVE_MONTH = rf"(?P<rel>this|next|last|this past|this coming|past|coming) (?P<month>{MONTH})"


@pattern(_RELATIVE_MONTH, point=True)
def _relative_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "last November" (the latest one before this month), "next June", "this September"."""
    month_number = month_value(match.group("month"))
    rel = match.group("rel").casefold()

    def compute(reference: date) -> Interval:
        if rel == "this":
            return calendar.month(reference.year, month_number)
        if rel in {"last", "past", "this past"}:
            year = reference.year if month_number < reference.month else reference.year - 1
        else:
            year = reference.year if month_number > reference.month else reference.year + 1
        return calendar.month(year, month_number)

    return _relative(context, "month", compute)


_DECADE = (
    r"(?:the )?(?:(?P<part>early|mid|late)[ -])?(?:(?P<decade>1[0-9]{2}0|"
    r"20[0-9]0|['’]?[0-9]0)['’]?s"
    r"|(?:(?P<century>nineteen|eighteen) )?(?P<word>twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties)|(?P<noughties>two thousands|noughties|aughts)"
    r"|(?P<tens>twenty[ -]tens|two thousand and tens))(?![a-z0-9])"
)
_DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}


@pattern(_DECADE, point=True)
def _decade(match: re.Match[str], context: Context) -> Reading | None:
    """ "the 1970s", "the 2000s"."""
    if match.group("noughties") or match.group("tens"):
        if not match.group(0).casefold().startswith("the "):
            return None
        first = 2000 if match.group("noughties") else 2010
    elif match.group("word"):
        if not match.group(0).casefold().startswith("the "):
            return None
        century = 1800 if (match.group("century") or "").casefold() == "eighteen" else 1900
        first = century + _DECADE_WORDS[match.group("word").casefold()]
    else:
        text = match.group("decade").lstrip("'’")
        first = int(text) if len(text) == 4 else 1900 + int(text)
    interval = calendar.years(first, first + 9)
    part = match.group("part")
    if part:
        part_name = _part_name(part)
        span = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[part_name]
        interval = calendar.years(first + span[0], first + span[1])
    return Reading("date", "decade", interval)


_CENTURY = rf"(?:the )?(?P<ordinal>[0-9]{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})\s+century"


@pattern(_CENTURY, point=True)
def _century(match: re.Match[str], context: Context) -> Reading | None:
    """ "the 21st century" (2000-2099, as the suite we test against counts it)."""
    number = number_value(match.group("ordinal"))
    if number is None or not 1 <= number <= 30:
        return None
    first = (int(number) - 1) * 100
    if first < 1:
        return None
    return Reading("date", "century", calendar.years(first, first + 99))


_PART_OF_YEAR = (
    r"(?:the )?(?P<part>early|mid|late|end of|beginning of|start of|middle of)"
    rf"[ -](?P<year>{ANY_YEAR})"
)


@pattern(_PART_OF_YEAR, point=True)
def _part_of_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "early 2016", "the end of 2000" (September to December), "the beginning of 2000"."""
    year_number = _year(match.group("year"))
    part = match.group("part").casefold()
    return Reading("date", "year", _part_of(calendar.year(year_number), "year", _part_name(part)))


_WEEK_NUMBER = rf"(?:the )?week (?P<number>[1-5]?[0-9])(?:,? (?:of )?(?P<year>{YEAR}))?(?![0-9])"


@pattern(_WEEK_NUMBER, point=True)
def _week_number(match: re.Match[str], context: Context) -> Reading | None:
    """ "week 10", "week 31 of 2018": ISO week numbers."""
    number = int(match.group("number"))
    if not 1 <= number <= 53:
        return None

    def for_year(year_number: int) -> Interval | None:
        try:
            first = date.fromisocalendar(year_number, number, 1)
        except ValueError:
            return None
        return Interval(first, first + timedelta(days=6))

    if match.group("year"):
        interval = for_year(_year(match.group("year")))
        return Reading("date", "week", interval) if interval else None
    return _relative(context, "week", lambda reference: for_year(reference.year))


_YEAR_LEADS = (
    "in since by until till from during before after of year circa around throughout through "
    "and to for between"
).split()
_YEAR_ALONE = (
    "(?:" + "|".join(f"(?<=\\b{lead} )" for lead in _YEAR_LEADS) + ")"
    rf"(?P<year>{YEAR}(?![0-9]|[.,][0-9]|\s?(?:%|percent|per|km|kg|people|troops))|{SPELLED_YEAR})"
)


@pattern(_YEAR_ALONE)
def _year_alone(match: re.Match[str], context: Context) -> Reading | None:
    """ "in 2018", "since 1949", "in nineteen twenty eight": a bare number is a year only after
    such a word, and "two thousand" alone is a count."""
    text = match.group("year")
    if re.fullmatch(r"(?i)(?:one|two) thousand", text):
        return None
    return Reading("date", "year", calendar.year(_year(text)))


_YEAR_START_OF_SENTENCE = rf"(?P<span>(?P<year>{YEAR}))(?= was| is| will| saw| had|,)"


@pattern(_YEAR_START_OF_SENTENCE)
def _year_subject(match: re.Match[str], context: Context) -> Reading | None:
    """ "2016 was a hard year"."""
    return Reading("date", "year", calendar.year(_year(match.group("year"))))


_MONTH_ALONE = (
    rf"(?:(?:the )?(?P<part>early|mid|late|end of|beginning of|"
    rf"start of|middle of)[ -])?(?P<month>{MONTH})"
)


@pattern(_MONTH_ALONE, point=True)
def _month_alone(match: re.Match[str], context: Context) -> Reading | None:
    """ "in May", "a February trip": the May nearest the reference in the tense's direction.

    The word stands alone, so "may", "march" and short forms such as "Jan" only count when
    capitalised and full, and a capitalised word before it makes it part of a name ("Theresa
    May"); `scan` checks that last condition.
    """
    text = match.group("month")
    word = text.casefold().rstrip(".")
    if word in {"may", "march"} and not text[0].isupper():
        return None
    if len(word) < 3:
        return None
    month_number = month_value(text)
    part = match.group("part")

    def compute(reference: date) -> Interval:
        interval = calendar.month_near(month_number, reference, context.tense)
        return _part_of(interval, "month", _part_name(part)) if part else interval

    reading = _relative(context, "month", compute)
    if reading is not None and reading.interval is None:
        return replace(reading, reason=NO_YEAR)
    return reading


_WEEKDAY_ALONE = (
    r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?<=\bon )(?P<short>mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?)(?![a-z])"
)


@pattern(_WEEKDAY_ALONE, point=True)
def _weekday_alone(match: re.Match[str], context: Context) -> Reading | None:
    """ "on Sunday": the nearest Sunday in the direction of the sentence's tense."""
    if match.group("weekday") and match.group(0).casefold().endswith("s"):
        return None
    weekday = weekday_value(match.group("weekday") or match.group("short"))
    note = TENSE_UNKNOWN if context.tense == "unknown" else ""
    return _relative(
        context,
        "day",
        lambda reference: _day(
            calendar.weekday_near(weekday, reference, context.tense, context.week_start)
        ),
        note=note,
    )


_THE_DAY_NUMBER = (
    rf"(?:the (?P<day>{DAY_NUMBER}|{ORDINAL_WORD}|thirty)|(?<=\bon )(?P<day_on>[0-9]{{1,2}}(?:st|"
    rf"nd|rd|th)|{ORDINAL_WORD}))"
    r"(?=\s?[.!?,;)]|\s*$)"
)


@pattern(_THE_DAY_NUMBER)
def _the_day_number(match: re.Match[str], context: Context) -> Reading | None:
    """ "for the 27th.": a day of the reference month, or the next or last one by tense."""
    day_number = day_value(match.group("day") or match.group("day_on"))
    if day_number is None:
        return None

    def compute(reference: date) -> Interval | None:
        candidates = []
        for months in (-1, 0, 1):
            month = calendar.shift(calendar.month(reference.year, reference.month), months=months)
            on = _safe_date(month.first.year, month.first.month, day_number)
            if on is not None:
                candidates.append(on)
        if context.tense == "past":
            chosen = max((on for on in candidates if on <= reference), default=None)
        else:
            chosen = min((on for on in candidates if on >= reference), default=None)
        return _day(chosen) if chosen else None

    return _relative(context, "day", compute)


_THE_DAY_REGEX = re.compile(_THE_DAY_NUMBER, re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Durations: facts of their own ("a two-day tour", "five years", "in five years").

_HEDGE = (
    r"(?P<hedge>nearly|almost|about|around|roughly|some|over|"
    r"under|more than|less than|at least|at most|up to|within)"
)
_DURATION = rf"(?:{_HEDGE} )?(?P<amounts>{AMOUNTS_HYPHEN})"


@pattern(
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
    return Reading("duration", _unit_granularity(unit), duration=_duration("1", unit))


@pattern(_DURATION)
def _duration_amount(match: re.Match[str], context: Context) -> Reading | None:
    """ "two-day", "five years", "1 year 1 month 21 days", "nearly five years"."""
    total = _total_duration(match.group("amounts"))
    if total is None:
        return None
    smallest = _AMOUNT.findall(match.group("amounts"))[-1][1]
    return Reading("duration", _unit_granularity(smallest), duration=total)


_AMOUNT = re.compile(rf"({COUNT})[ -]?({UNIT})", re.IGNORECASE)


def _total_duration(text: str) -> Duration | None:
    total = Duration()
    for count, unit in _AMOUNT.findall(text):
        part = _duration(count, unit)
        if part is None:
            return None
        total = Duration(
            years=total.years + part.years,
            months=total.months + part.months,
            weeks=total.weeks + part.weeks,
            days=total.days + part.days,
        )
    return total


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


def _duration(count_text: str, unit_text: str) -> Duration | None:
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


def _add(on: date, duration: Duration, sign: int = 1) -> date:
    return calendar.add(
        on,
        years=sign * duration.years,
        months=sign * duration.months,
        weeks=sign * duration.weeks,
        days=sign * duration.days,
    )


# ---------------------------------------------------------------------------------------------
# The one-pass scanner.


def _endpoint_source() -> str:
    by_name = {item.name: item for item in PATTERNS}
    return "|".join(f"(?:{unnamed(by_name[name].regex.pattern)})" for name in POINT_NAMES)


def _range_patterns() -> list[Pattern]:
    endpoint = "now|" + _endpoint_source() + f"|{ANY_YEAR}"
    made = [Pattern("r_year_span", re.compile(_YEAR_SPAN), _year_span)]
    for name, source in {"span_from": _SPAN_FROM, "week_of": _WEEK_OF}.items():
        regex = re.compile(source.replace(_ENDPOINT, endpoint), re.IGNORECASE)
        made.append(Pattern(f"r_{name}", regex, _span_from if name == "span_from" else _week_of))
    return made


def _span_from(match: re.Match[str], context: Context) -> Reading | None:
    """ "for 3 days from today", "2 weeks starting May 20th": the duration laid from that day."""
    duration = _total_duration(match.group("amounts") or match.group("amounts_b"))
    start = parse_point(match.group("point"), context)
    if duration is None or start is None:
        return None
    if start.interval is None:
        return replace(start, kind="range", granularity="days")
    first = start.interval.first
    return replace(
        start,
        kind="range",
        granularity="days",
        interval=Interval(first, _add(first, duration) - timedelta(days=1)),
    )


def _week_of(match: re.Match[str], context: Context) -> Reading | None:
    """ "the week of June 18", "w/c Feb 4", "the week of the 18th", "month of September 16th"."""
    point_text = match.group("point")
    if point_text.casefold().startswith("the "):
        the_day = _THE_DAY_REGEX.fullmatch(point_text)
        point = _the_day_number(the_day, context) if the_day else None
    else:
        point = parse_point(point_text, context)
    if point is None:
        return None
    unit = (match.group("unit") or "week").casefold()
    if point.interval is None:
        return replace(point, granularity="week")
    on = point.interval.first
    if unit == "month":
        return replace(point, granularity="month", interval=calendar.month(on.year, on.month))
    return replace(point, granularity="week", interval=calendar.week_of(on, context.week_start))


def _year_span(match: re.Match[str], context: Context) -> Reading | None:
    """ "2014-2018", "2014-18"."""
    first = int(match.group("a"))
    last_text = match.group("b")
    last = int(last_text) if len(last_text) == 4 else first - first % 100 + int(last_text)
    if last <= first:
        return None
    return Reading("range", "year", calendar.years(first, last))


def parse_point(text: str, context: Context) -> Reading | None:
    """Read `text` as exactly one point form (a range endpoint)."""
    if text.casefold() == "now":
        return _relative(context, "day", _day)
    if re.fullmatch(ANY_YEAR, text, re.IGNORECASE):
        return Reading("date", "year", calendar.year(_year(text)))
    for item in POINTS:
        match = item.regex.fullmatch(text)
        if match is not None:
            reading = item.resolve(match, context)
            if reading is not None:
                return reading
    return None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    reading: Reading


def scan(text: str, context_at: Callable[[int, int], Context]) -> list[Hit]:
    """Every non-overlapping temporal expression in `text`, left to right, with its reading.

    The one-pass alternation finds where an expression starts. When the form it chose does
    not resolve (February 30, a year range that runs backwards), the other forms are tried at the
    same place before the scan moves on by one character. Neighbouring points joined by "to",
    "until" or a dash (after "from", "between" or "in", or on their own) become one range.
    """
    hits: list[Hit] = []
    position = 0
    for window_start, window_end in _windows(text):
        position = max(position, window_start)
        while position < window_end:
            hit = _next_hit(text, position, window_end, context_at)
            if hit is None:
                break
            found_start, hit_or_none = hit
            if hit_or_none is None:
                position = found_start + 1
                continue
            hits.append(hit_or_none)
            position = max(hit_or_none.end, found_start + 1)
    return _join_ranges(text, hits, context_at)


_LEAD = re.compile(r"(?i)\b(?P<lead>from|between|in) $")
_SEPARATOR = {
    "between": re.compile(r"(?i)\s?(?:and|through|to|-|–)\s?"),
    "from": re.compile(r"(?i)\s?(?:to|until|till|til|through|thru|-|–)\s?"),
    "in": re.compile(r"(?i) (?:to|until|till|through|thru) |\s?[-–]\s?"),
    "": re.compile(r"(?i) (?:to|until|till|through|thru|-) |\s?–\s?"),
}


def _join_ranges(
    text: str, hits: list[Hit], context_at: Callable[[int, int], Context]
) -> list[Hit]:
    joined: list[Hit] = []
    index = 0
    while index < len(hits):
        first = hits[index]
        if index + 1 < len(hits):
            second = hits[index + 1]
            lead = _LEAD.search(text, max(0, first.start - 8), first.start)
            lead_word = lead.group("lead").casefold() if lead else ""
            if (
                first.reading.kind == "date"
                and second.reading.kind == "date"
                and _SEPARATOR[lead_word].fullmatch(text, first.end, second.start)
                and (lead_word or not _is_year_only(first.reading, second.reading))
            ):
                start = lead.start() if lead else first.start
                reading = resolve_range(
                    first.reading, second.reading, context_at(start, second.end)
                )
                if reading is not None:
                    joined.append(Hit(start, second.end, reading))
                    index += 2
                    continue
        if first.reading.note != NOW_NOTE:
            joined.append(first)
        index += 1
    return joined


def _is_year_only(*readings: Reading) -> bool:
    return any(reading.granularity == "year" for reading in readings)


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text around words a date needs (a month, a digit, "week"...), merged.

    The full grammar is costly to try at every character; these words are rare in prose, and
    every form contains one, so the grammar only runs where it can match.
    """
    window_start = window_end = -1
    for anchor in _WORD_OR_DIGIT.finditer(text):
        word = anchor.group()
        if word[0].isalpha() and word.casefold() not in ANCHOR_WORDS:
            continue
        start = max(0, anchor.start() - _LOOK_BEHIND)
        end = anchor.end() + _LOOK_AHEAD
        if start > window_end:
            if window_end > 0:
                yield window_start, window_end
            window_start = start
        window_end = max(window_end, end)
    if window_end > 0:
        yield window_start, window_end


def _next_hit(
    text: str, position: int, window_end: int, context_at: Callable[[int, int], Context]
) -> tuple[int, Hit | None] | None:
    found = _MASTER.search(text, position, window_end)
    if found is None:
        return None
    hit = _read(text, found.start(), found.end(), _BY_NAME[found.lastgroup or ""], context_at)
    if hit is None:
        hit = _fallback(text, found.start(), _INDEX[found.lastgroup or ""] + 1, context_at)
    return found.start(), hit


def _read(
    text: str, start: int, end: int, item: Pattern, context_at: Callable[[int, int], Context]
) -> Hit | None:
    match = item.regex.fullmatch(text, start, end)
    if match is None:
        return None
    try:
        reading = item.resolve(match, context_at(start, end))
    except (ValueError, OverflowError):
        # Arithmetic beyond the calendar ("last 2023 years" from 2000, year 10000): no date.
        return None
    if reading is None:
        return None
    return Hit(start, end, reading)


def _fallback(
    text: str, start: int, first_index: int, context_at: Callable[[int, int], Context]
) -> Hit | None:
    for item in _ALL[first_index:]:
        match = _BOUNDED[item.name].match(text, start)
        if match is None:
            continue
        hit = _read(text, start, match.end(), item, context_at)
        if hit is not None:
            return hit
    return None


POINTS: list[Pattern] = [item for item in PATTERNS if item.name in POINT_NAMES]
_ALL: list[Pattern] = [*_range_patterns(), *PATTERNS]
_BY_NAME = {item.name: item for item in _ALL}
# Words that every date form contains at least one of (besides digits). Finding them is a cheap
# word scan; the grammar then runs only near them.
ANCHOR_WORDS = frozenset(
    [
        *MONTHS,
        *WEEKDAYS,
        *ORDINALS,
        *"""
        thirty today tonight tomorrow tmrw yesterday now week weeks weekend weekends month
        months year years quarter quarters decade decades century centuries day days fortnight
        fortnights twenties thirties forties fifties sixties seventies eighties nineties
        noughties aughts thousand thousands hundred nineteen eighteen seventeen sixteen fifteen
        tens
        """.split(),
    ]
)
_WORD_OR_DIGIT = re.compile(r"[0-9]+|[^\W\d_]+")
_LOOK_BEHIND = 40
_LOOK_AHEAD = 40
_INDEX = {item.name: index for index, item in enumerate(_ALL)}
_BOUNDED = {
    item.name: re.compile(rf"(?:{item.regex.pattern})(?![\w]|[/-][0-9])", re.IGNORECASE)
    for item in _ALL
}
_MASTER = re.compile(
    r"(?<![\w/.-])(?:"
    + "|".join(f"(?P<{item.name}>{unnamed(item.regex.pattern)})" for item in _ALL)
    + r")(?![\w]|[/-][0-9])",
    re.IGNORECASE,
)
