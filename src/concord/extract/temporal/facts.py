"""What the date extractor returns: spans of text with a closed calendar interval or a duration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from typing import Literal

Granularity = Literal[
    "day", "days", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"
]
Resolution = Literal["absolute", "relative", "unresolved"]
FactKind = Literal["date", "range", "duration"]
Tense = Literal["past", "future", "unknown"]


@dataclass(frozen=True, order=True)
class Interval:
    """A closed range of calendar days: `first` and `last` both belong to it."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"empty interval {self.first}..{self.last}")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def overlaps(self, other: Interval) -> bool:
        return self.first <= other.last and other.first <= self.last

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


@dataclass(frozen=True)
class Duration:
    """A length of time with no position on the calendar ("a two-day tour", "five years")."""

    years: float = 0
    months: float = 0
    weeks: float = 0
    days: float = 0

    @property
    def iso(self) -> str:
        """ISO 8601, as in `P2D` or `P1Y6M`."""
        parts = [
            f"{_number(value)}{unit}"
            for value, unit in (
                (self.years, "Y"),
                (self.months, "M"),
                (self.weeks, "W"),
                (self.days, "D"),
            )
            if value
        ]
        return "P" + ("".join(parts) or "0D")

    @property
    def approximate_days(self) -> float:
        return self.years * 365 + self.months * 30 + self.weeks * 7 + self.days

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True)
class TemporalFact:
    """One temporal expression in a text, with its exact span and what it resolves to.

    `interval` is set when the expression names days on the calendar; `duration` when it
    measures time. An expression that names days but cannot be placed (no reference date, an
    ambiguous numeric date) has neither interval nor duration, `resolution == "unresolved"` and a
    `reason` that says what is missing.
    """

    start: int
    end: int
    text: str
    kind: FactKind
    granularity: Granularity
    resolution: Resolution
    interval: Interval | None = None
    duration: Duration | None = None
    reference: date | None = None
    tense: Tense = "unknown"
    note: str = ""
    reason: str = ""

    @property
    def resolved(self) -> bool:
        return self.interval is not None or self.duration is not None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def fact_to_json(fact: TemporalFact) -> dict[str, object]:
    """A fact as plain JSON data (for the extraction cache)."""
    return {
        "start": fact.start,
        "end": fact.end,
        "text": fact.text,
        "kind": fact.kind,
        "granularity": fact.granularity,
        "resolution": fact.resolution,
        "interval": [fact.interval.first.isoformat(), fact.interval.last.isoformat()]
        if fact.interval
        else None,
        "duration": [
            fact.duration.years,
            fact.duration.months,
            fact.duration.weeks,
            fact.duration.days,
        ]
        if fact.duration
        else None,
        "reference": fact.reference.isoformat() if fact.reference else None,
        "tense": fact.tense,
        "note": fact.note,
        "reason": fact.reason,
    }


def fact_from_json(data: dict[str, Any]) -> TemporalFact:
    interval = data["interval"]
    duration = data["duration"]
    return TemporalFact(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        kind=data["kind"],
        granularity=data["granularity"],
        resolution=data["resolution"],
        interval=Interval(date.fromisoformat(interval[0]), date.fromisoformat(interval[1]))
        if interval
        else None,
        duration=Duration(*duration) if duration else None,
        reference=date.fromisoformat(data["reference"]) if data["reference"] else None,
        tense=data["tense"],
        note=data["note"],
        reason=data["reason"],
    )
