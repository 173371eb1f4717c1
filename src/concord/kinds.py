"""Rule kinds from other packages: the extension API.

A kind is a pydantic model for its `[[rules]]` table (a `RuleBase` subclass whose `kind` field
is a `Literal` of its name) and a function that checks it. Another package adds one in either
of two ways:

- an entry point in the group `concord.kinds` that names a `Kind` object:

      [project.entry-points."concord.kinds"]
      wordcount = "concord_wordcount:KIND"

- or a pytest plugin (a conftest.py will do) that implements our hook:

      def pytest_concord_kinds(config):
          return [KIND]

Either way the kind is validated like the built-in ones (unknown keys, types, file:line errors)
and run like them, with its findings in every report.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import CHECKERS
from concord.engine import HINTS
from concord.findings import Finding
from concord.rules import BUILTIN_KINDS
from concord.rules import RULE_MODELS
from concord.rules import RuleBase

ENTRY_POINT_GROUP = "concord.kinds"

Check = Callable[[Any, Corpus, RunContext], list[Finding]]


@dataclass(frozen=True)
class Kind:
    """A rule kind: its name, its model, and the function that checks a rule of it."""

    name: str
    model: type[RuleBase]
    check: Check
    hint: str = "check the rule's settings"  # shown when the rule matches nothing


class KindError(Exception):
    """A plugin kind that cannot be used, with the reason."""


def from_entry_points() -> list[Kind]:
    """The kinds installed packages declare in the `concord.kinds` entry point group."""
    kinds = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        kind = entry_point.load()
        if not isinstance(kind, Kind):
            raise KindError(
                f"entry point {entry_point.name!r} ({entry_point.value}) is not a concord Kind"
            )
        kinds.append(kind)
    return kinds


def register(kinds: Iterable[Kind]) -> list[str]:
    """Make the kinds known to the rules-file loader and the engine; return their names.

    A name the core or another plugin has taken is refused. `unregister` undoes it, so that one
    pytest run's plugins do not leak into the next one in the same process.
    """
    registered = []
    for kind in kinds:
        if kind.name in RULE_MODELS:
            if RULE_MODELS[kind.name] is kind.model:
                continue  # the same kind, found twice (entry point and hook)
            raise KindError(f"rule kind {kind.name!r} is defined twice")
        RULE_MODELS[kind.name] = kind.model
        CHECKERS[kind.name] = kind.check
        HINTS[kind.name] = kind.hint
        registered.append(kind.name)
    return registered


def unregister(names: Iterable[str]) -> None:
    for name in names:
        if name not in BUILTIN_KINDS:
            RULE_MODELS.pop(name, None)
            CHECKERS.pop(name, None)
            HINTS.pop(name, None)
