"""A pattern's matches found fast where every match starts with one of a few literal words.

A user's pattern (a variants rule's spellings) opens with a look-behind, so `re` tries it at
every character of the text, and its matches are rare. The words it starts with are found
first, and the pattern is tried there only. Words matched as written are found by `re`'s own
search for them in the text, which skips from one place a word can start to the next in C.
Words matched ignoring case are found by RE2, in one DFA pass over the text's bytes with every
non-ASCII character made one "?" (which keeps offsets). (A date rule's triggers were tried so
too, per sentence, and were slower: "be" of "be in China" starts many words.)

That finds every match the pattern finds. Ignoring case, it does so as long as the words are
ASCII and the text holds no character that IGNORECASE matches to an ASCII letter
(`FOLDING`): for other words and texts, the pattern runs alone.
tests/property/test_variant_scan.py checks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any

import re2

from concord.ascii_folds import FOLDING


class LiteralStarts:
    """`pattern.finditer`, fast, for a pattern every match of which starts with one of `starts`
    (compared as the pattern compares letters: ignoring case if it does)."""

    def __init__(self, pattern: re.Pattern[str], starts: Sequence[str]) -> None:
        self.pattern = pattern
        self._ignore_case = bool(pattern.flags & re.IGNORECASE)
        self._starts: Any = None
        # Matched as written, the words are found by `re` in the text itself: it skips to
        # each place one of them can start in C (RE2's Python wrapper cost 4 µs a match, and
        # "US" of "US" and "U.S." stands a dozen times in a text).
        self._exact: re.Pattern[str] | None = None
        if starts and all(starts) and not self._ignore_case:
            longest_first = sorted(set(starts), key=len, reverse=True)
            self._exact = re.compile("|".join(re.escape(start) for start in longest_first))
        elif starts and all(start and start.isascii() for start in starts):
            options = re2.Options()
            options.case_sensitive = not self._ignore_case
            literal = "|".join(_re2_literal(start) for start in sorted(set(starts)))
            self._starts = re2.compile(literal.encode(), options)

    def usable_on(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether the fast way finds every match in `text` between `start` and `end` (else
        the pattern runs alone): only the characters a match can hold matter."""
        end = len(text) if end is None else end
        return self._exact is not None or (
            self._starts is not None and not FOLDING.search(text, start, end)
        )

    def finditer(
        self, text: str, ascii_text: bytes, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text, start, end)`; `ascii_text` is `text.encode("ascii",
        "replace")`."""
        end = len(text) if end is None else end
        if not self.usable_on(text, start, end):
            yield from self.pattern.finditer(text, start, end)
            return
        position = start
        exact = self._exact
        while True:
            if exact is not None:
                found = exact.search(text, position, end)
            else:
                found = self._starts.search(ascii_text, position, end)
            if found is None:
                return
            place = found.start()
            match = self.pattern.match(text, place, end)
            if match is None:
                position = place + 1  # a word inside another, or not followed as it must be
                continue
            yield match
            position = max(match.end(), place + 1)


def _re2_literal(text: str) -> str:
    """`text` as an RE2 pattern that matches it literally, letters and digits as they are."""
    return "".join(char if char.isalnum() else f"\\x{{{ord(char):02x}}}" for char in text)
