"""Corpora generated from the bundled seeds, for properties over the whole rule set: documents
made of a seed's paragraphs in any order, some of them carrying a known inconsistency."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from tests.helpers import BUNDLED_SOURCES

SEEDS = {
    path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(BUNDLED_SOURCES.iterdir())
}
PUBLISHED = {"001": dt.date(2023, 6, 14), "004": dt.date(2023, 6, 18)}
FAULTS = {
    "name": "Gang told reporters so.",
    "date": "Blinken will visit Beijing on July 30, 2023.",
    "quote": "“We’re not going to Beijing with the intent of having any kind of breakthrough or "
    "transformation in the way that we deal with one another,” Daniel Kritenbrink told reporters.",
}


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """(seed id, text): some of a seed's paragraphs, in any order, perhaps with faults."""
    seed = draw(st.sampled_from(sorted(SEEDS)))
    paragraphs = SEEDS[seed].split("\n\n")
    order = draw(st.permutations(paragraphs))
    kept = order[: draw(st.integers(min_value=1, max_value=len(order)))]
    faults = draw(st.lists(st.sampled_from(sorted(FAULTS)), max_size=2, unique=True))
    return seed, "\n\n".join([*kept, *(FAULTS[fault] for fault in faults)]) + "\n"


corpora = st.lists(documents(), min_size=2, max_size=8).map(
    lambda drawn: (
        {f"doc{index:03d}": text for index, (_, text) in enumerate(drawn)},
        {
            f"doc{index:03d}": PUBLISHED[seed]
            for index, (seed, _) in enumerate(drawn)
            if seed in PUBLISHED
        },
    )
)
