"""The `name` rule: faulty mentions become findings; mixed full forms are one finding a person."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import asdict
from functools import cache as cache_function
from pathlib import Path

from concord import lexicon
from concord.cache import ExtractionCache
from concord.corpus import Corpus
from concord.corpus import Source
from concord.extract.names import NameMatcher
from concord.extract.names import NameMention
from concord.findings import Finding
from concord.findings import Location
from concord.rules.name import NameRule
from concord.rules.name import Person

_CHECK_OF_KIND = {"given": "given-name", "misspelt": "misspelling", "reversed": "order"}


def check_names(
    rule: NameRule,
    corpus: Corpus,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
) -> list[Finding]:
    matcher = NameMatcher(
        rule.people, max_edits=rule.max_edits, min_misspelling_length=rule.min_misspelling_length
    )
    people = {person.name: person for person in rule.people}
    enabled = set(rule.checks)
    findings: list[Finding] = []
    forms: dict[str, dict[str, list[tuple[Source, NameMention]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    matched = 0
    settings = json.dumps(
        [rule.max_edits, rule.min_misspelling_length, [p.model_dump() for p in rule.people]],
        sort_keys=True,
    )
    for source in corpus:
        for mention in _mentions(matcher, source, settings, cache):
            matched += 1
            check = _CHECK_OF_KIND.get(mention.kind)
            if check is not None and check in enabled:
                findings.append(_fault(rule, source, mention, people[mention.person], check))
            elif mention.kind == "full":
                forms[mention.person][mention.form].append((source, mention))
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + matched
    if "mixed-forms" in enabled:
        for person_name, used in forms.items():
            if len(used) > 1:
                findings.append(_mixed_forms(rule, people[person_name], used))
    return findings


def _mentions(
    matcher: NameMatcher, source: Source, settings: str, cache: ExtractionCache | None
) -> list[NameMention]:
    """The source's mentions, from the cache when it has them for these people and settings."""
    if cache is None:
        return matcher.mentions(source.text)
    payload = cache.get_or_compute(
        source.text,
        f"names|{code_fingerprint()}|{settings}",
        lambda: [asdict(mention) for mention in matcher.mentions(source.text)],
    )
    return [NameMention(**item) for item in payload]


@cache_function
def code_fingerprint() -> str:
    """A hash of the name matcher's source: cached results from other code are stale."""
    digest = hashlib.sha256()
    for module in (sys.modules[NameMatcher.__module__], lexicon):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def _fault(
    rule: NameRule, source: Source, mention: NameMention, person: Person, check: str
) -> Finding:
    expected = mention.expected or person.name
    if check == "given-name":
        message = (
            f'"{mention.text}" is the given name of {person.name}; '
            f'on short reference write the family name "{expected}"'
        )
    elif check == "misspelling":
        message = f'"{mention.text}" looks like a misspelling of "{expected}" ({person.name})'
    else:
        order = "family name first" if person.name_order == "family-first" else "family name last"
        message = f'"{mention.text}" reverses the order of {person.name} ({order})'
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code=check,
        message=message,
        expected=expected,
        locations=(Location.of_span(source, mention.start, mention.end),),
    )


def _mixed_forms(
    rule: NameRule, person: Person, used: dict[str, list[tuple[Source, NameMention]]]
) -> Finding:
    """One finding a person: each other form with the sources using it, against the name."""
    summary = "; ".join(
        f'"{form}" in {", ".join(sorted({source.id for source, _ in mentions}))}'
        for form, mentions in sorted(used.items())
    )
    locations = tuple(
        Location.of_span(source, mention.start, mention.end)
        for form, mentions in sorted(used.items())
        if form != person.name
        for source, mention in mentions
    ) or tuple(
        Location.of_span(source, mention.start, mention.end)
        for mentions in used.values()
        for source, mention in mentions[:1]
    )
    return Finding(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="mixed-forms",
        message=f"{person.name} is written {len(used)} ways across the corpus: {summary}",
        expected=person.name,
        locations=locations,
    )
