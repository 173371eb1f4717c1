"""The date scanner tries its alternation only where an expression can start: no later than a
window's last anchor word, and at a letter, digit or apostrophe. Properties: that finds exactly
what searching every place of every window finds (the definition, whose fallback tries every
form), and every form's first character is one the scanner tries."""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Callable

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.ascii_folds import folded
from concord.extract.temporal import scan
from concord.extract.temporal.reading import Context
from tests.generated import SEEDS

FRAGMENTS = [
    "June 18", "June 18-19, 2023", "from June 16 to June 21", "between 2014 and 2018",
    "next week", "this weekend", "on Sunday", "12 people", "3 days from today", "the 18th",
    "mid-June", "’23", "2023-06-18", "18/06/2023", "in May", "Theresa May", "the week of June 18",
    "for two weeks", "a decade ago", "tomorrow", "now", "x1_2", "year-end", "5-6", "at 3 pm",
    "Blinken will visit Beijing", "said on", "and", "to", "until", ", ", ". ", " ", "\n", "(",
    ")", "-", "/", "'", "“", "”",
    # Forms the alternation chooses that do not resolve, so the other forms are tried there.
    "in five years", "next several months", "several months", "February 30",
    # ... and where a later form then matches and resolves.
    "February 30, 2023", "June 31", "3000 years ago",
]  # fmt: skip


def by_definition(text: str, context_at: Callable[[int, int], Context]) -> list[scan.Hit]:
    """`scan.scan` with the alternation searched at every place of every window."""
    grammar = scan._grammar()
    lowered = folded(text)
    hits: list[scan.Hit] = []
    position = 0
    for window_start, window_end, _ in scan._windows(lowered):
        position = max(position, window_start)
        while position < window_end:
            found = _alternation().search(lowered, position, window_end)
            if found is None:
                break
            index = [item.name for item in grammar.forms].index(found.lastgroup or "")
            hit = scan._read(text, found.start(), found.end(), grammar.forms[index], context_at)
            if hit is None:
                hit = fallback_by_definition(text, found.start(), index + 1, context_at)
            if hit is None:
                position = found.start() + 1
                continue
            hits.append(hit)
            position = max(hit.end, found.start() + 1)
    return scan._join_ranges(text, hits, context_at)


@functools.cache
def _alternation() -> re.Pattern[str]:
    """The definition the scanner's tries of each form alone are equal to: all the forms as
    one alternation, searched at every place."""
    return re.compile(scan.alternation(scan._grammar().forms))


def fallback_by_definition(
    text: str, start: int, first_index: int, context_at: Callable[[int, int], Context]
) -> scan.Hit | None:
    """`scan._fallback` trying every later form, whatever word it starts with."""
    for item in scan._grammar().forms[first_index:]:
        match = scan._bounded(item).match(text, start)
        if match is not None:
            hit = scan._read(text, start, match.end(), item, context_at)
            if hit is not None:
                return hit
    return None


def _context(reference: dt.date | None) -> Callable[[int, int], Context]:
    return lambda start, end: Context(reference, "unknown", "monday", "DMY")


@given(
    pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=30),
    reference=st.sampled_from([None, dt.date(2023, 6, 14)]),
)
@example(  # a window that ended inside "weeksBlinken" once read "two week" as a duration
    pieces=["June 18", "mid-June", "for two weeks", "said on", "for two weeks", "Blinken"],
    reference=None,
)
@settings(max_examples=400, deadline=None)
def test_the_scan_finds_what_searching_every_place_finds(
    pieces: list[str], reference: dt.date | None
) -> None:
    text = "".join(pieces)
    context_at = _context(reference)
    assert scan.scan(text, context_at) == by_definition(text, context_at)


@given(text=st.text(alphabet=st.sampled_from("Jjune 18-2023 ’'./,\nnext week-of"), max_size=80))
@settings(max_examples=300, deadline=None)
def test_the_scan_of_odd_text_finds_what_searching_every_place_finds(text: str) -> None:
    context_at = _context(dt.date(2023, 6, 14))
    assert scan.scan(text, context_at) == by_definition(text, context_at)


