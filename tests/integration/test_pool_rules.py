"""Text-only rules checked whole on the local pool's workers (`concord.pool_rules`): the same
findings as in this process, found in a worker, with what the check would have stored stored
here, and never handed out when the cache keeps their findings or no pool runs."""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from pathlib import Path

import pytest

from concord import pool_rules
from concord.cache import DATABASE
from concord.cache import ExtractionCache
from concord.context import RunContext
from concord.engine import run_rule
from concord.errors import ConcordErrors
from concord.errors import SourceError
from concord.execute.local import LocalExecutor
from concord.findings import Finding
from concord.inherited import ForkedProjects
from concord.pool_rules import TEXT_ONLY_KINDS
from concord.pool_rules import BehindFirstMap
from concord.pool_rules import PoolRules
from concord.project import Project
from concord.project import ProjectCache
from concord.rules import Rule
from tests.helpers import ROOT


def _twice(value: int) -> int:
    return 2 * value


@pytest.fixture
def projects() -> ProjectCache:
    projects = ProjectCache()
    projects.load(ROOT / "rules.toml")
    return projects


@pytest.fixture
def project(projects: ProjectCache) -> Project:
    return projects.load(ROOT / "rules.toml")


@pytest.fixture
def forked(projects: ProjectCache) -> Iterator[tuple[LocalExecutor, PoolRules]]:
    """A pool of two workers, forked with the projects left for them, as a cold run has it once
    its first extraction started the pool."""
    executor = LocalExecutor(2)
    forked_projects = ForkedProjects(projects)
    handed = PoolRules(forked_projects)
    executor.before_fork(forked_projects.leave)
    assert executor.map(_twice, [1, 2]) == [2, 4]
    assert executor.forked
    yield executor, handed
    executor.close()


def _text_only(project: Project) -> list[Rule]:
    rules = [rule for rule in project.rules.document.rules if rule.kind in TEXT_ONLY_KINDS]
    assert len(rules) >= 2  # the bundled rules have four: variants, two presence, a number
    return rules


def _in_this_process(project: Project, rule: Rule, cache: ExtractionCache) -> list[Finding]:
    context = RunContext.of(project.rules.document.rules, cache)
    return run_rule(rule, project.corpus, context)


def _keys(folder: Path) -> set[str]:
    with sqlite3.connect(folder / DATABASE) as connection:
        return {key for (key,) in connection.execute("SELECT key FROM entries")}


def test_the_workers_find_what_this_process_finds_and_this_process_stores_it(
    tmp_path: Path,
    project: Project,
    forked: tuple[LocalExecutor, PoolRules],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    executor, handed = forked
    rules = _text_only(project)
    here = ExtractionCache(tmp_path / "here")
    expected = {rule.id: _in_this_process(project, rule, here) for rule in rules}
    here.close()

    def refuse(*_: object, **__: object) -> list[Finding]:
        raise AssertionError("checked in the pytest process, not on a worker")

    # The workers forked before this: only a check in this process would see it.
    monkeypatch.setattr(pool_rules, "run_rule", refuse)
    cache = ExtractionCache(tmp_path / "pool")
    handed.hand_out(project, rules, executor, cache)
    for rule in reversed(rules):  # taken in any order
        checked = handed.take((project.rules.path, rule.id), cache)
        assert checked is not None
        assert checked.findings == expected[rule.id]
        assert checked.stats["matched"] > 0
    cache.close()
    # Every reading and every rule's findings were stored, as the check here stored them.
    assert _keys(tmp_path / "pool") == _keys(tmp_path / "here")
    monkeypatch.undo()
    for rule in rules:
        context = RunContext.of(project.rules.document.rules, ExtractionCache(tmp_path / "pool"))
        assert run_rule(rule, project.corpus, context) == expected[rule.id]
        assert context.kept == [rule.id]


def test_rules_whose_findings_the_cache_keeps_are_not_handed_out(
    tmp_path: Path, project: Project, forked: tuple[LocalExecutor, PoolRules]
) -> None:
    executor, handed = forked
    rules = _text_only(project)
    cache = ExtractionCache(tmp_path)
    for rule in rules[1:]:
        _in_this_process(project, rule, cache)
    # One rule left to check: a single task would run in this process anyway.
    handed.hand_out(project, rules, executor, cache)
    assert all(handed.take((project.rules.path, rule.id), cache) is None for rule in rules)


def test_nothing_is_handed_out_before_the_pool_has_forked(
    tmp_path: Path, projects: ProjectCache, project: Project
) -> None:
    executor = LocalExecutor(2)
    handed = PoolRules(ForkedProjects(projects))
    rules = _text_only(project)
    handed.hand_out(project, rules, executor, ExtractionCache(tmp_path))
    assert not executor.forked  # a warm run forks no pool for rules it reads back
    assert all(handed.take((project.rules.path, rule.id), None) is None for rule in rules)
    executor.close()


def test_nothing_is_handed_out_to_workers_forked_without_the_project(
    tmp_path: Path, projects: ProjectCache, project: Project
) -> None:
    executor = LocalExecutor(2)
    assert executor.map(_twice, [1, 2]) == [2, 4]  # forked before the project was left
    handed = PoolRules(ForkedProjects(projects))
    rules = _text_only(project)
    handed.hand_out(project, rules, executor, ExtractionCache(tmp_path))
    assert all(handed.take((project.rules.path, rule.id), None) is None for rule in rules)
    executor.close()


class _Recording:
    """An executor that runs each map here and records what it was handed, in order."""

    def __init__(self) -> None:
        self.handed: list[object] = []
        self.forked = True
        self.workers = 2
        self.remote = False
        self.description = "recording"

    def map(self, function: Callable[[int], int], items: Sequence[int]) -> list[int]:
        return list(self.imap(function, items))

    def imap(self, function: Callable[[int], int], items: Sequence[int]) -> Iterator[int]:
        self.handed.append(list(items))
        return iter([function(item) for item in items])

    def before_fork(self, prepare: Callable[[], None]) -> None:
        pass

    def close(self) -> None:
        pass


def test_the_text_only_rules_are_queued_behind_the_first_map_a_rule_hands_out() -> None:
    recording = _Recording()
    runner = BehindFirstMap(recording, lambda: recording.handed.append("text-only rules"))
    assert list(runner.imap(_twice, [5])) == [10]  # one item: run here, nothing queued behind
    assert list(runner.imap(_twice, [1, 2, 3])) == [2, 4, 6]
    assert runner.map(_twice, [4, 6]) == [8, 12]
    assert recording.handed == [[5], [1, 2, 3], "text-only rules", [4, 6]]
    assert (runner.forked, runner.workers, runner.remote) == (True, 2, False)


def test_a_bad_input_error_raised_on_a_worker_reads_the_same_here() -> None:
    error = SourceError("checks/sources/a.txt", 3, "is not UTF-8", "save it as UTF-8", rule_id="r")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is SourceError
    assert (str(again), again.line, again.rule_id) == (str(error), 3, "r")
    several = pickle.loads(pickle.dumps(ConcordErrors([error])))
    assert str(several) == str(ConcordErrors([error]))
