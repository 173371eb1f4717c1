"""Date forms that name one day: "June 18", "Sunday (June 18)", "14/06/2023", "tomorrow",
"next Sunday", "two days ago", "on Friday".
"""

from __future__ import annotations

import re
from datetime import date
from datetime import timedelta

from concord.extract.temporal import calendar
from concord.extract.temporal.facts import Interval
from concord.extract.temporal.reading import AMOUNTS
from concord.extract.temporal.reading import ANY_YEAR
from concord.extract.temporal.reading import PERIOD_SHIFT
from concord.extract.temporal.reading import Context
from concord.extract.temporal.reading import Forms
from concord.extract.temporal.reading import Reading
from concord.extract.temporal.reading import add_duration
from concord.extract.temporal.reading import month_day_reading
from concord.extract.temporal.reading import optional_year
from concord.extract.temporal.reading import parse_point
from concord.extract.temporal.reading import parse_year
from concord.extract.temporal.reading import relative
from concord.extract.temporal.reading import resolve_range
from concord.extract.temporal.reading import safe_date
from concord.extract.temporal.reading import total_duration
from concord.extract.temporal.reading import weekday_in_week
from concord.extract.temporal.vocabulary import COUNT
from concord.extract.temporal.vocabulary import DAY
from concord.extract.temporal.vocabulary import DAY_NUMBER
from concord.extract.temporal.vocabulary import MONTH
from concord.extract.temporal.vocabulary import NUMBER_WORD
from concord.extract.temporal.vocabulary import ORDINAL_WORD
from concord.extract.temporal.vocabulary import WEEKDAY
from concord.extract.temporal.vocabulary import YEAR
from concord.extract.temporal.vocabulary import day_value
from concord.extract.temporal.vocabulary import month_value
from concord.extract.temporal.vocabulary import number_value
from concord.extract.temporal.vocabulary import weekday_value

FORMS = Forms("d")


# ---------------------------------------------------------------------------------------------
# Days.

_WEEKDAY_DATE = (
    rf"(?:(?:this|next|last) )?(?P<weekday>{WEEKDAY})(?:,? ?\(|,? |-)"
    rf"(?P<date>(?:{MONTH})[ -](?:{DAY_NUMBER}|{ORDINAL_WORD}|{NUMBER_WORD})(?:,? {ANY_YEAR})?|"
    rf"(?:{DAY_NUMBER})[ -](?:{MONTH})(?:,? {ANY_YEAR})?|"
    rf"{YEAR}-[01]?[0-9]-[0-3]?[0-9]|[01]?[0-9][/.-][0-3]?[0-9](?:[/.-](?:{YEAR}|"
    rf"[0-9]{{2}}))?)(?![0-9])\)?"
)


@FORMS.pattern(_WEEKDAY_DATE, point=True)
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


@FORMS.pattern(_MONTH_DAY_YEAR, point=True)
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
    return month_day_reading(
        month_value(month_text), day_value(day_text), optional_year(match), context
    )


_DAY_MONTH_YEAR = (
    rf"(?:(?P<weekday>{WEEKDAY}),? )?(?:the )?(?P<day>{DAY_NUMBER}|"
    rf"{ORDINAL_WORD})\.?(?: of | day of |[ -]?)"
    rf"(?P<month>{MONTH})(?:,? (?:of )?(?P<year>{ANY_YEAR}))?"
)


