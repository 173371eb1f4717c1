"""Direct quotes: where they are, what they say, and who said them.

    >>> from concord.extract import quotes
    >>> [(quote.text, quote.speaker) for quote in quotes('"We are ready," Qin said.')]
    [('We are ready,', 'Qin')]

`quotes(text, people=())` returns one `Quote` per quoted passage, with exact spans for the
content and for the attribution cue. Speakers are resolved to the declared people (from the
rules' `name` kind) where they can be: "Qin", "Gang", "Foreign Minister Qin Gang" are all
Qin Gang. Pronouns stand for the nearest speaker named before them. A quote with no
attributable speaker is kept, with `speaker` None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields
from dataclasses import replace
from typing import Any

from concord.extract.agents import Agent
from concord.extract.agents import nearest_agent
from concord.extract.quotations.attribution import Attribution
from concord.extract.quotations.attribution import SpeechSubjects
from concord.extract.quotations.attribution import attribute_after
from concord.extract.quotations.attribution import attribute_before
from concord.extract.quotations.attribution import sentence_start_of
from concord.extract.quotations.marks import QuoteSpan
from concord.extract.quotations.marks import find_quote_spans
from concord.extract.quotations.marks import paragraphs
from concord.extract.sentences import sentences
from concord.lexicon import TITLES
from concord.rules.name import Person

_GAP = re.compile(r"\s*(?:\(…\)|\(\.\.\.\)|\[…\]|\[\.\.\.\]|…|\.\.\.)\s*")
_PRONOUN_REACH = 1500


@dataclass(frozen=True)
class Quote:
    """One quoted passage. `start`/`end` bound its content (without the marks); `speaker` is the
    declared person's full name, or the attribution as written, or None."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    how: str  # after, before, according-to, pronoun, continuation, none
    depth: int
    paragraph: int

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data, for the extraction cache."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "cue": self.cue,
            "how": self.how,
            "depth": self.depth,
            "paragraph": self.paragraph,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        """The quote `to_json` wrote. Not through the frozen dataclass's `__init__`, which sets
        each field with `object.__setattr__`: a quote rule reads 57,000 of them back at 10,000
        documents. The fields are checked all the same: other keys are a `TypeError`, as
        `__init__` would raise."""
        if data.keys() != _QUOTE_FIELDS:
            raise TypeError(f"a quote has the fields {sorted(_QUOTE_FIELDS)}, not {sorted(data)}")
        quote = object.__new__(cls)
        quote.__dict__.update(data)
        span = data["speaker_span"]
        quote.__dict__["speaker_span"] = (span[0], span[1]) if span else None
        return quote

    @property
    def segments(self) -> list[str]:
        """The content split at ellipses ("…", "...", "(…)", "[...]"): text may be missing
        between two segments."""
        return [part for part in _GAP.split(self.text) if part.strip()]


_QUOTE_FIELDS = frozenset(field.name for field in fields(Quote))


