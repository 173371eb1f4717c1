"""The words a regular expression's matches can begin with, read from its parse tree.

The date scanner tries its 50 forms at every word near a date word, and most of those words
("in", "China", "said") start no form: nine tries in ten fail, and each failure cost every
form. Knowing every word a form's matches can start with lets the scanner skip the other words
with one set lookup, and at a word it does try, skip the forms that cannot start with it. The
sets are worked out from the patterns themselves, never written by hand, so a new form can
never be skipped by mistake: whatever this cannot bound (a repeated letter class, `\\w`, a
back-reference) makes it answer None, and the scanner then tries that form everywhere.

A "word" here is the maximal run of letters (`[^\\W\\d_]`, as in the text) at the start of a
match; a match that starts with a digit or an apostrophe begins with the empty word.
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as codes
    from re import _parser as parser
else:  # the same modules under their older names
    import sre_constants as codes
    import sre_parse as parser

# Beyond these, the set is not worth keeping (the lookup would still be exact, but the
# enumeration's cost grows with it): the caller tries every place instead.
_MOST_WORDS = 20_000
_MOST_LETTERS_IN_A_CLASS = 64
_MOST_REPEATS = 4
_LETTER = re.compile(r"[^\W\d_]")
# Words are compared by their first PREFIX letters: "aprileighteenth" (optional spaces between
# words make run-ons) need not be listed whole. Longer than any single date word, so few
# words share a prefix with a word no form starts with.
PREFIX = 8
_WORD_AT = re.compile(rf"[^\W\d_]{{0,{PREFIX}}}")
_REPEATS = tuple(
    op
    for op in (
        codes.MAX_REPEAT,
        codes.MIN_REPEAT,
        getattr(codes, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)
_ZERO_WIDTH = (codes.AT, codes.ASSERT, codes.ASSERT_NOT)
_ATOMIC_GROUP = getattr(codes, "ATOMIC_GROUP", None)
_WORD_ENDS = (codes.AT_BOUNDARY, codes.AT_END, codes.AT_END_STRING)


class _Unbounded(Exception):
    """The pattern can start with words this cannot list."""


def word_at(text: str, position: int) -> str:
    """The word at `position` as `first_words` lists it: its first PREFIX letters, or the
    empty word at a digit or an apostrophe."""
    found = _WORD_AT.match(text, position)
    return found.group() if found is not None else ""


def first_words(pattern: str) -> frozenset[str] | None:
    """Every letter run (cut to PREFIX letters) a match of `pattern`, compiled without flags,
    can begin with; None when that cannot be bounded. A superset: lookarounds are ignored,
    never assumed to hold. A match at `position` is possible only if `word_at(text,
    position)` is in it."""
    try:
        tree: Any = parser.parse(pattern)  # a SubPattern: iterable, though not typed so
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        open_runs, ended = _sequence(list(tree), {""})
    except (_Unbounded, RecursionError):
        return None
    if open_runs:
        return None  # a match may end inside a word, which the text may go on with
    return frozenset(ended)


def _sequence(items: list[tuple[Any, Any]], open_runs: set[str]) -> tuple[set[str], set[str]]:
    """Runs still open after `items` (no non-letter yet), and runs a non-letter ended."""
    ended: set[str] = set()
    for op, value in items:
        if not open_runs:
            break
        open_runs, newly_ended = _element(op, value, open_runs)
        ended |= newly_ended
        if len(open_runs) + len(ended) > _MOST_WORDS:
            raise _Unbounded
    return open_runs, ended


def _element(op: Any, value: Any, open_runs: set[str]) -> tuple[set[str], set[str]]:
    if op is codes.LITERAL:
        return _characters({chr(value)}, open_runs)
    if op is codes.IN:
        return _characters(_class(value), open_runs)
    if op is codes.SUBPATTERN:
        if value[1] & (re.IGNORECASE | re.VERBOSE):
            raise _Unbounded  # (?i:…): capitals would match too
        return _sequence(list(value[-1]), open_runs)
    if op is _ATOMIC_GROUP:
        return _sequence(list(value), open_runs)
    if op is codes.BRANCH:
        still_open: set[str] = set()
        ended: set[str] = set()
        for alternative in value[1]:
            branch_open, branch_ended = _sequence(list(alternative), set(open_runs))
            still_open |= branch_open
            ended |= branch_ended
        return still_open, ended
    if op in _REPEATS:
        least, most, sub = value
        return _repeat(least, most, list(sub), open_runs)
    if op is codes.AT and value in _WORD_ENDS:
        # Here the text holds no letter after a letter: the word has ended. Only at "$" is
        # that so for a match that has no letter yet.
        ended = {run for run in open_runs if run or value is not codes.AT_BOUNDARY}
        return open_runs - ended, ended
    if op is codes.ASSERT_NOT and value[0] == 1 and _any_word_character(value[1]):
        return set(), open_runs  # `(?!\w)`: the next character is no letter
    if op in _ZERO_WIDTH:
        return open_runs, set()  # other assertions are not assumed to hold
    raise _Unbounded  # ANY, a back-reference, a conditional: no finite answer


def _repeat(
    least: int, most: int, sub: list[tuple[Any, Any]], open_runs: set[str]
) -> tuple[set[str], set[str]]:
    still_open: set[str] = set()
    ended: set[str] = set()
    current = set(open_runs)
    for count in range(most + 1):
        if count > least and current <= still_open:
            # Each further repeat would give only runs already found (the step is monotone):
            # `(?:\s|,)*` stops here.
            break
        if count >= least:
            still_open |= current
        if not current or count == most:
            break
        if count >= _MOST_REPEATS:
            raise _Unbounded  # `[a-z]+` at the start: any word
        current, newly_ended = _sequence(sub, current)
        ended |= newly_ended
    return still_open, ended


def _characters(chars: set[str], open_runs: set[str]) -> tuple[set[str], set[str]]:
    letters = {char for char in chars if _LETTER.fullmatch(char)}
    grown = {run + letter for run in open_runs for letter in letters}
    ended = set(open_runs) if len(letters) < len(chars) else set()
    # A run as long as PREFIX stands for every run it begins: ended here, it is a superset.
    ended |= {run for run in grown if len(run) >= PREFIX}
    return {run for run in grown if len(run) < PREFIX}, ended


def _any_word_character(items: Any) -> bool:
    """Whether a pattern matches any one word character: `\\w`, `[\\w]`, or `\\w|…`."""
    items = list(items)
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is codes.BRANCH else [items]
    return any(
        len(alternative) == 1
        and alternative[0][0] is codes.IN
        and (codes.CATEGORY, codes.CATEGORY_WORD) in list(alternative[0][1])
        for alternative in map(list, alternatives)
    )


def _class(items: list[tuple[Any, Any]]) -> set[str]:
    """The characters of a class such as `[a-z0-9'’]`: letters listed one by one; a category
    without letters (`\\d`, `\\s`) as a stand-in non-letter."""
    chars: set[str] = set()
    for item, argument in items:
        if item is codes.LITERAL:
            chars.add(chr(argument))
        elif item is codes.RANGE:
            first, last = argument
            if last - first > _MOST_LETTERS_IN_A_CLASS:
                raise _Unbounded
            chars |= {chr(code) for code in range(first, last + 1)}
        elif item is codes.CATEGORY and argument in (codes.CATEGORY_DIGIT, codes.CATEGORY_SPACE):
            chars.add("0" if argument is codes.CATEGORY_DIGIT else " ")
        else:
            raise _Unbounded  # \w, a negated class: letters without end
    return chars
