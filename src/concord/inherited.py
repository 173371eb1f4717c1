"""What the local pool's workers hold of the pytest process: the projects it had loaded when it
forked them.

A local pool's workers are forks of the pytest process, started by the first extraction. Work
that needs a whole corpus (a text-only rule's check, `concord.pool_rules`) is handed to them
by naming the rules file, not by pickling the corpus: each worker finds the project here. A
cluster's workers hold nothing of the kind; such work stays in the pytest process for them.
"""

from __future__ import annotations

from pathlib import Path

from concord.project import Project
from concord.project import ProjectCache

# Set in the pytest process just before the fork (`ForkedProjects.leave`), read in the workers.
_LEFT: dict[Path, Project] = {}


class ForkedProjects:
    """The projects of this session left for the pool's workers: its `leave` is the pool's
    `before_fork` hook."""

    def __init__(self, projects: ProjectCache) -> None:
        self._projects = projects
        self._left: frozenset[Path] = frozenset()

    def leave(self) -> None:
        """Leave the loaded projects where the workers about to be forked will find them."""
        loaded = self._projects.loaded()
        _LEFT.clear()
        _LEFT.update(loaded)
        self._left = frozenset(loaded)

    def holds(self, rules_path: Path) -> bool:
        """Whether the workers were forked holding the project of this rules file."""
        return rules_path in self._left


def inherited_project(rules_path: Path) -> Project:
    """In a worker: the project of this rules file, as the pytest process had it when it forked
    this worker. Raises KeyError if it had not loaded it."""
    return _LEFT[rules_path]
