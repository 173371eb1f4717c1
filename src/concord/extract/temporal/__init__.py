"""Temporal expressions: find them in a text and resolve each to calendar days or a duration.

    >>> from datetime import date
    >>> from concord.extract import dates
    >>> facts = dates("Blinken visits next week.", reference=date(2023, 6, 14))
    >>> [(fact.text, str(fact.interval)) for fact in facts]
    [('next week', '2023-06-19..2023-06-25')]

Relative expressions ("tomorrow", "this weekend", "in May") need a reference date, normally the
source's publication date. Without one they are returned unresolved, with the reason, never
dropped.
"""

from __future__ import annotations

from datetime import date

from concord.ascii_folds import folded
from concord.extract.temporal.calendar import WeekStart
from concord.extract.temporal.facts import Duration
from concord.extract.temporal.facts import Granularity
from concord.extract.temporal.facts import Interval
from concord.extract.temporal.facts import Resolution
from concord.extract.temporal.facts import TemporalFact
from concord.extract.temporal.facts import Tense
from concord.extract.temporal.reading import Context
from concord.extract.temporal.reading import DateOrder
from concord.extract.temporal.tense import tense_in

_NAME_WORD = r"[A-Z][a-z]"


def dates(
    text: str,
    reference: date | None = None,
    *,
    week_start: WeekStart = "monday",
    date_order: DateOrder | None = None,
) -> list[TemporalFact]:
    """Every temporal expression in `text`, in order, each resolved against `reference`.

    `week_start` decides what "this week" and "next week" cover; `date_order` how "03/07/2023"
    is read when both orders are possible (without it, such a date is left unresolved).
    """
    # Imported here, not at the top: the forms compile their patterns on import (a quarter of
    # a second), and a run whose facts all come from the cache never reads a date.
    from concord.extract.temporal.scan import scan

    tenses: dict[tuple[int, int], Tense] = {}
    # Searched by the grammar and by the tense markers alike.
    lowered = folded(text)

    def tense_of(start: int, end: int) -> Tense:
        """Asked once to resolve an expression and once to describe it: worked out once."""
        span = (start, end)
        if span not in tenses:
            tenses[span] = tense_in(lowered, start, end)
        return tenses[span]

    def context_at(start: int, end: int) -> Context:
        return Context(reference, tense_of(start, end), week_start, date_order)

    facts = []
    for hit in scan(text, context_at, lowered=lowered):
        if _is_name_part(text, hit.start, hit.end):
            continue
        reading = hit.reading
        resolution: Resolution
        if reading.interval is None and reading.duration is None:
            resolution = "unresolved"
        elif reading.relative:
            resolution = "relative"
        else:
            resolution = "absolute"
        facts.append(
            TemporalFact(
                start=hit.start,
                end=hit.end,
                text=text[hit.start : hit.end],
                kind=reading.kind,
                granularity=reading.granularity,
                resolution=resolution,
                interval=reading.interval,
                duration=reading.duration,
                reference=reference if reading.relative and reference is not None else None,
                tense=tense_of(hit.start, hit.end),
                note=reading.note,
                reason=reading.reason,
            )
        )
    return facts


def _is_name_part(text: str, start: int, end: int) -> bool:
    """A lone month word right after a capitalised word is a surname: "Theresa May"."""
    word = text[start:end]
    if " " in word or not word[:1].isupper():
        return False
    before = text[max(0, start - 30) : start].rstrip()
    if not before or len(before) == len(text[max(0, start - 30) : start]):
        return False
    previous = before.split()[-1] if before.split() else ""
    return bool(
        previous[:1].isupper()
        and previous.isalpha()
        and previous.casefold() not in _NOT_NAMES
        and not _sentence_start(before)
    )


_NOT_NAMES = frozenset(
    "in on since by until during before after from of the and early late mid last next this".split()
)


def _sentence_start(before: str) -> bool:
    stripped = before[: -len(before.rsplit(maxsplit=1)[-1])].rstrip()
    return not stripped or stripped[-1] in ".!?\n"


__all__ = [
    "DateOrder",
    "Duration",
    "Granularity",
    "Interval",
    "TemporalFact",
    "WeekStart",
    "dates",
]
