"""The tense of the words around a temporal expression, read from a few marker words.

A full parser would be more exact, but these markers decide the cases that matter for dates:
"plans to meet on Monday" is future, "arrived early on Sunday" is past, and a bare "Friday"
with no marker is left unknown, which the resolver then says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from concord.extract.temporal.facts import Tense

_FUTURE = (
    r"will|won['’]t|['’]ll|shall|would|going to|about to|"
    r"(?:plans?|planned|planning|set|scheduled|due|expected|expects?|intends?|intended|hopes?|"
    r"aims?|is|are|was|were) to|ahead of|upcoming|"
    r"coming|next|tomorrow"
)
_PAST = (
    r"was|were|had|did|said|told|met|went|came|took|held|left|made|gave|saw|spoke|wrote|flew|"
    r"ago|last|yesterday|earlier|previously|already|[a-z]{3,}ed"
)
_MARKER = re.compile(rf"(?i)\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b")
# The words a marker can begin with, folded by `_FOLD` and lowercased; and any word of five or
# more letters ending in "ed". `markers` tries the alternation only at those and after a word
# followed by an apostrophe ("we'll"); tests/property/test_tense.py checks that it finds what
# `_MARKER.finditer` does.
FIRST_WORDS = frozenset(
    "will won shall would going about plan plans planned planning set scheduled due expected "
    "expect expects intend intends intended hope hopes aim aims is are was were ahead upcoming "
    "coming next tomorrow had did said told met went came took held left made gave saw spoke "
    "wrote flew ago last yesterday earlier previously already".split()
)
# The letters that `re`'s IGNORECASE matches with an ASCII letter although `lower` does not
# make them one (its documentation names these four).
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_APOSTROPHES = "'’"
_RUN = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.;!?]\s|\n")
_WINDOW = 160


def tense_before(text: str, start: int, end: int) -> Tense:
    """The tense marked nearest before `start` in the same sentence, else just after `end`.

    The windows are searched in place, never sliced out: a slice that begins or ends inside a
    word would give the regex a word boundary the text does not have ("ported" of "reported"
    reads as a past marker). A search from `pos` sees the character before it; one up to
    `endpos` does not see past it, so the window after is widened to the end of its last word.
    """
    window_start = max(0, start - _WINDOW)
    for boundary in _CLAUSE_END.finditer(text, window_start, start):
        window_start = boundary.end()
    nearest: Tense = "unknown"
    for marker in markers(text, window_start, start):
        nearest = "future" if marker.group("future") else "past"
    if nearest != "unknown":
        return nearest
    window_end = min(len(text), end + _WINDOW)
    word_end = _RUN.match(text, window_end)
    if word_end is not None:
        window_end = word_end.end()
    stop = _CLAUSE_END.search(text, end, window_end)
    if stop is not None:
        window_end = stop.start()
    following = next(markers(text, end, window_end), None)
    if following is None:
        return "unknown"
    return "future" if following.group("future") else "past"


def markers(text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """What `_MARKER.finditer(text, pos, endpos)` finds, in the same order, the alternation
    tried only where a marker can begin: a word in `FIRST_WORDS`, a longer word ending in
    "ed", or an apostrophe after a word ("'ll"). Tried at every word, the alternation's
    sixty branches were a sixth of the date reader's time."""
    resume = pos
    if 0 < pos < endpos and text[pos] in _APOSTROPHES:
        # An apostrophe the window opens on, after a word it leaves out ("we|'ll").
        found = _MARKER.match(text, pos, endpos)
        if found is not None:
            yield found
            resume = found.end()
    for run in _RUN.finditer(text, pos, endpos):
        run_start, run_end = run.span()
        if run_start >= resume:
            word = run.group().translate(_FOLD).lower()
            if word in FIRST_WORDS or (len(word) >= 5 and word.endswith("ed")):
                found = _MARKER.match(text, run_start, endpos)
                if found is not None:
                    yield found
                    resume = found.end()
        if run_end >= resume and run_end < endpos and text[run_end] in _APOSTROPHES:
            found = _MARKER.match(text, run_end, endpos)
            if found is not None:
                yield found
                resume = found.end()
