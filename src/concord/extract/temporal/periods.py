"""Date forms that name a week, weekend, month, quarter, year, decade or century: "this weekend",
"last November", "Q3 2016", "in 2018", "the 1970s", "earlier this month".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from datetime import timedelta

from concord.extract.temporal import calendar
from concord.extract.temporal.facts import Granularity
from concord.extract.temporal.facts import Interval
from concord.extract.temporal.reading import ANY_YEAR
from concord.extract.temporal.reading import NO_YEAR
from concord.extract.temporal.reading import PERIOD_SHIFT
from concord.extract.temporal.reading import REL
from concord.extract.temporal.reading import TENSE_UNKNOWN
from concord.extract.temporal.reading import Context
from concord.extract.temporal.reading import Forms
from concord.extract.temporal.reading import Reading
from concord.extract.temporal.reading import parse_year
from concord.extract.temporal.reading import period_of
from concord.extract.temporal.reading import relative
from concord.extract.temporal.reading import safe_date
from concord.extract.temporal.vocabulary import DAY_NUMBER
from concord.extract.temporal.vocabulary import MONTH
from concord.extract.temporal.vocabulary import ORDINAL_WORD
from concord.extract.temporal.vocabulary import SPELLED_YEAR
from concord.extract.temporal.vocabulary import YEAR
from concord.extract.temporal.vocabulary import day_value
from concord.extract.temporal.vocabulary import month_value
from concord.extract.temporal.vocabulary import number_value
from concord.extract.temporal.vocabulary import weekday_value

FORMS = Forms("p")


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


@FORMS.pattern(_PART_OF_PERIOD, point=True)
def _part_of_period(match: re.Match[str], context: Context) -> Reading | None:
    """ "earlier this month", "later this year", "early next week", "the end of last year"."""
    part = _part_name(match.group("part"))
    unit = match.group("unit").casefold()
    shift = PERIOD_SHIFT[match.group("rel").casefold()]

    def compute(reference: date) -> Interval:
        period = period_of(unit, reference, shift, context.week_start)
        if part == "earlier":
            return Interval(
                period.first, max(period.first, min(period.last, reference - timedelta(days=1)))
            )
        if part == "later":
            return Interval(max(period.first, min(period.last, reference)), period.last)
        return _part_of(period, unit, part)

    return relative(context, unit, compute)  # type: ignore[arg-type]


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


@FORMS.pattern(_PART_OF_WEEK_PHRASE, point=True)
def _part_in_the(match: re.Match[str], context: Context) -> Reading | None:
    """ "earlier in the week", "later in the year"."""
    unit = match.group("unit").casefold()
    earlier = match.group("part").casefold() == "earlier"

    def compute(reference: date) -> Interval:
        period = period_of(unit, reference, 0, context.week_start)
        if earlier:
            return Interval(period.first, max(period.first, reference - timedelta(days=1)))
        return Interval(reference, period.last)

    return relative(context, unit, compute)  # type: ignore[arg-type]


_ORDINAL_WEEK_OF = (
    rf"(?:the )?(?P<ordinal>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) week "
    rf"(?:of |in )?(?:(?P<rel>this|next|last|the) (?P<unit>month|"
    rf"year)|(?P<month>{MONTH})(?: (?P<month_year>{ANY_YEAR}))?|"
    rf"(?P<year>{ANY_YEAR}))"
)


@FORMS.pattern(_ORDINAL_WEEK_OF, point=True)
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
        interval = pick(calendar.year(parse_year(match.group("year"))))
        return Reading("date", "week", interval) if interval else None
    if match.group("month"):
        month_number = month_value(match.group("month"))
        if match.group("month_year"):
            interval = pick(calendar.month(parse_year(match.group("month_year")), month_number))
            return Reading("date", "week", interval) if interval else None
        return relative(
            context,
            "week",
            lambda reference: pick(calendar.month_near(month_number, reference, context.tense)),
        )
    unit = match.group("unit").casefold()
    shift = PERIOD_SHIFT[match.group("rel").casefold()]
    return relative(
        context,
        "week",
        lambda reference: pick(period_of(unit, reference, shift, context.week_start)),
    )


_RELATIVE_PERIOD = rf"{REL} (?P<unit>weekend|week|month|year|quarter|decade)(?![a-z])"


@FORMS.pattern(_RELATIVE_PERIOD, point=True)
def _relative_period(match: re.Match[str], context: Context) -> Reading | None:
    """ "this weekend", "next week", "last month", "this year", "the week"."""
    rel = match.group("rel").casefold()
    unit = match.group("unit").casefold()
    shift = PERIOD_SHIFT[rel]
    if rel in {"the", "that", "same"} and unit not in {"weekend", "week"}:
        return None
    if rel == "the" and unit == "weekend" and context.tense == "past":
        shift = -1

    def compute(reference: date) -> Interval:
        if unit == "weekend" and shift == -1 and reference.weekday() >= calendar.SATURDAY:
            return calendar.shift(calendar.weekend_of(reference), days=-7)
        return period_of(unit, reference, shift, context.week_start)

    granularity: Granularity = unit  # type: ignore[assignment]
    return relative(context, granularity, compute)


_BARE_WEEKEND = r"(?:(?<=\bon )|(?<=\bat )|(?<=\bover )|(?<=\bduring ))weekends?(?![a-z])"


@FORMS.pattern(_BARE_WEEKEND)
def _bare_weekend(match: re.Match[str], context: Context) -> Reading | None:
    """ "on weekend": the coming one, or the last one in the past tense."""
    if match.group(0).casefold().endswith("s"):
        return None
    shift = -1 if context.tense == "past" else 0
    return relative(context, "weekend", lambda reference: _past_or_this_weekend(reference, shift))


def _past_or_this_weekend(reference: date, shift: int) -> Interval:
    if shift == -1 and reference.weekday() < calendar.SATURDAY:
        return calendar.shift(calendar.weekend_of(reference), days=-7)
    return calendar.weekend_of(reference)


_YEAR_TO_DATE = r"(?:the )?year to date|(?:the )?year-to-date"


@FORMS.pattern(_YEAR_TO_DATE)
def _year_to_date(match: re.Match[str], context: Context) -> Reading | None:
    """ "the year to date": from January 1 to the reference date."""
    return relative(
        context, "days", lambda reference: Interval(reference.replace(month=1, day=1), reference)
    )


_QUARTER = (
    r"(?:(?P<year_a>" + YEAR + r") ?(?:the )?|(?P<rel_a>this|next|last) year['’]s )?"
    r"(?:(?:the )?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)(?: |-|- )"
    r"(?P<unit_word>quarter|half)|(?P<letter>[qh])(?P<number>[1-4]))"
    r"(?:(?: of|,)? (?P<year_b>"
    + ANY_YEAR
    + r")|(?: of)? (?P<rel>this|next|last) year)?(?![0-9a-z])"
)


@FORMS.pattern(_QUARTER, point=True)
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
        return Reading("date", granularity, make(parse_year(year_text), number))
    rel = match.group("rel") or match.group("rel_a")
    if rel is None and is_half:
        return None  # "H2" alone is too often something else
    shift = PERIOD_SHIFT[rel.casefold()] if rel else 0

    def compute(reference: date) -> Interval:
        if rel is None:
            this_year = make(reference.year, number)
            future = context.tense != "past"
            if future and this_year.last < reference:
                return make(reference.year + 1, number)
            return this_year
        return make(reference.year + shift, number)

    return relative(context, granularity, compute)


_MONTH_RELATIVE_YEAR = rf"(?P<month>{MONTH}),? (?:of )?(?P<rel>this|next|last) year"


@FORMS.pattern(_MONTH_RELATIVE_YEAR, point=True)
def _month_relative_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "June next year"."""
    month_number = month_value(match.group("month"))
    shift = PERIOD_SHIFT[match.group("rel").casefold()]
    return relative(
        context, "month", lambda reference: calendar.month(reference.year + shift, month_number)
    )