def quotes(text: str, people: Sequence[Person] = ()) -> list[Quote]:
    """Every direct quote in `text`, in order, with its speaker."""
    paragraph_spans = paragraphs(text)
    spans = find_quote_spans(text, paragraph_spans)
    masked = _mask(text, spans)
    sentence_starts = _outside(
        [start for start, _ in sentences(text)], [(span.start, span.end) for span in spans]
    )
    # What a pronoun may stand for, worked out when a quote is attributed to one.
    subjects = SpeechSubjects(masked, sentence_starts, _PRONOUN_REACH)
    # A text's speakers are mostly the same few names again ("Blinken said" in every other
    # paragraph): each is matched against the declared people once.
    canonical: dict[str, str] = {}

    def canonical_of(raw: str) -> str:
        if raw not in canonical:
            canonical[raw] = _canonical(raw, people)
        return canonical[raw]

    found: list[Quote] = []
    for span in spans:
        paragraph = _paragraph_of(paragraph_spans, span.open_at)
        limit = paragraph_spans[paragraph][1]
        attribution = (
            _attribution(masked, span, sentence_starts, limit, subjects)
            if span.depth == 0
            else None
        )
        how = attribution.how if attribution else "none"
        speaker_text = attribution.text if attribution else None
        speaker_span = (attribution.start, attribution.end) if attribution else None
        speaker = None
        if attribution is not None and attribution.text.casefold() in {"he", "she", "they"}:
            named = _antecedent(
                subjects.before(attribution.start), attribution.start
            ) or _nearest_name(masked, attribution.start)
            if named is not None:
                speaker, how = canonical_of(named), "pronoun"
        elif attribution is not None:
            speaker = canonical_of(attribution.text)
            titled = _titled_person(text, attribution, people)
            if titled is not None:
                speaker = titled
        if attribution is None and span.depth == 0:
            previous = _previous_top_level(found)
            continues = span.continues_previous or (
                _stands_alone(text, span, paragraph_spans[paragraph])
                and previous is not None
                and previous.paragraph == paragraph - 1
            )
            if previous is not None and continues:
                speaker, speaker_text, speaker_span, how = (
                    previous.speaker,
                    previous.speaker_text,
                    previous.speaker_span,
                    "continuation",
                )
        found.append(
            Quote(
                start=span.start,
                end=span.end,
                text=text[span.start : span.end],
                speaker=speaker,
                speaker_text=speaker_text,
                speaker_span=speaker_span,
                cue=attribution.cue if attribution else None,
                how=how,
                depth=span.depth,
                paragraph=paragraph,
            )
        )
    return _share_across_paragraphs(found, spans)


