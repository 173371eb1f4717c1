"""The extraction cache: reruns reuse results, a changed source is re-extracted alone, and a
corrupted or foreign entry is rebuilt, never trusted."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from concord.cache import DATABASE
from concord.cache import ExtractionCache
from concord.cache import content_digest
from concord.compare.dates import check_dates
from concord.compare.dates import date_reader
from concord.compare.names import check_names
from concord.compare.quotes import check_quotes
from concord.config import load_rules
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.local import LocalExecutor
from concord.extraction import Extraction
from concord.extraction import date_settings
from concord.extraction import extract
from concord.project import ProjectCache
from concord.rule_map import extracted_and_read
from concord.rule_map import mapped
from concord.rules import DateRule
from concord.rules import NameRule
from concord.rules import Person
from concord.rules import QuoteRule
from tests.helpers import ROOT

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
    # Per source: the rule's reading (the dates of its event) and the date extraction.
    assert (first.hits, first.misses) == (0, 6)
    second = ExtractionCache(tmp_path)  # a new process: only the database remains
    assert check_dates(RULE, corpus, cache=second) == fresh
    # The rule's readings alone: the date reader is never asked.
    assert (second.hits, second.misses) == (3, 0)


def test_a_changed_source_alone_is_extracted_again(tmp_path: Path) -> None:
    check_dates(RULE, Corpus.from_texts(TEXTS, PUBLISHED), cache=ExtractionCache(tmp_path))
    changed = {**TEXTS, "b": "Blinken will visit Beijing next week, officials said."}
    cache = ExtractionCache(tmp_path)
    corpus = Corpus.from_texts(changed, PUBLISHED)
    assert check_dates(RULE, corpus, cache=cache) == check_dates(RULE, corpus)
    # a and c: their readings; b: its reading missed, then its extraction.
    assert (cache.hits, cache.misses) == (2, 2)


def test_other_settings_are_other_entries(tmp_path: Path) -> None:
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    check_dates(RULE, corpus, cache=ExtractionCache(tmp_path))
    cache = ExtractionCache(tmp_path)
    check_dates(RULE.model_copy(update={"week_start": "sunday"}), corpus, cache=cache)
    assert (cache.hits, cache.misses) == (0, 6)


def _extract_dates(corpus: Corpus, cache: ExtractionCache) -> list[list[dict[str, object]]]:
    own = [date_settings(source) for source in corpus]
    return extract(Extraction.dates("monday"), corpus.sources, cache, None, own)


def test_a_corrupted_entry_is_rebuilt(tmp_path: Path) -> None:
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    expected = _extract_dates(corpus, ExtractionCache(tmp_path))
    assert all(expected)
    with sqlite3.connect(tmp_path / DATABASE) as database:
        keys = [key for (key,) in database.execute("SELECT key FROM entries ORDER BY key")]
        # Torn: a payload cut short. Tampered: a payload changed under its checksum.
        torn = "UPDATE entries SET payload = substr(payload, 1, 9) WHERE key = ?"
        database.execute(torn, keys[:1])
        database.execute(
            "UPDATE entries SET payload = CAST(replace(CAST(payload AS TEXT), '2023', '2024') "
            "AS BLOB) WHERE key = ?",
            keys[1:2],
        )
    cache = ExtractionCache(tmp_path)
    assert _extract_dates(corpus, cache) == expected
    assert (cache.rebuilt, cache.misses, cache.hits) == (2, 2, 1)
    rerun = ExtractionCache(tmp_path)
    assert _extract_dates(corpus, rerun) == expected
    assert (rerun.rebuilt, rerun.misses, rerun.hits) == (0, 0, 3)
    other = ExtractionCache(tmp_path)
    assert other.get(content_digest(TEXTS["a"]), "x") is None  # other settings: a miss
    other.put(content_digest(TEXTS["a"]), "x", [1])
    assert ExtractionCache(tmp_path).get(content_digest(TEXTS["a"]), "x") == [1]


def test_an_unreadable_database_is_set_aside_and_started_afresh(tmp_path: Path) -> None:
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    expected = check_dates(RULE, corpus, cache=ExtractionCache(tmp_path))
    (tmp_path / DATABASE).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"{DATABASE}{suffix}").unlink(missing_ok=True)
    cache = ExtractionCache(tmp_path)
    assert check_dates(RULE, corpus, cache=cache) == expected
    assert cache.rebuilt >= 1
    assert (tmp_path / f"{DATABASE}.corrupt").exists()
    rerun = ExtractionCache(tmp_path)
    assert check_dates(RULE, corpus, cache=rerun) == expected
    assert (rerun.hits, rerun.misses) == (3, 0)


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


def test_the_caches_of_other_code_versions_are_removed(tmp_path: Path) -> None:
    """Every key hashes the code, so another version's entries are dead: they are removed
    rather than left to grow the cache with every upgrade."""
    corpus = Corpus.from_texts(TEXTS, PUBLISHED)
    expected = check_dates(RULE, corpus, cache=ExtractionCache.of_generation(tmp_path, "old"))
    (tmp_path / DATABASE).write_bytes(b"a database of the layout before generations")
    assert (tmp_path / "old" / DATABASE).is_file()
    current = ExtractionCache.of_generation(tmp_path, "new")
    assert sorted(path.name for path in tmp_path.iterdir()) == []  # created on first use
    assert check_dates(RULE, corpus, cache=current) == expected
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new"]
    assert current.hits == 0  # nothing of the old version is read
    again = ExtractionCache.of_generation(tmp_path, "new")
    assert check_dates(RULE, corpus, cache=again) == expected
    assert (again.hits, again.misses) == (3, 0)  # its own version's entries are kept


def test_a_complete_run_drops_the_entries_it_did_not_use_once_they_outnumber_it(
    tmp_path: Path,
) -> None:
    writer = ExtractionCache(tmp_path)
    writer.put_many((f"digest-{index}", "x", [index]) for index in range(6))
    few = ExtractionCache(tmp_path)
    assert few.get_many([("digest-0", "x"), ("digest-1", "x"), ("digest-2", "x")]) == [
        [0],
        [1],
        [2],
    ]
    assert few.drop_unused() == 0  # 3 unused of 6: not more than it used
    fewer = ExtractionCache(tmp_path)
    assert fewer.get("digest-4", "x") == [4]
    assert fewer.drop_unused() == 5
    kept = ExtractionCache(tmp_path)
    assert kept.get_many([("digest-4", "x"), ("digest-0", "x")]) == [[4], None]
    assert ExtractionCache(tmp_path).drop_unused() == 0  # a process that used nothing drops nothing


def test_a_date_rule_leaves_the_readings_of_the_date_rules_after_it(tmp_path: Path) -> None:
    rules = load_rules(ROOT / "rules.toml").document.rules
    dates = [rule for rule in rules if rule.kind == "date"]
    corpus = ProjectCache().load(ROOT / "rules.toml").corpus
    alone = [check_dates(rule, corpus) for rule in dates]
    cache = ExtractionCache(tmp_path)
    assert check_dates(dates[0], corpus, cache=cache, alongside=dates[1:]) == alone[0]
    # What each later rule finds waiting is what it reads itself, and they differ, so a
    # reading left under another rule's key would show.
    facts = extract(Extraction.dates("monday"), corpus.sources, None, None, _date_settings(corpus))
    own_readings = [
        [
            date_reader(rule)((source.text, payload, None))
            for source, payload in zip(corpus, facts, strict=True)
        ]
        for rule in dates[1:]
    ]
    assert len(own_readings) >= 2
    assert own_readings[0] != own_readings[1]
    for rule, readings in zip(dates[1:], own_readings, strict=True):
        assert mapped(rule, corpus.sources, cache, _never, _date_settings(corpus)) == readings
    before = cache.misses
    for rule, expected in zip(dates[1:], alone[1:], strict=True):
        assert check_dates(rule, corpus, cache=cache) == expected
    assert cache.misses == before  # every later rule's readings were waiting in the cache


def _date_settings(corpus: Corpus) -> list[str]:
    return [date_settings(source) for source in corpus]


def _never(sources: object) -> list[object]:
    raise AssertionError("a reading was computed again")


def test_on_a_pool_facts_and_readings_come_from_one_task_and_both_are_cached(
    tmp_path: Path,
) -> None:
    """Sources with no cached facts are extracted and read in one task; sources with facts
    cached are only read. Either way: the readings of each rule, and the facts cached, are
    what this process works out alone."""
    rules = [rule for rule in load_rules(ROOT / "rules.toml").document.rules if rule.kind == "date"]
    corpus = ProjectCache().load(ROOT / "rules.toml").corpus
    own = _date_settings(corpus)
    extraction = Extraction.dates("monday")
    facts = extract(extraction, corpus.sources, None, None, own)
    alone = [
        [
            date_reader(rule)((source.text, payload, None))
            for source, payload in zip(corpus, facts, strict=True)
        ]
        for rule in rules
    ]
    cache = ExtractionCache(tmp_path)
    # Half the sources' facts cached beforehand: those take the reading-only path.
    half = len(corpus.sources) // 2
    extract(extraction, corpus.sources[:half], cache, None, own[:half])
    executor = LocalExecutor(2)
    try:
        per_source = list(
            extracted_and_read(
                extraction, rules, corpus.sources, cache=cache, executor=executor, own=own
            )
        )
    finally:
        executor.close()
    assert [[readings[number] for readings in per_source] for number in range(len(rules))] == alone
    assert any(any(readings) for readings in alone)  # the seeds date the events
    stored = ExtractionCache(tmp_path).get_many(
        [
            (source.digest, extraction.settings(mine))
            for source, mine in zip(corpus, own, strict=True)
        ]
    )
    assert stored == facts


class _CountingExecutor:
    """Runs the map here, counting the texts each task carries."""

    description = "counting"
    workers = 2
    remote = False

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.extraction_tasks = 0

    def map(self, function: Any, items: Any) -> list[Any]:
        return list(self.imap(function, items))

    def imap(self, function: Any, items: Any) -> Iterator[Any]:
        for item in items:
            if len(item) > 2:  # extraction, alone or with readings; not a readings batch
                self.extraction_tasks += 1
                self.texts.extend(text for text, _ in item[2])
        return (function(item) for item in items)

    def close(self) -> None:
        pass


def test_a_text_held_several_times_is_worked_on_once_and_each_copy_gets_its_result(
    tmp_path: Path,
) -> None:
    """Copies of one text with the same settings are extracted and read once; a copy with
    another publication date is another piece of work. Each source gets what it gets alone."""
    texts = {
        **TEXTS,
        "a-again": TEXTS["a"],
        "a-third": TEXTS["a"],
        "a-later": TEXTS["a"],
        "c-again": TEXTS["c"],
    }
    published = {**dict.fromkeys(texts, dt.date(2023, 6, 14)), "a-later": dt.date(2023, 7, 1)}
    corpus = Corpus.from_texts(texts, published)
    own = _date_settings(corpus)
    extraction = Extraction.dates("monday")
    alone = [
        extract(extraction, [source], None, None, [mine])[0]
        for source, mine in zip(corpus, own, strict=True)
    ]
    counting = _CountingExecutor()
    assert extract(extraction, corpus.sources, ExtractionCache(tmp_path), counting, own) == alone
    # a (and its copy published later), b and c: the others are copies.
    assert sorted(counting.texts) == sorted([TEXTS["a"], TEXTS["a"], TEXTS["b"], TEXTS["c"]])
    assert alone[list(texts).index("a-later")] != alone[0]  # resolved against its own date

    # A rule's readings: each source's dates of the event, the copies' read once too.
    reading = date_reader(RULE)
    read_alone = [
        reading((source.text, facts, None)) for source, facts in zip(corpus, alone, strict=True)
    ]
    counting = _CountingExecutor()
    cache = ExtractionCache(tmp_path / "rule")

    def read(chosen: Sequence[Source]) -> Iterator[Any]:
        mine = [date_settings(source) for source in chosen]
        per_source = extracted_and_read(
            extraction, [RULE], chosen, cache=cache, executor=counting, own=mine
        )
        return (readings[0] for readings in per_source)

    assert mapped(RULE, corpus.sources, cache, read, own) == read_alone
    assert sorted(counting.texts) == sorted([TEXTS["a"], TEXTS["a"], TEXTS["b"], TEXTS["c"]])
    assert all(read_alone)  # every source dates the visit

    # With every result cached, no task at all goes out, not even an empty one.
    again = _CountingExecutor()
    assert extract(extraction, corpus.sources, ExtractionCache(tmp_path), again, own) == alone
    facts_only = ExtractionCache(tmp_path)  # the facts cached, the readings not
    readings = [
        readings[0]
        for readings in extracted_and_read(
            extraction, [RULE], corpus.sources, cache=facts_only, executor=again, own=own
        )
    ]
    assert readings == read_alone
    assert again.extraction_tasks == 0
