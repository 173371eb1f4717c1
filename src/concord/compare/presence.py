"""The `presence` rule: which sources say it, against what the rule requires."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Sequence

from concord.cache import ExtractionCache
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
from concord.rules.presence import PresenceRule


def check_presence(
    rule: PresenceRule,
    corpus: Corpus,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    def read(chosen: Sequence[Source]) -> list[list[list[int]]]:
        return [[list(span) for span in _matches(rule, source)] for source in chosen]

    spans = mapped(rule, corpus.sources, cache, read)
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + sum(len(found) for found in spans)
    # One group of every source, those that never say it included: they are the findings.
    said = list(zip(refs(corpus), spans, strict=True))
    return reduce_groups(rule, corpus, [(rule.id, said)], executor)


def reduce_presence(
    rule: PresenceRule, key: str, values: list[tuple[SourceRef, list[list[int]]]]
) -> list[Draft]:
    """The sources that say it when none may, or that do not when they must."""
    holding = [(source, spans) for source, spans in values if spans]
    if rule.require == "none":
        return [_forbidden(rule, source, spans) for source, spans in holding]
    missing = [source for source, spans in values if not spans]
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


def _missing(rule: PresenceRule, source: SourceRef, why: str) -> Draft:
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="missing",
        message=f"{source.id} never says {_what(rule)}: {why}",
        expected=_what(rule),
        places=(Place(source, 0, None, "not found in this source"),),
    )


def _forbidden(rule: PresenceRule, source: SourceRef, spans: list[list[int]]) -> Draft:
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="forbidden",
        message=f"{source.id} says {_what(rule)} {len(spans)} time(s); no source may say it",
        expected=f"no {_what(rule)}",
        places=tuple(Place(source, start, end) for start, end in spans),
    )
