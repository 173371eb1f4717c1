"""How a concord run keeps Python's cyclic garbage collector from walking its data again and
again.

A run over 10,000 sources holds millions of small objects (the corpus, facts coming back from
the workers, findings, the reports' dicts). The collector's default thresholds start a
collection every 700 allocations, and a full one every 100 of those: at 10,000 documents it
spent 2.4 s of the pytest process's time (29 full collections, 376 of the middle generation),
and it made building the SARIF report three times slower. Reference counting frees our data
(it has no reference cycles), so the collector finds almost nothing; it is run less often, as
mypy does for the same reason (`gc.set_threshold(200_000, 30, 30)`), and what is alive between
rules is frozen out of its sight. Both last from the first concord collection to
`pytest_unconfigure`, which puts the thresholds back and hands the frozen objects back.
"""

from __future__ import annotations

import gc
import platform

import pytest

# Allocations (less deallocations) between young collections, and how many young collections
# make an older one: as mypy sets them.
_THRESHOLDS = (200_000, 30, 30)
_BEFORE_KEY = pytest.StashKey[tuple[int, int, int]]()
_FROZE_KEY = pytest.StashKey[bool]()


def collect_less(config: pytest.Config) -> None:
    """Raise the collector's thresholds for the rest of this pytest session (once; CPython
    only, whose collector the thresholds are for)."""
    if _BEFORE_KEY in config.stash or platform.python_implementation() != "CPython":
        return
    before = gc.get_threshold()
    config.stash[_BEFORE_KEY] = (before[0], before[1], before[2])
    gc.set_threshold(*_THRESHOLDS)


def settle(config: pytest.Config) -> None:
    """Move what is alive now (the corpus, the results so far) out of the collector's sight:
    it would otherwise walk them again on every full collection, which on 10,000 sources was a
    third of a warm run."""
    gc.freeze()
    config.stash[_FROZE_KEY] = True


def restore(config: pytest.Config) -> None:
    """The collector as it was before the run: its thresholds, and the frozen objects back in
    its care."""
    before = config.stash.get(_BEFORE_KEY, None)
    if before is not None:
        gc.set_threshold(*before)
        del config.stash[_BEFORE_KEY]
    if config.stash.get(_FROZE_KEY, False):
        gc.unfreeze()
        config.stash[_FROZE_KEY] = False
