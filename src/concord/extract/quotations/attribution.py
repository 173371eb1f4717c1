"""Who said it: the speaker of each quote, read from the attribution cue around it.

Forms covered, in the order they are tried:
- after the quote: `"…," X said`, `"…," said X`, `"…," X, the minister, told reporters`,
  `"…," he added`, and `according to X` later in the same sentence;
- before the quote, in the same sentence: `X said: "…"`, `X said that … "fragment"`,
  `X urged the US to "…"`, `…, saying that … "…"` (the speaker of the main clause);
- a paragraph that is nothing but a quote continues the previous paragraph's speaker.

Pronouns ("he said") stand for the nearest speaker named before them: the subject of the last
attribution or speech verb ("When Blinken spoke to Qin, he stressed" is Blinken).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import re2

from concord.extract.agents import Agent
from concord.extract.agents import first_agent
from concord.extract.agents import nearest_agent
from concord.lexicon import FINITE_VERBS

CUE_VERBS = frozenset(
    """
    said says say told tells tell added adds urged urges stressed stresses noted notes warned
    warns asked asks replied replies insisted insists argued argues explained explains wrote
    writes reported reports declared declares announced announces emphasized emphasised
    emphasizes emphasises cautioned cautions continued continues recalled recalls concluded
    concludes acknowledged acknowledges admitted admits claimed claims suggested suggests
    pointed points spoke speaks described describes called calls rejected rejects dismissed
    dismisses denied denies confirmed confirms promised promises vowed vows
    saying telling adding urging stressing noting warning explaining insisting arguing
    describing calling presented presents branded brands labelled labeled termed dubbed
    underlined underlines underscored underscores
    """.split()
)
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
_AUXILIARIES = frozenset(
    "had has have was were is are will would could should may might be been".split()
)
_VERBS = FINITE_VERBS | _AUXILIARIES
_ADVERBS = frozenset("then also later again already once first still just".split())
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_CUE = re.compile(r"\b(?:" + "|".join(sorted(CUE_VERBS, key=len, reverse=True)) + r")\b")
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<speaker>[^,.;:“”\"]+)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<![A-Z])[.!?](?=\s|$)")


@dataclass(frozen=True)
class Attribution:
    """A speaker as written (`text`, with its span), the cue that attributes the quote, and how
    it was found: "after", "before", "according-to" or "continuation"."""

    text: str
    start: int
    end: int
    cue: str
    how: str


def attribute_after(
    masked: str, close_at: int, limit: int, *, immediate: bool
) -> Attribution | None:
    """`"…," X said` / `"…," said X` / `"…," X, the minister, told` / `according to X`.

    With `immediate`, the attribution must start right after the closing mark (only
    punctuation between). Otherwise it may come later in the sentence, as the reporting clause
    of a sentence that quotes a fragment ("… “candid” discussions, Kritenbrink said").
    """
    tail_end = _sentence_end(masked, close_at + 1, limit)
    tail = masked[close_at + 1 : tail_end]
    offset = close_at + 1
    words = list(_WORD.finditer(tail))
    reach = 10 if immediate else 40
    for index, word in enumerate(words[:reach]):
        verb = word.group().rstrip(".")
        if verb not in CUE_VERBS:
            continue
        if index == 0:
            speaker = _name_after(tail, word.start() + len(verb))
            if speaker is None:
                return None
            start, end, name = speaker
            return Attribution(name, offset + start, offset + end, verb, "after")
        before = tail[: word.start()]
        if not immediate and before.rstrip().endswith(","):
            # "…, underlines the press release.": the reporting clause closes the sentence.
            inverted = _name_after(tail, word.start() + len(verb), lowercase=True)
            if inverted is not None:
                start, end, name = inverted
                return Attribution(name, offset + start, offset + end, verb, "after")
        subject = _subject_before(before)
        if subject is None or (immediate and not _only_punctuation(before[: subject[0]])):
            break
        start, end, name = subject
        return Attribution(name, offset + start, offset + end, verb, "after")
    according = _ACCORDING_TO.search(tail)
    if according is not None and (not immediate or _only_punctuation(tail[: according.start()])):
        name = according.group("speaker").strip()
        start = offset + according.start("speaker")
        return Attribution(name, start, start + len(name), "according to", "according-to")
    return None


def _only_punctuation(text: str) -> bool:
    return not re.search(r"\w", text)


def attribute_before(
    masked: str, sentence_start: int, open_at: int, cues: list[re.Match[str]] | None = None
) -> Attribution | None:
    """`X said: "…"`, `X said that … "…"`, `X urged the US to "…"`, `…, saying that … "…"`.
    `cues` are `_CUE`'s matches between `sentence_start` and `open_at`
    (`SpeechSubjects.cues_between`), when the caller has them."""
    if cues is None:
        cues = list(_CUE.finditer(masked, sentence_start, open_at))
    according = list(_ACCORDING_TO.finditer(masked, sentence_start, open_at))
    if according and (not cues or according[-1].start() > cues[-1].start()):
        match = according[-1]
        name = match.group("speaker").strip()
        return Attribution(
            name,
            match.start("speaker"),
            match.start("speaker") + len(name),
            "according to",
            "according-to",
        )
    if not cues:
        return None
    cue = cues[-1]
    agent = _subject_of(masked, sentence_start, cue)
    if agent is None:
        return _noun_phrase_before(masked, sentence_start, cue)
    return Attribution(agent.text, agent.start, agent.end, cue.group(), "before")


def _subject_of(masked: str, sentence_start: int, cue: re.Match[str]) -> Agent | None:
    """Who does the speaking verb `cue`: the name before it, the name before an apposition
    ("X, the minister, said"), or for "…, saying" the subject of the sentence."""
    if cue.group().endswith("ing"):
        return first_agent(masked, sentence_start, cue.start())
    before = masked[sentence_start : cue.start()]
    subject = _subject_before(before) if before.rstrip().endswith(",") else None
    if subject is not None:
        start, _, name = subject
        end = sentence_start + start + len(name)
        return nearest_agent(masked, sentence_start, end, pronouns=SUBJECT_PRONOUNS)
    return nearest_agent(masked, sentence_start, cue.start(), pronouns=SUBJECT_PRONOUNS)


class SpeechSubjects:
    """The subjects of a text's speaking verbs: who a later pronoun ("he said") may stand for.

    Worked out only for the verbs a pronoun can reach, and each once: which verb's subject a
    pronoun takes is known from the verbs within `reach` characters before it, and most of a
    text's verbs are never asked about (working them all out was a fifth of the quote
    extractor's time)."""

    def __init__(self, masked: str, starts: list[int], reach: int) -> None:
        self._masked = masked
        self._starts = starts
        self._reach = reach
        self._cues: list[int] | None = None
        self._subjects: dict[int, Agent | None] = {}

    def cues_between(self, start: int, end: int) -> list[re.Match[str]]:
        """`_CUE.finditer(masked, start, end)`, from where the verbs stand in the whole text:
        `re` tries its hundred verbs at every character of the stretch. The same matches as
        long as no word runs on past `end` (an opening quote mark there): a match starting
        at `start` needs a word boundary before it either way, as `re` checks it against the
        character before `start`."""
        cues = self._cue_positions()
        found = []
        for cue_start in cues[bisect_left(cues, start) : bisect_left(cues, end)]:
            cue = _CUE.match(self._masked, cue_start, end)
            if cue is not None:
                found.append(cue)
        return found

    def _cue_positions(self) -> list[int]:
        if self._cues is None:
            self._cues = list(_cue_starts(self._masked))
        return self._cues

    def before(self, position: int) -> list[Agent]:
        """In text order, the subjects that may stand for a pronoun at `position`: those of
        the verbs that start at most `reach` before it, in a sentence that starts before it.
        A subject ends before its verb and starts in the verb's sentence, so no other verb's
        can both end before `position` and lie within reach of it."""
        cues = self._cue_positions()
        found = []
        for cue_start in cues[bisect_left(cues, position - self._reach) :]:
            sentence_start = sentence_start_of(self._starts, cue_start)
            if sentence_start > position:
                break
            if cue_start not in self._subjects:
                cue = _CUE.match(self._masked, cue_start)
                # _cue_starts finds only where _CUE matches
                assert cue is not None
                self._subjects[cue_start] = _subject_of(self._masked, sentence_start, cue)
            agent = self._subjects[cue_start]
            if agent is not None:
                found.append(agent)
        return found


