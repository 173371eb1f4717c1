"""The reduce stage: each rule's comparison, grouped by key, run as tasks on a cluster.

The map stage leaves each source's facts or readings. A kind's comparison groups them by a key
(the person a name rule checks, a variants rule's group, or the rule itself where everything is
compared with everything: a date rule's event, a quote rule's quotes, a pattern's values) and
reduces each group to findings. A group travels as plain data: the rule, the key, and for each
source with something in the group a `SourceRef` (its id and publication date, never its text)
with its values. A reduce returns `Draft`s, findings whose locations are still character spans;
the controller, which holds the texts, gives them their lines, columns and excerpts.

So on a Dask cluster the reduce runs where the map runs, and what it ships is the facts, not
the corpus. A local pool's groups are reduced in this process instead (`Executor.remote`):
their inputs are here already, and pickling them to a process on the same cores cost more.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import replace
from typing import Any

from concord.corpus import Corpus
from concord.corpus import Published
from concord.corpus import Source
from concord.execute.base import Executor
from concord.execute.base import named
from concord.findings import Finding
from concord.findings import FindingText
from concord.findings import Location


@dataclass(frozen=True)
class SourceRef:
    """A source as a reduce knows it: where it is in the corpus, its id and publication date."""

    index: int
    id: str
    published: Published | None = None


@dataclass(frozen=True)
class Place:
    """Where a draft finding points: a span of one source, or (`end` None) its first line, as
    a finding about a whole source points at."""

    source: SourceRef
    start: int
    end: int | None
    note: str = ""

    def with_note(self, note: str) -> Place:
        return replace(self, note=note)


@dataclass(frozen=True)
class Draft(FindingText):
    """A finding as a reduce makes it, before its places are located in the texts."""

    places: tuple[Place, ...]


# A group: its key, and each source's values in it (only sources that have some, unless the
# kind needs every source, as a presence rule does).
Group = tuple[str, list[tuple[SourceRef, Any]]]
Reducer = Callable[[Any, str, list[tuple[SourceRef, Any]]], list[Draft]]

# Where each built-in kind's reducer lives, named by module path so that a worker process or
# machine imports it itself.
_REDUCERS = {
    "name": "concord.compare.names:reduce_names",
    "date": "concord.compare.dates:reduce_dates",
    "quote": "concord.compare.quotes:reduce_quotes",
    "variants": "concord.compare.variants:reduce_variants",
    "pattern": "concord.compare.patterns:reduce_patterns",
    "presence": "concord.compare.presence:reduce_presence",
    "number": "concord.compare.numbers:reduce_numbers",
}
_BATCHES_PER_WORKER = 4


def refs(corpus: Corpus) -> list[SourceRef]:
    """Each source of the corpus as a reduce knows it, in the corpus's order."""
    return [SourceRef(index, source.id, source.published) for index, source in enumerate(corpus)]


def reduce_groups(
    rule: Any, corpus: Corpus, groups: Sequence[Group], executor: Executor | None
) -> list[Finding]:
    """The rule's findings: each group reduced (on a cluster's workers when the executor is
    remote, see `Executor.remote`), then located in the corpus's texts here."""
    if executor is None or not executor.remote:
        drafts = [draft for group in groups for draft in _reduce(rule, group)]
    else:
        # Several batches per worker, so one large group does not leave the others idle.
        size = max(1, -(-len(groups) // (executor.workers * _BATCHES_PER_WORKER)))
        tasks = [
            (rule, list(groups[start : start + size])) for start in range(0, len(groups), size)
        ]
        drafts = [draft for batch in executor.map(run_reduce, tasks) for draft in batch]
    return [located(draft, corpus.sources) for draft in drafts]


def run_reduce(task: tuple[Any, list[Group]]) -> list[Draft]:
    """One batch of a rule's groups, reduced wherever the executor runs it."""
    rule, groups = task
    return [draft for group in groups for draft in _reduce(rule, group)]


def _reduce(rule: Any, group: Group) -> list[Draft]:
    key, values = group
    return _reducer(rule.kind)(rule, key, values)


def _reducer(kind: str) -> Reducer:
    reducer: Reducer = named(_REDUCERS[kind])
    return reducer


def located(draft: Draft, sources: Sequence[Source]) -> Finding:
    """The draft as a finding, each place given its line, column, excerpt and context."""
    return Finding(
        rule=draft.rule,
        kind=draft.kind,
        severity=draft.severity,
        code=draft.code,
        message=draft.message,
        expected=draft.expected,
        locations=tuple(_location(place, sources[place.source.index]) for place in draft.places),
    )


def _location(place: Place, source: Source) -> Location:
    end = place.end
    if end is None:
        end = max(1, len(source.text.split("\n", 1)[0]))
    return Location.of_span(source, place.start, end, place.note)
