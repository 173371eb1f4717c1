"""The name scanner's capitalised words are those of its look-behind-first definition, and
skipping chunks of inert words loses no mention."""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.names import _CAPITALISED_WORD
from concord.extract.names import NameMatcher
from concord.extract.names import _tokens
from concord.rules import Person

DEFINITION = re.compile(r"(?<![\w'’-])[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*")

_CHARACTERS = "AaBbQqÉéßİıΩω0_'’- \n\t.,“”"


@given(text=st.text(alphabet=_CHARACTERS, max_size=80))
@settings(max_examples=3000)
@example(text="Ab\nCd-Ef x'Gh 'Ij -Kl")
@example(text="A")
@example(text="\nÉé")
def test_the_capitalised_words_are_the_definition(text: str) -> None:
    found = [match.span() for match in _CAPITALISED_WORD.finditer(text)]
    assert found == [match.span() for match in DEFINITION.finditer(text)]


# Words a chunk can be made of: declared name parts, their misspellings, titles, function
# words, possessives and ordinary capitalised words, with the gaps that join or split chunks.
_WORDS = """
Qin Gang Qinn Wang Yi Wenbin Antony Blinken Blinkin Mr Mr. Secretary Minister Foreign The And Of
China Beijing Gang's Blinken’s Kritenbrink Kritenbrinck Daniel Éa éa said gang of
""".split()
_GAPS = [" ", "  ", "\n", " \n ", ". ", ", ", "-", "\u00a0", "\t", ".\n"]
_PEOPLE = [
    Person(name="Qin Gang", family="Qin"),
    Person(name="Wang Yi", family="Wang"),
    Person(name="Antony Blinken", family="Blinken", aliases=["Tony Blinken"]),
    Person(name="Daniel Kritenbrink", family="Kritenbrink"),
]


@given(pieces=st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=30))
@settings(max_examples=1500)
@example(pieces=[("Secretary", " "), ("The", " "), ("Blinken", " ")])
@example(pieces=[("Foreign", " "), ("Minister", " "), ("Qin", ". ")])
@example(pieces=[("Mr.", " "), ("Blinkin", " ")])
def test_skipping_inert_chunks_finds_what_matching_every_chunk_finds(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(word + gap for word, gap in pieces)
    matcher = NameMatcher(_PEOPLE)
    every_chunk = [
        mention
        for chunk in matcher._chunks(text, skip_inert=False)
        for mention in matcher._match_chunk(_tokens(text, chunk))
    ]
    named = {mention.person for mention in every_chunk if mention.kind not in ("misspelt", "given")}
    expected = sorted(
        (mention for mention in every_chunk if mention.kind != "given" or mention.person in named),
        key=lambda mention: (mention.start, mention.end),
    )
    assert matcher.mentions(text) == expected
    # Again through the same matcher, which now knows the words and chunks: the same answer,
    # and in another text, at other offsets.
    assert matcher.mentions(text) == expected
    shifted = [(m.start, m.end, m.text) for m in matcher.mentions("Xx. " + text)]
    assert shifted == [(m.start + 4, m.end + 4, m.text) for m in expected]