def _cue_starts(masked: str) -> Iterator[int]:
    """Where `_CUE` matches in the whole text, found by RE2 in one DFA pass (`re` tries its
    hundred-word alternation at every character: a third of the quote reader's time).

    RE2's word boundaries are ASCII only, so they are checked here with `re`'s `\\w`. The
    verbs are all letters and the longest is tried first, so a candidate that runs on
    ("sayings") is refused with every shorter verb at its start, and no verb can start inside
    it."""
    end_of_text = len(masked)
    # In bytes with every non-ASCII character made one "?": the verbs are ASCII, so the matches
    # and their offsets are those of the text, and RE2's wrapper converts no offsets.
    for found in _cue_candidates().finditer(masked.encode("ascii", "replace")):
        start, end = found.span()
        if (start and _WORD_CHARACTER.match(masked, start - 1)) or (
            end < end_of_text and _WORD_CHARACTER.match(masked, end)
        ):
            continue
        yield start


@cache
def _cue_candidates() -> Any:
    verbs = "|".join(sorted(CUE_VERBS, key=len, reverse=True))
    return re2.compile(verbs.encode(), re2.Options())


_WORD_CHARACTER = re.compile(r"\w")


def sentence_start_of(starts: list[int], position: int) -> int:
    """The last of the (ascending) sentence `starts` at or before `position`; 0 if none is."""
    index = bisect_right(starts, position)
    return starts[index - 1] if index else 0


