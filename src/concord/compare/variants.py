"""The `variants` rule: find each group's spellings, then report the ones the policy rejects."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from concord.cache import ExtractionCache
from concord.compare.sources import named_sources
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.base import Executor
from concord.findings import Finding
from concord.literal_starts import LiteralStarts
from concord.reduce import Draft
from concord.reduce import Group
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import reduce_groups
from concord.reduce import refs
from concord.rule_map import mapped
from concord.rule_map import read_all
from concord.rules.variants import VariantGroup
from concord.rules.variants import VariantsRule


@dataclass(frozen=True)
class Occurrence:
    source: SourceRef
    variant: str
    start: int
    end: int


def variant_pattern(group: VariantGroup) -> re.Pattern[str]:
    """All of a group's spellings, as whole words; a plural "s" is allowed after letters."""
    alternatives = []
    for variant in sorted(group.variants, key=len, reverse=True):
        plural = r"s?" if variant[-1:].isalpha() else ""
        alternatives.append(rf"(?P<v{group.variants.index(variant)}>{re.escape(variant)}{plural})")
    case_sensitive = group.case_sensitive
    if case_sensitive is None:
        case_sensitive = any(
            sum(char.isupper() for char in variant) >= 2 for variant in group.variants
        )
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w]|\.\w)", flags)


def variants_reader(rule: VariantsRule) -> Callable[[str], list[list[list[int]]]]:
    """Per group of the rule: [variant index, start, end] of every spelling in one text."""
    finders = [variant_finder(group) for group in rule.groups]

    def read(text: str) -> list[list[list[int]]]:
        ascii_text = text.encode("ascii", "replace")
        return [
            [
                [int(match.lastgroup[1:]), match.start(), match.end()]
                for match in finder.finditer(text, ascii_text)
                if match.lastgroup
            ]
            for finder in finders
        ]

    return read


def variant_finder(group: VariantGroup) -> LiteralStarts:
    """`variant_pattern(group).finditer`, fast: every match starts with one of the group's
    spellings written out, so where one stands is found first and the pattern is tried there."""
    return LiteralStarts(variant_pattern(group), group.variants)


def check_variants(
    rule: VariantsRule,
    corpus: Corpus,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    def read(chosen: Sequence[Source]) -> list[Any]:
        return read_all(rule, [source.text for source in chosen], executor)

    found = mapped(rule, corpus.sources, cache, read)
    # Grouped by the rule's groups: each group's spellings are judged apart from the others'.
    groups: list[Group] = []
    for number in range(len(rule.groups)):
        spelt = [
            (ref, groups_found[number])
            for ref, groups_found in zip(refs(corpus), found, strict=True)
            if groups_found[number]
        ]
        if stats is not None:
            stats["matched"] = stats.get("matched", 0) + sum(len(spans) for _, spans in spelt)
        groups.append((str(number), spelt))
    return reduce_groups(rule, corpus, groups, executor)


def reduce_variants(
    rule: VariantsRule, number: str, values: list[tuple[SourceRef, list[list[int]]]]
) -> list[Draft]:
    """One group's findings: its spellings the policy rejects, where they are."""
    group = rule.groups[int(number)]
    occurrences = [
        Occurrence(source, group.variants[variant], start, end)
        for source, spans in values
        for variant, start, end in spans
    ]
    return _judge(rule, group, occurrences)


def _judge(rule: VariantsRule, group: VariantGroup, occurrences: list[Occurrence]) -> list[Draft]:
    by_variant: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_variant[occurrence.variant].append(occurrence)
    if len(by_variant) < 2 and group.preferred is None:
        return []
    if group.preferred is not None:
        return _against(rule, group, by_variant, group.preferred, "preferred")
    sources_of = {variant: {o.source.id for o in found} for variant, found in by_variant.items()}
    if rule.policy == "majority":
        ranked = sorted(sources_of, key=lambda variant: (-len(sources_of[variant]), variant))
        if len(ranked) > 1 and len(sources_of[ranked[0]]) == len(sources_of[ranked[1]]):
            return [_mixed(rule, group, by_variant, sources_of, note="no majority")]
        return _against(rule, group, by_variant, ranked[0], "majority")
    if rule.policy == "reference":
        used = [variant for variant, sources in sources_of.items() if rule.reference in sources]
        if len(used) != 1:
            return [
                _mixed(
                    rule, group, by_variant, sources_of, note=f"{rule.reference} uses {len(used)}"
                )
            ]
        return _against(rule, group, by_variant, used[0], f"reference {rule.reference}")
    return [_mixed(rule, group, by_variant, sources_of, note="")]


def _against(
    rule: VariantsRule,
    group: VariantGroup,
    by_variant: dict[str, list[Occurrence]],
    expected: str,
    why: str,
) -> list[Draft]:
    """One finding per source and rejected spelling, with all its occurrences."""
    drafts = []
    for variant, found in sorted(by_variant.items()):
        if variant == expected:
            continue
        per_source: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in found:
            per_source[occurrence.source.id].append(occurrence)
        for occurrences in per_source.values():
            count = len(occurrences)
            drafts.append(
                Draft(
                    rule=rule.id,
                    kind=rule.kind,
                    severity=rule.severity,
                    code="variant",
                    message=f'"{variant}" is written {count} time{"s" if count != 1 else ""} '
                    f'here; the corpus writes "{expected}" (policy: {why})',
                    expected=expected,
                    places=tuple(_place(occurrence) for occurrence in occurrences),
                )
            )
    return drafts


def _mixed(
    rule: VariantsRule,
    group: VariantGroup,
    by_variant: dict[str, list[Occurrence]],
    sources_of: dict[str, set[str]],
    note: str,
) -> Draft:
    summary = "; ".join(
        f'"{variant}" in {named_sources(sources_of[variant])}' for variant in sorted(by_variant)
    )
    firsts = [found[0] for _, found in sorted(by_variant.items())]
    policy = "all-agree" + (f", {note}" if note else "")
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="mixed-variants",
        message=f"{len(by_variant)} spellings of one word are mixed (policy: {policy}): {summary}",
        expected=f"one of {', '.join(group.variants)}",
        places=tuple(_place(occurrence) for occurrence in firsts),
    )


def _place(occurrence: Occurrence) -> Place:
    return Place(occurrence.source, occurrence.start, occurrence.end)
