"""A rerun knows an unchanged source from its file status, without reading it; any edit, even
one that keeps the size and sets the modification time back, is read; a file changing while it
was read is read again next time; a damaged snapshot reads everything."""

from __future__ import annotations

import os
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from concord import corpus as corpus_module
from concord import source_snapshot
from concord.cache import ExtractionCache
from concord.config import load_rules
from concord.corpus import Corpus
from concord.corpus import load_corpus
from concord.errors import SourceError
from tests.helpers import HEADER
from tests.helpers import QIN_RULE

TEXTS = {
    "a": "Published: June 16, 2023\nQin Gang met Antony Blinken.\n",
    "b": "Gang said so.\n",
    "c": "Blinken will visit Beijing on Sunday.\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "checks" / "sources"
    folder.mkdir(parents=True)
    for source_id, text in TEXTS.items():
        (folder / f"{source_id}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "rules.toml").write_text(HEADER + textwrap.dedent(QIN_RULE), encoding="utf-8")
    return tmp_path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every source file `load_corpus` (or a source's text) reads."""
    read: list[Path] = []
    real = corpus_module.read_source

    def counted(path: Path) -> tuple[bytes, str]:
        read.append(path)
        return real(path)

    monkeypatch.setattr(corpus_module, "read_source", counted)
    return read


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Take the next snapshot as if `_RACY_SECONDS` had passed since the files were written
    (so the test need not wait for them to settle)."""

    def later() -> None:
        now = time.time_ns() + 2 * source_snapshot._RACY_SECONDS * 10**9
        monkeypatch.setattr(source_snapshot.time, "time_ns", lambda: now)

    return later


def _load(root: Path, cache: ExtractionCache | None) -> Corpus:
    return load_corpus(load_rules(root / "rules.toml"), cache)


def _described(corpus: Corpus) -> list[tuple[str, str, object, str]]:
    return [(s.id, s.digest, s.published, s.text) for s in corpus]


def test_a_rerun_reads_no_unchanged_source_and_sees_the_same_corpus(
    project: Path, reads: list[Path], settled: Callable[[], None]
) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    first = _load(project, cache)
    assert len(reads) == 3
    reads.clear()
    again = _load(project, cache)
    assert reads == []
    assert again.fingerprint == first.fingerprint == _load(project, None).fingerprint
    assert [source.published for source in again] == [source.published for source in first]
    assert again.by_id["a"].published is not None  # the dateline, from the snapshot
    reads.clear()
    assert _described(again) == _described(first)  # the texts, read when asked for
    assert sorted(path.stem for path in reads) == ["a", "b", "c"]


def test_an_edit_that_keeps_size_and_modification_time_is_read(
    project: Path, reads: list[Path], settled: Callable[[], None]
) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    first = _load(project, cache)
    path = project / "checks" / "sources" / "b.txt"
    before = path.stat()
    time.sleep(0.05)  # past the clock tick the change time is kept in
    path.write_text("Wang said so.\n", encoding="utf-8")  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    reads.clear()
    again = _load(project, cache)
    assert [read.stem for read in reads] == ["b"]
    assert again.by_id["b"].text == "Wang said so.\n"
    assert again.by_id["b"].digest != first.by_id["b"].digest
    assert again.fingerprint != first.fingerprint


def test_a_file_changed_just_before_the_snapshot_is_read_again(
    project: Path, reads: list[Path]
) -> None:
    cache = ExtractionCache(project / "cache")
    _load(project, cache)  # the files were written a moment ago: not settled
    reads.clear()
    _load(project, cache)
    assert sorted(path.stem for path in reads) == ["a", "b", "c"]


def test_new_removed_and_changed_sources_are_seen(
    project: Path, reads: list[Path], settled: Callable[[], None]
) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    _load(project, cache)
    folder = project / "checks" / "sources"
    (folder / "c.txt").unlink()
    (folder / "d.txt").write_text("Wang Yi spoke.\n", encoding="utf-8")
    (folder / "a.txt").write_text("Qin Gang met Blinken on Sunday.\n", encoding="utf-8")
    reads.clear()
    again = _load(project, cache)
    assert sorted(path.stem for path in reads) == ["a", "d"]
    assert [source.id for source in again] == ["a", "b", "d"]
    assert _described(again) == _described(_load(project, None))


def test_a_declared_date_order_change_reads_the_dateline_again(
    project: Path, reads: list[Path], settled: Callable[[], None]
) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    _load(project, cache)
    rules = project / "rules.toml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("[corpus]\n", '[corpus]\ndate_order = "MDY"\n'),
        encoding="utf-8",
    )
    reads.clear()
    _load(project, cache)
    assert sorted(path.stem for path in reads) == ["a", "b", "c"]


def test_a_damaged_or_foreign_snapshot_reads_every_source(
    project: Path, reads: list[Path], settled: Callable[[], None]
) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    first = _load(project, cache)
    key = source_snapshot.snapshot_key(project / "rules.toml")
    cache.put(key, source_snapshot._KIND, {"entries": {"x": [1, 2]}, "taken_ns": 0})
    reads.clear()
    assert _load(project, cache).fingerprint == first.fingerprint
    assert len(reads) == 3


def test_a_source_that_changes_after_it_was_known_unchanged_is_an_error_when_read(
    project: Path, settled: Callable[[], None]
) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    _load(project, cache)
    again = _load(project, cache)
    (project / "checks" / "sources" / "b.txt").write_text("Changed.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="changed while pytest was running"):
        _ = again.by_id["b"].text


def test_a_missing_source_is_the_usual_error(project: Path, settled: Callable[[], None]) -> None:
    cache = ExtractionCache(project / "cache")
    settled()
    _load(project, cache)
    (project / "checks" / "sources" / "b.txt").unlink()
    include = '["checks/sources/*.txt", "checks/sources/b.txt"]'
    (project / "rules.toml").write_text(
        HEADER.replace('["checks/sources/*.txt"]', include) + textwrap.dedent(QIN_RULE),
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="source file not found"):
        _load(project, cache)
