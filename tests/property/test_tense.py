"""The tense markers' look-ahead is a shortcut, and so is searching the folded text without
IGNORECASE: together they find what the plain alternation finds in the text as written."""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.ascii_folds import folded
from concord.extract.temporal import tense
from concord.extract.temporal.tense import _MARKER

# The definition: the alternation tried at every word boundary, with no look-ahead.
DEFINITION = re.compile(rf"(?i)\b(?:(?P<future>{tense._FUTURE})|(?P<past>{tense._PAST}))\b")

_WORDS = """
will won’t won't we'll it’ll shall would going to about plans plan planned planning set
scheduled due expected expects intends hopes aims is are was were ahead of upcoming coming
next tomorrow had did said told met went came took held left made gave saw spoke wrote flew
ago last yesterday earlier previously already reported reportedly speed indeed need ed
re-elected ſaid wİll wıll Kelvin KED Planned SCHEDULED 3ed willing nexted going_to caféed
Monday visit in on the İİ ſſ ıı KK WİLL TOLD Won’t ÉTÉ ǅ Ⅰed ﬁed
""".split()
_GLUE = [" ", " ", "  ", "'", "’", "-", ".", ", ", "\n", "", "_", "1"]
texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=24).map(
    lambda parts: "".join(word + glue for word, glue in parts)
)


def _found(
    pattern: re.Pattern[str], text: str, pos: int, endpos: int
) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text, pos, endpos)]


@given(text=texts, cut=st.tuples(st.floats(0, 1), st.floats(0, 1)))
@settings(max_examples=1000)
@example(text="we'll ", cut=(0.4, 1.0))  # the window opens on the apostrophe
@example(text="it was to go and plans to", cut=(0.0, 1.0))
@example(text="ſaid wİll re-elected", cut=(0.0, 1.0))
def test_the_markers_are_the_alternation(text: str, cut: tuple[float, float]) -> None:
    pos = int(min(cut) * len(text))
    endpos = int(max(cut) * len(text))
    assert _found(_MARKER, folded(text), pos, endpos) == _found(DEFINITION, text, pos, endpos)


def test_the_definition_is_what_the_module_compiles_but_the_look_ahead() -> None:
    # If the markers change, the definition here changes with them.
    assert "(?i)" + _MARKER.pattern.replace("(?=[a-z'’])", "") == DEFINITION.pattern


@given(text=texts)
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(folded(text)) == len(text)
