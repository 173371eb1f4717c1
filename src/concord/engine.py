"""Run one rule over a corpus: dispatch on the rule's kind to that kind's policy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from concord import rule_results
from concord.cache import ExtractionCache
from concord.context import RunContext
from concord.corpus import Corpus
from concord.findings import Finding
from concord.findings import sorted_findings
from concord.rules import BUILTIN_KINDS

Checker = Callable[[Any, Corpus, RunContext], list[Finding]]


def _check_names(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.names import check_names

    return check_names(
        rule, corpus, stats=context.stats, cache=context.cache, executor=context.executor
    )


def _check_dates(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.dates import check_dates

    later = [other for other in context.later if other.kind == "date"]
    return check_dates(
        rule,
        corpus,
        stats=context.stats,
        cache=context.cache,
        executor=context.executor,
        alongside=later,
    )


def _check_quotes(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.quotes import check_quotes

    return check_quotes(
        rule,
        corpus,
        context.people,
        stats=context.stats,
        cache=context.cache,
        executor=context.executor,
    )


def _check_variants(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.variants import check_variants

    return check_variants(rule, corpus, context.stats, context.cache, context.executor)


def _check_patterns(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.patterns import check_patterns

    return check_patterns(rule, corpus, context.stats, context.cache, context.executor)


def _check_presence(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.presence import check_presence

    return check_presence(rule, corpus, context.stats, context.cache, context.executor)


def _check_numbers(rule: Any, corpus: Corpus, context: RunContext) -> list[Finding]:
    from concord.compare.numbers import check_numbers

    return check_numbers(rule, corpus, context.stats, context.cache, context.executor)


# Each kind's comparison is imported when a rule of the kind compares: a rerun that reads every
# rule's findings back never imports the comparisons or the extractors behind them.
CHECKERS: dict[str, Checker] = {
    "name": _check_names,
    "date": _check_dates,
    "quote": _check_quotes,
    "variants": _check_variants,
    "pattern": _check_patterns,
    "presence": _check_presence,
    "number": _check_numbers,
}


# What to look at when a rule of the kind matches nothing at all.
HINTS: dict[str, str] = {
    "name": "check its people's names",
    "date": "check its triggers, subject and exclusions",
    "quote": "check its speakers and min_words",
    "variants": "check its variants",
    "pattern": "check its patterns and literals",
    "presence": "check its patterns and literals",
    "number": "check its patterns",
}


def run_rule(rule: Any, corpus: Corpus, context: RunContext | None = None) -> list[Finding]:
    """All findings of `rule` over `corpus`, in a stable order, with distinct fingerprints;
    read back from the cache when neither the rule nor the corpus changed since they were
    found."""
    context = context or RunContext()
    cache = _results_cache(rule, context)
    key = rule_results.result_key(rule, corpus, context.people) if cache is not None else ""
    if cache is not None:
        kept = rule_results.load(cache, key)
        if kept is not None:
            context.stats.update(kept.stats)
            context.kept.append(rule.id)
            return kept.findings
    checker = CHECKERS[rule.kind]
    findings = _distinct_fingerprints(sorted_findings(checker(rule, corpus, context)))
    if cache is not None:
        rule_results.store(cache, key, rule_results.RuleResult(findings, dict(context.stats)))
    return findings


def kept_result(rule: Any, corpus: Corpus, context: RunContext) -> rule_results.RuleResult | None:
    """The rule's findings over `corpus` as the cache keeps them from an earlier run, if it
    does: what `run_rule` would read back instead of checking."""
    cache = _results_cache(rule, context)
    if cache is None:
        return None
    return rule_results.load(cache, rule_results.result_key(rule, corpus, context.people))


def _results_cache(rule: Any, context: RunContext) -> ExtractionCache | None:
    # Only the built-in kinds' findings are kept: the key hashes this package's code, and a
    # plugin kind's checker could change without it.
    return context.cache if rule.kind in BUILTIN_KINDS else None


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
