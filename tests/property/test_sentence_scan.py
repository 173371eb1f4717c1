"""The sentence and clause splitters' marks are those of the plain forms of their patterns,
everywhere."""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.sentences import _SENTENCE_END
from concord.extract.sentences import clause_marks
from concord.extract.sentences import sentences
from tests.generated import SEEDS

# The definition: a mark, closing quotes and space before a capital, a digit or an opening
# quote; or a run of line breaks. The scanner's pattern is this, rewritten to start with one
# character class.
_PLAIN_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9]|[“‘«„])|\n+")

# And for clauses: a punctuation mark, a spaced dash, or the start of a subordinating word.
_PLAIN_CLAUSE_MARK = re.compile(
    r"[,;:()\[\]]|\s[–—-]\s|\b(?=(?:since|after|before|when|while|because|although|though|"
    r"where|which|who|whom|whose|whereas|until|unless|whether)\b)",
    re.IGNORECASE,
)

_PIECES = [
    *".!?\n",
    "\n\n",
    " ",
    "\t",
    "\u00a0",  # a space beyond ASCII, which `\s` takes
    *"\"'”’)“‘«„(",
    "Mr",
    "U.S",
    "Corp",
    "He",
    "said",
    "a",
    "Z",
    "7",
    "é",
    "É",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=50))
@settings(max_examples=3000)
@example(["said", ".", "”", " ", "He"])
@example(["\n", "\n", ".", " ", "“", "a"])
@example(["!", "\n", "Z"])
def test_end_marks_are_the_plain_patterns(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [found.span() for found in _SENTENCE_END.finditer(text)] == [
        found.span() for found in _PLAIN_SENTENCE_END.finditer(text)
    ]


def test_the_seeds_split_the_same() -> None:
    for seed in SEEDS.values():
        assert [found.span() for found in _SENTENCE_END.finditer(seed)] == [
            found.span() for found in _PLAIN_SENTENCE_END.finditer(seed)
        ]
        assert len(sentences(seed)) > 5


_CLAUSE_PIECES = [
    *",;:()[]",
    " ",
    "\n",
    "\u00a0",
    *"–—-",
    " - ",
    " – ",
    " — ",
    *"since after before when while because although though where which who whom whose".split(),
    *"whereas until unless whether".split(),
    "SINCE",
    "Whom",
    "ſince",  # IGNORECASE takes the long s for an s
    "whoa",
    "unt",
    "a",
    "s",
    "w",
    "x",
    "é",
    "_",
    "7",
]


@given(
    st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=40),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
)
@settings(max_examples=3000)
@example(["x", " - ", "since"], 0, 400)
@example(["x", " — ", "a", " – ", "when"], 0, 400)
@example(["é", "when", " ", "who", "m"], 0, 400)
@example(["a", "since"], 1, 400)  # a bound inside a word: the word before still counts
@example(["since", "x"], 0, 5)  # a bound right after a word ends it
def test_clause_marks_are_the_plain_patterns(pieces: list[str], start: int, end: int) -> None:
    text = "".join(pieces)
    assert clause_marks(text, start, end) == [
        found.start() for found in _PLAIN_CLAUSE_MARK.finditer(text, start, end)
    ]
