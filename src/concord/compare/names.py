"""The `name` rule: faulty mentions become findings; mixed full forms are one finding a person."""

from __future__ import annotations

from collections import defaultdict

from concord.cache import ExtractionCache
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.base import Executor
from concord.extract.names import NameMention
from concord.extraction import Extraction
from concord.extraction import extract
from concord.findings import Finding
from concord.findings import Location
from concord.rules.name import NameRule
from concord.rules.name import Person

_CHECK_OF_KIND = {"given": "given-name", "misspelt": "misspelling", "reversed": "order"}


def check_names(
    rule: NameRule,
    corpus: Corpus,
    *,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    people = {person.name: person for person in rule.people}
    enabled = set(rule.checks)
    findings: list[Finding] = []
    forms: dict[str, dict[str, list[tuple[Source, NameMention]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    matched = 0
    extraction = Extraction.names(rule.people, rule.max_edits, rule.min_misspelling_length)
    payloads = extract(extraction, corpus.sources, cache, executor)
    for source, payload in zip(corpus.sources, payloads, strict=True):
        found = [NameMention(**item) for item in payload]
        for mention in found:
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
