"""The tense read around a date: a window's edge never cuts a word into a marker."""

from __future__ import annotations

from concord.extract.temporal.tense import _WINDOW
from concord.extract.temporal.tense import tense_before


def _filler(length: int) -> str:
    """Words that are no marker, `length` characters of them: they only move the window."""
    return " la" * (length // 3) + "x" * (length % 3)


def _dated(before: str, after: str = "") -> tuple[str, int, int]:
    text = f"{before} Monday{after}"
    start = len(before) + 1
    return text, start, start + len("Monday")


def test_a_marker_before_the_date_gives_the_tense() -> None:
    assert tense_before(*_dated("He reported" + _filler(30))) == "past"
    assert tense_before(*_dated("She will meet him" + _filler(30))) == "future"


def test_a_word_cut_by_the_window_start_is_no_marker() -> None:
    # The window opens inside "reported", at "ported": a word of its own in a slice.
    before = "He reported"
    text, start, end = _dated(before + _filler(_WINDOW + 4 - len(before)))
    assert text[start - _WINDOW : start].startswith("ported ")
    assert tense_before(text, start, end) == "unknown"
    # Two characters less and the whole word is in the window: it counts.
    text, start, end = _dated(before + _filler(_WINDOW + 2 - len(before)))
    assert text[start - _WINDOW : start].startswith("reported ")
    assert tense_before(text, start, end) == "past"


def test_a_word_cut_by_the_window_end_is_read_whole() -> None:
    # "reportedly" is no marker; cut after "reported" it would read as past.
    filler = _filler(_WINDOW - len(" reported"))
    text, start, end = _dated("Talks", filler + " reportedly")
    assert text[end : end + _WINDOW].endswith(" reported")
    assert tense_before(text, start, end) == "unknown"
    assert tense_before(*_dated("Talks", filler + " reported")) == "past"


def test_the_tense_stops_at_the_clause() -> None:
    assert tense_before(*_dated("It was late. Talks on")) == "unknown"
    assert tense_before(*_dated("Talks", " were held. They will")) == "past"
