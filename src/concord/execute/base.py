"""The executor seam: an ordered map of a module-level function over picklable items."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any
from typing import Protocol
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def named(where: str) -> Any:
    """The module-level object that `where` ("package.module:name") names, imported here: tasks
    name the functions they need this way, so that a worker process or machine imports them
    itself instead of receiving pickled code."""
    module, name = where.split(":")
    return getattr(importlib.import_module(module), name)


class ExecutorError(Exception):
    """An executor could not be started or reached: one readable message with the fix."""


class Executor(Protocol):
    """Runs `function` over `items` and returns the results in the items' order.

    `function` must be a module-level function and the items plain picklable data, so that a
    backend may run them in another process or on another machine.
    """

    @property
    def description(self) -> str:
        """What the run reports as its executor, e.g. "2 local processes"."""
        ...

    @property
    def workers(self) -> int:
        """How many tasks can run at once: the map is cut into at least this many parts."""
        ...

    @property
    def remote(self) -> bool:
        """Whether the workers belong to a cluster rather than to this machine's pytest process.
        A cluster gets the reductions too, so that the controller only hands out work; a
        local pool does not, since a reduction's inputs are already in the controller and
        pickling them to a process on the same cores costs more than reducing them here."""
        ...

    @property
    def forked(self) -> bool:
        """Whether the workers are running forks of this process, holding what it held when
        they forked (a local pool that has started); a cluster's never are."""
        ...

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]: ...

    def imap(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        """`map`, with every item handed out at once and each result yielded, in the items'
        order, as soon as it is done: the caller stores what has come back while the workers
        go on with the rest, instead of the workers waiting at each wave's end."""
        ...

    def before_fork(self, prepare: Callable[[], None]) -> None:
        """Have `prepare` (which readies a process for the work: compiles what it needs) run
        in this process just before it forks workers, if it ever does, so that they inherit
        what it made instead of each making it again. Backends that fork no workers from
        this process ignore it: their workers ready themselves when the work asks."""
        ...

    def close(self) -> None:
        """Release processes or connections; the executor is not used afterwards."""
        ...
