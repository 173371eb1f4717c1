"""A quote's compared words are each word casefolded, however they are folded."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.compare.quote_text import _WORD
from concord.compare.quote_text import casefolded


def test_no_character_folds_to_a_space_but_the_space() -> None:
    """What lets `casefolded` fold the words joined by spaces, and split them again."""
    makes_a_space = [
        code for code in range(sys.maxunicode + 1) if " " in chr(code).casefold() and code != 32
    ]
    assert makes_a_space == []


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80))
@settings(max_examples=1000)
def test_words_fold_as_each_one_alone(text: str) -> None:
    words = _WORD.findall(text)
    assert casefolded(words) == tuple(word.casefold() for word in words)


def test_special_folds() -> None:
    words = ["Straße", "İstanbul", "ﬁne", "ΣΊΣΥΦΟΣ", "x"]
    assert casefolded(words) == tuple(word.casefold() for word in words)
    assert casefolded([]) == ()
