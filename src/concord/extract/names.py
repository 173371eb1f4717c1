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
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from typing import Literal
from typing import NamedTuple

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
# What a gap that joins two words of a chunk can open with: `_NAME_GAP`'s first characters,
# and the full stop after a title's abbreviation.
_GAP_OPENERS = frozenset(" \t\u00a0\r\n.")
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

    __slots__ = ("_word_end", "end", "key", "possessive", "read_context", "source", "start")

    def __init__(
        self, source: str, start: int, *, end: int, word_end: int, key: str, possessive: bool
    ) -> None:
        self.source = source  # the whole text the word is in
        self._word_end = word_end
        self.start = start
        self.end = end  # possessive removed
        self.key = key  # casefolded, possessive removed
        self.possessive = possessive
        # Whether a match asked about the word's surroundings: what its chunk yields then
        # depends on more than the chunk's words.
        self.read_context = False

    @property
    def sentence_initial(self) -> bool:
        self.read_context = True
        return _opens_sentence(self.source, self.start)

    @property
    def next_word(self) -> str:
        """The following word, casefolded ("" at the end of the text)."""
        self.read_context = True
        return _next_word(self.source, self._word_end)


class _Word(NamedTuple):
    """What a capitalised word is, whatever its place: known once per distinct word."""

    key: str  # casefolded, possessive removed
    possessive: bool
    function_word: bool  # "The", "And": never part of a name, and it ends a chunk
    inert: bool  # a chunk of such words yields no mention


_NO_WORD = _Word("", False, False, True)  # a word whose initial is no capital ("éa")
# Distinct words (and chunks) a matcher remembers before it starts again: news vocabulary is
# far smaller.
_WORD_MEMORY = 200_000
# A chunk as scanned: each word's start, end (possessive included) and facts.
_Chunk = list[tuple[int, int, _Word]]


class _Template(NamedTuple):
    """A mention found in a chunk, by the positions of its first and last words."""

    person: str
    kind: MentionKind
    first: int
    last: int
    form: str
    expected: str | None


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
        self._words: dict[str, _Word] = {}
        self._shapes: dict[tuple[_Word, ...], list[_Template]] = {}
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
        for chunk in self._chunks(text, skip_inert=True):
            for mention in self._chunk_mentions(text, chunk):
                (lone_given if mention.kind == "given" else found).append(mention)
        named = {mention.person for mention in found if mention.kind != "misspelt"}
        found.extend(mention for mention in lone_given if mention.person in named)
        found.sort(key=lambda mention: (mention.start, mention.end))
        return found

    def _chunk_mentions(self, text: str, chunk: _Chunk) -> list[NameMention]:
        """What `_match_chunk` finds in the chunk, remembered by the chunk's words when it
        depends on nothing else: the same names recur across a corpus ("Secretary of State
        Antony Blinken"), and matching one chunk costs as much as scanning a paragraph."""
        shape = tuple(facts for _, _, facts in chunk)
        known = self._shapes.get(shape)
        if known is not None:
            return [_placed(text, chunk, template) for template in known]
        tokens = _tokens(text, chunk)
        found = self._match_chunk(tokens)
        if not any(token.read_context for token in tokens):
            if len(self._shapes) > _WORD_MEMORY:
                self._shapes.clear()
            self._shapes[shape] = [_template(tokens, mention) for mention in found]
        return found

    def _chunks(self, text: str, *, skip_inert: bool) -> Iterator[_Chunk]:
        """The text's chunks, in order; with `skip_inert`, only those with a word that is not
        inert. A chunk of inert words yields no mention (none is a word of a declared form, so
        none is a name part, and none is a misspelling of one), and most chunks are one such
        word ("The", "China"): the word's facts are looked up once per distinct word, and no
        token is made for the chunk."""
        words = self._words
        if len(words) > _WORD_MEMORY:
            words.clear()  # a bound on a long-lived matcher's memory; they are recomputed
        chunk: _Chunk = []
        wanted = False
        for match in _CAPITALISED_WORD.finditer(text):
            word = match.group(0)
            facts = words.get(word)
            if facts is None:
                facts = words[word] = self._word_facts(word)
            if facts is _NO_WORD:
                continue  # a lowercase non-ASCII initial; the gap check below ends the chunk
            start, word_end = match.span()
            if chunk and not _joins(text, chunk[-1], start):
                if wanted or not skip_inert:
                    yield chunk
                chunk = []
                wanted = False
            if facts.function_word:
                if chunk and (wanted or not skip_inert):
                    yield chunk
                chunk = []
                wanted = False
                continue
            chunk.append((start, word_end, facts))
            wanted = wanted or not facts.inert
        if chunk and (wanted or not skip_inert):
            yield chunk

    def _word_facts(self, word: str) -> _Word:
        if not word[0].isupper():
            return _NO_WORD
        possessive = len(word) > 2 and word.endswith(_POSSESSIVE_ENDINGS)
        key = (word[:-2] if possessive else word).casefold()
        function_word = key in FUNCTION_WORDS
        inert = function_word or self._is_inert(key)
        return _Word(key, possessive, function_word, inert)

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


def _template(tokens: Sequence[_Token], mention: NameMention) -> _Template:
    first = next(index for index, token in enumerate(tokens) if token.start == mention.start)
    last = next(index for index, token in enumerate(tokens) if token.end == mention.end)
    return _Template(mention.person, mention.kind, first, last, mention.form, mention.expected)


def _placed(text: str, chunk: _Chunk, template: _Template) -> NameMention:
    start = chunk[template.first][0]
    _, word_end, facts = chunk[template.last]
    end = word_end - 2 if facts.possessive else word_end
    return NameMention(
        person=template.person,
        kind=template.kind,
        start=start,
        end=end,
        text=text[start:end],
        form=template.form,
        expected=template.expected,
    )


def _tokens(text: str, chunk: _Chunk) -> list[_Token]:
    return [
        _Token(
            text,
            start,
            end=word_end - 2 if facts.possessive else word_end,
            word_end=word_end,
            key=facts.key,
            possessive=facts.possessive,
        )
        for start, word_end, facts in chunk
    ]


def _joins(text: str, previous: tuple[int, int, _Word], start: int) -> bool:
    """Whether the word at `start` continues the chunk that `previous` ends."""
    _, previous_end, facts = previous
    if facts.possessive or text[previous_end] not in _GAP_OPENERS:
        # Most neighbouring capitalised words are far apart: known from the gap's first
        # character, without slicing the gap out.
        return False
    gap = text[previous_end:start]
    if gap == " " or _NAME_GAP.fullmatch(gap):
        return True
    return (
        facts.key in TITLE_ABBREVIATIONS
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
