"""Rules that read only the sources' text, checked whole by the local pool's workers.

The pattern, presence, number and variants rules read each source's text and nothing the
workers extract. They used to be checked in the pytest process one after another, after every
extraction, while the workers sat idle: at 10,000 documents that was about 2.6 s at the end of
a cold run with one core working. Once the pool is running (an earlier rule's extraction forked
it), the rules still to run are handed to the workers in one map, a rule a task: queued behind
the next extracting rule's work (`BehindFirstMap`), so that the workers check them while this
process compares that work's results, or, at a text-only rule's own turn, right then. Their
items then take the findings. A check in a thread of the pytest process was tried instead: it
gained nothing, since the workers were busy and the thread only took a core from them.

The workers are forks of the pytest process, so they hold the projects it had loaded when they
forked (`concord.inherited`): a task names its rules file and rule, not the corpus, which is
never pickled. That holds for the local pool only; a cluster's workers check no rules whole.
Each worker writes nothing to the cache (a SQLite connection must not cross a fork): what its
check would have stored, its readings and its findings, comes back with the findings, and this
process stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from typing import TypeVar

from concord.cache import ExtractionCache
from concord.context import RunContext
from concord.engine import kept_result
from concord.engine import run_rule
from concord.execute.base import Executor
from concord.findings import Finding
from concord.inherited import ForkedProjects
from concord.inherited import inherited_project
from concord.project import Project

# The kinds whose check reads the sources' text and nothing extracted from it.
TEXT_ONLY_KINDS = frozenset({"variants", "pattern", "presence", "number"})

RuleKey = tuple[Path, str]  # rules file, rule id
Item = TypeVar("Item")
Result = TypeVar("Result")
Entry = tuple[str, str, Any]  # a cache entry: content digest, settings, payload


@dataclass(frozen=True)
class CheckedOnWorker:
    """A rule's findings as a worker found them, with its counts and what its check would have
    stored in the cache."""

    findings: list[Finding]
    stats: dict[str, int]
    entries: list[Entry]


class PoolRules:
    """The text-only rules of this session handed to the pool's workers, at most once."""

    def __init__(self, forked: ForkedProjects) -> None:
        self._forked = forked
        self._handed_out = False
        self._order: list[RuleKey] = []
        self._results: Iterator[CheckedOnWorker] = iter(())
        self._done: dict[RuleKey, CheckedOnWorker] = {}

    def hand_out(
        self,
        project: Project,
        later: Sequence[Any],
        executor: Executor,
        cache: ExtractionCache | None,
    ) -> None:
        """Hand the text-only rules among `later` (the rules of `project` still to run) to the
        workers, if they are forks of this process already running and at least two of those
        rules have no findings kept in the cache; once a session."""
        path = project.rules.path
        if self._handed_out or not executor.forked or not self._forked.holds(path):
            return
        everything = project.rules.document.rules
        chosen = [
            rule
            for rule in later
            if rule.kind in TEXT_ONLY_KINDS
            and kept_result(rule, project.corpus, RunContext.of(everything, cache)) is None
        ]
        if len(chosen) < 2:
            return  # one task would run in this process anyway
        self._handed_out = True
        self._order = [(path, rule.id) for rule in chosen]
        self._results = iter(executor.imap(check_on_worker, self._order))

    def take(self, key: RuleKey, cache: ExtractionCache | None) -> CheckedOnWorker | None:
        """The workers' check of the rule `key` names, waited for, with what it would have
        stored stored; None if it was not handed out. Raises what the check raised."""
        if key not in self._order:
            return None
        # The results come in the handed-out order, and `_order` keeps the rules not yet taken
        # in that order: those received and not yet taken (`_done`) are its first ones.
        while key not in self._done:
            done_key = self._order[len(self._done)]
            self._done[done_key] = next(self._results)
        self._order.remove(key)
        checked = self._done.pop(key)
        if cache is not None:
            cache.put_many(checked.entries)
        return checked


class BehindFirstMap:
    """An executor that calls `hand_out` right after the first map it hands to the workers: the
    text-only rules are then queued behind that work, and the workers check them while this
    process compares its results, when they would otherwise wait (at 10,000 documents, about a
    second between the date rules' work and the quote rule's)."""

    def __init__(self, executor: Executor, hand_out: Callable[[], None]) -> None:
        self.executor = executor
        self._hand_out: Callable[[], None] | None = hand_out

    @property
    def description(self) -> str:
        return self.executor.description

    @property
    def workers(self) -> int:
        return self.executor.workers

    @property
    def remote(self) -> bool:
        return self.executor.remote

    @property
    def forked(self) -> bool:
        return self.executor.forked

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
        return list(self.imap(function, items))

    def imap(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        results = self.executor.imap(function, items)
        if self._hand_out is not None and len(items) > 1:  # one item runs in this process
            hand_out, self._hand_out = self._hand_out, None
            hand_out()
        return results

    def before_fork(self, prepare: Callable[[], None]) -> None:
        self.executor.before_fork(prepare)

    def close(self) -> None:
        self.executor.close()


def check_on_worker(task: RuleKey) -> CheckedOnWorker:
    """One rule checked over the corpus this worker inherited (module level, so that it pickles
    by reference)."""
    path, rule_id = task
    project = inherited_project(path)
    rules = project.rules.document.rules
    rule = next(rule for rule in rules if rule.id == rule_id)
    collected = _Collecting(Path())
    context = RunContext.of(rules, collected, None)
    findings = run_rule(rule, project.corpus, context)
    return CheckedOnWorker(findings, dict(context.stats), collected.entries)


class _Collecting(ExtractionCache):
    """A cache that holds nothing and keeps what is stored in it, for another process to
    store: a worker looks nothing up (the rules it is given have nothing kept)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.entries: list[Entry] = []

    def get_many(self, wanted: Sequence[tuple[str, str]]) -> list[Any]:
        return [None] * len(wanted)

    def put_many(self, entries: Iterable[tuple[str, str, Any]]) -> None:
        self.entries.extend(entries)
