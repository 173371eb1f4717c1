"""The map stage: every source's facts of one kind, from the cache or from an executor.

Extraction is a pure function of (source text, extractor settings, extractor code), so results
are cached under a hash of all three and the misses are cut into batches that any executor can
run: this process, a local process pool, or a Dask cluster. Payloads are plain JSON data (the
form the cache stores), returned in the sources' order whoever computed them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache as once
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any
from typing import Literal

from concord.cache import ExtractionCache
from concord.corpus import Source
from concord.execute.base import Executor
from concord.rules.name import Person

if TYPE_CHECKING:
    from concord.extract.names import NameMatcher

FactKind = Literal["names", "dates", "quotes"]
Payload = list[dict[str, Any]]
# A task is one batch: the extractor, its shared settings, and (text, per-source settings) pairs.
Task = tuple[FactKind, str, list[tuple[str, str]]]

# More batches than workers, so a slow batch does not leave the other workers idle at the end;
# and no more than this many sources in one, so that results come back (and are stored) as the
# map goes on rather than all at its end.
_BATCHES_PER_WORKER = 4
_MOST_PER_BATCH = 250
# Sources stored in the cache per transaction, as their results come back.
WAVE = 2000


@dataclass(frozen=True)
class Extraction:
    """One extractor with the settings all sources share, as canonical JSON."""

    kind: FactKind
    shared: str

    @classmethod
    def names(
        cls, people: Sequence[Person], max_edits: int | None, min_misspelling_length: int
    ) -> Extraction:
        return cls("names", _canonical([_people(people), max_edits, min_misspelling_length]))

    @classmethod
    def dates(cls, week_start: str) -> Extraction:
        return cls("dates", _canonical(week_start))

    @classmethod
    def quotes(cls, people: Sequence[Person]) -> Extraction:
        return cls("quotes", _canonical(_people(people)))

    def settings(self, own: str) -> str:
        """The cache's settings string for one source with its own settings."""
        return f"{self.kind}|{code_fingerprint()}|{self.shared}|{own}"


def date_settings(source: Source) -> str:
    """What the date reader needs of one source besides its text: its reference date and the
    order its numeric dates are written in."""
    reference = source.published.date.isoformat() if source.published else None
    return _canonical([reference, source.metadata.date_order])


def extract(
    extraction: Extraction,
    sources: Sequence[Source],
    cache: ExtractionCache | None,
    executor: Executor | None,
    own: Sequence[str] | None = None,
) -> list[Payload]:
    """The payload of every source, in order: cached ones read back, the rest computed by
    `executor` (in this process when None) and stored in the cache."""
    own = own if own is not None else [""] * len(sources)
    settings = [extraction.settings(own_settings) for own_settings in own]
    payloads: list[Payload | None] = [None] * len(sources)
    if cache is not None:
        wanted = [(source.digest, key) for source, key in zip(sources, settings, strict=True)]
        payloads = cache.get_many(wanted)
    missing, copies = first_copies(
        [index for index, payload in enumerate(payloads) if payload is None],
        [(source.digest, key) for source, key in zip(sources, settings, strict=True)],
    )
    chosen = [sources[index] for index in missing]
    computed = _computed(extraction, chosen, own, missing, executor) if missing else ()
    # Stored in waves as the results come back, while the workers go on: a run killed halfway
    # keeps the waves it finished.
    for wave in waves(missing, computed):
        for index, payload in wave:
            payloads[index] = payload
        if cache is not None:
            cache.put_many(
                (sources[index].digest, settings[index], payload) for index, payload in wave
            )
    for index, first in copies:
        payloads[index] = payloads[first]
    return [payload if payload is not None else [] for payload in payloads]


def waves(indexes: Sequence[int], results: Iterable[Any]) -> Iterator[list[tuple[int, Any]]]:
    """`indexes` paired with `results` (one each, in order), in lists of WAVE pairs, each
    given as soon as its last result is in."""
    wave: list[tuple[int, Any]] = []
    for pair in zip(indexes, results, strict=True):
        wave.append(pair)
        if len(wave) == WAVE:
            yield wave
            wave = []
    if wave:
        yield wave


