"""Run one rule over a corpus: dispatch on the rule's kind to that kind's policy."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from concord.compare.dates import check_dates
from concord.compare.names import check_names
from concord.compare.quotes import check_quotes
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

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> RunContext:
        return cls(
            people=tuple(
                person for rule in rules if isinstance(rule, NameRule) for person in rule.people
            )
        )


Checker = Callable[[Any, Corpus, RunContext], list[Finding]]

CHECKERS: dict[str, Checker] = {
    "name": lambda rule, corpus, context: check_names(rule, corpus),
    "date": lambda rule, corpus, context: check_dates(rule, corpus),
    "quote": lambda rule, corpus, context: check_quotes(rule, corpus, context.people),
}


def run_rule(rule: Rule, corpus: Corpus, context: RunContext | None = None) -> list[Finding]:
    """All findings of `rule` over `corpus`, in a stable order."""
    return sorted_findings(CHECKERS[rule.kind](rule, corpus, context or RunContext()))
