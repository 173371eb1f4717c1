"""Offsets in a text turned into 1-based line and column numbers."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def line_starts(text: str) -> tuple[int, ...]:
    """The offset at which each line of `text` starts; line 1 starts at offset 0."""
    starts = [0]
    find = text.find
    position = find("\n")
    while position != -1:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return tuple(starts)


def line_and_column(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset; columns count characters, not bytes."""
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1
