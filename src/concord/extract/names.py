"""Person-name mentions: which declared person a capitalised word sequence refers to, and how.

The text is cut into *chunks*: runs of capitalised words separated by a single space (or a
title abbreviation such as "Mr."). Each chunk is matched against the declared people:

1. a declared full form ("Qin Gang", or an alias) is a correct mention;
2. the same words in the other order ("Gang Qin") is an `order` fault;
3. a full form with one word a few edits off ("Daniel Kritenbrinck") is a `misspelt` fault;
4. what is left is a lone word, with titles around it at most: the family name is a correct
   short form ("Qin", "Mr. Blinken"), the given name a `given` fault ("Gang told AFP"), and a word
   a few edits from a name part that is no English word a `misspelt` one ("Blinkin").

A lone word beside another name-like word belongs to someone else ("Wang Wenbin" is not Wang Yi),
and a lone given name only counts where the same source names that person otherwise, because a
bare "William" in a text that never mentions William Burns is somebody else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from typing import Literal

from rapidfuzz.distance import OSA

from concord.lexicon import FUNCTION_WORDS
from concord.lexicon import PERSON_VERBS
from concord.lexicon import TITLE_ABBREVIATIONS
from concord.lexicon import TITLES
from concord.lexicon import is_common_word
from concord.rules.name import Person

MentionKind = Literal["full", "family", "given", "misspelt", "reversed"]
FAULTY_KINDS: frozenset[MentionKind] = frozenset({"given", "misspelt", "reversed"})

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A word that may be capitalised: ASCII lowercase initials are skipped inside the regex engine,
# which is most words; other initials (É, é) are checked with str.isupper.
# A capital, not after a word character, apostrophe or hyphen, then the rest of the word. The
# look-behind comes after the first letter so that the pattern opens with a character set, which
# `re` scans for in C before trying a match (a third faster); tests/property/test_name_scan.py
# checks it against the look-behind-first definition.
_CAPITALISED_WORD = re.compile(r"[^\W\d_a-z](?<![\w'’-].)[^\W\d_]*(?:[-'’][^\W\d_]+)*")
_POSSESSIVE_ENDINGS = ("'s", "’s")
_NAME_GAP = re.compile(r"[ \t\u00a0]+|[ \t]*\r?\n[ \t]*")
_OPENERS = " \t\r\"'“‘«„([{"
_SENTENCE_ENDS = ".!?:;"


@dataclass(frozen=True)
class NameMention:
    """A mention of a declared person. `start`/`end` are character offsets of the span."""

    person: str
    kind: MentionKind
    start: int
    end: int
    text: str
    form: str  # the declared form this mention stands for: a full name, alias or name part
    expected: str | None = None  # for faulty mentions, what should have been written

    @property
    def is_fault(self) -> bool:
        return self.kind in FAULTY_KINDS

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data, for the extraction cache (field by field: `dataclasses.asdict`
        deep-copies every value and took a quarter of the name extractor's time)."""
        return {
            "person": self.person,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "form": self.form,
            "expected": self.expected,
        }


class _Token:
    """A capitalised word. A plain class, and what it takes context to know (whether it opens
    a sentence, the word after it) worked out only when asked: a text has hundreds of these
    and only a lone given name needs the context."""

    __slots__ = ("_word_end", "end", "key", "possessive", "source", "start")

    def __init__(
        self, source: str, start: int, *, end: int, word_end: int, key: str, possessive: bool
    ) -> None:
        self.source = source  # the whole text the word is in
        self._word_end = word_end
        self.start = start
        self.end = end  # possessive removed
        self.key = key  # casefolded, possessive removed
        self.possessive = possessive

    @property
    def sentence_initial(self) -> bool:
        return _opens_sentence(self.source, self.start)

    @property
    def next_word(self) -> str:
        """The following word, casefolded ("" at the end of the text)."""
        return _next_word(self.source, self._word_end)


