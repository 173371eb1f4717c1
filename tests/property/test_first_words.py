"""`first_words` lists every word a pattern's matches can start with, so the date scanner may
skip a place whose word is not listed. Properties: over generated patterns and texts, no
match starts at a word left out (a superset, whatever the pattern); over the date grammar
itself, on the seeds and on fragment strings, the same."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.ascii_folds import folded
from concord.extract.temporal import scan
from concord.extract.temporal.first_words import PREFIX
from concord.extract.temporal.first_words import first_words
from concord.extract.temporal.first_words import word_at
from tests.generated import SEEDS
from tests.property.test_date_scan import FRAGMENTS

_ATOMS = ["a", "b", "ab", "ba", "x", " ", "-", "1", "[ab]", "[a-c1 ]", r"\s", r"\d", "'", r"\b"]


def _patterns() -> st.SearchStrategy[str]:
    leaves = st.sampled_from(_ATOMS)

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=1, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda parts: f"(?:{'|'.join(parts)})"),
            st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "{1,3}", "??"])).map(
                lambda pair: f"(?:{pair[0]}){pair[1]}"
            ),
            inner.map(lambda part: f"(?={part})"),
            inner.map(lambda part: f"(?<!x)(?:{part})"),
        )

    return st.recursive(leaves, extend, max_leaves=12)


def _starts_of_matches(pattern: re.Pattern[str], text: str) -> list[int]:
    return [place for place in range(len(text) + 1) if pattern.match(text, place)]


@given(pattern=_patterns(), text=st.text(alphabet="abcx1 -'", max_size=30))
@settings(max_examples=600, deadline=None)
def test_no_match_starts_at_a_word_left_out(pattern: str, text: str) -> None:
    words = first_words(pattern)
    if words is None:
        return  # unbounded: the scanner tries every place
    compiled = re.compile(pattern)
    for place in _starts_of_matches(compiled, text):
        assert word_at(text, place) in words, (pattern, text, place)


def test_what_it_lists_for_small_patterns() -> None:
    assert first_words(r"(?:early |mid-?|late )?(?:june|jun\.?)\s+[0-9]+") == {
        "early", "mid", "midjune", "midjun", "late", "june", "jun",
    }  # fmt: skip
    assert first_words(r"(?:next|last)\s*week\b") == {"next", "last", "nextweek", "lastweek"}
    assert first_words(r"(?:next|last)\s*week(?![\w]|-)") == {
        "next", "last", "nextweek", "lastweek",
    }  # fmt: skip
    assert first_words(r"[0-9]{1,2}(?:st|nd)\b") == {""}
    assert first_words(r"(?<![\w])(?=x)ab$") == {"ab"}  # lookarounds are not assumed to hold
    assert first_words("abcdefghijklmnop") == {"abcdefghijklmnop"[:PREFIX]}


def test_what_it_cannot_bound() -> None:
    unbounded = [
        r"[a-z]+ day", r"\w+", r"(?i)june", r"(?i:june)", r".", r"(a)\1", "[^0-9]",
        "week",  # a match may end inside a longer word: "weekend"
        r"(?=\w)",  # the empty match, at any word
    ]  # fmt: skip
    for pattern in unbounded:
        assert first_words(pattern) is None, pattern


def test_the_date_grammar_is_bounded_and_its_matches_start_at_listed_words() -> None:
    grammar = scan._grammar()
    assert grammar.first_words is not None, "the scanner would try every place"
    texts = [*SEEDS.values(), " ".join(FRAGMENTS), "".join(FRAGMENTS)]
    for text in texts:
        lowered = folded(text)
        for place in _starts_of_matches(re.compile(scan.alternation(grammar.forms)), lowered):
            assert word_at(lowered, place) in grammar.first_words, lowered[place : place + 30]
