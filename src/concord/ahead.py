"""A rule run ahead of its turn, in a thread, while the rule before it runs.

A rule's check alternates between handing work to the executor's workers (extraction, readings)
and working in this process (storing results, reducing, locating findings). While this process
works the workers wait, and while they work this process waits: at 10,000 documents that left
the workers idle for about 7 s of a cold run. Running the next rule of another kind in a
thread keeps work queued for them: one rule's map runs while the other's results are stored
and compared. Only built-in kinds run ahead (a plugin's checker may not be thread-safe), one
rule at a time, and only when the work leaves this process: with no pool there is nothing to
overlap. The findings are the same: a rule's are a pure function of the rule and the corpus.

The thread has its own connection to the cache (SQLite connections stay in their thread); what
it read and wrote is added to the session's cache when its rule's item collects the result.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from concord.cache import ExtractionCache
from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import run_rule
from concord.execute.base import Executor
from concord.findings import Finding
from concord.rules import BUILTIN_KINDS

Key = tuple[Any, str]  # (rules file, rule id)


@dataclass(frozen=True)
class RanAhead:
    """What a rule run ahead found, and what its run touched."""

    findings: list[Finding]
    context: RunContext


@dataclass
class RulesAhead:
    """The rule running ahead, if any, by its key, with the cache connection it uses."""

    running: dict[Key, tuple[Future[RanAhead], ExtractionCache | None]] = field(
        default_factory=dict
    )

    def start(
        self,
        key: Key,
        rule: Any,
        corpus: Corpus,
        *,
        rules: Sequence[Any],
        cache: ExtractionCache | None,
        executor: Executor,
        later: Sequence[Any],
    ) -> bool:
        """Run `rule` in a thread, unless a rule is running ahead already; whether it started."""
        if self.running or rule.kind not in BUILTIN_KINDS:
            return False
        executor.start_workers()  # before the thread: a fork must not copy its locks
        future: Future[RanAhead] = Future()
        own_cache = ExtractionCache(cache.folder) if cache is not None else None

        def work() -> None:
            context = RunContext.of(rules, own_cache, executor, later)
            try:
                future.set_result(RanAhead(run_rule(rule, corpus, context), context))
            except BaseException as error:  # re-raised in the rule's own item
                future.set_exception(error)
            finally:
                if own_cache is not None:
                    own_cache.close()

        self.running[key] = (future, own_cache)
        # A daemon thread: a session stopped early (-x, Ctrl-C) does not wait for it.
        threading.Thread(target=work, name=f"concord-ahead-{rule.id}", daemon=True).start()
        return True

    def take(self, key: Key, cache: ExtractionCache | None) -> RanAhead | None:
        """The result of the rule run ahead under `key`, waited for (its error raised here);
        None if it was not run ahead. What its cache connection read and wrote is added to
        `cache`, whatever the outcome: a complete run drops the entries nobody touched."""
        if key not in self.running:
            return None
        future, own_cache = self.running.pop(key)
        try:
            return future.result()
        finally:
            if cache is not None and own_cache is not None:
                cache.absorb(own_cache)
