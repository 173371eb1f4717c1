"""The per-rule half of the map stage: what one rule reads from each source (the dates that
date its event, the spans its patterns match), cached beside the extraction results.

A rule's reading of a source is a pure function of the source's text, the rule's settings and
the code, like extraction; caching it means a rerun over unchanged sources does no text
processing at all, only the comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from concord.cache import ExtractionCache
from concord.corpus import Source
from concord.execute.base import Executor
from concord.execute.base import named
from concord.extraction import Extraction
from concord.extraction import FactKind
from concord.extraction import Payload
from concord.extraction import batch_sizes
from concord.extraction import code_fingerprint
from concord.extraction import extract
from concord.extraction import first_copies
from concord.extraction import run_task

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
_WAVE = 2000  # sources read (and stored) per round

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
    compute: Callable[[Sequence[Source]], list[Any]],
    own: Sequence[str] | None = None,
) -> list[Any]:
    """`compute(sources)` (one plain-JSON result per source), with the results of earlier runs
    taken from `cache`; `own` are per-source settings the results also depend on."""
    if cache is None:
        return compute(sources)
    own = own if own is not None else [""] * len(sources)
    keys = _keys(rule, own)
    found = cache.get_many(
        [(source.digest, key) for source, key in zip(sources, keys, strict=True)]
    )
    missing, copies = first_copies(
        [index for index, result in enumerate(found) if result is None],
        [(source.digest, key) for source, key in zip(sources, keys, strict=True)],
    )
    # In waves, each stored when done: what a wave's extraction loads is freed before the
    # next, and a run killed halfway keeps the waves it finished.
    for start in range(0, len(missing), _WAVE):
        wave = missing[start : start + _WAVE]
        computed = compute([sources[index] for index in wave])
        for index, result in zip(wave, computed, strict=True):
            found[index] = result
        cache.put_many((sources[index].digest, keys[index], found[index]) for index in wave)
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


def _keys(rule: BaseModel, own: Sequence[str]) -> list[str]:
    shared = f"rule-map|{code_fingerprint()}|{rule_settings(rule)}"
    return [f"{shared}|{own_settings}" for own_settings in own]


def extract_and_read(
    extraction: Extraction,
    rules: Sequence[Any],
    sources: Sequence[Source],
    *,
    cache: ExtractionCache | None,
    executor: Executor | None,
    own: Sequence[str] | None = None,
) -> list[list[Any]]:
    """For each of `rules` (all of one kind, which reads the facts `extraction` gives), its
    reading of every source.

    On a pool or a cluster, the sources whose facts are not cached are extracted and read in
    the same task: their text is shipped once, and their facts come back once, to be cached,
    instead of coming back to be sent out again with the text for the reading."""
    own = own if own is not None else [""] * len(sources)
    kind = rules[0].kind
    if executor is None or executor.workers <= 1:
        payloads = extract(extraction, sources, cache, executor, own)
        inputs = [
            _input(kind, source.text, payload, source)
            for source, payload in zip(sources, payloads, strict=True)
        ]
        return read_together(rules, inputs, executor)
    cached: list[Any] = [None] * len(sources)
    if cache is not None:
        cached = cache.get_many(
            [
                (source.digest, extraction.settings(mine))
                for source, mine in zip(sources, own, strict=True)
            ]
        )
    per_source: list[list[Any] | None] = [None] * len(sources)
    have = [index for index, payload in enumerate(cached) if payload is not None]
    if have:
        inputs = [_input(kind, sources[index].text, cached[index], None) for index in have]
        read = read_together(rules, inputs, executor)
        for position, index in enumerate(have):
            per_source[index] = [readings[position] for readings in read]
    missing = [index for index, payload in enumerate(cached) if payload is None]
    if missing:
        chosen = [sources[index] for index in missing]
        tasks = []
        cursor = 0
        for size in batch_sizes(chosen, executor.workers):
            items = [(sources[index].text, own[index]) for index in missing[cursor : cursor + size]]
            tasks.append((extraction.kind, extraction.shared, items, tuple(rules)))
            cursor += size
        done = [pair for batch in executor.map(run_extract_and_read, tasks) for pair in batch]
        if cache is not None:
            cache.put_many(
                (sources[index].digest, extraction.settings(own[index]), payload)
                for index, (payload, _) in zip(missing, done, strict=True)
            )
        for index, (_, readings) in zip(missing, done, strict=True):
            per_source[index] = readings
    return [
        [readings[number] for readings in per_source if readings is not None]
        for number in range(len(rules))
    ]


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
    if executor is None or executor.workers <= 1 or len(inputs) < 2:
        read = _reader(tuple(rules))
        per_input = [read(item) for item in inputs]
    else:
        size = max(1, -(-len(inputs) // (executor.workers * _BATCHES_PER_WORKER)))
        tasks = [
            (tuple(rules), list(inputs[start : start + size]))
            for start in range(0, len(inputs), size)
        ]
        per_input = [result for batch in executor.map(run_reading, tasks) for result in batch]
    return [[results[number] for results in per_input] for number in range(len(rules))]


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
