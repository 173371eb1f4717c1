"""The `presence` rule: which sources say it, against what the rule requires."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Sequence

from concord.cache import ExtractionCache
from concord.corpus import Corpus
from concord.corpus import Source
from concord.findings import Finding
from concord.findings import Location
from concord.patterns import literal_spans
from concord.patterns import pattern_spans
from concord.rule_map import mapped
from concord.rules.presence import PresenceRule


def check_presence(
    rule: PresenceRule,
    corpus: Corpus,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
) -> list[Finding]:
    def read(chosen: Sequence[Source]) -> list[list[list[int]]]:
        return [[list(span) for span in _matches(rule, source)] for source in chosen]

    spans = mapped(rule, corpus.sources, cache, read)
    found = {
        source.id: [(start, end) for start, end in found_spans]
        for source, found_spans in zip(corpus.sources, spans, strict=True)
    }
    holding = [source for source in corpus if found[source.id]]
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + sum(len(spans) for spans in found.values())
    if rule.require == "none":
        return [_forbidden(rule, source, found[source.id]) for source in holding]
    missing = [source for source in corpus if not found[source.id]]
    if rule.require == "at-least":
        needed = rule.at_least or 1
        if len(holding) >= needed:
            return []
        return [
            _missing(rule, source, f"only {len(holding)} of {needed} required sources say it")
            for source in missing
        ]
    return [_missing(rule, source, "every source must say it") for source in missing]


def _matches(rule: PresenceRule, source: Source) -> Iterator[tuple[int, int]]:
    yield from pattern_spans(rule.patterns, source.text, ignore_case=rule.ignore_case)
    yield from literal_spans(rule.literals, source.text, ignore_case=rule.ignore_case)


def _what(rule: PresenceRule) -> str:
    return " or ".join(f'"{item}"' for item in [*rule.literals, *rule.patterns])


def _missing(rule: PresenceRule, source: Source, why: str) -> Finding:
    first_line = source.text.split("\n", 1)[0]
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="missing",
        message=f"{source.id} never says {_what(rule)}: {why}",
        expected=_what(rule),
        locations=(
            Location.of_span(source, 0, max(1, len(first_line))).with_note(
                "not found in this source"
            ),
        ),
    )


def _forbidden(rule: PresenceRule, source: Source, spans: list[tuple[int, int]]) -> Finding:
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="forbidden",
        message=f"{source.id} says {_what(rule)} {len(spans)} time(s); no source may say it",
        expected=f"no {_what(rule)}",
        locations=tuple(Location.of_span(source, start, end) for start, end in spans),
    )
