"""`literal_spans` finds a literal where it opens with the literal and checks the character
before by hand (a look-behind first made the regex try every character). Property: it finds
exactly what the one-regex definition finds, literals with spaces and repeats included."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.patterns import literal_spans

_ALPHABET = "ab .-’éA_1"


def by_definition(literals: list[str], text: str, ignore_case: bool) -> list[tuple[int, int]]:
    flags = re.IGNORECASE if ignore_case else 0
    return [
        match.span()
        for literal in literals
        for match in re.finditer(rf"(?<!\w){re.escape(literal)}(?!\w)", text, flags)
    ]


@given(
    literals=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), max_size=3),
    text=st.text(alphabet=_ALPHABET, max_size=40),
    ignore_case=st.booleans(),
)
@settings(max_examples=500, deadline=None)
def test_literal_spans_find_what_the_definition_finds(
    literals: list[str], text: str, ignore_case: bool
) -> None:
    found = list(literal_spans(literals, text, ignore_case=ignore_case))
    assert found == by_definition(literals, text, ignore_case)


def test_a_literal_inside_a_longer_word_does_not_hide_one_after_it() -> None:
    assert list(literal_spans(["a a"], "ba a a", ignore_case=False)) == [(3, 6)]
    assert list(literal_spans(["Gang"], "Gangs Gang’s gang", ignore_case=True)) == [
        (6, 10),
        (13, 17),
    ]
