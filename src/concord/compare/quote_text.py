"""Quote wording: typography-blind words, verbatim fragments, alignment and word diffs.

Two versions of a quote are compared word by word after typography is set aside: curly and
straight quotes and apostrophes, dashes, whitespace, case, and the punctuation between and
around words ("We're" = "We’re"; "transformation," = "transformation"). Alignment is rapidfuzz's
longest common subsequence over words; the diff is difflib's, which is enough for word lists.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

_TYPOGRAPHY = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"}
)
_WORD = re.compile(r"\w(?:[\w'.-]*\w)?")


@dataclass(frozen=True)
class Wording:
    """A quote's words as written (`shown`) and as compared (`keys`), split at ellipsis gaps."""

    shown: tuple[str, ...]
    keys: tuple[str, ...]
    segments: tuple[tuple[str, ...], ...]
    written: str  # the quote as written, gaps as " … ", edge punctuation trimmed

    @property
    def size(self) -> int:
        return len(self.keys)


def wording(segments: Sequence[str]) -> Wording:
    """The words of a quote given as its ellipsis-separated segments."""
    shown: list[str] = []
    keys: list[str] = []
    keyed: list[tuple[str, ...]] = []
    for segment in segments:
        words = _WORD.findall(segment.translate(_TYPOGRAPHY))
        shown.extend(words)
        segment_keys = casefolded(words)
        keys.extend(segment_keys)
        keyed.append(segment_keys)
    written = " … ".join(" ".join(segment.split()).strip(" ,;:") for segment in segments)
    return Wording(
        tuple(shown), tuple(keys), tuple(segment for segment in keyed if segment), written
    )


def casefolded(words: Sequence[str]) -> tuple[str, ...]:
    """Each word casefolded: joined by spaces and folded in one call, which no word holds and
    no fold makes, then split again (a third of the quote reading was a fold per word)."""
    if not words:
        return ()
    return tuple(" ".join(words).casefold().split(" "))


def is_fragment(short: Wording, long: Wording) -> bool:
    """Every segment of `short` stands verbatim in `long`, in order: a truncation, or a quote
    with an ellipsis gap, is consistent with the full version."""
    if short.size > long.size or not short.segments:
        return False
    position = 0
    for segment in short.segments:
        found = _find(long.keys, segment, position)
        if found < 0:
            return False
        position = found + len(segment)
    return True


def _find(haystack: tuple[str, ...], needle: tuple[str, ...], start: int) -> int:
    width = len(needle)
    first = needle[0]
    for index in range(start, len(haystack) - width + 1):
        if haystack[index] == first and haystack[index : index + width] == needle:
            return index
    return -1


def aligned_words(first: Wording, second: Wording) -> int:
    """How many words the two versions share in the same order."""
    return int(LCSseq.similarity(first.keys, second.keys))


def word_diff(reference: Wording, other: Wording) -> str:
    """`other` against `reference`, word by word: `[-removed-]` and `{+added+}`."""
    matcher = difflib.SequenceMatcher(a=reference.keys, b=other.keys, autojunk=False)
    parts: list[str] = []
    for operation, first, last, other_first, other_last in matcher.get_opcodes():
        if operation == "equal":
            parts.extend(other.shown[other_first:other_last])
            continue
        if last > first:
            parts.append("[-" + " ".join(reference.shown[first:last]) + "-]")
        if other_last > other_first:
            parts.append("{+" + " ".join(other.shown[other_first:other_last]) + "+}")
    return " ".join(parts)
