"""Publication dates read from a source's dateline ("Wed Jun 14 2023", "14/06/2023 18:16:43").

Only a date that opens a line counts (optionally after a label such as "Published:"), so dates
in running prose ("On June 11, the US accused ...") are never taken for the publication date.
A numeric date whose day and month could be swapped is read only when a date order is set.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from concord.rules.corpus import DateOrder

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LABEL = r"^[ \t]*(?:(?:published|updated|posted|date|dated)(?:\s+on)?\s*:?\s*)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_NAMED_PATTERNS = (
    # Wed Jun 14 2023 / June 14, 2023 / Wednesday, June 14, 2023
    re.compile(_LABEL + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I | re.M),
    # 14 June 2023 / Wed 14 Jun 2023
    re.compile(_LABEL + _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I | re.M),
)
_ISO = re.compile(_LABEL + r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b", re.I | re.M)
_NUMERIC = re.compile(
    _LABEL + r"(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.](?P<year>\d{4})\b", re.I | re.M
)

# What a line that holds a dateline opens with: a label, a weekday, a month or a digit. Found
# after a line break (a literal the regex engine skips to), and at the start of the text.
_OPENS_DATELINE = (
    r"[ \t]*(?:[0-9]|published|updated|posted|date|mon|tue|wed|thu|fri|sat|sun|"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + ")"
)
_FIRST_LINE = re.compile(_OPENS_DATELINE, re.IGNORECASE)
_LATER_LINE = re.compile(r"\n(?=" + _OPENS_DATELINE + ")", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    """A publication date found in the text, with the 1-based line it stands on."""

    date: dt.date
    line: int
    text: str


def find_dateline(text: str, date_order: DateOrder | None = None) -> Dateline | None:
    """The first dateline in `text`, or None when there is none that can be read safely."""
    # Every form opens a line, so the forms are tried only where a line opens with a letter or
    # digit a form can start with: trying them at every character was most of loading a corpus.
    first_line = [0] if _FIRST_LINE.match(text) else []
    later_lines = (opening.end() for opening in _LATER_LINE.finditer(text))
    line_starts: Iterator[int] = itertools.chain(first_line, later_lines)
    for line_start in line_starts:
        found = _read_at(text, line_start, date_order)
        if found is not None:
            day, snippet = found
            return Dateline(date=day, line=text.count("\n", 0, line_start) + 1, text=snippet)
    return None


def _read_at(
    text: str, line_start: int, date_order: DateOrder | None
) -> tuple[dt.date, str] | None:
    """The date of the dateline opening the line at `line_start`, tried form by form."""
    for pattern in _NAMED_PATTERNS:
        match = pattern.match(text, line_start)
        if match:
            day = _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
            if day:
                return day, match.group(0).strip()
    match = _ISO.match(text, line_start)
    if match:
        day = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
        if day:
            return day, match.group(0).strip()
    match = _NUMERIC.match(text, line_start)
    if match:
        day = _numeric_date(
            int(match["first"]), int(match["second"]), int(match["year"]), date_order
        )
        if day:
            return day, match.group(0).strip()
    return None


def _numeric_date(first: int, second: int, year: int, order: DateOrder | None) -> dt.date | None:
    # In "xx/xx/yyyy" only DMY and MDY apply; any other order reads just the unambiguous dates.
    if order == "DMY" or (order not in ("DMY", "MDY") and first > 12 >= second):
        return _safe_date(year, second, first)
    if order == "MDY" or (order not in ("DMY", "MDY") and second > 12 >= first):
        return _safe_date(year, first, second)
    return None  # ambiguous (e.g. 05/06/2023) and no date order declared: never guess


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
