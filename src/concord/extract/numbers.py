"""Numbers in prose as ranges: "27", "2,500", "five", "twenty-five", "nearly five" (below 5),
"more than 70" (above 70), "at least 7" (7 or more), "about 30" (within 10%)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from concord.extract.temporal.vocabulary import number_value

_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_BELOW = ("nearly", "almost", "just under", "fewer than", "less than", "under", "below", "up to")
_ABOVE = ("more than", "over", "above", "upwards of")
_AT_LEAST = ("at least",)
_AT_MOST = ("at most", "no more than")
_ABOUT = ("about", "around", "roughly", "approximately", "some", "nearly about")
_HEDGES = sorted((*_BELOW, *_ABOVE, *_AT_LEAST, *_AT_MOST, *_ABOUT), key=len, reverse=True)
_HEDGE = re.compile(
    r"^(?P<hedge>" + "|".join(re.escape(hedge) for hedge in _HEDGES) + r")\s+", re.I
)
_BELOW_SHARE = 0.85  # "nearly five" is taken as 85% to 100% of five
_ABOUT_SHARE = 0.10


@dataclass(frozen=True)
class Amount:
    """A number read from text: the value as written and the range it stands for."""

    value: float
    low: float
    high: float
    hedge: str

    def overlaps(self, other: Amount, tolerance: float) -> bool:
        return self.low - tolerance <= other.high and other.low - tolerance <= self.high

    def __str__(self) -> str:
        number = f"{self.value:g}"
        if self.low == self.high:
            return number
        return f"{self.hedge} {number} ({self.low:g} to {self.high:g})"


def read_amount(text: str) -> Amount | None:
    """The amount a phrase states, or None when it is no number."""
    phrase = " ".join(text.casefold().replace("-", " ").split())
    hedge = ""
    match = _HEDGE.match(phrase)
    if match is not None:
        hedge = match.group("hedge")
        phrase = phrase[match.end() :]
    value = _value(phrase)
    if value is None:
        return None
    low = high = value
    if hedge in _BELOW:
        low = value * _BELOW_SHARE
    elif hedge in _ABOVE:
        high = value * (1 / _BELOW_SHARE)
    elif hedge in _AT_LEAST:
        high = float("inf")
    elif hedge in _AT_MOST:
        low = 0.0
    elif hedge in _ABOUT:
        low, high = value * (1 - _ABOUT_SHARE), value * (1 + _ABOUT_SHARE)
    return Amount(value, low, high, hedge)


def _value(phrase: str) -> float | None:
    digits = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?", phrase)
    if digits:
        return float(digits.group(1).replace(",", "") + (digits.group(2) or ""))
    words = phrase.split()
    total = 0.0
    current = 0.0
    for word in words:
        if word == "and":
            continue
        if word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
            continue
        number = number_value(word)
        if number is None:
            return None
        current += number
    return total + current if words else None
