"""Run one rule over a corpus: dispatch on the rule's kind to that kind's policy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from typing import Any

from concord.compare.dates import check_dates
from concord.compare.names import check_names
from concord.compare.patterns import check_patterns
from concord.compare.presence import check_presence
from concord.compare.quotes import check_quotes
from concord.compare.variants import check_variants
from concord.corpus import Corpus
from concord.findings import Finding
from concord.findings import sorted_findings
from concord.rules import NameRule
from concord.rules import Person
from concord.rules import Rule


@dataclass(frozen=True)
class RunContext:
    """What a rule may know about the rest of the rules file: the people the `name` rules
    declare (the quote rule resolves speakers to them)."""

    people: Sequence[Person] = ()
    stats: dict[str, int] = field(default_factory=dict)  # what the rule matched, for warnings

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> RunContext:
        return cls(
            people=tuple(
                person for rule in rules if isinstance(rule, NameRule) for person in rule.people
            )
        )


Checker = Callable[[Any, Corpus, RunContext], list[Finding]]

CHECKERS: dict[str, Checker] = {
    "name": lambda rule, corpus, context: check_names(rule, corpus, context.stats),
    "date": lambda rule, corpus, context: check_dates(rule, corpus, context.stats),
    "quote": lambda rule, corpus, context: check_quotes(
        rule, corpus, context.people, context.stats
    ),
    "variants": lambda rule, corpus, context: check_variants(rule, corpus, context.stats),
    "pattern": lambda rule, corpus, context: check_patterns(rule, corpus, context.stats),
    "presence": lambda rule, corpus, context: check_presence(rule, corpus, context.stats),
}


def run_rule(rule: Rule, corpus: Corpus, context: RunContext | None = None) -> list[Finding]:
    """All findings of `rule` over `corpus`, in a stable order, with distinct fingerprints."""
    findings = sorted_findings(CHECKERS[rule.kind](rule, corpus, context or RunContext()))
    return _distinct_fingerprints(findings)


def _distinct_fingerprints(findings: list[Finding]) -> list[Finding]:
    """The same words around the same fault twice in a source would share a fingerprint;
    the second and later ones are numbered, in text order, so each can be waived on its own."""
    seen: Counter[str] = Counter()
    distinct = []
    for finding in findings:
        fingerprint = finding.fingerprint
        occurrence = seen[fingerprint]
        seen[fingerprint] += 1
        distinct.append(replace(finding, occurrence=occurrence) if occurrence else finding)
    return distinct