@dataclass(frozen=True)
class _Form:
    person: Person
    words: tuple[str, ...]  # as declared
    keys: tuple[str, ...]  # casefolded

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class _Part:
    person: Person
    word: str
    role: Literal["family", "given"]


class NameMatcher:
    """Declared people, indexed once, matched against any number of texts."""

    def __init__(
        self,
        people: Sequence[Person],
        *,
        max_edits: int | None = None,
        min_misspelling_length: int = 5,
    ) -> None:
        self.people = tuple(people)
        self.max_edits = max_edits
        self.min_misspelling_length = min_misspelling_length
        forms = [
            _Form(person, tuple(text.split()), tuple(word.casefold() for word in text.split()))
            for person in self.people
            for text in (person.name, *person.aliases)
        ]
        self._forms = sorted(forms, key=lambda form: -len(form.keys))
        # Every full-form match (exact, reversed or near) shares a word with its form, so a
        # chunk only needs the forms indexed under its own words: most chunks have none.
        self._forms_by_key: dict[str, list[int]] = {}
        for position, form in enumerate(self._forms):
            for key in set(form.keys):
                self._forms_by_key.setdefault(key, []).append(position)
        self._closest_part: dict[str, str | None] = {}
        self._inert: dict[str, bool] = {}
        self._parts: dict[str, list[_Part]] = {}
        for person in self.people:
            for word in person.name.split():
                role: Literal["family", "given"] = "family" if word == person.family else "given"
                self._parts.setdefault(word.casefold(), []).append(_Part(person, word, role))
            for alias in person.aliases:
                words = alias.split()
                family = words[0] if person.name_order == "family-first" else words[-1]
                for word in words:
                    role = "family" if word == family else "given"
                    self._parts.setdefault(word.casefold(), []).append(_Part(person, word, role))
        self._part_keys = sorted(self._parts)
        self._titles = TITLES | {
            title.casefold() for person in self.people for title in person.titles
        }

    def mentions(self, text: str) -> list[NameMention]:
        """Every mention of a declared person in `text`, in text order."""
        found: list[NameMention] = []
        lone_given: list[NameMention] = []
        inert = self._inert
        for chunk in _chunks(text):
            # Most chunks are one capitalised word that can never be a mention ("The",
            # "China"): known from the word alone, so asked once per word, not per chunk.
            if len(chunk) == 1:
                key = chunk[0].key
                known = inert.get(key)
                if known is None:
                    known = inert[key] = self._is_inert(key)
                if known:
                    continue
            for mention in self._match_chunk(chunk):
                (lone_given if mention.kind == "given" else found).append(mention)
        named = {mention.person for mention in found if mention.kind != "misspelt"}
        found.extend(mention for mention in lone_given if mention.person in named)
        found.sort(key=lambda mention: (mention.start, mention.end))
        return found

    def _is_inert(self, key: str) -> bool:
        """Whether a chunk of this one word yields no mention, wherever it stands: no declared
        form has it (so it is no name part either: every part is a word of a form), and it is
        a title or no misspelling of a part."""
        if key in self._forms_by_key:
            return False  # a name part: what it is depends on its context
        return key in self._titles or self._closest_misspelt(key) is None

    def _match_chunk(self, chunk: Sequence[_Token]) -> list[NameMention]:
        used = [False] * len(chunk)
        mentions: list[NameMention] = []
        positions = sorted({p for token in chunk for p in self._forms_by_key.get(token.key, ())})
        if not positions:  # most chunks: no declared full form shares a word with them
            return self._lone_word(chunk, used)
        forms = [self._forms[position] for position in positions]
        for form in forms:
            mentions.extend(self._exact(chunk, used, form))
        for form in forms:
            mentions.extend(self._reversed(chunk, used, form))
        for form in forms:
            mentions.extend(self._near(chunk, used, form))
        mentions.extend(self._lone_word(chunk, used))
        return mentions

    def _exact(self, chunk: Sequence[_Token], used: list[bool], form: _Form) -> list[NameMention]:
        mentions = []
        for start in _free_windows(used, len(form.keys)):
            window = chunk[start : start + len(form.keys)]
            if tuple(token.key for token in window) == form.keys:
                _mark(used, start, len(form.keys))
                mentions.append(_mention(form.person, "full", window, form.text))
        return mentions

    def _reversed(
        self, chunk: Sequence[_Token], used: list[bool], form: _Form
    ) -> list[NameMention]:
        if len(form.keys) < 2:
            return []
        mentions = []
        backwards = tuple(reversed(form.keys))
        for start in _free_windows(used, len(form.keys)):
            window = chunk[start : start + len(form.keys)]
            if tuple(token.key for token in window) == backwards:
                _mark(used, start, len(form.keys))
                mentions.append(
                    _mention(form.person, "reversed", window, form.text, expected=form.text)
                )
        return mentions

    def _near(self, chunk: Sequence[_Token], used: list[bool], form: _Form) -> list[NameMention]:
        """A full form with at least one word exact and the others a few edits off."""
        if len(form.keys) < 2:
            return []
        mentions = []
        for start in _free_windows(used, len(form.keys)):
            window = chunk[start : start + len(form.keys)]
            exact = [token.key == key for token, key in zip(window, form.keys, strict=True)]
            if not any(exact) or all(exact):
                continue
            near = [
                not same and self._within_edits(token.key, key)
                for token, key, same in zip(window, form.keys, exact, strict=True)
            ]
            if not all(same or close for same, close in zip(exact, near, strict=True)):
                continue
            _mark(used, start, len(form.keys))
            for token, word, close in zip(window, form.words, near, strict=True):
                if close:
                    mentions.append(
                        _mention(form.person, "misspelt", [token], form.text, expected=word)
                    )
        return mentions

    def _lone_word(self, chunk: Sequence[_Token], used: list[bool]) -> list[NameMention]:
        """The one name-like word of a chunk whose other words are titles, if there is one."""
        free = [index for index, taken in enumerate(used) if not taken]
        names = [index for index in free if chunk[index].key not in self._titles]
        if any(used) or len(names) != 1:
            return []
        token = chunk[names[0]]
        parts = self._parts.get(token.key)
        if parts:
            return self._part_mentions(token, parts)
        return self._misspelt_part(token)

    def _part_mentions(self, token: _Token, parts: list[_Part]) -> list[NameMention]:
        if len({part.person.name for part in parts}) > 1:
            return []  # a name part shared by two declared people is ambiguous
        part = parts[0]
        if part.role == "family":
            return [_mention(part.person, "family", [token], part.word)]
        if _maybe_common_word(token):
            return []  # "Gang violence rose" is not about Qin Gang; "Gang said" and "Gang's" are
        return [_mention(part.person, "given", [token], part.word, expected=part.person.family)]

    def _misspelt_part(self, token: _Token) -> list[NameMention]:
        closest = self._closest_misspelt(token.key)
        if closest is None:
            return []
        parts = self._parts[closest]
        if len({part.person.name for part in parts}) > 1:
            return []
        part = parts[0]
        return [_mention(part.person, "misspelt", [token], part.word, expected=part.word)]

    def _closest_misspelt(self, key: str) -> str | None:
        if len(key) < self.min_misspelling_length:
            return None
        if key not in self._closest_part:  # the same words recur across sources
            self._closest_part[key] = self._closest_misspelt_part(key)
        return self._closest_part[key]

    def _closest_misspelt_part(self, word: str) -> str | None:
        """The declared name part `word` is a misspelling of, if it is one and no English word."""
        best: tuple[int, str] | None = None
        for key in self._part_keys:
            if len(key) < self.min_misspelling_length or abs(
                len(key) - len(word)
            ) > self._edit_limit(key):
                continue
            limit = self._edit_limit(key)
            distance = OSA.distance(word, key, score_cutoff=limit)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, key)
        if best is None or is_common_word(word):
            return None
        return best[1]

    def _within_edits(self, word: str, target: str) -> bool:
        if min(len(word), len(target)) < self.min_misspelling_length:
            return False
        limit = self._edit_limit(target)
        return OSA.distance(word, target, score_cutoff=limit) <= limit

    def _edit_limit(self, target: str) -> int:
        if self.max_edits is not None:
            return self.max_edits
        return 1 if len(target) <= 8 else 2


