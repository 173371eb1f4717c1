"""User patterns run on the text's UTF-8 (`pattern_spans`) find what they find on the text,
at the same character offsets."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.patterns import compile_pattern
from concord.patterns import pattern_spans

_PATTERNS = [
    r"\w+",
    r".",
    r"(?P<value>\d+) years",
    r"é+",
    r"x*",  # empty matches, left out
    r"(?P<value>a)?b",  # a group that may not take part
    r"’s",
    r"(?P<value>[^ ]+)😀",
    r"(?i)(?P<value>ÉTÉ)",
]
_ALPHABET = ["a", "b", "x", "é", "É", "t", "’", "s", "😀", " ", "\n", "1", "2", " years", "\u0301"]


def _on_the_text(
    patterns: list[str], text: str, *, ignore_case: bool, group: str | None
) -> Iterator[tuple[int, int]]:
    """The definition: each pattern on the str, through RE2's own offset conversion."""
    for pattern in patterns:
        compiled = compile_pattern(pattern, ignore_case=ignore_case)
        index = compiled.groupindex[group] if group and group in compiled.groupindex else 0
        for match in compiled.finditer(text):
            start, end = match.start(index), match.end(index)
            if start >= 0 and end > start:
                yield start, end


@given(
    patterns=st.lists(st.sampled_from(_PATTERNS), min_size=1, max_size=4),
    pieces=st.lists(st.sampled_from(_ALPHABET), max_size=30),
    ignore_case=st.booleans(),
    by_group=st.booleans(),
)
@settings(max_examples=1500)
@example(
    patterns=[r"(?P<value>\d+) years", r"é+"],
    pieces=["é", "1", " years"],
    ignore_case=False,
    by_group=True,
)
def test_spans_on_the_utf8_are_the_spans_on_the_text(
    patterns: list[str], pieces: list[str], ignore_case: bool, by_group: bool
) -> None:
    text = "".join(pieces)
    if by_group:  # as number and pattern rules ask: every pattern has the group
        patterns = [pattern for pattern in patterns if "(?P<value>" in pattern] or [_PATTERNS[2]]
    group = "value" if by_group else None
    found = list(pattern_spans(patterns, text, ignore_case=ignore_case, group=group))
    assert found == list(_on_the_text(patterns, text, ignore_case=ignore_case, group=group))