@FORMS.pattern(_DAY_MONTH_YEAR, point=True)
def _day_month_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "18 June 2023", "the 18th of June", "Wed, 22 of Jan", "second of Aug"."""
    return month_day_reading(
        month_value(match.group("month")),
        day_value(match.group("day")),
        optional_year(match),
        context,
    )


_YEAR_MONTH_DAY = (
    rf"(?P<year>{YEAR})[-/.](?:(?P<month>[01]?[0-9])|(?P<month_name>{MONTH}))"
    r"[-/.](?P<day>[0-3]?[0-9])(?![0-9])"
)


@FORMS.pattern(_YEAR_MONTH_DAY, point=True)
def _year_month_day(match: re.Match[str], context: Context) -> Reading | None:
    """ "2023-06-14", "2015/08/12", "2019-sep-1"."""
    month_text = match.group("month")
    month = int(month_text) if month_text else month_value(match.group("month_name"))
    on = safe_date(parse_year(match.group("year")), month, int(match.group("day")))
    return Reading("date", "day", calendar.day(on)) if on else None


_NUMERIC = (
    r"(?P<first>[0-3]?[0-9])(?P<separator>[-/.])(?P<second>[0-3]?[0-9])(?P<separator_b>[-/.,])"
    r"(?P<year>[0-9]{4}|[0-9]{2})(?![0-9]|[-/.][0-9])"
)


@FORMS.pattern(_NUMERIC, point=True)
def _numeric(match: re.Match[str], context: Context) -> Reading | None:
    """ "14/06/2023", "06-14-23": day and month order from the data, or declared, never guessed."""
    if match.group("separator_b") not in {match.group("separator"), ","}:
        return None
    first, second = int(match.group("first")), int(match.group("second"))
    year = parse_year(match.group("year"))
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
    return month_day_reading(month, day, year, context)


@FORMS.pattern(
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


@FORMS.pattern(_NUMERIC_NO_YEAR)
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


_DAY_AFTER = r"(?:the )?day (?P<which>after tomorrow|after tmrw|before yesterday)"


@FORMS.pattern(_DAY_AFTER, point=True)
def _day_after(match: re.Match[str], context: Context) -> Reading | None:
    offset = -2 if "before" in match.group("which").casefold() else 2
    return relative(
        context, "day", lambda reference: calendar.day(reference + timedelta(days=offset))
    )


_COUNT_OFFSET = (
    rf"(?P<amounts>{AMOUNTS}|(?P<count>{COUNT}) (?P<unit>(?:monday|"
    rf"tuesday|wednesday|thursday|friday|saturday|sunday)s?)) (?P<direction>ago|"
    rf"from now|later|hence|"
    r"from today|after today|before today|from tomorrow|after tomorrow|from yesterday|"
    r"before yesterday|after yesterday|earlier|before|after)(?![a-z])"
)


@FORMS.pattern(_COUNT_OFFSET, point=True)
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
            return calendar.day(on + timedelta(days=7 * (int(count) - 1)))

        return relative(context, "day", nth_weekday)
    duration = total_duration(match.group("amounts"))
    if duration is None:
        return None

    def compute(reference: date) -> Interval:
        return calendar.day(add_duration(reference + timedelta(days=anchor), duration, sign=sign))

    return relative(context, "day", compute)


_WEEKDAY_OF_WEEK = (
    rf"(?:on )?(?:(?P<weekday_a>{WEEKDAY}),? (?:of )?(?P<rel_a>this|next|last|the coming) week"
    rf"|(?P<rel_b>this|next|last) week(?:'s)?,? (?:on )?(?P<weekday_b>{WEEKDAY}))"
)


@FORMS.pattern(_WEEKDAY_OF_WEEK, point=True)
def _weekday_of_week(match: re.Match[str], context: Context) -> Reading | None:
    """ "Friday next week", "next week on Friday", "Sunday of next week"."""
    weekday = weekday_value(match.group("weekday_a") or match.group("weekday_b"))
    rel = (match.group("rel_a") or match.group("rel_b")).casefold().replace("the coming", "next")
    return weekday_in_week(weekday, PERIOD_SHIFT[rel], context)


_ORDINAL_WEEKDAY_OF = (
    rf"(?:the )?(?:(?P<ordinal>first|second|third|fourth|fifth|"
    rf"1st|2nd|3rd|4th|5th)|(?P<last>last)(?= {WEEKDAY} (?:of|"
    rf"in) )) "
    rf"(?P<weekday>{WEEKDAY})(?: (?:of|in) (?:(?P<rel>this|"
    rf"next|last|previous|the) month|(?P<month>{MONTH})(?: (?P<year>{ANY_YEAR}))?))?"
)


@FORMS.pattern(_ORDINAL_WEEKDAY_OF, point=True)
def _ordinal_weekday_of(match: re.Match[str], context: Context) -> Reading | None:
    """ "the first Friday of July", "the second Monday of next month"."""
    ordinal = -1 if match.group("last") else number_value(match.group("ordinal"))
    if ordinal is None:
        return None
    weekday = weekday_value(match.group("weekday"))
    rel = match.group("rel")
    year = optional_year(match)

    def pick(month: Interval) -> Interval | None:
        days = [
            month.first + timedelta(days=offset)
            for offset in range(month.days)
            if (month.first + timedelta(days=offset)).weekday() == weekday
        ]
        index = int(ordinal) - 1 if ordinal > 0 else -1
        return calendar.day(days[index]) if -len(days) <= index < len(days) else None

    if rel is None and match.group("month") is None:
        rel = "this"
    if rel is not None:
        shift = PERIOD_SHIFT[rel.casefold()]
        return relative(
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
    return relative(
        context,
        "day",
        lambda reference: pick(calendar.month_near(month_number, reference, context.tense)),
    )


_DAY_OF_RELATIVE_MONTH = (
    rf"(?:the )?(?P<day>{DAY_NUMBER}|{ORDINAL_WORD}) (?:of )?(?P<rel>this|next|last|previous) month"
)


@FORMS.pattern(_DAY_OF_RELATIVE_MONTH, point=True)
def _day_of_relative_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "the 20th of next month"."""
    day_number = day_value(match.group("day"))
    shift = PERIOD_SHIFT[match.group("rel").casefold()]
    if day_number is None:
        return None

    def compute(reference: date) -> Interval | None:
        month = calendar.shift(calendar.month(reference.year, reference.month), months=shift)
        on = safe_date(month.first.year, month.first.month, day_number)
        return calendar.day(on) if on else None

    return relative(context, "day", compute)