def names(
    text: str,
    people: Sequence[Person],
    *,
    max_edits: int | None = None,
    min_misspelling_length: int = 5,
) -> list[NameMention]:
    """Mentions of the declared `people` in `text`, correct and faulty, in text order.

    >>> from concord.rules import Person
    >>> qin = Person(name="Qin Gang", family="Qin")
    >>> [(m.text, m.kind, m.expected) for m in names("Qin Gang met Blinken. Gang said no.", [qin])]
    [('Qin Gang', 'full', None), ('Gang', 'given', 'Qin')]
    """
    matcher = NameMatcher(
        people, max_edits=max_edits, min_misspelling_length=min_misspelling_length
    )
    return matcher.mentions(text)


def _maybe_common_word(token: _Token) -> bool:
    """A sentence-initial word that is also an English word, with nothing marking it a name."""
    if not token.sentence_initial or token.possessive or token.next_word in PERSON_VERBS:
        return False
    return is_common_word(token.key)


def _chunks(text: str) -> Iterable[list[_Token]]:
    chunk: list[_Token] = []
    previous_end = 0
    for match in _CAPITALISED_WORD.finditer(text):
        word = match.group(0)
        if not word[0].isupper():
            continue  # a lowercase non-ASCII initial; the gap check below ends the chunk
        start, word_end = match.span()
        possessive = len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS)
        end = word_end - 2 if possessive else word_end
        key = (word[:-2] if possessive else word).casefold()
        if chunk and not _joins(text, chunk[-1], previous_end, start):
            yield chunk
            chunk = []
        if key in FUNCTION_WORDS:
            if chunk:
                yield chunk
                chunk = []
            previous_end = word_end
            continue
        chunk.append(
            _Token(text, start, end=end, word_end=word_end, key=key, possessive=possessive)
        )
        previous_end = word_end
    if chunk:
        yield chunk


