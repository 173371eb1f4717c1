"""The `pattern` rule: values captured in each source, normalised, compared by the policy."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass

from concord.cache import ExtractionCache
from concord.compare.sources import named_sources
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.base import Executor
from concord.findings import Finding
from concord.patterns import literal_spans
from concord.patterns import pattern_spans
from concord.reduce import Draft
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import reduce_groups
from concord.reduce import refs
from concord.rule_map import mapped
from concord.rules.pattern import PatternRule

_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Value:
    source: SourceRef
    text: str
    key: str
    start: int
    end: int


def check_patterns(
    rule: PatternRule,
    corpus: Corpus,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    def read(chosen: Sequence[Source]) -> list[list[list[int]]]:
        return [[list(span) for span in _spans(rule, source)] for source in chosen]

    spans = mapped(rule, corpus.sources, cache, read)
    # The values go to the reduce as text: it never sees a source's text.
    captured = [
        (ref, [(start, end, source.text[start:end]) for start, end in found])
        for ref, source, found in zip(refs(corpus), corpus.sources, spans, strict=True)
        if found
    ]
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + sum(len(found) for found in spans)
    # One group: every value is compared with every other, across the corpus.
    return reduce_groups(rule, corpus, [(rule.id, captured)], executor)


def reduce_patterns(
    rule: PatternRule, key: str, values: list[tuple[SourceRef, list[tuple[int, int, str]]]]
) -> list[Draft]:
    """The findings about the rule's values: those the policy rejects, or one for a corpus
    whose values differ."""
    by_key: dict[str, list[Value]] = defaultdict(list)
    for source, found in values:
        for start, end, text in found:
            value = Value(source, text, normalise(text, rule.normalise), start, end)
            by_key[value.key].append(value)
    if len(by_key) < 2:
        return []
    sources_of = {key: {value.source.id for value in found} for key, found in by_key.items()}
    if rule.policy == "majority":
        ranked = sorted(sources_of, key=lambda key: (-len(sources_of[key]), key))
        if len(sources_of[ranked[0]]) > len(sources_of[ranked[1]]):
            return _against(rule, by_key, ranked[0], "majority")
    elif rule.policy == "reference":
        held = [key for key, sources in sources_of.items() if rule.reference in sources]
        if len(held) == 1:
            return _against(rule, by_key, held[0], f"reference {rule.reference}")
    return [_all_agree(rule, by_key, sources_of)]


def _spans(rule: PatternRule, source: Source) -> Iterator[tuple[int, int]]:
    yield from pattern_spans(
        rule.patterns, source.text, ignore_case=rule.ignore_case, group="value"
    )
    yield from literal_spans(rule.literals, source.text, ignore_case=rule.ignore_case)


def normalise(text: str, how: Sequence[str]) -> str:
    if "unicode" in how:
        text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    if "case" in how:
        text = text.casefold()
    if "digits" in how:
        text = re.sub(r"\d", "0", text)
    if "punctuation" in how:
        text = re.sub(r"[^\w\s]", "", text)
    if "whitespace" in how:
        text = " ".join(text.split())
    return text


def _against(
    rule: PatternRule, by_key: dict[str, list[Value]], expected_key: str, why: str
) -> list[Draft]:
    expected = by_key[expected_key][0].text
    drafts = []
    for key, found in sorted(by_key.items()):
        if key == expected_key:
            continue
        per_source: dict[str, list[Value]] = defaultdict(list)
        for value in found:
            per_source[value.source.id].append(value)
        for values in per_source.values():
            drafts.append(
                Draft(
                    rule=rule.id,
                    kind=rule.kind,
                    severity=rule.severity,
                    code="value-differs",
                    message=f'"{values[0].text}" here; the corpus gives "{expected}" '
                    f"(policy: {why})",
                    expected=expected,
                    places=tuple(_place(value) for value in values),
                )
            )
    return drafts


def _all_agree(
    rule: PatternRule, by_key: dict[str, list[Value]], sources_of: dict[str, set[str]]
) -> Draft:
    ranked = sorted(by_key, key=lambda key: (-len(sources_of[key]), key))
    summary = "; ".join(
        f'"{by_key[key][0].text}" in {named_sources(sources_of[key])}' for key in ranked
    )
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="values-differ",
        message=f"{len(by_key)} different values across the corpus "
        f"(policy: {rule.policy}): {summary}",
        expected=by_key[ranked[0]][0].text,
        places=tuple(_place(by_key[key][0]) for key in ranked),
    )


def _place(value: Value) -> Place:
    return Place(value.source, value.start, value.end, f"value: {value.text}")
