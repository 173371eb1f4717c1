"""Property: the dateline finder, which tries its forms only where a line opens, finds the same
dateline as trying every form everywhere and taking the earliest (the definition)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract import dateline
from concord.extract.dateline import Dateline
from concord.extract.dateline import find_dateline
from concord.rules.corpus import DateOrder

FRAGMENTS = [
    "Wed Jun 14 2023",
    "June 14, 2023",
    "Wednesday, June 14, 2023",
    "14 June 2023",
    "31 June 2023",
    "2023-06-18",
    "2023-13-40",
    "14/06/2023 18:16:43",
    "05/06/2023",
    "Published: June 18, 2023",
    "Updated on 2023-06-19",
    "  Dated 18.06.2023",
    "On June 11, 2023, the US accused China.",
    "Blinken flies to Beijing this weekend.",
    "12 people",
    "Mon",
    "",
]


def by_definition(text: str, date_order: DateOrder | None) -> Dateline | None:
    found: list[tuple[int, dt.date, str]] = []
    for pattern in dateline._NAMED_PATTERNS:
        for match in pattern.finditer(text):
            month = dateline.MONTHS[match["month"].lower()]
            day = dateline._safe_date(int(match["year"]), month, int(match["day"]))
            if day:
                found.append((match.start(), day, match.group(0).strip()))
    for match in dateline._ISO.finditer(text):
        day = dateline._safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
        if day:
            found.append((match.start(), day, match.group(0).strip()))
    for match in dateline._NUMERIC.finditer(text):
        first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
        day = dateline._numeric_date(first, second, year, date_order)
        if day:
            found.append((match.start(), day, match.group(0).strip()))
    if not found:
        return None
    start, day, snippet = min(found, key=lambda item: item[0])
    return Dateline(date=day, line=text.count("\n", 0, start) + 1, text=snippet)


@given(
    lines=st.lists(st.sampled_from(FRAGMENTS), max_size=8),
    breaks=st.sampled_from(["\n", "\r\n", "\n\n"]),
    date_order=st.sampled_from([None, "DMY", "MDY", "YMD"]),
)
@settings(max_examples=300, deadline=None)
def test_the_first_dateline_is_the_earliest_form_anywhere(
    lines: list[str], breaks: str, date_order: DateOrder | None
) -> None:
    text = breaks.join(lines)
    assert find_dateline(text, date_order) == by_definition(text, date_order)
