"""The sentence splitter's end marks are those of the plain form of its pattern, everywhere."""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.sentences import _SENTENCE_END
from concord.extract.sentences import sentences
from tests.generated import SEEDS

# The definition: a mark, closing quotes and space before a capital, a digit or an opening
# quote; or a run of line breaks. The scanner's pattern is this, rewritten to start with one
# character class.
_PLAIN_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9]|[“‘«„])|\n+")

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
