"""`--concord-executor`: which backend runs the extraction map, parsed before anything starts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from typing import Literal

from concord.execute.base import Executor
from concord.execute.base import ExecutorError

BackendName = Literal["local", "dask"]
_DASK_ADDRESS = re.compile(r"dask://(?P<host>[A-Za-z0-9_.\-\[\]:]+?):(?P<port>[0-9]{1,5})")
CHOICES = "local, dask-local or dask://HOST:PORT"


@dataclass
class ExecutorSpec:
    """A parsed backend choice; `start()` makes the executor on first use (a pytest run that
    collects no rule never starts a pool or connects to a cluster)."""

    backend: BackendName
    jobs: int = 1
    address: str | None = None  # tcp://HOST:PORT for a remote Dask scheduler
    _started: Executor | None = field(default=None, repr=False)

    def start(self) -> Executor:
        if self._started is None:
            if self.backend == "local":
                from concord.execute.local import LocalExecutor

                self._started = LocalExecutor(self.jobs)
            else:
                from concord.execute.dask_backend import DaskExecutor

                self._started = DaskExecutor(self.address, local_workers=self.jobs)
        return self._started

    @property
    def started(self) -> bool:
        return self._started is not None

    def close(self) -> None:
        if self._started is not None:
            self._started.close()
            self._started = None


def parse_executor(value: str, jobs: int = 1) -> ExecutorSpec:
    """`local` (default; `jobs` processes), `dask-local` (a LocalCluster of `jobs` workers, at
    least 2), or `dask://HOST:PORT`. Raises `ExecutorError` naming the choices."""
    text = value.strip()
    if text in {"", "local"}:
        return ExecutorSpec("local", jobs=jobs)
    if text == "dask-local":
        return ExecutorSpec("dask", jobs=max(2, jobs))
    address = _DASK_ADDRESS.fullmatch(text)
    if address is not None and 0 < int(address.group("port")) < 65536:
        return ExecutorSpec("dask", jobs=jobs, address=f"tcp://{address['host']}:{address['port']}")
    raise ExecutorError(
        f"--concord-executor {value!r} is not an executor; fix: use one of {CHOICES} "
        "(for example dask://scheduler.example:8786)"
    )
