"""What a rule's check may know besides its own table: the people the `name` rules declare, the
extraction cache, the executor that runs extraction, and a place to count what it matched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from concord.cache import ExtractionCache
from concord.execute.base import Executor
from concord.rules import NameRule
from concord.rules import Person


@dataclass(frozen=True)
class RunContext:
    people: Sequence[Person] = ()
    stats: dict[str, int] = field(default_factory=dict)  # what the rule matched, for warnings
    cache: ExtractionCache | None = None  # extraction results of earlier runs
    executor: Executor | None = None  # where extraction runs; None: in this process
    # Rules whose findings were read back whole from the cache: they read none of their inputs.
    kept: list[str] = field(default_factory=list)
    # Rules this process runs later, over the same corpus: a rule of the same kind may read the
    # sources for them in its own pass and leave their readings in the cache.
    later: Sequence[Any] = ()

    @classmethod
    def of(
        cls,
        rules: Sequence[Any],
        cache: ExtractionCache | None = None,
        executor: Executor | None = None,
        later: Sequence[Any] = (),
    ) -> RunContext:
        people = tuple(
            person for rule in rules if isinstance(rule, NameRule) for person in rule.people
        )
        return cls(people=people, cache=cache, executor=executor, later=tuple(later))
