"""Every executor finds the same: in this process, in a local process pool, on a Dask cluster
(a LocalCluster here), with and without the extraction cache, over generated corpora and the
bundled one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings

from concord.cache import ExtractionCache
from concord.config import load_rules
from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import run_rule
from concord.execute import ExecutorError
from concord.execute import parse_executor
from concord.execute.base import Executor
from concord.execute.local import LocalExecutor
from concord.findings import Finding
from concord.project import ProjectCache
from concord.reduce import run_reduce
from tests.generated import corpora
from tests.helpers import ROOT

RULES = load_rules(ROOT / "rules.toml").document.rules

distributed = pytest.importorskip("distributed", reason="the Dask backend needs dask.distributed")


@pytest.fixture(scope="module")
def dask_executor() -> Iterator[Executor]:
    from concord.execute.dask_backend import DaskExecutor

    executor = DaskExecutor(None, local_workers=2)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def pool_executor() -> Iterator[Executor]:
    executor = LocalExecutor(2)
    yield executor
    executor.close()


def _all_findings(
    corpus: Corpus, executor: Executor | None = None, cache: ExtractionCache | None = None
) -> dict[str, list[Finding]]:
    context = RunContext.of(RULES, cache, executor)
    return {rule.id: run_rule(rule, corpus, context) for rule in RULES}


@given(generated=corpora)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_executor_finds_the_same_on_generated_corpora(
    generated: tuple[dict[str, str], dict[str, dt.date]],
    pool_executor: Executor,
    dask_executor: Executor,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    corpus = Corpus.from_texts(*generated)
    serial = _all_findings(corpus)
    assert _all_findings(corpus, pool_executor) == serial
    assert _all_findings(corpus, dask_executor) == serial
    folder = tmp_path_factory.mktemp("cache")
    assert _all_findings(corpus, dask_executor, ExtractionCache(folder)) == serial
    rerun = ExtractionCache(folder)
    assert _all_findings(corpus, pool_executor, rerun) == serial
    assert rerun.misses == 0


def test_the_generated_corpora_do_hold_faults() -> None:
    """The property above is not vacuous: the faults it may inject are found serially."""
    from tests.generated import FAULTS
    from tests.generated import SEEDS

    # 002 does not quote Kritenbrink: the reworded quote there is a second version of 001's.
    texts = {
        f"d{index}": SEEDS["002"] + "\n\n" + fault for index, fault in enumerate(FAULTS.values())
    }
    texts["plain"] = SEEDS["001"]
    published = dict.fromkeys(texts, dt.date(2023, 6, 14))
    found = _all_findings(Corpus.from_texts(texts, published))
    codes = {finding.code for findings in found.values() for finding in findings}
    assert {"given-name", "date-mismatch", "quote-wording"} <= codes


def test_the_bundled_corpus_gives_the_same_findings_on_dask(dask_executor: Executor) -> None:
    corpus = ProjectCache().load(ROOT / "rules.toml").corpus
    serial = _all_findings(corpus)
    assert sum(len(findings) for findings in serial.values()) > 0
    assert _all_findings(corpus, dask_executor) == serial


class _Noting:
    """Passes each map on to the executor it wraps, noting every rule it reduces."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.reduced: list[str] = []

    @property
    def description(self) -> str:
        return self.inner.description

    @property
    def workers(self) -> int:
        return self.inner.workers

    @property
    def remote(self) -> bool:
        return self.inner.remote

    def map(self, function: Any, items: Any) -> list[Any]:
        if function is run_reduce:
            self.reduced.extend(rule.id for rule, _ in items)
        return self.inner.map(function, items)

    def imap(self, function: Any, items: Any) -> Iterator[Any]:
        if function is run_reduce:
            self.reduced.extend(rule.id for rule, _ in items)
        return self.inner.imap(function, items)

    def close(self) -> None:
        pass


def test_every_rule_compares_on_the_dask_workers(dask_executor: Executor) -> None:
    corpus = ProjectCache().load(ROOT / "rules.toml").corpus
    noting = _Noting(dask_executor)
    assert _all_findings(corpus, noting) == _all_findings(corpus)
    # Every rule, of each of the seven kinds; the name rule's people go in several batches.
    assert set(noting.reduced) == {rule.id for rule in RULES}
    assert len({rule.kind for rule in RULES}) == 7
    assert noting.reduced.count("person-names") > 1


def test_a_local_pool_reduces_in_this_process(pool_executor: Executor) -> None:
    corpus = ProjectCache().load(ROOT / "rules.toml").corpus
    noting = _Noting(pool_executor)
    assert _all_findings(corpus, noting) == _all_findings(corpus)
    assert noting.reduced == []
    assert not pool_executor.remote


def test_the_dask_executor_says_where_it_runs(dask_executor: Executor) -> None:
    assert dask_executor.remote
    assert dask_executor.workers == 2
    assert dask_executor.description == "a local Dask cluster (2 workers)"
    assert dask_executor.map(len, ["ab", "", "abc"]) == [2, 0, 3]
    assert dask_executor.map(len, []) == []


@pytest.mark.parametrize(
    ("value", "backend", "address"),
    [
        ("local", "local", None),
        ("", "local", None),
        ("dask-local", "dask", None),
        ("dask://scheduler.example:8786", "dask", "tcp://scheduler.example:8786"),
        ("dask://10.0.0.5:8786", "dask", "tcp://10.0.0.5:8786"),
    ],
)
def test_executor_values(value: str, backend: str, address: str | None) -> None:
    spec = parse_executor(value, jobs=3)
    assert (spec.backend, spec.address) == (backend, address)
    assert not spec.started


@pytest.mark.parametrize(
    "value", ["dask", "dask://", "dask://host", "dask://host:99999", "ray://host:1", "processes"]
)
def test_a_value_that_is_no_executor_names_the_choices(value: str) -> None:
    with pytest.raises(ExecutorError) as raised:
        parse_executor(value)
    assert str(raised.value) == (
        f"--concord-executor {value!r} is not an executor; fix: use one of local, dask-local or "
        "dask://HOST:PORT (for example dask://scheduler.example:8786)"
    )


def test_the_local_pool_keeps_its_processes_for_the_session(pool_executor: Executor) -> None:
    seen = {pid for _ in range(5) for pid in pool_executor.map(_pid, list(range(16)))}
    assert len(seen) <= 2  # five maps, never more than the pool's two processes
    assert _pid(0) not in seen
    assert pool_executor.description == "2 local processes"


def _pid(_: Any) -> int:
    import os

    return os.getpid()


def test_a_serial_executor_runs_in_this_process() -> None:
    executor = LocalExecutor(1)
    assert executor.map(_pid, [0, 1]) == [_pid(0)] * 2
    assert executor.description == "this process"
    executor.close()