def _sentence_end(text: str, start: int, limit: int) -> int:
    found = _SENTENCE_END.search(text, start, limit)
    return found.end() if found else limit


def _name_after(tail: str, start: int, *, lowercase: bool = False) -> tuple[int, int, str] | None:
    """The speaker after `said`: a pronoun, or a run of capitalised words ("said Shi Yinhong");
    with `lowercase`, also a short noun phrase ("underlines the press release")."""
    phrase = r"|the\s+[a-z]+(?:\s+[a-z]+)?(?=\s*[.,;]|$)" if lowercase else ""
    match = re.match(
        rf"\s+(?P<name>(?:he|she|they)\b|(?:the\s+)?(?:[A-Z][\w’'.-]*\s?)+{phrase})", tail[start:]
    )
    if match is None:
        return None
    name = match.group("name").strip()
    if len(name) > 2 and not re.search(r"\b[A-Z]\.$", name):
        name = name.rstrip(".")  # a sentence's full stop, not an initial
    first = start + match.start("name")
    return first, first + len(name), name


def _subject_before(before: str) -> tuple[int, int, str] | None:
    """The speaker before the cue verb. In `X, the minister, told` the part before the
    apposition is the name; in `..., Kurt Campbell, pointed out` the name is the apposition."""
    parts = [part.strip() for part in re.split(r"[,”\"»]", before)]
    parts = [part for part in parts if part]
    if not parts:
        return None
    chosen = parts[-1]
    if len(parts) > 1 and _describes_someone(chosen):
        chosen = parts[-2]
    words = chosen.split()
    if len(words) > 8 or any(word.casefold() in _VERBS for word in words):
        return None  # a clause, not a name: "That was how Sullivan put it"
    if chosen[0].islower() and words[0] not in SUBJECT_PRONOUNS and words[0] != "the":
        return None
    start = before.rindex(chosen)
    return start, start + len(chosen), chosen


def _describes_someone(part: str) -> bool:
    """An apposition that describes: "the top State Department official", "a spokesman"."""
    first = part.split(maxsplit=1)[0]
    return first in {"the", "a", "an"} or first[0].islower()


def _noun_phrase_before(masked: str, sentence_start: int, cue: re.Match[str]) -> Attribution | None:
    """`China's foreign ministry said`, `US officials said`: the words before the verb, back to
    the start of the sentence or a comma, when they are few."""
    before = masked[sentence_start : cue.start()]
    parts = [part.strip() for part in re.split(r"[,;:()]", before)]
    part = parts[-1]
    if part.casefold() in {"who", "which", "that"} and len(parts) > 1:
        part = parts[-2]  # "The minister (who called it …)": the one the clause is about
    words = part.split()
    while words and words[-1].casefold() in _AUXILIARIES | _ADVERBS:
        words.pop()  # "The American authorities had then presented it"
    part = " ".join(words)
    if not words or len(words) > 5:
        return None
    start = sentence_start + before.rindex(part)
    return Attribution(part, start, start + len(part), cue.group(), "before")
