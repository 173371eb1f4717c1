"""The extraction cache survives a run killed halfway: the database stays whole, every entry
it kept verifies, and the next run finds exactly what an uncached run finds."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from concord.cache import DATABASE
from concord.cache import ExtractionCache
from concord.extraction import code_fingerprint
from tests.generated import FAULTS
from tests.generated import SEEDS

_KILL_AFTER_ROWS = 50
_PATIENCE_SECONDS = 120.0


def _project(root: Path, count: int) -> None:
    sources = root / "checks" / "sources"
    sources.mkdir(parents=True)
    seeds = sorted(SEEDS.values())
    faults = list(FAULTS.values())
    for index in range(count):
        text = seeds[index % len(seeds)] + "\n\n" + faults[index % len(faults)] + f"\n{index}\n"
        (sources / f"doc{index:04d}.txt").write_text(text, encoding="utf-8")
    rules = (Path(__file__).parents[2] / "rules.toml").read_text(encoding="utf-8")
    header = 'version = 1\n\n[corpus]\ninclude = ["checks/sources/*.txt"]\ndate_order = "DMY"\n'
    (root / "rules.toml").write_text(header + "\n" + rules[rules.index("[[rules]]") :])
    (root / "pytest.ini").write_text("[pytest]\n")


def _run(root: Path, *arguments: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "pytest", "checks/", "-q", "-p", "no:randomly", *arguments]
    return subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _rows(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM entries").fetchone()[0])
    except sqlite3.Error:
        return 0


def _findings(root: Path) -> list[object]:
    report = json.loads((root / "reports" / "concord.json").read_text(encoding="utf-8"))
    return list(report["findings"])


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_run_leaves_a_cache_the_next_run_can_trust(tmp_path: Path) -> None:
    _project(tmp_path, 400)
    cache_folder = tmp_path / ".pytest_cache" / "d" / "concord" / "extract" / code_fingerprint()
    database = cache_folder / DATABASE
    victim = _run(tmp_path)
    deadline = time.monotonic() + _PATIENCE_SECONDS
    while _rows(database) < _KILL_AFTER_ROWS and victim.poll() is None:
        assert time.monotonic() < deadline, "the run never wrote to its cache"
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait() == -signal.SIGKILL, "the run ended before it could be killed"
    kept = _rows(database)
    assert kept >= _KILL_AFTER_ROWS

    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert ExtractionCache(cache_folder).verify() == (kept, 0)  # every entry verifies

    assert _run(tmp_path).wait() == 1  # the rerun: some from the cache, the rest extracted
    from_cache = _findings(tmp_path)
    assert _rows(database) > kept
    assert _run(tmp_path, "--concord-no-cache").wait() == 1
    assert from_cache == _findings(tmp_path)
