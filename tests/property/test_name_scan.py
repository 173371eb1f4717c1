"""The name scanner's capitalised words are those of its look-behind-first definition."""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.names import _CAPITALISED_WORD

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
