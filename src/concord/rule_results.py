"""The reduce's results kept between runs: one rule's findings over one whole corpus.

A rule's findings are a pure function of the rule, the people the name rules declare, every
source's text and metadata, and the code, like the map stage's results; so when none of those
changed, a rerun reads the findings back instead of comparing again. The key covers the whole
corpus, so changing one source (or adding or removing one) recomputes the rule, with that
source's facts extracted afresh and every other source's read from the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields
from typing import Any

from pydantic import BaseModel

from concord.cache import ExtractionCache
from concord.corpus import Corpus
from concord.extraction import code_fingerprint
from concord.findings import Finding
from concord.findings import Location
from concord.rules import Person

_KIND = "rule-result"


@dataclass(frozen=True)
class RuleResult:
    findings: list[Finding]
    stats: dict[str, int]


def result_key(rule: BaseModel, corpus: Corpus, people: Sequence[Person]) -> str:
    """What the rule's findings over `corpus` depend on, hashed. A rule's own examples do not
    change what it finds in the corpus; its id, severity and description are in every
    finding."""
    digest = hashlib.sha256()
    for part in (
        code_fingerprint(),
        rule.model_dump_json(exclude={"examples"}),
        "\x1e".join(person.model_dump_json() for person in people),
        corpus.fingerprint,
    ):
        digest.update(part.encode())
        digest.update(b"\x1f")
    return digest.hexdigest()


def load(cache: ExtractionCache, key: str) -> RuleResult | None:
    """The stored result under `key`, or None; a damaged entry is a miss (the cache checks)."""
    payload = cache.get(key, _KIND)
    if payload is None:
        return None
    try:
        return RuleResult(
            findings=[_finding(record) for record in payload["findings"]],
            stats={name: int(value) for name, value in payload["stats"].items()},
        )
    except (KeyError, TypeError, ValueError):
        return None  # written by a different layout: recompute, and the store replaces it


def store(cache: ExtractionCache, key: str, result: RuleResult) -> None:
    payload = {
        "findings": [_record(finding) for finding in result.findings],
        "stats": result.stats,
    }
    cache.put(key, _KIND, payload)


def _record(finding: Finding) -> list[Any]:
    return [
        finding.rule,
        finding.kind,
        finding.severity,
        finding.code,
        finding.message,
        finding.expected,
        finding.occurrence,
        finding.fingerprint,
        [
            [
                location.source,
                location.line,
                location.column,
                location.end_line,
                location.end_column,
                location.text,
                location.context,
                location.note,
            ]
            for location in finding.locations
        ],
    ]


def _finding(record: list[Any]) -> Finding:
    rule, kind, severity, code, message, expected, occurrence, fingerprint, locations = record
    finding = Finding(
        rule=rule,
        kind=kind,
        severity=severity,
        code=code,
        message=message,
        expected=expected,
        occurrence=occurrence,
        locations=tuple(map(_location, locations)),
    )
    # The hash of these very fields, computed by the same code (the key covers the code):
    # kept, since hashing 15,000 findings again was a tenth of a warm run.
    finding.__dict__["fingerprint"] = str(fingerprint)
    return finding


_LOCATION_FIELDS = tuple(field.name for field in fields(Location))


def _location(values: list[Any]) -> Location:
    """A location from its stored fields, in their declared order. Not through the frozen
    dataclass's `__init__`, which sets each field with `object.__setattr__`: a warm run at
    10,000 documents builds 68,000 of them, and that was a third of reading the results."""
    if len(values) != len(_LOCATION_FIELDS):
        raise ValueError("a stored location has the wrong number of fields")
    location = object.__new__(Location)
    location.__dict__.update(zip(_LOCATION_FIELDS, values, strict=True))
    return location
