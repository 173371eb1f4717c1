"""Which dates in a source are about a rule's event: near a trigger, done by its subject."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from concord.extract.agents import Agent
from concord.extract.agents import nearest_agent
from concord.extract.sentences import Span
from concord.extract.sentences import clauses
from concord.extract.sentences import sentences
from concord.extract.sentences import whole_words_by_first_character
from concord.extract.temporal import TemporalFact
from concord.lexicon import AUXILIARIES
from concord.lexicon import FINITE_VERBS
from concord.rules.date import DateRule

_TOKEN = re.compile(r"[A-Za-z][\w’'.-]*")
_CONSONANTS = frozenset("bcdfgklmnprstvz")


def word_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """One regex for a list of words or phrases written by a user.

    Each lowercase word also matches its regular inflections (visit: visits, visited, visiting;
    arrive: arrived, arrival; travel: travelled). `*` stands for any letters. Nothing else in
    the text is special: a user's words are escaped, never run as a pattern.

    When every phrase starts with an ASCII letter or digit, the pattern opens with the class of
    those first characters, so that `re` skips from one place where a phrase can start to the
    next in C: opening with the look-behind, it tried every phrase at every character. The
    matches are those of `plain_word_pattern` (tests/property/test_trigger_pattern.py).
    """
    first_words = [phrase.split()[0] if phrase.split() else "" for phrase in phrases]
    if not phrases or not all(word[:1].isascii() and word[:1].isalnum() for word in first_words):
        return plain_word_pattern(phrases)
    alternatives = []
    for phrase in phrases:
        words = phrase.split()
        # Every form of a word starting with an ASCII letter or digit starts with that
        # character as written (re.escape leaves it alone): the rest is what follows it.
        tails = "(?:" + "|".join(form[1:] for form in _word_forms(words[0])) + ")"
        rest = "".join(r"\s+" + _alternatives(_word_forms(word)) for word in words[1:])
        alternatives.append((words[0][0].casefold(), tails + rest))
    return re.compile(whole_words_by_first_character(alternatives), re.IGNORECASE)


def plain_word_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """`word_pattern` as one alternation of the phrases between word boundaries: its
    definition, and the form used when a phrase starts with anything but an ASCII letter or
    digit."""
    alternatives = [
        r"\s+".join(_alternatives(_word_forms(word)) for word in phrase.split())
        for phrase in phrases
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _alternatives(forms: list[str]) -> str:
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def _word_forms(word: str) -> list[str]:
    """The regexes of a word's forms, each starting with the word's first character as
    `re.escape` writes it."""
    if "*" in word:
        return [r"\w*".join(re.escape(part) for part in word.split("*"))]
    escaped = re.escape(word)
    if not word.islower() or not word.isalpha():
        return [escaped]
    forms = [escaped + r"(?:s|es|ed|d|ing)?"]
    if word.endswith("e"):
        forms.append(re.escape(word[:-1]) + r"(?:ing|al|ion|ions)")
    if word[-1] in _CONSONANTS:
        forms.append(escaped + re.escape(word[-1]) + r"(?:ed|ing)")
    if word.endswith("y"):
        forms.append(re.escape(word[:-1]) + r"(?:ies|ied)")
    return forms


@dataclass(frozen=True)
class EventScope:
    """A date rule's way of telling its event's dates from the other dates of a text."""

    triggers: re.Pattern[str]
    exclude: re.Pattern[str] | None
    subject: tuple[str, ...]
    scope: str
    subject_pattern: re.Pattern[str] | None = None  # any subject name, as a whole word

    @classmethod
    def of(cls, rule: DateRule) -> EventScope:
        return cls(
            triggers=word_pattern(rule.triggers),
            exclude=word_pattern(rule.exclude) if rule.exclude else None,
            subject=tuple(name.casefold() for name in rule.subject),
            scope=rule.scope,
            subject_pattern=_subject_pattern(rule.subject),
        )

    def names_event(self, text: str) -> bool:
        """Whether a trigger of the event stands anywhere in `text`."""
        return self.triggers.search(text) is not None

    def select(
        self,
        text: str,
        facts: Sequence[TemporalFact],
        sentence_spans: Sequence[Span] | None = None,
        *,
        named: bool | None = None,
    ) -> list[TemporalFact]:
        """The facts (dates and ranges, not durations) that date this event in `text`.
        `sentence_spans` are `sentences(text)`, and `named` is `names_event(text)`, when the
        caller has them already."""
        return self.select_in(DatedText(text, facts, sentence_spans), named=named)

    def select_in(self, dated_text: DatedText, *, named: bool | None = None) -> list[TemporalFact]:
        """`select` over a text that other rules' scopes may read too."""
        text = dated_text.text
        dated = dated_text.dated
        # Most texts never name the event: one pass of the trigger pattern settles those.
        if not dated or not (self.names_event(text) if named is None else named):
            return []
        chosen: dict[int, TemporalFact] = {}
        for sentence, previous, in_sentence in dated_text.dated_sentences():
            near = dated_text.near(sentence)
            triggers = [
                found
                for found in self.triggers.finditer(text, sentence[0], sentence[1])
                if not _inside(found.span(), near)
            ]
            if not triggers:
                continue
            parts = dated_text.clauses(sentence) if self.scope == "clause" else [sentence]
            for trigger in triggers:
                part = _containing(parts, trigger.start())
                if part is None or self._excluded(text, part):
                    continue
                if not self._by_subject(dated_text, sentence, previous, trigger.start()):
                    continue
                for fact in in_sentence:
                    if not part[0] <= fact.start < part[1]:
                        continue
                    if self.scope == "clause" and _verb_between(text, trigger.span(), fact):
                        continue
                    chosen[fact.start] = fact
        return [chosen[start] for start in sorted(chosen)]

    def _excluded(self, text: str, part: Span) -> bool:
        return self.exclude is not None and self.exclude.search(text, part[0], part[1]) is not None

    def _by_subject(
        self, dated_text: DatedText, sentence: Span, previous: Span | None, trigger: int
    ) -> bool:
        if not self.subject:
            return True
        text = dated_text.text
        if self.scope == "sentence":
            return self._names_subject(text[sentence[0] : sentence[1]])
        agent = dated_text.agent(sentence[0], trigger)
        if agent is not None and not agent.is_pronoun:
            return self._names_subject(agent.text)
        around = text[sentence[0] : sentence[1]]
        if previous is not None:
            around = text[previous[0] : previous[1]] + " " + around
        return self._names_subject(around)

    def _names_subject(self, text: str) -> bool:
        return self.subject_pattern is not None and bool(
            self.subject_pattern.search(text.casefold())
        )


