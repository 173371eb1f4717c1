"""The per-rule half of the map stage: what one rule reads from each source (the dates that
date its event, the spans its patterns match), cached beside the extraction results.

A rule's reading of a source is a pure function of the source's text, the rule's settings and
the code, like extraction; caching it means a rerun over unchanged sources does no text
processing at all, only the comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from concord.cache import ExtractionCache
from concord.corpus import Source
from concord.execute.base import Executor
from concord.execute.base import named
from concord.extraction import WAVE
from concord.extraction import Extraction
from concord.extraction import FactKind
from concord.extraction import Payload
from concord.extraction import batch_sizes
from concord.extraction import code_fingerprint
from concord.extraction import extract
from concord.extraction import first_copies
from concord.extraction import run_task
from concord.extraction import waves

# The kinds whose reading is worth a worker, and where their reader factories live: a factory
# turns a rule into a function of one source's input. Named by module path, so that a worker
# process or machine imports them itself.
_READERS = {
    "date": "concord.compare.dates:date_reader",
    "quote": "concord.compare.quotes:quote_reader",
    "variants": "concord.compare.variants:variants_reader",
}
# Kinds whose reader can read a source for several rules at once, sharing the work.
_TOGETHER = {"date": "concord.compare.dates:date_readers"}
_BATCHES_PER_WORKER = 4

# What a rule's description, severity and self-tests change: nothing a source gives.
_NOT_READ = {"id", "description", "severity", "examples"}


def rule_settings(rule: BaseModel) -> str:
    """The rule's settings that decide what it reads, as canonical JSON."""
    kept = {name for name in type(rule).model_fields if name not in _NOT_READ}
    return rule.model_dump_json(include=kept)


def mapped(
    rule: BaseModel,
    sources: Sequence[Source],
    cache: ExtractionCache | None,
    compute: Callable[[Sequence[Source]], Iterable[Any]],
    own: Sequence[str] | None = None,
) -> list[Any]:
    """`compute(sources)` (one plain-JSON result per source, in order, perhaps yielded as the
    work comes back), with the results of earlier runs taken from `cache`; `own` are
    per-source settings the results also depend on."""
    if cache is None:
        return list(compute(sources))
    own = own if own is not None else [""] * len(sources)
    keys = _keys(rule, own)
    found = cache.get_many(
        [(source.digest, key) for source, key in zip(sources, keys, strict=True)]
    )
    missing, copies = first_copies(
        [index for index, result in enumerate(found) if result is None],
        [(source.digest, key) for source, key in zip(sources, keys, strict=True)],
    )
    # Stored in waves as the results come in, while the workers go on: a run killed halfway
    # keeps the waves it finished.
    computed = compute([sources[index] for index in missing]) if missing else ()
    for wave in waves(missing, computed):
        for index, result in wave:
            found[index] = result
        cache.put_many((sources[index].digest, keys[index], result) for index, result in wave)
    for index, first in copies:
        found[index] = found[first]
    return found


def store_ahead(
    rule: BaseModel,
    sources: Sequence[Source],
    cache: ExtractionCache,
    results: Sequence[Any],
    own: Sequence[str],
) -> None:
    """Results computed for `rule` before it runs, stored where its `mapped` will look."""
    keys = _keys(rule, own)
    cache.put_many(
        (source.digest, key, result)
        for source, key, result in zip(sources, keys, results, strict=True)
    )


def first_storing_the_rest(
    per_source: Iterable[list[Any]],
    later: Sequence[BaseModel],
    sources: Sequence[Source],
    cache: ExtractionCache,
    own: Sequence[str],
) -> Iterator[Any]:
    """From the readings of several rules (`per_source`: for each of `sources`, the first
    rule's, then those of `later`), the first rule's, in order; the later rules' are stored a
    wave at a time (`store_ahead`) for their own runs."""
    for wave in waves(range(len(sources)), per_source):
        chosen = [sources[index] for index, _ in wave]
        mine = [own[index] for index, _ in wave]
        for number, rule in enumerate(later, start=1):
            store_ahead(rule, chosen, cache, [readings[number] for _, readings in wave], mine)
        for _, readings in wave:
            yield readings[0]


def _keys(rule: BaseModel, own: Sequence[str]) -> list[str]:
    shared = f"rule-map|{code_fingerprint()}|{rule_settings(rule)}"
    return [f"{shared}|{own_settings}" for own_settings in own]


