"""The variants rule's fast finder finds what its pattern finds, everywhere."""

from __future__ import annotations

import re

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.ascii_folds import FOLDING
from concord.ascii_folds import ascii_folded
from concord.compare.variants import variant_finder
from concord.rules.variants import VariantGroup

_GROUPS = [
    VariantGroup(variants=["adviser", "advisor"]),
    VariantGroup(variants=["US", "U.S."]),
    VariantGroup(variants=["Beijing", "Peking"], case_sensitive=False),
    VariantGroup(variants=["co-operate", "cooperate"]),
    VariantGroup(variants=["Zürich", "Zurich"]),  # not all ASCII: the pattern alone
    VariantGroup(variants=["ok", "okay"]),
    # A spelling refused at one place, another starting at the next: "x#go" holds "go".
    VariantGroup(variants=["#go", "go"]),
    # Spellings whose first letter a character beyond ASCII folds to ("ſkiing").
    VariantGroup(variants=["skiing", "ski-ing"]),
    # Matched as written: found by `re` in the text itself, ASCII or not.
    VariantGroup(variants=["Zürich", "Zurich"], case_sensitive=True),
    VariantGroup(variants=["#go", "go"], case_sensitive=True),
]
_PIECES = [
    *"adviser advisor Advisers ADVISOR US U.S. USA U.S.A. us Beijing BEIJING peking".split(),
    *"co-operate cooperates Zürich Zurich ok OKAY okays".split(),
    *[
        "#go",
        "go",
        "#",
        "a",
        "d",
        "vis",
        "er",
        "s",
        ".",
        ",",
        " ",
        "\n",
        "-",
        "_",
        "x",
        "’",
        "é",
        "?",
    ],
    # Characters that IGNORECASE matches to ASCII letters, and others beyond ASCII.
    *["\u0130", "\u0131", "\u017f", "\u212a", "adv\u0131ser", "o\u212a", "😀"],
    *["skiing", "\u017fkiing", "ski-ing"],
]


@given(
    group=st.sampled_from(_GROUPS),
    pieces=st.lists(st.sampled_from(_PIECES), max_size=40),
)
@settings(max_examples=2000)
@example(group=_GROUPS[0], pieces=["adv\u0131ser"])
@example(group=_GROUPS[5], pieces=["o\u212a"])
@example(group=_GROUPS[1], pieces=["U", "S", ".", "U.S."])
@example(group=_GROUPS[6], pieces=["x", "#go"])
def test_the_finder_finds_what_the_pattern_finds(group: VariantGroup, pieces: list[str]) -> None:
    text = "".join(pieces)
    finder = variant_finder(group)
    found = finder.finditer(text, text.encode("ascii", "replace"))
    expected = finder.pattern.finditer(text)
    assert [(m.span(), m.lastgroup) for m in found] == [(m.span(), m.lastgroup) for m in expected]


def test_the_characters_that_fold_to_ascii_letters_are_all_known() -> None:
    letters = re.compile("[a-zA-Z]", re.IGNORECASE)
    folding = [code for code in range(128, 0x110000) if letters.fullmatch(chr(code))]
    known = [code for code in range(0x110000) if FOLDING.fullmatch(chr(code))]
    assert known == folding
    for code in folding:  # each is made the ASCII letter IGNORECASE takes it for
        made = ascii_folded(chr(code))
        assert made.isascii()
        assert re.fullmatch(made, chr(code), re.IGNORECASE)


@given(
    group=st.sampled_from(_GROUPS),
    pieces=st.lists(st.sampled_from(_PIECES), max_size=40),
    start=st.integers(min_value=0, max_value=120),
    end=st.integers(min_value=0, max_value=120),
)
@settings(max_examples=2000)
@example(group=_GROUPS[0], pieces=["adv\u0131ser", " ", "adviser"], start=9, end=120)
@example(group=_GROUPS[0], pieces=["adviser", " ", "adv\u0131ser"], start=0, end=7)
@example(group=_GROUPS[0], pieces=["xadviser"], start=1, end=120)
@example(group=_GROUPS[7], pieces=[" ", "\u017fkiing"], start=1, end=120)
def test_between_bounds_the_finder_finds_what_the_pattern_finds(
    group: VariantGroup, pieces: list[str], start: int, end: int
) -> None:
    """A character that folds outside the bounds leaves the fast way exact within them."""
    text = "".join(pieces)
    finder = variant_finder(group)
    found = finder.finditer(text, text.encode("ascii", "replace"), start, end)
    expected = finder.pattern.finditer(text, start, end)
    assert [(m.span(), m.lastgroup) for m in found] == [(m.span(), m.lastgroup) for m in expected]
