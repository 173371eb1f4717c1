"""English words for months, weekdays and numbers, and the regex fragments built from them."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    "january february march april may june july august september october november december".split(),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split()):
    WEEKDAYS[_name] = _number
    WEEKDAYS[_name[:3]] = _number
WEEKDAYS.update({"tues": 1, "tue": 1, "weds": 2, "thur": 3, "thurs": 3, "thu": 3})

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}

CARDINALS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
CARDINALS.update(_TENS)
CARDINALS.update({"a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a couple": 2})
CARDINALS.update({"a few": 3, "few": 3, "hundred": 100})

ORDINALS: dict[str, int] = {word: value for value, word in enumerate(_ORDINAL_UNITS)}
ORDINALS.update(_ORDINAL_TENS)
ORDINALS["last"] = -1

# Time units that are days or longer; hours and minutes are out of scope.
UNIT_WORDS: dict[str, str] = {
    "day": "days",
    "days": "days",
    "d": "days",
    "week": "weeks",
    "weeks": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "fortnight": "fortnights",
    "fortnights": "fortnights",
    "month": "months",
    "months": "months",
    "mo": "months",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
    "decade": "decades",
    "decades": "decades",
    "century": "centuries",
    "centuries": "centuries",
}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in {"may", "june", "july"}]
_SHORT_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
_FULL_WEEKDAYS = [name for name in WEEKDAYS if name.endswith("day")]
_SHORT_WEEKDAYS = [name for name in WEEKDAYS if not name.endswith("day")]
# A period may follow an abbreviation ("Oct. 2") but is never part of a full name ("in May.").
MONTH = rf"(?:(?:{_alternation(_FULL_MONTHS)})|(?:{_alternation(_SHORT_MONTHS)})\.?)(?![a-z])"
WEEKDAY = rf"(?:(?:{_alternation(_FULL_WEEKDAYS)})|(?:{_alternation(_SHORT_WEEKDAYS)})\.?)(?![a-z])"
_TEEN_OR_UNIT = _alternation(_UNITS[1:])
_ORDINAL_UNIT = _alternation(_ORDINAL_UNITS[1:])
NUMBER_WORD = (
    rf"(?:(?:{_alternation(list(_TENS))})(?:[ -](?:{_alternation(_UNITS[1:10])}))?|"
    rf"{_TEEN_OR_UNIT})(?![a-z])"
)
ORDINAL_WORD = (
    rf"(?:(?:twenty|thirty)[ -](?:{_alternation(_ORDINAL_UNITS[1:10])})|"
    rf"{_alternation(list(_ORDINAL_TENS))}|{_ORDINAL_UNIT})(?![a-z])"
)
DAY_NUMBER = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9a-z])"
DAY = rf"(?:{DAY_NUMBER}|{ORDINAL_WORD}|{NUMBER_WORD})"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9])"
COUNT = (
    rf"(?:[0-9]+(?:\.[0-9]+)?|{NUMBER_WORD}(?: and a half)?|an?|"
    rf"a couple of|couple of|a few|few|several)"
)
UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))(?![a-z])"


def number_value(text: str) -> float | None:
    """The value of "3", "3.5", "twenty one", "twenty-first", "21st", "a couple of" or "half"."""
    words = " ".join(text.casefold().replace("-", " ").split())
    if not words:
        return None
    half = 0.0
    if words.endswith(" and a half"):
        half, words = 0.5, words[: -len(" and a half")]
    digits = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(?:st|nd|rd|th)?", words)
    if digits:
        return float(digits.group(1)) + half
    if words in CARDINALS:
        return CARDINALS[words] + half
    if words in ORDINALS:
        return ORDINALS[words] + half
    parts = words.split()
    if len(parts) == 2 and parts[0] in _TENS:
        unit = CARDINALS.get(parts[1], ORDINALS.get(parts[1]))
        if unit is not None and 0 < unit < 10:
            return _TENS[parts[0]] + unit + half
    return None


def day_value(text: str) -> int | None:
    value = number_value(text.strip())
    if value is None or not value.is_integer() or not 1 <= value <= 31:
        return None
    return int(value)


def month_value(text: str) -> int:
    return MONTHS[text.casefold().rstrip(".")]


def weekday_value(text: str) -> int:
    word = text.casefold().rstrip(".")
    return WEEKDAYS.get(word, WEEKDAYS.get(word[:3], 0))


_CENTURY_WORDS = (
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_TEN_TO_NINETY_NINE = (
    rf"(?:(?:{_alternation(list(_TENS))})(?:[ -](?:{_alternation(_UNITS[1:10])}))?"
    rf"|{_alternation(_UNITS[10:])})(?![a-z])"
)
_UNIT_WORD = rf"(?:{_alternation(_UNITS[1:10])})(?![a-z])"
# Years said in words: "nineteen seventy-eight", "nineteen oh one", "two thousand and eighteen",
# "one thousand seven hundred and eighty nine". A bare "two thousand" is only a year where a
# date needs one (after a month), never on its own: it is far more often a count.
SPELLED_YEAR = (
    rf"(?:(?:one|two) thousand(?: (?:{_UNIT_WORD}) hundred)?(?:,? (?:and )?(?:{NUMBER_WORD}))?"
    rf"|(?:{_alternation(_CENTURY_WORDS.split())}) (?:hundred(?: and (?:{NUMBER_WORD}))?"
    rf"|(?:oh|zero) {_UNIT_WORD}|{_TEN_TO_NINETY_NINE}))(?![a-z])"
)


def spelled_year_value(text: str) -> int | None:
    """The year a spelled-out year names: "nineteen seventy eight" is 1978."""
    words = [
        word
        for word in text.casefold().replace("-", " ").replace(",", " ").split()
        if word != "and"
    ]
    total = 0
    if "thousand" in words:
        index = words.index("thousand")
        thousands = number_value(" ".join(words[:index]))
        if thousands is None:
            return None
        total, words = int(thousands) * 1000, words[index + 1 :]
        if "hundred" in words:
            index = words.index("hundred")
            hundreds = number_value(" ".join(words[:index]))
            if hundreds is None:
                return None
            total, words = total + int(hundreds) * 100, words[index + 1 :]
        rest = number_value(" ".join(words)) if words else 0
        return None if rest is None else total + int(rest)
    if len(words) < 2:
        return None
    century = number_value(words[0])
    if century is None:
        return None
    rest_words = words[1:]
    if rest_words[0] == "hundred":
        rest = number_value(" ".join(rest_words[1:])) if rest_words[1:] else 0
    elif rest_words[0] in {"oh", "zero"}:
        rest = number_value(" ".join(rest_words[1:]))
    else:
        rest = number_value(" ".join(rest_words))
    return None if rest is None else int(century) * 100 + int(rest)