_MONTH_YEAR = (
    rf"(?:(?:(?P<part>early|mid|late)[ -])?(?P<month>{MONTH}) ?,? (?:of )?(?P<year>{ANY_YEAR}|"
    rf"'?[0-9]{{2}})"
    rf"|(?P<year_first>{YEAR}) ?,? (?P<month_b>{MONTH}))(?![0-9:])"
)


@FORMS.pattern(_MONTH_YEAR, point=True)
def _month_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "October 2018", "January 2021", "August 99"."""
    if match.group("year_first"):
        return Reading(
            "date",
            "month",
            calendar.month(int(match.group("year_first")), month_value(match.group("month_b"))),
        )
    month_number = month_value(match.group("month"))
    interval = calendar.month(parse_year(match.group("year").lstrip("'")), month_number)
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


@FORMS.pattern(_NUMERIC_MONTH, point=True)
def _numeric_month(match: re.Match[str], context: Context) -> Reading | None:
    """ "2015-3", "2015/3", "3/2015"."""
    year_text = match.group("year") or match.group("year_b")
    month_text = match.group("month") or match.group("month_b")
    return Reading("date", "month", calendar.month(int(year_text), int(month_text)))


_RELATIVE_MONTH = rf"(?P<rel>this|next|last|this past|this coming|past|coming) (?P<month>{MONTH})"


@FORMS.pattern(_RELATIVE_MONTH, point=True)
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

    return relative(context, "month", compute)


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


@FORMS.pattern(_DECADE, point=True)
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


@FORMS.pattern(_CENTURY, point=True)
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


@FORMS.pattern(_PART_OF_YEAR, point=True)
def _part_of_year(match: re.Match[str], context: Context) -> Reading | None:
    """ "early 2016", "the end of 2000" (September to December), "the beginning of 2000"."""
    year_number = parse_year(match.group("year"))
    part = match.group("part").casefold()
    return Reading("date", "year", _part_of(calendar.year(year_number), "year", _part_name(part)))


_WEEK_NUMBER = rf"(?:the )?week (?P<number>[1-5]?[0-9])(?:,? (?:of )?(?P<year>{YEAR}))?(?![0-9])"


@FORMS.pattern(_WEEK_NUMBER, point=True)
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
        interval = for_year(parse_year(match.group("year")))
        return Reading("date", "week", interval) if interval else None
    return relative(context, "week", lambda reference: for_year(reference.year))


_YEAR_LEADS = (
    "in since by until till from during before after of year circa around throughout through "
    "and to for between"
).split()
_YEAR_ALONE = (
    "(?:" + "|".join(f"(?<=\\b{lead} )" for lead in _YEAR_LEADS) + ")"
    rf"(?P<year>{YEAR}(?![0-9]|[.,][0-9]|\s?(?:%|percent|per|km|kg|people|troops))|{SPELLED_YEAR})"
)


@FORMS.pattern(_YEAR_ALONE)
def _year_alone(match: re.Match[str], context: Context) -> Reading | None:
    """ "in 2018", "since 1949", "in nineteen twenty eight": a bare number is a year only after
    such a word, and "two thousand" alone is a count."""
    text = match.group("year")
    if re.fullmatch(r"(?i)(?:one|two) thousand", text):
        return None
    return Reading("date", "year", calendar.year(parse_year(text)))


_YEAR_START_OF_SENTENCE = rf"(?P<year>{YEAR})(?= was| is| will| saw| had|,)"


@FORMS.pattern(_YEAR_START_OF_SENTENCE)
def _year_subject(match: re.Match[str], context: Context) -> Reading | None:
    """ "2016 was a hard year"."""
    return Reading("date", "year", calendar.year(parse_year(match.group("year"))))


_MONTH_ALONE = (
    rf"(?:(?:the )?(?P<part>early|mid|late|end of|beginning of|"
    rf"start of|middle of)[ -])?(?P<month>{MONTH})"
)


@FORMS.pattern(_MONTH_ALONE, point=True)
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

    reading = relative(context, "month", compute)
    if reading is not None and reading.interval is None:
        return replace(reading, reason=NO_YEAR)
    return reading


_WEEKDAY_ALONE = (
    r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?<=\bon )(?P<short>mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?)(?![a-z])"
)


@FORMS.pattern(_WEEKDAY_ALONE, point=True)
def _weekday_alone(match: re.Match[str], context: Context) -> Reading | None:
    """ "on Sunday": the nearest Sunday in the direction of the sentence's tense."""
    if match.group("weekday") and match.group(0).casefold().endswith("s"):
        return None
    weekday = weekday_value(match.group("weekday") or match.group("short"))
    note = TENSE_UNKNOWN if context.tense == "unknown" else ""
    return relative(
        context,
        "day",
        lambda reference: calendar.day(
            calendar.weekday_near(weekday, reference, context.tense, context.week_start)
        ),
        note=note,
    )


