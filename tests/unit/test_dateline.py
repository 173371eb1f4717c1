from __future__ import annotations

import datetime as dt

import pytest

from concord.extract.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ("Title\n\nWed Jun 14 2023\nicon", dt.date(2023, 6, 14), 3),
        ("Body.\n14/06/2023 18:16:43 –  Washington (AFP)", dt.date(2023, 6, 14), 2),
        ("Published: June 14, 2023\n", dt.date(2023, 6, 14), 1),
        ("Updated on 2023-06-18\n", dt.date(2023, 6, 18), 1),
        ("14 June 2023\n", dt.date(2023, 6, 14), 1),
        ("06/14/2023\n", dt.date(2023, 6, 14), 1),
    ],
)
def test_a_dateline_is_read(text: str, expected: dt.date, line: int) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.date, found.line) == (expected, line)


def test_dates_in_running_prose_are_not_datelines() -> None:
    assert find_dateline("On June 11, 2023, the US accused China.") is None


def test_an_ambiguous_numeric_date_is_never_guessed() -> None:
    assert find_dateline("05/06/2023\n") is None
    dmy = find_dateline("05/06/2023\n", "DMY")
    mdy = find_dateline("05/06/2023\n", "MDY")
    assert dmy is not None
    assert mdy is not None
    assert dmy.date == dt.date(2023, 6, 5)
    assert mdy.date == dt.date(2023, 5, 6)


def test_an_impossible_date_is_ignored() -> None:
    assert find_dateline("31/02/2023\n", "DMY") is None


def test_a_year_first_order_still_reads_unambiguous_day_month_year_dates() -> None:
    found = find_dateline("14/06/2023\n", "YMD")
    assert found is not None
    assert found.date == dt.date(2023, 6, 14)
    assert find_dateline("05/06/2023\n", "YMD") is None
