"""The `name` rule: faulty mentions become findings; mixed full forms are one finding a person."""

from __future__ import annotations

from collections import defaultdict

from concord.cache import ExtractionCache
from concord.corpus import Corpus
from concord.execute.base import Executor
from concord.extract.names import NameMention
from concord.extraction import Extraction
from concord.extraction import Payload
from concord.extraction import extract
from concord.findings import Finding
from concord.reduce import Draft
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import reduce_groups
from concord.reduce import refs
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
    extraction = Extraction.names(rule.people, rule.max_edits, rule.min_misspelling_length)
    payloads = extract(extraction, corpus.sources, cache, executor)
    # Grouped by person: each person's mentions are judged, and their full forms compared
    # across the corpus, apart from everyone else's.
    by_person: dict[str, list[tuple[SourceRef, Payload]]] = defaultdict(list)
    matched = 0
    for ref, payload in zip(refs(corpus), payloads, strict=True):
        matched += len(payload)
        mine: dict[str, Payload] = defaultdict(list)
        for item in payload:
            mine[item["person"]].append(item)
        for person_name, mentions in mine.items():
            by_person[person_name].append((ref, mentions))
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + matched
    return reduce_groups(rule, corpus, list(by_person.items()), executor)


def reduce_names(
    rule: NameRule, person_name: str, values: list[tuple[SourceRef, Payload]]
) -> list[Draft]:
    """One person's findings: each faulty mention, and one for mixed full forms."""
    person = {person.name: person for person in rule.people}[person_name]
    enabled = set(rule.checks)
    drafts: list[Draft] = []
    # Where each full form stands. Mentions are read from their JSON, and made objects only
    # where they are faults: most are correct ("Qin" on short reference), and making each
    # one was two fifths of the reduce's time.
    forms: dict[str, list[tuple[SourceRef, int, int]]] = defaultdict(list)
    for ref, payload in values:
        for item in payload:
            kind = item["kind"]
            check = _CHECK_OF_KIND.get(kind)
            if check is not None and check in enabled:
                drafts.append(_fault(rule, ref, NameMention(**item), person, check))
            elif kind == "full":
                forms[item["form"]].append((ref, item["start"], item["end"]))
    if "mixed-forms" in enabled and len(forms) > 1:
        drafts.append(_mixed_forms(rule, person, forms))
    return drafts


def _fault(
    rule: NameRule, source: SourceRef, mention: NameMention, person: Person, check: str
) -> Draft:
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
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code=check,
        message=message,
        expected=expected,
        places=(Place(source, mention.start, mention.end),),
    )


def _mixed_forms(
    rule: NameRule, person: Person, used: dict[str, list[tuple[SourceRef, int, int]]]
) -> Draft:
    """One finding a person: each other form with the sources using it, against the name.
    `used` holds, for each form, the source, start and end of each mention in it."""
    summary = "; ".join(
        f'"{form}" in {", ".join(sorted({source.id for source, _, _ in mentions}))}'
        for form, mentions in sorted(used.items())
    )
    places = tuple(
        Place(source, start, end)
        for form, mentions in sorted(used.items())
        if form != person.name
        for source, start, end in mentions
    ) or tuple(
        Place(source, start, end)
        for mentions in used.values()
        for source, start, end in mentions[:1]
    )
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="mixed-forms",
        message=f"{person.name} is written {len(used)} ways across the corpus: {summary}",
        expected=person.name,
        places=places,
    )
