"""The `quote` rule: versions of the same quote must have the same words and the same speaker.

Cost stays linear in the corpus: identical versions are merged by hashing first, and only
distinct versions that share at least two rare words are aligned (blocking), so the alignment
work grows with the number of distinct versions, not with the number of source pairs.
"""

from __future__ import annotations

from collections import Counter
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from concord.cache import ExtractionCache
from concord.compare.quote_text import Wording
from concord.compare.quote_text import aligned_words
from concord.compare.quote_text import is_fragment
from concord.compare.quote_text import word_diff
from concord.compare.quote_text import wording
from concord.compare.sources import named_sources
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.base import Executor
from concord.extract.quotations import Quote
from concord.extract.sentences import sentences
from concord.extraction import Extraction
from concord.extraction import Payload
from concord.findings import Finding
from concord.lexicon import FUNCTION_WORDS
from concord.reduce import Draft
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import reduce_groups
from concord.reduce import refs
from concord.rule_map import extracted_and_read
from concord.rule_map import mapped
from concord.rules.name import Person
from concord.rules.quote import QuoteRule

_MIN_BLOCK_CAP = 50


@dataclass(frozen=True)
class Occurrence:
    """One unit (a quote, or a sentence of one) in one source, with who its quote is given to:
    the declared person or the attribution as written, and the attribution as written."""

    source: SourceRef
    speaker: str | None
    speaker_text: str | None
    start: int
    end: int


@dataclass
class Version:
    """One wording, with every place it occurs."""

    wording: Wording
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def sources(self) -> set[str]:
        return {occurrence.source.id for occurrence in self.occurrences}

    @property
    def speakers(self) -> set[str]:
        return {occurrence.speaker for occurrence in self.occurrences if occurrence.speaker}