_WEEKDAY_THE_DAY = rf"(?P<weekday>{WEEKDAY}),? the (?P<day>{DAY_NUMBER}|{ORDINAL_WORD}|{DAY})"


@FORMS.pattern(_WEEKDAY_THE_DAY, point=True)
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
            on = safe_date(month.first.year, month.first.month, day_number)
            if on is not None and on.weekday() == weekday:
                candidates.append(on)
        if not candidates:
            return None
        return calendar.day(min(candidates, key=lambda on: (abs((on - reference).days), on)))

    return relative(context, "day", compute)


_RELATIVE_WEEKDAY = rf"(?P<rel>this|next|last|coming|this coming|past) (?P<weekday>{WEEKDAY})"


@FORMS.pattern(_RELATIVE_WEEKDAY, point=True)
def _relative_weekday(match: re.Match[str], context: Context) -> Reading | None:
    """ "next Sunday" (in next week), "last Sunday" (in last week), "this Friday"."""
    weekday = weekday_value(match.group("weekday"))
    rel = match.group("rel").casefold()
    if rel in {"coming", "this coming"}:
        return relative(
            context,
            "day",
            lambda reference: calendar.day(
                reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
            ),
        )
    return weekday_in_week(weekday, PERIOD_SHIFT[rel], context)


_NOW = (
    "(?:"
    + "|".join(f"(?<=\\b{lead} )" for lead in "between and to until till from through".split())
    + r")now(?![a-z])"
)
NOW_NOTE = "now"


@FORMS.pattern(_NOW)
def _now(match: re.Match[str], context: Context) -> Reading | None:
    """ "now" as the end of a range ("between Jan 22 and now"); alone it is dropped by `scan`."""
    return relative(context, "day", calendar.day, note=NOW_NOTE)


_DAY_WORD = r"(?P<word>today|tonight|tomorrow|tmrw|yesterday)(?![a-z])"


@FORMS.pattern(_DAY_WORD, point=True)
def _day_word(match: re.Match[str], context: Context) -> Reading | None:
    word = match.group("word").casefold()
    offset = {"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}[word]
    return relative(
        context, "day", lambda reference: calendar.day(reference + timedelta(days=offset))
    )