_THE_DAY_NUMBER = (
    rf"(?:the (?P<day>{DAY_NUMBER}|{ORDINAL_WORD}|thirty)|(?<=\bon )(?P<day_on>[0-9]{{1,2}}(?:st|"
    rf"nd|rd|th)|{ORDINAL_WORD}))"
    r"(?=\s?[.!?,;)]|\s*$)"
)


@FORMS.pattern(_THE_DAY_NUMBER)
def the_day_number(match: re.Match[str], context: Context) -> Reading | None:
    """ "for the 27th.": a day of the reference month, or the next or last one by tense."""
    day_number = day_value(match.group("day") or match.group("day_on"))
    if day_number is None:
        return None

    def compute(reference: date) -> Interval | None:
        candidates = []
        for months in (-1, 0, 1):
            month = calendar.shift(calendar.month(reference.year, reference.month), months=months)
            on = safe_date(month.first.year, month.first.month, day_number)
            if on is not None:
                candidates.append(on)
        if context.tense == "past":
            chosen = max((on for on in candidates if on <= reference), default=None)
        else:
            chosen = min((on for on in candidates if on >= reference), default=None)
        return calendar.day(chosen) if chosen else None

    return relative(context, "day", compute)


THE_DAY_REGEX = re.compile(_THE_DAY_NUMBER, re.IGNORECASE)
