"""The one-pass scanner: where the date forms are tried; how neighbouring dates join."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import timedelta
from functools import cache
from typing import Any

import re2

from concord.ascii_folds import folded
from concord.extract.temporal import calendar
from concord.extract.temporal import days
from concord.extract.temporal import durations
from concord.extract.temporal import periods
from concord.extract.temporal import spans
from concord.extract.temporal.days import NOW_NOTE
from concord.extract.temporal.facts import Interval
from concord.extract.temporal.first_words import PREFIX
from concord.extract.temporal.first_words import first_words
from concord.extract.temporal.periods import THE_DAY_REGEX
from concord.extract.temporal.periods import the_day_number
from concord.extract.temporal.reading import ANY_YEAR
from concord.extract.temporal.reading import POINT_FORMS
from concord.extract.temporal.reading import Context
from concord.extract.temporal.reading import Pattern
from concord.extract.temporal.reading import Reading
from concord.extract.temporal.reading import add_duration
from concord.extract.temporal.reading import parse_point
from concord.extract.temporal.reading import resolve_range
from concord.extract.temporal.reading import total_duration
from concord.extract.temporal.reading import unnamed
from concord.extract.temporal.spans import SPAN_FROM
from concord.extract.temporal.spans import WEEK_OF
from concord.extract.temporal.vocabulary import MONTHS
from concord.extract.temporal.vocabulary import ORDINALS
from concord.extract.temporal.vocabulary import WEEKDAYS
from concord.extract.temporal.vocabulary import YEAR

# Ranges between two points ("between June 16 and June 21", "from 2014 to 2018") are not
# patterns: `scan` joins two neighbouring points, which keeps the alternation small.
ENDPOINT = "{endpoint}"
YEAR_SPAN = rf"(?:(?:between|from|in) )?(?P<a>{YEAR})\s?[-–]\s?(?P<b>{YEAR}|[0-9]{{2}})(?![0-9])"


# ---------------------------------------------------------------------------------------------
# The one-pass scanner.


def _endpoint_source() -> str:
    return "|".join(f"(?:{unnamed(item.regex.pattern)})" for item in POINT_FORMS)


def _range_patterns() -> list[Pattern]:
    endpoint = "now|" + _endpoint_source() + f"|{ANY_YEAR}"
    made = [Pattern("r_year_span", re.compile(YEAR_SPAN), _year_span)]
    for name, source in {"span_from": SPAN_FROM, "week_of": WEEK_OF}.items():
        regex = re.compile(source.replace(ENDPOINT, endpoint), re.IGNORECASE)
        made.append(Pattern(f"r_{name}", regex, _span_from if name == "span_from" else _week_of))
    return made


def _span_from(match: re.Match[str], context: Context) -> Reading | None:
    """ "for 3 days from today", "2 weeks starting May 20th": the duration laid from that day."""
    duration = total_duration(match.group("amounts") or match.group("amounts_b"))
    start = parse_point(match.group("point"), context)
    if duration is None or start is None:
        return None
    if start.interval is None:
        return replace(start, kind="range", granularity="days")
    first = start.interval.first
    return replace(
        start,
        kind="range",
        granularity="days",
        interval=Interval(first, add_duration(first, duration) - timedelta(days=1)),
    )


def _week_of(match: re.Match[str], context: Context) -> Reading | None:
    """ "the week of June 18", "w/c Feb 4", "the week of the 18th", "month of September 16th"."""
    point_text = match.group("point")
    if point_text.casefold().startswith("the "):
        the_day = THE_DAY_REGEX.fullmatch(point_text)
        point = the_day_number(the_day, context) if the_day else None
    else:
        point = parse_point(point_text, context)
    if point is None:
        return None
    unit = (match.group("unit") or "week").casefold()
    if point.interval is None:
        return replace(point, granularity="week")
    on = point.interval.first
    if unit == "month":
        return replace(point, granularity="month", interval=calendar.month(on.year, on.month))
    return replace(point, granularity="week", interval=calendar.week_of(on, context.week_start))


def _year_span(match: re.Match[str], context: Context) -> Reading | None:
    """ "2014-2018", "2014-18"."""
    first = int(match.group("a"))
    last_text = match.group("b")
    last = int(last_text) if len(last_text) == 4 else first - first % 100 + int(last_text)
    if last <= first:
        return None
    return Reading("range", "year", calendar.years(first, last))


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    reading: Reading


def scan(
    text: str, context_at: Callable[[int, int], Context], *, lowered: str | None = None
) -> list[Hit]:
    """Every non-overlapping temporal expression in `text`, left to right, with its reading.

    The forms, tried at each place in priority order (those that can start with its word),
    find where an expression starts, as their one alternation would. When the form chosen does
    not resolve (February 30, a year range that runs backwards), the other forms are tried at the
    same place before the scan moves on by one character. Neighbouring points joined by "to",
    "until" or a dash (after "from", "between" or "in", or on their own) become one range.
    """
    hits: list[Hit] = []
    position = 0
    lowered = folded(text) if lowered is None else lowered  # `folded(text)`, if the caller has it
    for window_start, window_end, last_anchor in _windows(lowered):
        position = max(position, window_start)
        while position <= last_anchor:
            hit = _next_hit(
                text,
                lowered,
                position,
                last_start=last_anchor,
                window_end=window_end,
                context_at=context_at,
            )
            if hit is None:
                break
            found_start, hit_or_none = hit
            if hit_or_none is None:
                position = found_start + 1
                continue
            hits.append(hit_or_none)
            position = max(hit_or_none.end, found_start + 1)
    return _join_ranges(text, hits, context_at)


_LEAD = re.compile(r"(?i)\b(?P<lead>from|between|in) $")
_SEPARATOR = {
    "between": re.compile(r"(?i)\s?(?:and|through|to|-|–)\s?"),
    "from": re.compile(r"(?i)\s?(?:to|until|till|til|through|thru|-|–)\s?"),
    "in": re.compile(r"(?i) (?:to|until|till|through|thru) |\s?[-–]\s?"),
    "": re.compile(r"(?i) (?:to|until|till|through|thru|-) |\s?–\s?"),
}


def _join_ranges(
    text: str, hits: list[Hit], context_at: Callable[[int, int], Context]
) -> list[Hit]:
    joined: list[Hit] = []
    index = 0
    while index < len(hits):
        first = hits[index]
        if index + 1 < len(hits):
            second = hits[index + 1]
            lead = _LEAD.search(text, max(0, first.start - 8), first.start)
            lead_word = lead.group("lead").casefold() if lead else ""
            if (
                first.reading.kind == "date"
                and second.reading.kind == "date"
                and _SEPARATOR[lead_word].fullmatch(text, first.end, second.start)
                and (lead_word or not _is_year_only(first.reading, second.reading))
            ):
                start = lead.start() if lead else first.start
                reading = resolve_range(
                    first.reading, second.reading, context_at(start, second.end)
                )
                if reading is not None:
                    joined.append(Hit(start, second.end, reading))
                    index += 2
                    continue
        if first.reading.note != NOW_NOTE:
            joined.append(first)
        index += 1
    return joined


def _is_year_only(*readings: Reading) -> bool:
    return any(reading.granularity == "year" for reading in readings)


def _windows(lowered: str) -> Iterator[tuple[int, int, int]]:
    """Stretches of the (lowercased) text around words a date needs (a month, a digit,
    "week"...), merged, each with where its last such word starts.

    The full grammar is costly to try at every character; these words are rare in prose, and
    every form contains one, so the grammar only runs where it can match: an expression starts
    at most _LOOK_BEHIND characters before one and no later than the last one, and ends at most
    _LOOK_AHEAD characters after it.
    """
    window_start = window_end = last_anchor = -1
    for anchor_start, anchor_end in _anchors(lowered):
        start = max(0, anchor_start - _LOOK_BEHIND)
        # A window never ends inside a word: the grammar sees the window's end as the text's,
        # so "weeksBlinken" cut after "week" would read as a week.
        end = anchor_end + _LOOK_AHEAD
        tail = _WORD_TAIL.match(lowered, end)
        if tail is not None:
            end = tail.end()
        if start > window_end:
            if window_end > 0:
                yield window_start, window_end, last_anchor
            window_start = start
        window_end = max(window_end, end)
        last_anchor = anchor_start
    if window_end > 0:
        yield window_start, window_end, last_anchor


def _next_hit(
    text: str,
    lowered: str,
    position: int,
    *,
    last_start: int,
    window_end: int,
    context_at: Callable[[int, int], Context],
) -> tuple[int, Hit | None] | None:
    """The first expression starting between `position` and `last_start` (the window's last
    anchor word), read; None when there is none."""
    grammar = _grammar()
    found = None
    index = -1
    # The forms are tried only where an expression can start (a search would also try every
    # place after the window's last anchor word, where none can: almost half the work), on the
    # lowercased text without IGNORECASE: a third faster, same matches (the forms are written
    # in small letters; `_grammar` checks that they are).
    starts = grammar.first_words
    # Each place comes with its word (as `word_at` reads it), found by the same regex pass. No
    # end bound on the pass: it would cut the word at the window's last anchor.
    for start in _CAN_START_WORD.finditer(lowered, position):
        place = start.start()
        if place > last_start:
            break
        # Nine places in ten start with a word no form starts with ("in", "China"): one set
        # lookup instead of every form failing there.
        word = start.group(1)
        if starts is not None and word not in starts:
            continue
        # The forms that can start with the word, in priority order: the first that matches is
        # the one the alternation of them all would choose, since no other can match here.
        for index in grammar.forms_starting(word):
            found = grammar.alone[index].match(lowered, place, window_end)
            if found is not None:
                break
        if found is not None:
            break
    if found is None:
        return None
    hit = _read(text, found.start(), found.end(), grammar.forms[index], context_at)
    if hit is None:
        hit = _fallback(text, found.start(), index + 1, context_at, start.group(1))
    return found.start(), hit


def _read(
    text: str, start: int, end: int, item: Pattern, context_at: Callable[[int, int], Context]
) -> Hit | None:
    match = item.regex.fullmatch(text, start, end)
    if match is None:
        return None
    try:
        reading = item.resolve(match, context_at(start, end))
    except (ValueError, OverflowError):
        # Arithmetic beyond the calendar ("last 2023 years" from 2000, year 10000): no date.
        return None
    if reading is None:
        return None
    return Hit(start, end, reading)


def _fallback(
    text: str,
    start: int,
    first_index: int,
    context_at: Callable[[int, int], Context],
    word: str,
) -> Hit | None:
    """The first form after the one that did not resolve that matches at `start` and
    resolves; `word` is `first_words.word_at` of the place, so that only the forms that can
    start with it are tried (a handful of a hundred)."""
    grammar = _grammar()
    for index in grammar.forms_starting(word):
        if index < first_index:
            continue
        item = grammar.forms[index]
        match = _bounded(item).match(text, start)
        if match is None:
            continue
        hit = _read(text, start, match.end(), item, context_at)
        if hit is not None:
            return hit
    return None


# Priority: ranges anchored on a date, then days-of-month spans and counted spans, then days,
# then periods, then durations: a longer, more specific form wins where two start together.
_FORMS: list[Pattern] = [
    *spans.FORMS.patterns,
    *days.FORMS.patterns,
    *periods.FORMS.patterns,
    *durations.FORMS.patterns,
]
POINT_FORMS.extend(item for item in _FORMS if item.point)
# Words that every date form contains at least one of (besides digits). Finding them is a cheap
# word scan; the grammar then runs only near them.
ANCHOR_WORDS = frozenset(
    [
        *MONTHS,
        *WEEKDAYS,
        *ORDINALS,
        *"""
        thirty today tonight tomorrow tmrw yesterday now week weeks weekend weekends month
        months year years quarter quarters decade decades century centuries day days fortnight
        fortnights twenties thirties forties fifties sixties seventies eighties nineties
        noughties aughts thousand thousands hundred nineteen eighteen seventeen sixteen fifteen
        tens
        """.split(),
    ]
)
# A capital letter in a pattern that is not an escape such as \W: it would never match text
# that has been lowercased.
_CAPITAL_LITERAL = re.compile(r"(?<!\\)[A-Z]")
_GROUP_NAME = re.compile(r"\(\?P(?:<[^>]*>|=[^)]*\))")
_WORD_TAIL = re.compile(r"\w+")
# Where a form can start: after what the alternation's own look-behind allows, at a letter, a
# digit or an apostrophe ("’23"). tests/property/test_date_scan.py checks every form's first
# characters against it.
CAN_START_CHARACTERS = r"\w'’"
# The word captured is `first_words.word_at` of the place: consuming it skips no place, since
# a place inside a word has a letter before it, which the look-behind refuses.
_CAN_START_WORD = re.compile(rf"(?<![\w/.-])(?=[{CAN_START_CHARACTERS}])([^\W\d_]{{0,{PREFIX}}})")
_LOOK_BEHIND = 40
_LOOK_AHEAD = 40


def _anchors(lowered: str) -> Iterator[tuple[int, int]]:
    """Where each digit run and each whole anchor word of the (lowercased) text is.

    RE2 finds the candidates: a DFA runs the hundred-word alternation in one pass, which the
    backtracking `re` does position by position (looking every word up in Python cost a fifth
    of the date reader's time; `re` alone saved nothing). RE2's word boundaries are ASCII
    only, so whether a word stands whole is checked here, by `re`'s definition of a letter.
    """
    end_of_text = len(lowered)
    # RE2 runs on UTF-8, so a str costs its Python wrapper an offset conversion per match (two
    # thirds of the search). Every anchor is ASCII: the text with each other character made
    # one "?" has the same matches at the same offsets, and bytes need no conversion.
    for found in _anchor_candidates().finditer(lowered.encode("ascii", "replace")):
        start, end = found.span()
        if lowered[start] in _DIGITS:
            yield start, end
        elif not (start and _LETTER.match(lowered, start - 1)) and not (
            end < end_of_text and _LETTER.match(lowered, end)
        ):
            # The longest word is tried first where several start, so a word that runs on
            # ("junes") is refused here with every shorter one: none stands whole.
            yield start, end


@cache
def _anchor_candidates() -> Any:
    words = "|".join(sorted(ANCHOR_WORDS, key=len, reverse=True))
    return re2.compile(rf"[0-9]+|(?:{words})".encode(), re2.Options())


_DIGITS = frozenset("0123456789")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Grammar:
    """Every form in priority order, each alone as the scanner tries it, and which forms can
    start with which words."""

    forms: list[Pattern]
    # Each form alone, in small letters, ending where the forms end (`_ENDS`).
    alone: list[re.Pattern[str]]
    # What each form's matches can start with (None: anything), and all of them together.
    first_words_of: list[frozenset[str] | None]
    first_words: frozenset[str] | None
    _starting: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def forms_starting(self, word: str) -> tuple[int, ...]:
        """The indexes of the forms whose matches can start with `word`, in priority order."""
        found = self._starting.get(word)
        if found is None:
            found = tuple(
                index
                for index, words in enumerate(self.first_words_of)
                if words is None or word in words
            )
            self._starting[word] = found
        return found


# Where a form's match must end: not inside a word, nor before a digit after a slash or dash.
_ENDS = r"(?![\w]|[/-][0-9])"


def alternation(forms: list[Pattern]) -> str:
    """All of `forms` as the one alternation they stand for, each a named group, in priority
    order, starting where `_CAN_START_WORD` lets one start and ending as `_ENDS` says: what the
    scanner's tries of the forms alone, skipping those that cannot start with the place's word,
    are equal to (tests/property/test_date_scan.py checks them against it)."""
    return (
        r"(?<![\w/.-])(?:"
        + "|".join(f"(?P<{item.name}>{unnamed(item.regex.pattern)})" for item in forms)
        + ")"
        + _ENDS
    )


@cache
def _grammar() -> _Grammar:
    """Compiled on first use, not at import: the forms take a sixth of a second to compile
    (their one alternation took half a second), and a rerun whose facts all come from the
    extraction cache never needs them."""
    forms = [*_range_patterns(), *_FORMS]
    capitals = _CAPITAL_LITERAL.findall(_GROUP_NAME.sub("", alternation(forms)))
    if capitals:
        raise AssertionError(f"date forms must be written in small letters: {capitals}")
    alone = [f"(?:{unnamed(item.regex.pattern)}){_ENDS}" for item in forms]
    first_words_of = [first_words(source) for source in alone]
    everything: frozenset[str] | None = None
    if all(words is not None for words in first_words_of):
        everything = frozenset().union(*(words or () for words in first_words_of))
    return _Grammar(
        forms=forms,
        alone=[re.compile(source) for source in alone],
        first_words_of=first_words_of,
        first_words=everything,
    )


def compile_grammar() -> None:
    """Compile the forms now, in this process, as their first use would: done before a pool
    forks, its workers inherit them."""
    _grammar()


@cache
def _bounded(item: Pattern) -> re.Pattern[str]:
    """One form alone, ending where the alternation's forms end: for the fallback, which
    few texts need, so compiled when first asked for (all of them took a quarter of a second
    in every process)."""
    return re.compile(rf"(?:{item.regex.pattern}){_ENDS}", re.IGNORECASE)
