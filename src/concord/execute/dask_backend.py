"""The distributed backend: the same map and reduce on a Dask cluster (dask.distributed).

`dask://HOST:PORT` connects to a running scheduler; `dask-local` starts a `LocalCluster` on this
machine (for tests, and to try the backend without a cluster). Workers must have pytest-concord
installed at the same version: tasks are references to the functions of `concord.extraction`,
`concord.rule_map` and `concord.reduce`, and the items are plain text, facts and settings.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any

from concord.execute.base import ExecutorError
from concord.execute.base import Item
from concord.execute.base import Result

_CONNECT_TIMEOUT = "10s"


class DaskExecutor:
    """A `distributed.Client` on the given scheduler, or on a new local cluster."""

    def __init__(self, address: str | None = None, local_workers: int = 2) -> None:
        try:
            import distributed
        except ImportError:
            raise ExecutorError(
                "the Dask executor needs dask.distributed, which is not installed; "
                'fix: pip install "pytest-concord[dask]"'
            ) from None
        self._cluster: Any = None
        self.address = address
        try:
            if address is None:
                self._cluster = distributed.LocalCluster(
                    n_workers=max(1, local_workers),
                    threads_per_worker=1,  # the extractors are pure Python: threads share a GIL
                    processes=True,
                    dashboard_address=":0",  # any free port: two runs on one machine never clash
                )
                self._client = distributed.Client(self._cluster, set_as_default=False)
            else:
                self._client = distributed.Client(
                    address, timeout=_CONNECT_TIMEOUT, set_as_default=False
                )
        except OSError as error:  # TimeoutError and refused connections are OSErrors
            self.close()
            raise ExecutorError(
                f"cannot reach the Dask scheduler at {address}: {error}; "
                "fix: start one (`dask scheduler`, then `dask worker ADDRESS`) or correct "
                "--concord-executor"
            ) from None

    @property
    def description(self) -> str:
        where = "a local Dask cluster" if self.address is None else f"Dask at {self.address}"
        return f"{where} ({self.workers} workers)"

    @property
    def workers(self) -> int:
        info = self._client.scheduler_info()
        threads = sum(int(worker.get("nthreads", 1)) for worker in info["workers"].values())
        return max(1, threads)

    @property
    def remote(self) -> bool:
        return True  # dask-local too: it is there to try what a cluster does

    @property
    def forked(self) -> bool:
        return False  # its workers are processes of their own, on this machine or others

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
        if not items:
            return []
        results: list[Result] = self._client.gather(self._submit(function, items))
        return results

    def imap(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        futures = self._submit(function, items) if items else []
        return (future.result() for future in futures)

    def _submit(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Any]:
        # pure=False: the same batch sent twice (two rules) is computed twice, never confused
        # with another's result by Dask's key hashing.
        futures: list[Any] = self._client.map(function, list(items), pure=False)
        return futures

    def before_fork(self, prepare: Callable[[], None]) -> None:
        pass  # the workers are processes of their own, started by Dask

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
