"""The tense scanner's shortcut finds exactly what the marker alternation finds everywhere."""

from __future__ import annotations

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.temporal.tense import _MARKER
from concord.extract.temporal.tense import FIRST_WORDS
from concord.extract.temporal.tense import markers

# Every marker word and its near misses, words that fold onto them, and the characters that
# make and break word boundaries.
_WORDS = [
    *sorted(FIRST_WORDS),
    *"to of ll t we it won’t we'll it’ll he'd re elected re-elected reported reportedly".split(),
    *"speed indeed need needed ed bed abed Planned SCHEDULED ſaid wİll wıll Kelvin KED".split(),
    *"willing nexted going_to was_ to2 3ed caféed Monday visit in on the".split(),
]
_GLUE = [" ", " ", " ", "  ", "'", "’", "-", ".", ", ", "\n", "", "_", "1"]
texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=24).map(
    lambda parts: "".join(word + glue for word, glue in parts)
)


def _spans(found: object) -> list[tuple[int, int, str | None]]:
    return [(match.start(), match.end(), match.lastgroup) for match in found]  # type: ignore[attr-defined]


@given(text=texts, data=st.data())
@settings(max_examples=1500)
@example(text="we'll go", data=None)
@example(text="we'll ", data=None)
@example(text="willwe'll", data=None)
@example(text="plans to was to", data=None)
@example(text="ſaid wİll re-elected", data=None)
def test_markers_find_what_the_alternation_finds(text: str, data: st.DataObject | None) -> None:
    pos, endpos = 0, len(text)
    if data is not None and text:
        pos = data.draw(st.integers(0, len(text)))
        endpos = data.draw(st.integers(pos, len(text)))
    assert _spans(markers(text, pos, endpos)) == _spans(_MARKER.finditer(text, pos, endpos))


def test_every_first_word_begins_a_marker() -> None:
    # A word that begins no marker in the list only costs time; one left out would be a bug,
    # which the property above finds. This keeps the list honest the other way.
    for word in FIRST_WORDS:
        assert any(_MARKER.match(word + tail) for tail in ("", " to", " of", "'t")), word


def test_windows_that_open_or_close_on_an_edge() -> None:
    cases = [("we'll ", 2, 5), ("we'll ", 2, 4), ("reported la", 2, 11), ("it was to", 3, 9)]
    cases += [("he reportedly", 0, 11), ("plans to", 0, 7), ("won’t", 0, 5), ("won’t", 3, 5)]
    for text, pos, endpos in cases:
        found = _spans(markers(text, pos, endpos))
        assert found == _spans(_MARKER.finditer(text, pos, endpos)), (text, pos, endpos)
