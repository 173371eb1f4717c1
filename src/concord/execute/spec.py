"""`--concord-executor`: which backend runs the extraction map, parsed before anything starts."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from dataclasses import field
from typing import Literal

from concord.execute.base import Executor
from concord.execute.base import ExecutorError

BackendName = Literal["local", "dask"]
Jobs = int | Literal["auto"]
# Below this many sources a pool costs about what it saves (forking, each worker compiling the
# date grammar, pickling the batches): cold runs on 2 cores took 3.3 s with 2 processes against
# 2.7 s alone at 100 sources, 5.2 against 5.1 s at 400, and 7.6 against 8.7 s at 1,000.
AUTO_MIN_SOURCES = 500
_DASK_ADDRESS = re.compile(r"dask://(?P<host>[A-Za-z0-9_.\-\[\]:]+?):(?P<port>[0-9]{1,5})")
CHOICES = "local, dask-local or dask://HOST:PORT"


@dataclass
class ExecutorSpec:
    """A parsed backend choice; `start()` makes the executor on first use (a pytest run that
    collects no rule never starts a pool or connects to a cluster)."""

    backend: BackendName
    jobs: Jobs = 1
    address: str | None = None  # tcp://HOST:PORT for a remote Dask scheduler
    _started: Executor | None = field(default=None, repr=False)
    _spread_before_close: str | None = field(default=None, repr=False)

    def start(self, sources: int = 0) -> Executor:
        """The executor, made on the first call; `sources` (how many the run covers) decides
        what `auto` jobs means."""
        if self._started is None:
            jobs = self.jobs if self.jobs != "auto" else auto_jobs(sources)
            if self.backend == "local":
                from concord.execute.local import LocalExecutor

                self._started = LocalExecutor(jobs)
            else:
                from concord.execute.dask_backend import DaskExecutor

                local_workers = max(2, jobs) if self.address is None else jobs
                self._started = DaskExecutor(self.address, local_workers=local_workers)
        return self._started

    @property
    def started(self) -> bool:
        return self._started is not None

    @property
    def spread(self) -> str | None:
        """Where the work went, when it was spread beyond this process: the started executor's
        description; None when it ran here or nothing started one."""
        if self._started is None:
            return self._spread_before_close
        return self._started.description if self._started.workers > 1 else None

    def close(self) -> None:
        """Stop the executor's processes (a later `start` makes a new one); `spread` still says
        where the work went, for the run's summary."""
        if self._started is not None:
            self._spread_before_close = self.spread
            self._started.close()
            self._started = None


def auto_jobs(sources: int, cores: int | None = None) -> int:
    """What `--concord-jobs auto` runs: one process per core this process may use, once the
    corpus is large enough to pay for them; else this process alone."""
    if sources < AUTO_MIN_SOURCES:
        return 1
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        cores = cores or os.cpu_count() or 1
    return max(1, cores)


def parse_jobs(value: str) -> Jobs:
    """`--concord-jobs`: a number of processes, 1 or more, or `auto`. Raises `ExecutorError`."""
    text = value.strip().lower()
    if text == "auto":
        return "auto"
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise ExecutorError(
        f"--concord-jobs {value} is not a number of processes; fix: give 1 or more, or auto"
    )


def parse_executor(value: str, jobs: Jobs = 1) -> ExecutorSpec:
    """`local` (default; `jobs` processes), `dask-local` (a LocalCluster of `jobs` workers, at
    least 2), or `dask://HOST:PORT`. Raises `ExecutorError` naming the choices."""
    text = value.strip()
    if text in {"", "local"}:
        return ExecutorSpec("local", jobs=jobs)
    if text == "dask-local":
        return ExecutorSpec("dask", jobs=jobs if jobs == "auto" else max(2, jobs))
    address = _DASK_ADDRESS.fullmatch(text)
    if address is not None and 0 < int(address.group("port")) < 65536:
        return ExecutorSpec("dask", jobs=jobs, address=f"tcp://{address['host']}:{address['port']}")
    raise ExecutorError(
        f"--concord-executor {value!r} is not an executor; fix: use one of {CHOICES} "
        "(for example dask://scheduler.example:8786)"
    )
