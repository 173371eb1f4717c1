"""Who acts: the name or pronoun nearest before a position in a sentence.

Shared by the date rule (whose visit is this?) and the quote reader (who said this?). A run of
capitalised words names someone ("US Secretary of State Antony Blinken"); a run right after a
preposition is a place or an object ("in China", "with Qin") and is passed over, unless it is a
possessive right before the position ("ahead of Blinken's visit").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from concord.extract.temporal.vocabulary import MONTHS
from concord.extract.temporal.vocabulary import WEEKDAYS
from concord.lexicon import DEMONYMS
from concord.lexicon import FUNCTION_WORDS
from concord.lexicon import PRONOUNS
from concord.lexicon import TITLES

_TOKEN = re.compile(r"[A-Za-z][\w’'.-]*")
_POSSESSIVE = re.compile(r"[’']s$")
_POSSESSIVE_ENDINGS = ("’s", "'s")  # what `_POSSESSIVE` finds in a token (tokens hold no newline)
_BREAKS_RUN = re.compile(r"[,;:()]")
PREPOSITIONS = frozenset(
    "in to from at with for on into across near over via toward towards about against between "
    "among around through by".split()
)


@dataclass(frozen=True)
class Agent:
    """A name run or a pronoun, with its span."""

    text: str
    start: int
    end: int

    @property
    def is_pronoun(self) -> bool:
        return self.text.casefold() in PRONOUNS


def nearest_agent(
    text: str, sentence_start: int, position: int, *, pronouns: Collection[str] = PRONOUNS
) -> Agent | None:
    """The name or pronoun nearest before `position`, not earlier than `sentence_start`."""
    tokens = list(_TOKEN.finditer(text, sentence_start, position))
    run: list[re.Match[str]] = []
    possessive_before = False
    for index, token in enumerate(reversed(tokens)):
        raw = token.group()
        if run and _BREAKS_RUN.search(text, token.end(), run[-1].start()):
            break  # a comma ends a name: "with China, Kritenbrink said"
        word = (raw[:-2] if raw.endswith(_POSSESSIVE_ENDINGS) else raw).rstrip(".") or raw
        folded = word.casefold()
        if raw[0].isupper():
            sentence_initial = token.start() == sentence_start
            if (
                folded in MONTHS
                or folded in WEEKDAYS
                or (sentence_initial and folded in FUNCTION_WORDS)
            ):
                if run:
                    break
                continue
            if index == 0 and raw.endswith(_POSSESSIVE_ENDINGS):
                possessive_before = True
            run.append(token)
            continue
        if run and folded == "of":
            continue
        if run:
            if folded in PREPOSITIONS and not possessive_before:
                run = []
                continue
            break
        if folded in pronouns:
            return Agent(raw, token.start(), token.end())
    if not run or all(_describes(token.group()) for token in run):
        return None
    first, last = run[-1], run[0]
    name = _POSSESSIVE.sub("", text[first.start() : last.end()]).rstrip(".,")
    return Agent(name, first.start(), first.start() + len(name))


def first_agent(text: str, sentence_start: int, position: int) -> Agent | None:
    """The first name that acts in the sentence: the subject of its main clause."""
    for token in _TOKEN.finditer(text, sentence_start, position):
        if not token.group()[0].isupper():
            continue
        agent = nearest_agent(text, sentence_start, _run_end(text, token.end(), position))
        if agent is not None:
            return agent
    return None


def _run_end(text: str, end: int, limit: int) -> int:
    """Where the capitalised run that ends at `end` (or continues after it) stops."""
    for token in _TOKEN.finditer(text, end, limit):
        if not token.group()[0].isupper() and token.group() != "of":
            return token.start()
    return limit


def _describes(raw: str) -> bool:
    word = _POSSESSIVE.sub("", raw).rstrip(".")
    folded = word.casefold()
    letters = folded.replace(".", "")
    return (
        folded in TITLES
        or folded in DEMONYMS
        or folded in FUNCTION_WORDS
        or (word.replace(".", "").isupper() and len(letters) <= 4)
    )
