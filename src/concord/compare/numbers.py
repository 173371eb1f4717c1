"""The `number` rule: the numbers each source states, compared as ranges with a tolerance."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from concord.cache import ExtractionCache
from concord.compare.sources import named_sources
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.base import Executor
from concord.extract.numbers import Amount
from concord.extract.numbers import read_amount
from concord.findings import Finding
from concord.patterns import pattern_spans
from concord.reduce import Draft
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import reduce_groups
from concord.reduce import refs
from concord.rule_map import mapped
from concord.rules.number import NumberRule


@dataclass(frozen=True)
class Stated:
    source: SourceRef
    text: str
    amount: Amount
    start: int
    end: int


def check_numbers(
    rule: NumberRule,
    corpus: Corpus,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    def read(chosen: Sequence[Source]) -> list[list[list[int]]]:
        return [[list(span) for span in _spans(rule, source)] for source in chosen]

    spans = mapped(rule, corpus.sources, cache, read)
    # The numbers go to the reduce as read: it never sees a source's text.
    numbers = [
        (ref, stated)
        for ref, source, found in zip(refs(corpus), corpus.sources, spans, strict=True)
        if (stated := _numbers(source, found))
    ]
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + sum(len(found) for _, found in numbers)
    # One group: every number is compared with every other, across the corpus.
    return reduce_groups(rule, corpus, [(rule.id, numbers)], executor)


def reduce_numbers(
    rule: NumberRule, key: str, values: list[tuple[SourceRef, list[tuple[int, int, str, Amount]]]]
) -> list[Draft]:
    """The numbers the policy rejects, or one finding for two that cannot both be right."""
    stated = [
        Stated(source, text, amount, start, end)
        for source, found in values
        for start, end, text, amount in found
    ]
    if len(stated) < 2:
        return []
    largest = max(item.amount.value for item in stated)
    slack = rule.slack(largest)
    if rule.policy in {"majority", "reference"}:
        consensus = _consensus(rule, stated)
        if consensus is not None:
            return _against(rule, stated, consensus, slack)
    return _all_agree(rule, stated, slack)


def _spans(rule: NumberRule, source: Source) -> list[tuple[int, int]]:
    return list(
        pattern_spans(rule.patterns, source.text, ignore_case=rule.ignore_case, group="value")
    )


def _numbers(source: Source, spans: Sequence[Sequence[int]]) -> list[tuple[int, int, str, Amount]]:
    """Each span that reads as a number: where it is, what it says, and its amount."""
    found = []
    for start, end in spans:
        text = source.text[start:end]
        amount = read_amount(text)
        if amount is not None:
            found.append((start, end, text, amount))
    return found


def _consensus(rule: NumberRule, stated: list[Stated]) -> Stated | None:
    if rule.policy == "reference":
        return next((item for item in stated if item.source.id == rule.reference), None)
    by_value: dict[float, set[str]] = defaultdict(set)
    for item in stated:
        by_value[item.amount.value].add(item.source.id)
    ranked = sorted(by_value, key=lambda value: (-len(by_value[value]), value))
    if len(ranked) > 1 and len(by_value[ranked[0]]) == len(by_value[ranked[1]]):
        return None  # no majority: said as a disagreement of all
    return next(item for item in stated if item.amount.value == ranked[0])


def _against(
    rule: NumberRule, stated: list[Stated], consensus: Stated, slack: float
) -> list[Draft]:
    why = "majority" if rule.policy == "majority" else f"reference {rule.reference}"
    return [
        Draft(
            rule=rule.id,
            kind=rule.kind,
            severity=rule.severity,
            code="number-differs",
            message=f'"{item.text}" ({item.amount}) here; the corpus says "{consensus.text}" '
            f"({consensus.amount}) (policy: {why}, tolerance {rule.tolerance})",
            expected=consensus.text,
            places=(_place(item), _place(consensus)),
        )
        for item in stated
        if not item.amount.overlaps(consensus.amount, slack)
    ]


def _all_agree(rule: NumberRule, stated: list[Stated], slack: float) -> list[Draft]:
    highest_low = max(stated, key=lambda item: item.amount.low)
    lowest_high = min(stated, key=lambda item: item.amount.high)
    if highest_low.amount.low - slack <= lowest_high.amount.high:
        return []
    by_text: dict[str, set[str]] = defaultdict(set)
    for item in stated:
        by_text[f'"{item.text}" ({item.amount})'].add(item.source.id)
    summary = "; ".join(f"{text} in {named_sources(ids)}" for text, ids in sorted(by_text.items()))
    return [
        Draft(
            rule=rule.id,
            kind=rule.kind,
            severity=rule.severity,
            code="numbers-differ",
            message=f'"{lowest_high.text}" and "{highest_low.text}" cannot both be right '
            f"(tolerance {rule.tolerance}): {summary}",
            expected=f"one number, e.g. {lowest_high.text}",
            places=(_place(lowest_high), _place(highest_low)),
        )
    ]


def _place(item: Stated) -> Place:
    return Place(item.source, item.start, item.end, f"reads as {item.amount}")