def _outside(positions: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The positions inside none of the spans (each open: its ends are outside it). By
    bisection over the spans merged, not by trying every span at every position."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]
    kept = []
    for position in positions:
        index = bisect_left(starts, position) - 1  # the last span starting before it
        if index < 0 or position >= merged[index][1]:
            kept.append(position)
    return kept


def _share_across_paragraphs(found: list[Quote], spans: list[QuoteSpan]) -> list[Quote]:
    """A quote left open at a paragraph's end and reopened in the next has one speaker: the
    attribution of its last part speaks for the earlier ones."""
    result = list(found)
    for index in range(len(result) - 1, 0, -1):
        later, earlier = result[index], result[index - 1]
        if spans[index].continues_previous and later.speaker and not earlier.speaker:
            result[index - 1] = replace(
                earlier,
                speaker=later.speaker,
                speaker_text=later.speaker_text,
                speaker_span=later.speaker_span,
                cue=later.cue,
                how="continuation",
            )
    return result


def _attribution(
    masked: str, span: QuoteSpan, starts: list[int], limit: int, subjects: SpeechSubjects
) -> Attribution | None:
    """A quote that opens its sentence is attributed right after it (`"…," X said`); a quote
    inside a sentence by the speaking verb before it (`X said that … "…"`). Failing that, the
    other place, then a reporting clause later in the sentence."""
    sentence_start = sentence_start_of(starts, span.open_at)
    opens_sentence = not re.search(r"\w", masked[sentence_start : span.open_at])
    attempts = ["after", "before"] if opens_sentence else ["before", "after"]
    for attempt in attempts:
        if attempt == "after" and span.close_at is not None:
            found = attribute_after(masked, span.close_at, limit, immediate=True)
        elif attempt == "before":
            cues = subjects.cues_between(sentence_start, span.open_at)
            found = attribute_before(masked, sentence_start, span.open_at, cues)
        else:
            found = None
        if found is not None:
            return found
    if span.close_at is None or _ends_sentence(masked, span):
        return None
    return attribute_after(masked, span.close_at, limit, immediate=False)


def _ends_sentence(masked: str, span: QuoteSpan) -> bool:
    """`“The stakes are high.” That was…`: the quote closes its own sentence."""
    assert span.close_at is not None
    inside = masked[span.start : span.end].rstrip()
    after = masked[span.close_at + 1 : span.close_at + 3].lstrip()
    return inside.endswith(".") and after[:1].isupper()


def _antecedent(subjects: list[Agent], position: int) -> str | None:
    for agent in reversed(subjects):
        if (
            agent.end <= position
            and position - agent.end <= _PRONOUN_REACH
            and not agent.is_pronoun
        ):
            return str(agent.text)
    return None


def _nearest_name(masked: str, position: int) -> str | None:
    """The nearest name before a pronoun that no speaking verb introduced ("Blinken arrived
    late. “…,” said he.")."""
    agent = nearest_agent(masked, max(0, position - _PRONOUN_REACH), position, pronouns=())
    return agent.text if agent is not None else None


_TITLE_ONLY = re.compile(r"^(?:[Tt]he\s+)?(?P<title>(?:[a-z]+\s+)?[a-z]+)$")


def _titled_person(text: str, attribution: Attribution, people: Sequence[Person]) -> str | None:
    """ "the minister said": the declared person last named with that title before ("Foreign
    Minister Qin Gang"), or the only one declared with it."""
    match = _TITLE_ONLY.match(attribution.text.strip())
    if match is None or not people:
        return None
    title = match.group("title").split()[-1]
    if title not in TITLES:
        return None
    before = text[max(0, attribution.start - _PRONOUN_REACH) : attribution.start]
    last: tuple[int, str] | None = None
    for person in people:
        for form in {person.name, person.family}:
            pattern = rf"\b{re.escape(title)}\s+(?:[A-Z][\w’'.-]*\s+)*{re.escape(form)}\b"
            for found in re.finditer(pattern, before, re.IGNORECASE):
                if last is None or found.start() > last[0]:
                    last = (found.start(), person.name)
    if last is not None:
        return last[1]
    declared = [
        person.name
        for person in people
        if any(title in declared_title.casefold().split() for declared_title in person.titles)
    ]
    return declared[0] if len(declared) == 1 else None


def _canonical(raw: str, people: Sequence[Person]) -> str:
    """The declared person a speaker string names, else the string without a leading "the"."""
    words = set(re.findall(r"[A-Za-z][\w-]*", raw))
    for person in people:
        forms = [person.name, *person.aliases]
        parts = set(person.name.split())
        if any(form in raw for form in forms) or parts & words:
            return person.name
    cleaned = re.sub(r"^(?:the|The)\s+", "", raw.strip())
    return cleaned


def _previous_top_level(found: list[Quote]) -> Quote | None:
    for quote in reversed(found):
        if quote.depth == 0:
            return quote
    return None


def _stands_alone(text: str, span: QuoteSpan, paragraph: tuple[int, int]) -> bool:
    """The paragraph holds nothing but this quote."""
    before = text[paragraph[0] : span.open_at].strip()
    after_mark = span.close_at + 1 if span.close_at is not None else span.end
    after = text[after_mark : paragraph[1]].strip(" .,\n")
    return not before and not after


def _paragraph_of(spans: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(spans):
        if start <= position < end:
            return index
    return len(spans) - 1


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted words blanked out, so that names inside quotes are never speakers."""
    pieces = []
    end = 0
    for span in sorted(spans, key=lambda span: span.start):
        if span.start < end:  # a quote inside a quote: blanked with its outer one
            span_start = end
        else:
            pieces.append(text[end : span.start])
            span_start = span.start
        if span.end > span_start:
            quoted = _NOT_ALNUM_OR_SPACE.sub(" ", text[span_start : span.end])
            pieces.append(_ALNUM.sub("x", quoted))
            end = span.end
    pieces.append(text[end:])
    return "".join(pieces)


# str.isalnum() and str.isspace() as the regex engine has them (\w is isalnum plus "_").
_ALNUM = re.compile(r"[^\W_]")
_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")


__all__ = ["Quote", "quotes"]
