"""The local pool: results in order as they come, and work prepared before it forks is
inherited by its workers."""

from __future__ import annotations

import os

from concord.execute.local import LocalExecutor

_PREPARED: list[int] = []


def _prepare() -> None:
    _PREPARED.append(os.getpid())


def _prepared_in(_: int) -> tuple[list[int], int]:
    """What the worker inherited, and which process it is."""
    return list(_PREPARED), os.getpid()


def _square(number: int) -> int:
    return number * number


def test_results_come_in_the_items_order() -> None:
    executor = LocalExecutor(2)
    try:
        assert list(executor.imap(_square, list(range(50)))) == [n * n for n in range(50)]
        assert executor.map(_square, [3, 4]) == [9, 16]
    finally:
        executor.close()


def test_what_is_prepared_before_the_fork_is_made_once_here_and_inherited() -> None:
    _PREPARED.clear()
    executor = LocalExecutor(2)
    try:
        executor.before_fork(_prepare)
        executor.before_fork(_prepare)  # asked for by several rules: made once
        assert _PREPARED == []  # not before the pool is needed
        seen = executor.map(_prepared_in, list(range(8)))
    finally:
        executor.close()
    here = os.getpid()
    assert [here] == _PREPARED
    assert all(inherited == [here] and worker != here for inherited, worker in seen)


def test_nothing_is_prepared_when_no_pool_forks() -> None:
    _PREPARED.clear()
    alone = LocalExecutor(1)
    alone.before_fork(_prepare)
    assert alone.map(_square, [1, 2]) == [1, 4]
    unused = LocalExecutor(2)
    unused.before_fork(_prepare)
    unused.close()
    assert _PREPARED == []
    # A pool that has forked already: its workers ready themselves.
    running = LocalExecutor(2)
    try:
        running.map(_square, [1, 2])
        running.before_fork(_prepare)
        assert running.map(_prepared_in, [1, 2])[0][0] == []
    finally:
        running.close()
    assert _PREPARED == []