class DatedText:
    """One text with its dates, read by any number of date rules: what their scopes work out
    of it (its sentences, each sentence's clauses, the agent before a trigger) depends on the
    text alone, so it is worked out once, however many rules ask. A corpus's date rules share
    triggers ("visit"), and two thirds of the clauses one rule needed another needed too."""

    def __init__(
        self,
        text: str,
        facts: Sequence[TemporalFact],
        sentence_spans: Sequence[Span] | None = None,
    ) -> None:
        self.text = text
        self.dated = sorted(
            (fact for fact in facts if fact.kind != "duration"), key=lambda fact: fact.start
        )
        self.starts = [fact.start for fact in self.dated]
        self._fact_spans = sorted((fact.start, fact.end) for fact in facts)
        self._span_starts = [start for start, _ in self._fact_spans]
        self._longest = max((end - start for start, end in self._fact_spans), default=0)
        self._sentences = sentence_spans
        self._clauses: dict[Span, list[Span]] = {}
        self._agents: dict[tuple[int, int], Agent | None] = {}
        self._dated_sentences: list[tuple[Span, Span | None, list[TemporalFact]]] | None = None

    @property
    def sentences(self) -> Sequence[Span]:
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    def dated_sentences(self) -> list[tuple[Span, Span | None, list[TemporalFact]]]:
        """Each sentence that holds a date, with the sentence before it and its dates."""
        if self._dated_sentences is None:
            found = []
            all_sentences = self.sentences
            for index, sentence in enumerate(all_sentences):
                first = bisect_left(self.starts, sentence[0])
                last = bisect_left(self.starts, sentence[1], first)
                if first < last:
                    previous = all_sentences[index - 1] if index else None
                    found.append((sentence, previous, self.dated[first:last]))
            self._dated_sentences = found
        return self._dated_sentences

    def near(self, sentence: Span) -> Sequence[Span]:
        """The facts' spans that reach into `sentence`, and so can hold a trigger or a clause
        mark of it: those that start at most the longest fact's length before it."""
        return self._fact_spans[
            bisect_left(self._span_starts, sentence[0] - self._longest) : bisect_left(
                self._span_starts, sentence[1]
            )
        ]

    def clauses(self, sentence: Span) -> list[Span]:
        if sentence not in self._clauses:
            self._clauses[sentence] = clauses(self.text, sentence, self.near(sentence))
        return self._clauses[sentence]

    def agent(self, sentence_start: int, position: int) -> Agent | None:
        """Who acts nearest before `position` in the sentence (`nearest_agent`)."""
        key = (sentence_start, position)
        if key not in self._agents:
            self._agents[key] = nearest_agent(self.text, sentence_start, position)
        return self._agents[key]


def _subject_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile("|".join(rf"\b{re.escape(name.casefold())}\b" for name in names))


def _verb_between(text: str, trigger: tuple[int, int], fact: TemporalFact) -> bool:
    after = fact.start >= trigger[1]
    between = text[trigger[1] : fact.start] if after else text[fact.end : trigger[0]]
    words = [word.casefold() for word in _TOKEN.findall(between)]
    for index, word in enumerate(words):
        if word in FINITE_VERBS and word not in AUXILIARIES:
            return True
        if (
            word in AUXILIARIES
            and index + 1 < len(words)
            and words[index + 1].endswith(("ed", "en"))
        ):
            return True
    return False


def _containing(parts: Sequence[Span], offset: int) -> Span | None:
    for part in parts:
        if part[0] <= offset < part[1]:
            return part
    return None


def _inside(span: tuple[int, int], spans: Sequence[Span]) -> bool:
    return any(first <= span[0] and span[1] <= last for first, last in spans)
