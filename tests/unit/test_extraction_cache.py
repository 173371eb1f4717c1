"""The extraction cache: reruns reuse results, a changed source is re-extracted alone, and a
corrupted or foreign entry is rebuilt, never trusted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from concord.cache import ExtractionCache
from concord.cache import content_digest
from concord.compare.dates import check_dates
from concord.compare.names import check_names
from concord.compare.quotes import check_quotes
from concord.corpus import Corpus
from concord.execute.local import LocalExecutor
from concord.rules import DateRule
from concord.rules import NameRule
from concord.rules import Person
from concord.rules import QuoteRule

RULE = DateRule(id="visit", kind="date", description="d", triggers=["visit"], subject=["Blinken"])
TEXTS = {
    "a": "Blinken will visit Beijing next week.",
    "b": "Blinken will visit Beijing this weekend.",
    "c": "Blinken will visit Beijing on June 18, 2023.",
}
PUBLISHED = dict.fromkeys(TEXTS, dt.date(2023, 6, 14))


def test_a_rerun_reuses_every_result_and_finds_the_same(tmp_path: Path) -> None:
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    fresh = check_dates(RULE, corpus)
    first = ExtractionCache(tmp_path)
    assert check_dates(RULE, corpus, cache=first) == fresh
    assert (first.hits, first.misses) == (0, 3)
    second = ExtractionCache(tmp_path)  # a new process: only the files remain
    assert check_dates(RULE, corpus, cache=second) == fresh
    assert (second.hits, second.misses) == (3, 0)


def test_a_changed_source_alone_is_extracted_again(tmp_path: Path) -> None:
    check_dates(RULE, Corpus.from_texts(TEXTS, PUBLISHED), cache=ExtractionCache(tmp_path))
    changed = {**TEXTS, "b": "Blinken will visit Beijing next week, officials said."}
    cache = ExtractionCache(tmp_path)
    corpus = Corpus.from_texts(changed, PUBLISHED)
    assert check_dates(RULE, corpus, cache=cache) == check_dates(RULE, corpus)
    assert (cache.hits, cache.misses) == (2, 1)


def test_other_settings_are_other_entries(tmp_path: Path) -> None:
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    check_dates(RULE, corpus, cache=ExtractionCache(tmp_path))
    cache = ExtractionCache(tmp_path)
    check_dates(RULE.model_copy(update={"week_start": "sunday"}), corpus, cache=cache)
    assert cache.misses == 3


def test_a_corrupted_entry_is_rebuilt(tmp_path: Path) -> None:
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    expected = check_dates(RULE, corpus, cache=ExtractionCache(tmp_path))
    entries = sorted(tmp_path.rglob("*.json"))
    entries[0].write_bytes(entries[0].read_bytes()[:-7])  # torn: a killed writer, a full disk
    # Tampered: the payload changed under an intact header, so its checksum no longer holds.
    header, _, body = entries[1].read_bytes().partition(b"\n")
    entries[1].write_bytes(header + b"\n" + body.replace(b"2023", b"2024"))
    cache = ExtractionCache(tmp_path)
    assert check_dates(RULE, corpus, cache=cache) == expected
    assert (cache.rebuilt, cache.misses, cache.hits) == (2, 2, 1)
    assert ExtractionCache(tmp_path).get_or_compute(content_digest(TEXTS["a"]), "x", lambda: [1]) == [1]


def test_quotes_are_cached_too(tmp_path: Path) -> None:
    rule = QuoteRule(id="quotes", kind="quote", description="d")
    opening = "“Since the beginning of the year relations have"
    texts = {
        "a": f"{opening} encountered new difficulties,” Qin said.",
        "b": f"{opening} faced new difficulties,” Qin said.",
    }
    corpus = Corpus.from_texts(texts)
    fresh = check_quotes(rule, corpus)
    assert check_quotes(rule, corpus, cache=ExtractionCache(tmp_path)) == fresh
    cache = ExtractionCache(tmp_path)
    assert check_quotes(rule, corpus, cache=cache) == fresh
    assert (cache.hits, cache.misses) == (2, 0)


def test_name_mentions_are_cached_too(tmp_path: Path) -> None:
    rule = NameRule(
        id="names", kind="name", description="d", people=[Person(name="Qin Gang", family="Qin")]
    )
    corpus = Corpus.from_texts({"a": "Qin Gang spoke. Later Gang left.", "b": "Qin Gang left."})
    fresh = check_names(rule, corpus)
    assert check_names(rule, corpus, cache=ExtractionCache(tmp_path)) == fresh
    cache = ExtractionCache(tmp_path)
    assert check_names(rule, corpus, cache=cache) == fresh
    assert (cache.hits, cache.misses) == (2, 0)


def test_extraction_in_several_processes_finds_the_same(tmp_path: Path) -> None:
    texts = {f"s{index:02}": text for index, text in enumerate(list(TEXTS.values()) * 6)}
    corpus = Corpus.from_texts(texts, dict.fromkeys(texts, dt.date(2023, 6, 14)))
    serial = check_dates(RULE, corpus)
    executor = LocalExecutor(2)
    try:
        assert check_dates(RULE, corpus, executor=executor) == serial
        cache = ExtractionCache(tmp_path)
        assert check_dates(RULE, corpus, cache=cache, executor=executor) == serial
        rerun = ExtractionCache(tmp_path)
        assert check_dates(RULE, corpus, cache=rerun, executor=executor) == serial
        assert rerun.misses == 0
    finally:
        executor.close()
