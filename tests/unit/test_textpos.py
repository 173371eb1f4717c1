from __future__ import annotations

from concord.textpos import line_and_column
from concord.textpos import line_starts


def test_offsets_become_one_based_lines_and_columns() -> None:
    text = "ab\ncdé\n\nf"
    starts = line_starts(text)
    assert starts == (0, 3, 7, 8)
    assert line_and_column(starts, 0) == (1, 1)
    assert line_and_column(starts, 4) == (2, 2)
    assert line_and_column(starts, 6) == (2, 4)
    assert line_and_column(starts, 8) == (4, 1)