@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
@example(pieces=["June 18", "mid-June", "for two weeks", "said on", "for two weeks", "Blinken"])
def test_no_window_ends_inside_a_word(pieces: list[str]) -> None:
    # The grammar takes a window's end for the text's end, so a word cut there could match as
    # a shorter word ("week" out of "weeksBlinken").
    text = "".join(pieces)
    for _, window_end, _ in scan._windows(folded(text)):
        assert window_end >= len(text) or not (
            text[window_end - 1].isalnum() and text[window_end].isalnum()
        ), (text, window_end)


_WORD_OR_DIGIT = re.compile(r"[0-9]+|[^\W\d_]+")


def anchors_by_definition(text: str) -> list[tuple[int, int]]:
    """Every digit run, and every whole word that is an anchor word."""
    return [
        found.span()
        for found in _WORD_OR_DIGIT.finditer(text)
        if found.group()[0].isdigit() or found.group().casefold() in scan.ANCHOR_WORDS
    ]


@given(
    pieces=st.lists(
        st.sampled_from(
            [
                *FRAGMENTS,
                *["Junes", "mayor", "2023rd", "x_june", "JUNE", "Ağustos", "é", "_", "İ"],
                # Characters beyond ASCII, one or two UTF-16 units, beside anchors: offsets
                # must not drift after them.
                *["éjune", "juneé", "😀", "😀12", "—", "“", "٣"],
            ]
        ),
        max_size=30,
    )
)
@settings(max_examples=300, deadline=None)
def test_the_anchor_regex_finds_the_anchor_words(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert list(scan._anchors(folded(text))) == anchors_by_definition(text)


def test_the_anchor_regex_finds_the_anchor_words_of_the_seeds() -> None:
    for text in SEEDS.values():
        assert list(scan._anchors(folded(text))) == anchors_by_definition(text)


def test_the_scan_of_the_seeds_finds_what_searching_every_place_finds() -> None:
    context_at = _context(dt.date(2023, 6, 14))
    for text in SEEDS.values():
        assert scan.scan(text, context_at) == by_definition(text, context_at)


def test_every_form_starts_where_the_scanner_tries() -> None:
    if sys.version_info >= (3, 11):
        from re import _constants as codes
        from re import _parser as parser
    else:  # the same modules under their old names
        import sre_constants as codes
        import sre_parse as parser

    def first(items: list[tuple[object, object]]) -> tuple[set[str] | None, bool]:
        """The characters a sequence can start with (None: any), and whether it can be
        empty."""
        chars: set[str] = set()
        for op, value in items:
            found, empty = first_of(op, value)
            if found is None:
                return None, False
            chars |= found
            if not empty:
                return chars, False
        return chars, True

    def first_of(op: object, value: object) -> tuple[set[str] | None, bool]:
        if op is codes.LITERAL:
            return {chr(value)}, False
        if op is codes.IN:
            chars: set[str] = set()
            for item, argument in value:
                if item is codes.LITERAL:
                    chars.add(chr(argument))
                elif item is codes.RANGE:
                    chars |= {chr(code) for code in range(argument[0], argument[1] + 1)}
                elif item is codes.CATEGORY and argument is codes.CATEGORY_DIGIT:
                    chars |= set("0123456789")
                else:
                    return None, False
            return chars, False
        if op is codes.BRANCH:
            union: set[str] = set()
            empty = False
            for alternative in value[1]:
                found, can_be_empty = first(list(alternative))
                if found is None:
                    return None, False
                union |= found
                empty |= can_be_empty
            return union, empty
        if op is codes.SUBPATTERN:
            return first(list(value[3]))
        repeats = (codes.MAX_REPEAT, codes.MIN_REPEAT, getattr(codes, "POSSESSIVE_REPEAT", None))
        if op in repeats:
            least, _, sub = value
            found, empty = first(list(sub))
            return found, empty or least == 0
        if op in (codes.AT, codes.ASSERT, codes.ASSERT_NOT):
            return set(), True  # zero width: what follows starts the match
        return None, False

    source = scan.alternation(scan._grammar().forms)
    chars, empty = first(list(parser.parse(source)))
    assert chars is not None, "the forms' first characters could not be worked out"
    assert not empty
    allowed = re.compile(f"[{scan.CAN_START_CHARACTERS}]")
    assert {char for char in chars if not allowed.fullmatch(char)} == set()
