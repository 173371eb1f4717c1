"""Bad input, reported as one readable message that names the file, the line and the fix.

A `ConcordError` never reaches the user as a traceback: the collector renders `str(error)`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any


class ConcordError(Exception):
    """Bad input the user can fix: a rules file, a source, or the corpus as a whole."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        problem: str,
        fix: str,
        *,
        rule_id: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        self.rule_id = rule_id
        super().__init__(self.render())

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again from its parts, not from its message: a check on a pool's worker raises
        # it in that process, and it is unpickled in the pytest process.
        return (
            partial(type(self), rule_id=self.rule_id),
            (self.path, self.line, self.problem, self.fix),
        )

    def render(self) -> str:
        shown = _shown_path(self.path)
        where = f"{shown}:{self.line}" if self.line else shown
        rule = f"rule '{self.rule_id}': " if self.rule_id else ""
        return f"{where}: {rule}{self.problem}\n  fix: {self.fix}"


def _shown_path(path: Path) -> str:
    """Relative to the working folder when below it, as compilers and linters print paths."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


class RulesFileError(ConcordError):
    """The rules file is unreadable, is not TOML, or does not fit the rules model."""


class SourceError(ConcordError):
    """A source of the corpus is missing, binary or not UTF-8, or the corpus is empty."""


class ConcordErrors(Exception):
    """Several independent problems in one rules file, reported together in one message."""

    def __init__(self, errors: list[ConcordError]) -> None:
        self.errors = sorted(errors, key=lambda error: (str(error.path), error.line or 0))
        super().__init__("\n".join(error.render() for error in self.errors))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors,))
