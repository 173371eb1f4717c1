"""The quote reader finds its speech verbs with RE2 and checks word boundaries by hand, and
keeps the sentence starts outside quotes by bisection. Properties: the scan finds exactly where
the `re` pattern with `\\b` on both sides matches, on fragments that put letters of any
script, digits and underscores against the verbs, and on the seeds; the bisection keeps exactly
the positions no span holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.quotations import attribution
from tests.generated import SEEDS

_PIECES = [
    "said", "says", "saying", "sayings", "told", "tells", "added", "un", "é", "_", "1", " ",
    ", ", ".", "“", "”", "’s", "Blinken", "he", "stressed", "stresses", "Said", "ß",
    "😀", "—", "İ", "saïd",
]  # fmt: skip


def by_definition(text: str) -> list[int]:
    return [cue.start() for cue in attribution._CUE.finditer(text)]


@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=25))
@settings(max_examples=400, deadline=None)
def test_the_cue_scan_finds_what_the_boundary_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert list(attribution._cue_starts(text)) == by_definition(text)


def test_the_cue_scan_of_the_seeds_finds_what_the_boundary_pattern_finds() -> None:
    for text in SEEDS.values():
        assert list(attribution._cue_starts(text)) == by_definition(text)


@given(
    positions=st.lists(st.integers(0, 60)),
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60))),
)
@settings(max_examples=400, deadline=None)
def test_outside_keeps_the_positions_no_span_holds(
    positions: list[int], spans: list[tuple[int, int]]
) -> None:
    from concord.extract.quotations import _outside

    wanted = [p for p in positions if not any(start < p < end for start, end in spans)]
    assert _outside(positions, spans) == wanted
