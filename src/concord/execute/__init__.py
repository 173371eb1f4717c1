"""Where the map and the reduce run: one seam, several backends.

Extraction (`concord.extraction`) and each rule's reading of a source (`concord.rule_map`) are
maps over sources; comparison is a reduce grouped by rule and key (`concord.reduce`), whose
groups each rule's pytest item hands out once the maps are done. An `Executor` runs all
three: in this process, in a local process pool, or on a Dask cluster. Every backend returns
the same results in the same order, so the findings never depend on where they were computed.
"""

from __future__ import annotations

from concord.execute.base import Executor
from concord.execute.base import ExecutorError
from concord.execute.spec import ExecutorSpec
from concord.execute.spec import parse_executor

__all__ = ["Executor", "ExecutorError", "ExecutorSpec", "parse_executor"]