def extracted_and_read(
    extraction: Extraction,
    rules: Sequence[Any],
    sources: Sequence[Source],
    *,
    cache: ExtractionCache | None,
    executor: Executor | None,
    own: Sequence[str] | None = None,
) -> Iterator[list[Any]]:
    """For each source, in order, the reading of each of `rules` (all of one kind, which reads
    the facts `extraction` gives), yielded as the work comes back.

    On a pool or a cluster, the sources whose facts are not cached are extracted and read in
    the same task: their text is shipped once, and their facts come back once, to be cached
    a wave at a time, instead of coming back to be sent out again with the text for the
    reading. Every task is handed out before the first result is waited for."""
    own = own if own is not None else [""] * len(sources)
    kind = rules[0].kind
    if executor is None or executor.workers <= 1:
        payloads = extract(extraction, sources, cache, executor, own)
        inputs = [
            _input(kind, source.text, payload, source)
            for source, payload in zip(sources, payloads, strict=True)
        ]
        return _read_stream(rules, inputs, executor)
    cached: list[Any] = [None] * len(sources)
    if cache is not None:
        cached = cache.get_many(
            [
                (source.digest, extraction.settings(mine))
                for source, mine in zip(sources, own, strict=True)
            ]
        )
    have = [index for index, payload in enumerate(cached) if payload is not None]
    missing = [index for index, payload in enumerate(cached) if payload is None]
    read = _read_stream(
        rules, [_input(kind, sources[index].text, cached[index], None) for index in have], executor
    )
    # No batch at all when every source's facts are cached: not even an empty one to a cluster.
    sizes = batch_sizes([sources[index] for index in missing], executor.workers) if missing else []
    tasks = []
    cursor = 0
    for size in sizes:
        items = [(sources[index].text, own[index]) for index in missing[cursor : cursor + size]]
        tasks.append((extraction.kind, extraction.shared, items, tuple(rules)))
        cursor += size
    extracted = (pair for batch in executor.imap(run_extract_and_read, tasks) for pair in batch)

    def store(wave: Sequence[tuple[int, Payload]]) -> None:
        _store_facts(extraction, sources, own, cache, wave)

    return _merged(cached, read, extracted, store)


def _merged(
    cached: Sequence[Any],
    read: Iterator[list[Any]],
    extracted: Iterator[tuple[Payload, list[Any]]],
    store: Callable[[Sequence[tuple[int, Payload]]], None],
) -> Iterator[list[Any]]:
    """Each source's readings in order, from `read` where its facts were `cached`, else from
    `extracted`, whose facts are handed to `store` a wave at a time as they come."""
    wave: list[tuple[int, Payload]] = []
    for index, payload in enumerate(cached):
        if payload is not None:
            yield next(read)
            continue
        facts, readings = next(extracted)
        wave.append((index, facts))
        if len(wave) == WAVE:
            store(wave)
            wave = []
        yield readings
    store(wave)


def _store_facts(
    extraction: Extraction,
    sources: Sequence[Source],
    own: Sequence[str],
    cache: ExtractionCache | None,
    wave: Sequence[tuple[int, Payload]],
) -> None:
    if cache is not None and wave:
        cache.put_many(
            (sources[index].digest, extraction.settings(own[index]), facts) for index, facts in wave
        )


def run_extract_and_read(
    task: tuple[FactKind, str, list[tuple[str, str]], tuple[Any, ...]],
) -> list[tuple[Payload, list[Any]]]:
    """One batch of sources extracted and read by the rules, wherever the executor runs it:
    for each source, its facts and one reading per rule."""
    kind, shared, items, rules = task
    payloads = run_task((kind, shared, items))
    read = _reader(rules)
    return [
        (payload, read(_input(rules[0].kind, text, payload, None)))
        for (text, _), payload in zip(items, payloads, strict=True)
    ]


def _input(kind: str, text: str, payload: Payload, source: Source | None) -> Any:
    """What a reader of `kind` reads of one source: its text and facts, and for the date reader
    the sentences when this process has them (`source`) rather than a worker."""
    if kind == "date":
        return (text, payload, source.sentences if source is not None else None)
    return (text, payload)


def read_all(rule: Any, inputs: Sequence[Any], executor: Executor | None) -> list[Any]:
    """The rule's reader applied to every input (one per source, plain data), in this process
    or in batches on the executor's workers; results in the inputs' order."""
    return read_together([rule], inputs, executor)[0]


def read_together(
    rules: Sequence[Any], inputs: Sequence[Any], executor: Executor | None
) -> list[list[Any]]:
    """For each of `rules` (all of one kind), its reading of every input, in one pass over
    the inputs: a kind with a reader for several rules at once shares what they all need of a
    source (a date rule's sentences and decoded dates)."""
    per_input = list(_read_stream(rules, inputs, executor))
    return [[results[number] for results in per_input] for number in range(len(rules))]


def _read_stream(
    rules: Sequence[Any], inputs: Sequence[Any], executor: Executor | None
) -> Iterator[list[Any]]:
    """For each input, in order, one reading per rule: computed here as asked for, or handed
    to the executor's workers in batches at once and yielded as they come back."""
    if executor is None or executor.workers <= 1 or len(inputs) < 2:
        read = _reader(tuple(rules))
        return (read(item) for item in inputs)
    size = max(1, -(-len(inputs) // (executor.workers * _BATCHES_PER_WORKER)))
    tasks = [
        (tuple(rules), list(inputs[start : start + size])) for start in range(0, len(inputs), size)
    ]
    return (result for batch in executor.imap(run_reading, tasks) for result in batch)


def run_reading(task: tuple[tuple[Any, ...], list[Any]]) -> list[list[Any]]:
    """One batch of the rules' readings, wherever the executor runs it: for each input, one
    result per rule."""
    rules, items = task
    read = _reader(rules)
    return [read(item) for item in items]


def _reader(rules: tuple[Any, ...]) -> Callable[[Any], list[Any]]:
    kind = rules[0].kind
    if len(rules) > 1 and kind in _TOGETHER:
        together: Callable[[Sequence[Any]], Callable[[Any], list[Any]]] = named(_TOGETHER[kind])
        return together(rules)
    readers = [named(_READERS[kind])(rule) for rule in rules]
    return lambda item: [reader(item) for reader in readers]
