"""The default backend: this process, or a pool of local processes (`--concord-jobs N`)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from concord.execute.base import Item
from concord.execute.base import Result


class LocalExecutor:
    """`jobs` = 1 runs the map in this process; more starts a process pool on first use and
    keeps it for the rest of the session, so each rule does not pay the start-up again."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._before_fork: list[Callable[[], None]] = []

    @property
    def description(self) -> str:
        return "this process" if self.jobs == 1 else f"{self.jobs} local processes"

    @property
    def workers(self) -> int:
        return self.jobs

    @property
    def remote(self) -> bool:
        return False

    @property
    def forked(self) -> bool:
        return self._pool is not None

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
        return list(self.imap(function, items))

    def imap(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        if self.jobs == 1 or len(items) < 2:
            return (function(item) for item in items)  # each computed when asked for
        if self._pool is None:
            for prepare in self._before_fork:
                prepare()
            self._before_fork = []
            # forkserver/spawn would re-import pytest and the plugin in every worker; the
            # extractors hold no locks or threads, so a fork of this process is safe and fast.
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        # Submits every item now; yields the results in order as they are done.
        return self._pool.map(function, items)

    def before_fork(self, prepare: Callable[[], None]) -> None:
        if self.jobs > 1 and self._pool is None and prepare not in self._before_fork:
            self._before_fork.append(prepare)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
