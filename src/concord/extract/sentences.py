"""Sentences and clauses of a text, as character spans.

Rule-based and deliberately small: a sentence ends at ". ", "! " or "? " before a capital or a
quote, or at a line break, except after a title ("Mr."), an initial ("U.S.") or a company suffix
("Corp."). Clauses end at commas, semicolons, colons, dashes and brackets, and before a
subordinating word ("since", "after", "which"). Spans given as `keep_whole` (dates such as
"June 18, 2023" or "the day after tomorrow") are never cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from concord.lexicon import TITLE_ABBREVIATIONS

Span = tuple[int, int]

# A sentence ends before a capital, a digit, or an opening quote mark (a quote may open with a
# small letter: “encountered new difficulties,” Qin said), or at a line break. Written to start
# with one character class, not as `[.!?]...|\n+`: `re` then skips to the next such character in
# C instead of trying both branches at every place, 2.6 times faster on the same matches
# (tests/property/test_sentence_scan.py checks them against that plain form).
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9]|[“‘«„])|(?<=\n)\n*)"
)
_NO_END_AFTER = TITLE_ABBREVIATIONS | frozenset(
    "corp inc ltd co jr sr no vs etc jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_LETTERS_AND_DOTS = re.compile(r"[A-Za-z.]+")
_WORD = re.compile(r"[A-Za-z']+")
# A clause ends at a punctuation mark or a spaced dash, and before a subordinating word. The two
# are found by separate patterns, each starting with one character class so that `re` skips to
# the next candidate in C: `[,;:()\[\]]|\s[–—-]\s|\b(?=(?:since|...)\b)` tried all three branches
# at every place (9.5 against 19.6 MB/s for both patterns, the same cuts; no match of one can
# hold or touch a match of the other, and tests/property/test_sentence_scan.py checks them
# against that one pattern).
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()\[\]\s](?:(?<=[,;:()\[\]])|(?<=\s)[–—-]\s)")
_SUBORDINATORS = (
    "since after before when while because although though where which who whom whose whereas "
    "until unless whether"
).split()


def _starting_with_its_letter(words: Sequence[str]) -> str:
    """A pattern for any of the whole `words` that opens with the class of their first letters,
    then, by the letter matched, what can follow it: `[sa](?<!\\w.)(?:(?<=s)(?:ince)|(?<=a)...)`."""
    return whole_words_by_first_character([(word[0], re.escape(word[1:])) for word in words])


def whole_words_by_first_character(alternatives: Sequence[tuple[str, str]]) -> str:
    """The alternation of whole words, each given as (its first character, a regex of the rest),
    written to open with the class of the first characters: `re` then skips to the next place
    one can start in C instead of trying every alternative at every character. The
    alternatives that start with one character keep their order; those that start with others
    never match at the same place. The first characters must be letters or digits."""
    by_first: dict[str, list[str]] = {}
    for first, rest in alternatives:
        by_first.setdefault(first, []).append(rest)
    branches = "|".join(
        f"(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in by_first.items()
    )
    return f"[{''.join(by_first)}](?<!\\w.)(?:{branches})(?!\\w)"


_SUBORDINATOR = re.compile(_starting_with_its_letter(_SUBORDINATORS), re.IGNORECASE)


def sentences(text: str) -> list[Span]:
    """The sentences of `text`, in order, without surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for end_mark in _SENTENCE_END.finditer(text):
        if end_mark.group().startswith(".") and _abbreviation_before(text, end_mark.start()):
            continue
        _add_stripped(text, start, end_mark.start() + 1, spans)
        start = end_mark.end()
    _add_stripped(text, start, len(text), spans)
    return spans


def clauses(text: str, sentence: Span, keep_whole: Sequence[Span] = ()) -> list[Span]:
    """The clauses of one sentence. A clause holding nothing but a date and small words ("In
    2018," or "And, earlier this month,") joins the clause after it, which it dates."""
    start, end = sentence
    cuts = [
        mark
        for mark in clause_marks(text, start, end)
        if not any(first < mark < last for first, last in keep_whole)
    ]
    spans: list[Span] = []
    clause_start = start
    for cut in cuts:
        if cut > clause_start:
            spans.append((clause_start, cut))
        clause_start = cut + 1 if text[cut] in ",;:()[]" else cut
    if clause_start < end:
        spans.append((clause_start, end))
    return _join_fronted(text, spans, keep_whole)


def clause_marks(text: str, start: int, end: int) -> list[int]:
    """Where a clause can end between `start` and `end`, in order: each punctuation mark,
    spaced dash and subordinating word."""
    marks = [mark.start() for mark in _CLAUSE_PUNCTUATION.finditer(text, start, end)]
    marks.extend(mark.start() for mark in _SUBORDINATOR.finditer(text, start, end))
    marks.sort()
    return marks


def _join_fronted(text: str, spans: list[Span], dates: Sequence[Span]) -> list[Span]:
    joined: list[Span] = []
    pending: int | None = None
    for clause_start, last in spans:
        first = clause_start if pending is None else pending
        pending = None
        if _only_a_date(text, first, last, dates):
            pending = first
            continue
        joined.append((first, last))
    if pending is not None:
        if joined:
            joined[-1] = (joined[-1][0], spans[-1][1])
        else:
            joined.append((pending, spans[-1][1]))
    return joined


_SMALL_WORDS = frozenset(
    "a an and the in on at by of for from since during just only also then but so "
    "until till".split()
)


def _only_a_date(text: str, start: int, end: int, dates: Sequence[Span]) -> bool:
    inside = [(first, last) for first, last in dates if start <= first and last <= end]
    if not inside:
        return False
    rest = text[start:end]
    for first, last in sorted(inside, reverse=True):
        rest = rest[: first - start] + " " + rest[last - start :]
    words = _WORD.findall(rest)
    return all(word.casefold() in _SMALL_WORDS for word in words)


def _abbreviation_before(text: str, period: int) -> bool:
    # The run of letters and dots that ends at the period, matched on the reversed window:
    # a search for one that ends at the window's end would try every place in it.
    word = _LETTERS_AND_DOTS.match(text[max(0, period - 12) : period][::-1])
    if word is None:
        return False
    token = word.group()[::-1]
    if "." in token or len(token) == 1:
        return True  # "U.S." or an initial
    return token.casefold() in _NO_END_AFTER


def _add_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
