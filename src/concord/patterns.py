"""User-written regular expressions, compiled with RE2: matching takes linear time, so no
pattern in a rules file can hang a run (there is no catastrophic backtracking to fear), and
nothing in it is executed. RE2 has no look-around and no back-references; a pattern that uses
them is refused with that reason."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import re2


class PatternError(ValueError):
    """A pattern RE2 cannot compile, with its reason."""


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, *, ignore_case: bool = False) -> Any:
    """The compiled pattern, compiled once however many sources it runs over; raises
    `PatternError` with RE2's reason."""
    options = re2.Options()
    options.log_errors = False  # RE2 would print parse errors to stderr; we report them ourselves
    options.case_sensitive = not ignore_case
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = (
            error.args[0].decode()
            if error.args and isinstance(error.args[0], bytes)
            else str(error)
        )
        raise PatternError(reason) from None


def check_patterns(patterns: list[str], *, ignore_case: bool, needs_value: bool) -> None:
    """Raise the `ValueError` a rules file shows when a pattern will not do."""
    for pattern in patterns:
        try:
            compiled = compile_pattern(pattern, ignore_case=ignore_case)
        except PatternError as error:
            raise ValueError(
                f"pattern {pattern!r} is not valid: {error}; fix: correct it (RE2 syntax: "
                "no look-around, no back-references)"
            ) from None
        if needs_value and "value" not in compiled.groupindex:
            raise ValueError(
                f"pattern {pattern!r} has no group named `value`; fix: wrap what is compared "
                "in (?P<value>...)"
            )


def pattern_spans(
    patterns: list[str], text: str, *, ignore_case: bool, group: str | None = None
) -> Iterator[tuple[int, int]]:
    """Where the patterns match (or their `group`), empty matches left out.

    The patterns run on the text's UTF-8, encoded once for all of them: given a str, RE2's
    wrapper encodes it again for every pattern and converts every offset it finds, which was
    most of a pattern rule's time. Offsets are converted back here, for the matches only."""
    if not patterns:
        return
    utf8 = text.encode("utf-8")
    offsets = _CharOffsets(utf8, ascii=len(utf8) == len(text))
    for pattern in patterns:
        compiled = compile_pattern(pattern, ignore_case=ignore_case)
        index = compiled.groupindex[group] if group else 0
        for match in compiled.finditer(utf8):
            start, end = match.start(index), match.end(index)
            if start >= 0 and end > start:
                yield offsets.of(start), offsets.of(end)


class _CharOffsets:
    """Character offsets of a text's byte offsets (each at a character's start, as RE2 gives
    them in UTF-8), converted by decoding from the last one asked for when it is earlier."""

    def __init__(self, utf8: bytes, *, ascii: bool) -> None:
        self._utf8 = utf8
        self._ascii = ascii
        self._byte = 0
        self._char = 0

    def of(self, byte_offset: int) -> int:
        if self._ascii:
            return byte_offset
        if byte_offset < self._byte:
            self._byte = self._char = 0
        self._char += len(self._utf8[self._byte : byte_offset].decode("utf-8"))
        self._byte = byte_offset
        return self._char


def literal_spans(
    literals: list[str], text: str, *, ignore_case: bool
) -> Iterator[tuple[int, int]]:
    """Where the literals stand as whole words."""
    for literal in literals:
        found = _whole_word(literal, ignore_case)
        position = 0
        while (match := found.search(text, position)) is not None:
            start = match.start()
            if start and _WORD_CHARACTER.match(text, start - 1):
                position = start + 1  # inside a longer word; one could start within this one
                continue
            yield start, match.end()
            position = match.end()


@lru_cache(maxsize=512)
def _whole_word(literal: str, ignore_case: bool) -> re.Pattern[str]:
    """The literal not followed by a word character. Not preceded by one is checked by the
    caller: a pattern that opens with a look-behind is tried at every character, one that
    opens with the literal only where its first character is (the scan of a 10,000-document
    corpus for the bundled rules' literals took 2 s that way)."""
    return re.compile(rf"{re.escape(literal)}(?!\w)", re.IGNORECASE if ignore_case else 0)


_WORD_CHARACTER = re.compile(r"\w")
