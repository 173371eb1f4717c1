"""Run one rule over a corpus: dispatch on the rule's kind to that kind's policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from concord.compare.dates import check_dates
from concord.compare.names import check_names
from concord.corpus import Corpus
from concord.findings import Finding
from concord.findings import sorted_findings
from concord.rules import Rule

Checker = Callable[[Any, Corpus], list[Finding]]

CHECKERS: dict[str, Checker] = {"name": check_names, "date": check_dates}


def run_rule(rule: Rule, corpus: Corpus) -> list[Finding]:
    """All findings of `rule` over `corpus`, in a stable order."""
    return sorted_findings(CHECKERS[rule.kind](rule, corpus))