def _joins(text: str, previous: _Token, previous_end: int, start: int) -> bool:
    """Whether the word at `start` continues the chunk that `previous` ends."""
    if previous.possessive or previous_end != previous.end:
        return False
    gap = text[previous_end:start]
    if gap == " " or _NAME_GAP.fullmatch(gap):
        return True
    return (
        previous.key in TITLE_ABBREVIATIONS
        and gap.startswith(".")
        and bool(_NAME_GAP.fullmatch(gap[1:]))
    )


def _next_word(text: str, end: int) -> str:
    following = _WORD.search(text, end, end + 40)
    return following.group(0).casefold() if following else ""


def _opens_sentence(text: str, start: int) -> bool:
    position = start
    while position > 0 and text[position - 1] in _OPENERS:
        position -= 1
    if position == 0 or text[position - 1] == "\n":
        return True
    return text[position - 1] in _SENTENCE_ENDS


def _free_windows(used: Sequence[bool], width: int) -> Iterable[int]:
    for start in range(len(used) - width + 1):
        if not any(used[start : start + width]):
            yield start


def _mark(used: list[bool], start: int, width: int) -> None:
    for index in range(start, start + width):
        used[index] = True


def _mention(
    person: Person,
    kind: MentionKind,
    tokens: Sequence[_Token],
    form: str,
    *,
    expected: str | None = None,
) -> NameMention:
    first, last = tokens[0], tokens[-1]
    return NameMention(
        person=person.name,
        kind=kind,
        start=first.start,
        end=last.end,
        # The exact span, line breaks inside a name included.
        text=first.source[first.start : last.end],
        form=form,
        expected=expected,
    )
