"""A date rule's trigger pattern, opening with the class of its phrases' first characters,
finds what the plain alternation of the phrases between word boundaries finds."""

from __future__ import annotations

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.compare.date_scope import plain_word_pattern
from concord.compare.date_scope import word_pattern

_PHRASES = [
    "visit",
    "trip",
    "travel",
    "arrive",
    "tour",
    "be in China",
    "be in Beijing",
    "meet",
    "meeting",
    "met",
    "postpone*",
    "cancel*",
    "earlier trip",
    "Beijing",
    "2023 visit",
    "v*t",
    "state visit",
    "stay",
    "ʻokina",  # not ASCII: the plain pattern
    "*visit",  # a wildcard first: the plain pattern
    "(visit",
]
_PIECES = [
    *"visit visits Visited VISITING revisit visitation trip tripped TRIPS travel travelled".split(),
    *"arrive arrival arrived tour tours be in China Beijing BEIJING meet meeting met".split(),
    *"postponed cancelled earlier 2023 state stays stayed stayed".split(),
    *[" ", "  ", "\n", ",", ".", "-", "_", "x", "é", "ʻ", "(", "\u00a0", "\u2028"],
    # Characters that IGNORECASE matches to ASCII letters, and others beyond ASCII.
    *["\u0130", "\u0131", "\u017f", "\u212a", "vi\u017fit", "\u212aeep", "😀"],
]


@given(
    phrases=st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6),
    pieces=st.lists(st.sampled_from(_PIECES), max_size=40),
)
@settings(max_examples=2000)
@example(phrases=["be in China", "be in Beijing"], pieces=["be", " ", "in", " ", "Beijing"])
@example(phrases=["visit"], pieces=["x", "visit", " ", "vi\u017fit"])
@example(phrases=["meet", "met", "meeting"], pieces=["meeting", " ", "met"])
def test_the_first_character_class_finds_what_the_alternation_finds(
    phrases: list[str], pieces: list[str]
) -> None:
    text = "".join(pieces)
    fast = word_pattern(phrases)
    plain = plain_word_pattern(phrases)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(0, len(text), 7):  # bounded searches, as a rule's scope runs them
        end = min(len(text), start + 23)
        assert [m.span() for m in fast.finditer(text, start, end)] == [
            m.span() for m in plain.finditer(text, start, end)
        ]


def test_the_bundled_triggers_take_the_fast_form() -> None:
    """Every bundled date rule's triggers start with an ASCII letter: none falls back."""
    assert word_pattern(["visit", "be in China"]).pattern.startswith("[")
    assert word_pattern(["*visit"]).pattern.startswith("(?<!")
