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
    """The finding's JSON form (fingerprint included), plus what that form leaves out."""
    contexts = [location.context for location in finding.locations]
    return [finding.to_json(), finding.occurrence, contexts]


def _finding(record: list[Any]) -> Finding:
    data, occurrence, contexts = record
    shown = data["locations"]
    if len(shown) != len(contexts) or not shown or not shown[0].keys() >= _LOCATION_KEYS:
        raise ValueError("a record of another layout")  # `load` takes it for a miss
    finding = object.__new__(_KeptFinding)
    finding.__dict__.update(
        rule=data["rule"],
        kind=data["kind"],
        severity=data["severity"],
        code=data["code"],
        message=data["message"],
        expected=data["expected"],
        occurrence=int(occurrence),
        # The hash and the JSON form of these very fields, made by the same code (the key
        # covers the code): kept, since making them again for 15,000 findings was a quarter
        # of a warm run.
        fingerprint=str(data["fingerprint"]),
        _json=data,
        _stored_locations=(shown, contexts),
    )
    return finding


class _KeptFinding(Finding):
    """A finding read back from the cache, whose locations are built when first asked for.

    A rerun with nothing changed prints 50 findings a rule and gives the reports the findings'
    kept JSON forms, so most locations are never looked at (building all 68,000 of them at
    10,000 documents was a quarter of reading the results back). It equals, and hashes as,
    the finding it was made from."""

    @property
    def locations(self) -> tuple[Location, ...]:
        built: tuple[Location, ...] | None = self.__dict__.get("_built_locations")
        if built is None:
            shown, contexts = self.__dict__["_stored_locations"]
            built = tuple(
                _location(
                    [
                        location["source"],
                        location["line"],
                        location["column"],
                        location["end_line"],
                        location["end_column"],
                        location["text"],
                        context,
                        location.get("note", ""),
                    ]
                )
                for location, context in zip(shown, contexts, strict=True)
            )
            self.__dict__["_built_locations"] = built
        return built

    @locations.setter
    def locations(self, value: tuple[Location, ...]) -> None:
        # `dataclasses.replace` makes a new one through `__init__`, which sets every field.
        self.__dict__["_built_locations"] = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return _fields(self) == _fields(other)

    __hash__ = Finding.__hash__

    def __repr__(self) -> str:
        return "Finding" + super().__repr__().removeprefix(type(self).__qualname__)


_FINDING_FIELDS = tuple(field.name for field in fields(Finding))


def _fields(finding: Finding) -> tuple[Any, ...]:
    return tuple(getattr(finding, name) for name in _FINDING_FIELDS)


_LOCATION_FIELDS = tuple(field.name for field in fields(Location))
_LOCATION_KEYS = frozenset({"source", "line", "column", "end_line", "end_column", "text"})


def _location(values: list[Any]) -> Location:
    """A location from its stored fields, in their declared order. Not through the frozen
    dataclass's `__init__`, which sets each field with `object.__setattr__`: a warm run at
    10,000 documents builds 68,000 of them, and that was a third of reading the results.
    Built when a kept finding's locations are first asked for, so a record of another layout
    is caught earlier, by `_finding`'s check of its first location (a miss for `load`)."""
    location = object.__new__(Location)
    location.__dict__.update(zip(_LOCATION_FIELDS, values, strict=True))
    return location