def first_copies(
    indexes: Sequence[int], keys: Sequence[tuple[str, str]]
) -> tuple[list[int], list[tuple[int, int]]]:
    """Of `indexes`, those whose key (content digest, settings) no earlier one has, and each
    other one with the first that has its key. What a source gives is a function of its key, so
    a text that a corpus holds several times (a wire story run by many papers; a fifth of the
    benchmark's corpus) is worked on once, and its copies take the result."""
    first_of: dict[tuple[str, str], int] = {}
    distinct: list[int] = []
    copies: list[tuple[int, int]] = []
    for index in indexes:
        first = first_of.setdefault(keys[index], index)
        if first == index:
            distinct.append(index)
        else:
            copies.append((index, first))
    return distinct, copies


def _computed(
    extraction: Extraction,
    chosen: Sequence[Source],
    own: Sequence[str],
    indexes: Sequence[int],
    executor: Executor | None,
) -> Iterator[Payload]:
    """The payload of each of `chosen`, in order, as its batch comes back: every batch is
    handed to the executor at once."""
    workers = executor.workers if executor is not None else 1
    tasks: list[Task] = []
    cursor = 0
    for size in batch_sizes(chosen, workers):
        part = range(cursor, cursor + size)
        items = [(chosen[position].text, own[indexes[position]]) for position in part]
        tasks.append((extraction.kind, extraction.shared, items))
        cursor += size
    results = (
        (run_task(task) for task in tasks) if executor is None else executor.imap(run_task, tasks)
    )
    return (payload for batch in results for payload in batch)


def run_task(task: Task) -> list[Payload]:
    """One batch, in whichever process or machine the executor chose (module level, so it
    pickles by reference)."""
    # The extractors are imported here, where they run: a rerun whose facts all come from
    # the cache never imports them (a tenth of the plugin's import time).
    from concord.extract.quotations import quotes
    from concord.extract.temporal import dates
    from concord.extract.temporal.facts import fact_to_json

    kind, shared, items = task
    if kind == "names":
        matcher = _matcher(shared)
        return [[mention.to_json() for mention in matcher.mentions(text)] for text, _ in items]
    if kind == "quotes":
        people = _declared(shared)
        return [[quote.to_json() for quote in quotes(text, people)] for text, _ in items]
    week_start = json.loads(shared)
    found = []
    for text, own in items:
        reference, date_order = json.loads(own)
        day = _day(reference)
        facts = dates(text, day, week_start=week_start, date_order=date_order)
        found.append([fact_to_json(fact) for fact in facts])
    return found


def compile_date_grammar() -> None:
    """What date extraction needs first, made in this process: for `Executor.before_fork`."""
    from concord.extract.temporal.scan import compile_grammar

    compile_grammar()


@once
def code_fingerprint() -> str:
    """A hash of the package's source: results cached by other code are stale. All of it, not
    only the extractors: rules cache what they read too (`concord.rule_map`), and a stale
    entry costs a wrong finding while a spurious miss costs one extraction."""
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def batch_sizes(sources: Sequence[Source], workers: int) -> list[int]:
    """Sizes of contiguous batches of about equal text length: `workers` x 4 of them, more
    where that would put over 250 sources in one (one batch when there is one worker: no
    reason to cut)."""
    if workers <= 1 or len(sources) <= 1:
        return [len(sources)]
    wanted = max(workers * _BATCHES_PER_WORKER, -(-len(sources) // _MOST_PER_BATCH))
    count = min(len(sources), wanted)
    total = sum(len(source.text) for source in sources)
    target = total / count
    sizes: list[int] = []
    size = 0
    filled = 0.0
    for source in sources:
        size += 1
        filled += len(source.text)
        if filled >= target * (len(sizes) + 1) and len(sizes) < count - 1:
            sizes.append(size)
            size = 0
    if size:
        sizes.append(size)
    return sizes


@lru_cache(maxsize=8)
def _matcher(shared: str) -> NameMatcher:
    from concord.extract.names import NameMatcher

    """One matcher per worker process and settings: building its indexes costs more than
    matching a short text."""
    people, max_edits, min_misspelling_length = json.loads(shared)
    declared = [Person.model_validate(item) for item in people]
    return NameMatcher(declared, max_edits=max_edits, min_misspelling_length=min_misspelling_length)


@lru_cache(maxsize=8)
def _declared(shared: str) -> tuple[Person, ...]:
    return tuple(Person.model_validate(item) for item in json.loads(shared))


def _day(reference: str | None) -> dt.date | None:
    return dt.date.fromisoformat(reference) if reference else None


def _people(people: Sequence[Person]) -> list[dict[str, Any]]:
    return [person.model_dump(mode="json") for person in people]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