def check_quotes(
    rule: QuoteRule,
    corpus: Corpus,
    people: Sequence[Person] = (),
    *,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    extraction = Extraction.quotes(people)

    def read(chosen: Sequence[Source]) -> Iterator[Payload]:
        per_source = extracted_and_read(extraction, [rule], chosen, cache=cache, executor=executor)
        return (readings[0] for readings in per_source)

    # The people are part of what the rule reads: a speaker is resolved to a declared name.
    own = [extraction.shared] * len(corpus)
    readings = mapped(rule, corpus.sources, cache, read, own)
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + sum(len(found) for found in readings)
    # One group: which versions are the same quote is only known across the whole corpus.
    quoted = [(ref, found) for ref, found in zip(refs(corpus), readings, strict=True) if found]
    return reduce_groups(rule, corpus, [(rule.id, quoted)], executor)


def reduce_quotes(
    rule: QuoteRule, key: str, values: list[tuple[SourceRef, Payload]]
) -> list[Draft]:
    """The findings about the rule's quotes: versions of one quote with other words, or given
    to other speakers."""
    drafts: list[Draft] = []
    wanted = set(rule.speakers)
    for group in _same_quotes(rule, _versions(values)):
        if wanted and not any(version.speakers & wanted for version in group):
            continue
        if "wording" in rule.checks:
            draft = _wording(rule, group)
            if draft is not None:
                drafts.append(draft)
        if "speaker" in rule.checks:
            draft = _speakers(rule, group)
            if draft is not None:
                drafts.append(draft)
    return drafts


def quote_reader(rule: QuoteRule) -> Callable[[tuple[str, Payload]], Payload]:
    """What the rule reads of one source, given its text and its quotes (as JSON)."""
    return lambda item: _readings(rule, *item)


def _readings(rule: QuoteRule, text: str, payload: Payload) -> Payload:
    """The units of one source's quotes that the rule compares, with their words, as JSON."""
    found: Payload = []
    for item in payload:
        quote = Quote.from_json(item)
        if quote.depth:
            continue
        for start, end, segments in _units(rule, text, quote):
            words = wording(segments)
            if words.size < rule.min_words:
                continue
            # What the comparison needs, once: the keys are the words shown, casefolded, and
            # the segments are the keys again, so only the words shown are kept, as one
            # string (no word holds a space), with each segment's length. A list of words
            # was a few hundred strings a source to pickle from a worker, unpickle here and
            # write to the cache (the largest of the cache's entries at 10,000 documents).
            found.append(
                {
                    "speaker": quote.speaker,
                    "speaker_text": quote.speaker_text,
                    "start": start,
                    "end": end,
                    "shown": " ".join(words.shown),
                    "segment_sizes": [len(segment) for segment in words.segments],
                    "written": words.written,
                }
            )
    return found


def _versions(readings: Sequence[tuple[SourceRef, Payload]]) -> list[Version]:
    # By the words as compared: the words shown, casefolded (`quote_text.casefolded`).
    by_words: dict[str, Version] = {}
    for source, found in readings:
        for item in found:
            shown = item["shown"]
            folded = shown.casefold()
            version = by_words.get(folded)
            if version is None:
                keys = tuple(folded.split(" ")) if folded else ()
                words = Wording(
                    tuple(shown.split(" ")) if shown else (),
                    keys,
                    _segments(keys, item["segment_sizes"]),
                    item["written"],
                )
                version = by_words[folded] = Version(words)
            version.occurrences.append(
                Occurrence(
                    source, item["speaker"], item["speaker_text"], item["start"], item["end"]
                )
            )
    return list(by_words.values())


def _segments(keys: tuple[str, ...], sizes: Sequence[int]) -> tuple[tuple[str, ...], ...]:
    """The keys cut into segments of these sizes (`Wording.segments`)."""
    segments = []
    start = 0
    for size in sizes:
        segments.append(keys[start : start + size])
        start += size
    return tuple(segments)


def _units(rule: QuoteRule, text: str, quote: Quote) -> list[tuple[int, int, list[str]]]:
    if rule.unit == "quote":
        return [(quote.start, quote.end, quote.segments)]
    units = []
    for first, last in sentences(text[quote.start : quote.end]):
        part = text[quote.start + first : quote.start + last]
        units.append((quote.start + first, quote.start + last, [part]))
    return units


def _same_quotes(rule: QuoteRule, versions: list[Version]) -> list[list[Version]]:
    """Groups of versions that are the same quote: blocking by rare words, then alignment."""
    frequency: Counter[str] = Counter()
    for version in versions:
        frequency.update(set(version.wording.keys))
    # A word in more than `cap` versions says nothing about which quote this is; leaving it
    # out bounds every block, so the pairs compared grow linearly with the versions.
    cap = max(_MIN_BLOCK_CAP, len(versions) // 200)
    blocks: dict[str, list[int]] = defaultdict(list)
    keys_of: list[set[str]] = []
    for index, version in enumerate(versions):
        rare = {
            key
            for key in version.wording.keys
            if key not in FUNCTION_WORDS and len(key) > 2 and frequency[key] <= cap
        }
        keys_of.append(rare)
        for key in rare:
            blocks[key].append(index)
    parent = list(range(len(versions)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    compared: set[tuple[int, int]] = set()
    for members in blocks.values():
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                pair = (first, second)
                needed = min(2, len(keys_of[first]), len(keys_of[second]))
                if pair in compared or len(keys_of[first] & keys_of[second]) < needed:
                    continue
                compared.add(pair)
                if versions[first].sources & versions[second].sources:
                    continue  # one source quoting both: two different quotes, not two versions
                if _same(rule, versions[first].wording, versions[second].wording):
                    parent[root(first)] = root(second)
    groups: dict[int, list[Version]] = defaultdict(list)
    for index, version in enumerate(versions):
        groups[root(index)].append(version)
    return [
        group
        for group in groups.values()
        if len({source for version in group for source in version.sources}) > 1
    ]


def _same(rule: QuoteRule, first: Wording, second: Wording) -> bool:
    shorter = min(first.size, second.size)
    if is_fragment(first, second) or is_fragment(second, first):
        return True
    shared = aligned_words(first, second)
    return shared >= rule.min_words and shared >= rule.min_overlap * shorter


def _maximal(group: list[Version]) -> list[Version]:
    """The versions that are not a verbatim part of a longer one in the group."""
    return [
        version
        for version in group
        if not any(
            other is not version
            and other.wording.size >= version.wording.size
            and is_fragment(version.wording, other.wording)
            for other in group
        )
    ]


def _wording(rule: QuoteRule, group: list[Version]) -> Draft | None:
    maximal = _maximal(group)
    sources = {source for version in maximal for source in version.sources}
    if len(maximal) < 2 or len(sources) < 2:
        return None
    held = {id(version): _holders(version, group, maximal) for version in maximal}
    reference = min(maximal, key=lambda version: (-len(held[id(version)]), min(held[id(version)])))
    consensus = "most common version"
    if rule.consensus == "reference":
        trusted = [version for version in maximal if rule.reference in held[id(version)]]
        if trusted:
            reference, consensus = trusted[0], f"reference {rule.reference}"
    others = sorted(
        (version for version in maximal if version is not reference),
        key=lambda version: (-len(held[id(version)]), version.wording.keys),
    )
    speaker = _speaker_label(group)
    lines = [
        f"{speaker} is quoted {len(maximal)} ways across the corpus (consensus: "
        f"{consensus}). The version in {named_sources(held[id(reference)])}:",
        f'  "{reference.wording.written}"',
    ]
    for version in others:
        lines.append(f"differs in {named_sources(held[id(version)])}:")
        lines.append(f"  {word_diff(reference.wording, version.wording)}")
    places = [_place(occurrence, "most common version") for occurrence in reference.occurrences[:1]]
    for version in others:
        places.extend(_place(occurrence, "differs") for occurrence in version.occurrences)
    places.extend(
        _place(occurrence, "same as most common") for occurrence in reference.occurrences[1:]
    )
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="quote-wording",
        message="\n".join(lines),
        expected=reference.wording.written,
        places=tuple(places),
    )


def _speakers(rule: QuoteRule, group: list[Version]) -> Draft | None:
    by_speaker: dict[str, list[Occurrence]] = defaultdict(list)
    for version in group:
        for occurrence in version.occurrences:
            if occurrence.speaker:
                by_speaker[occurrence.speaker].append(occurrence)
    if len(by_speaker) < 2:
        return None
    ranked = sorted(
        by_speaker.items(), key=lambda item: (-len({o.source.id for o in item[1]}), item[0])
    )
    summary = "; ".join(
        f"{speaker} in {named_sources({occurrence.source.id for occurrence in occurrences})}"
        for speaker, occurrences in ranked
    )
    places = [
        _place(occurrence, f"attributed to {speaker} ({occurrence.speaker_text})")
        for speaker, occurrences in ranked
        for occurrence in occurrences
    ]
    first_words = " ".join(group[0].wording.shown[:8])
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="quote-speaker",
        message=f'the quote "{first_words} …" is given to {len(ranked)} speakers: {summary}',
        expected=ranked[0][0],
        places=tuple(places),
    )


def _holders(version: Version, group: list[Version], maximal: list[Version]) -> set[str]:
    """Sources holding this version, or a verbatim part of it that no other version shares
    (a fragment common to two versions supports neither)."""
    holders = set(version.sources)
    for other in group:
        is_maximal = any(other is candidate for candidate in maximal)
        if other is version or is_maximal or not is_fragment(other.wording, version.wording):
            continue
        if not any(
            rival is not version and is_fragment(other.wording, rival.wording) for rival in maximal
        ):
            holders |= other.sources
    return holders


def _speaker_label(group: list[Version]) -> str:
    speakers = sorted({speaker for version in group for speaker in version.speakers})
    if not speakers:
        return "an unattributed quote"
    return " / ".join(speakers)


def _place(occurrence: Occurrence, note: str) -> Place:
    speaker = occurrence.speaker or "speaker unknown"
    return Place(occurrence.source, occurrence.start, occurrence.end, f"{note}; {speaker}")
