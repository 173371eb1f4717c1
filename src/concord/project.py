"""A loaded project: the validated rules file and its corpus, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from concord.cache import ExtractionCache
from concord.config import LoadedRules
from concord.config import load_rules
from concord.corpus import Corpus
from concord.corpus import load_corpus


@dataclass(frozen=True)
class Project:
    rules: LoadedRules
    corpus: Corpus


@dataclass
class ProjectCache:
    """Rules files already loaded in this process, by resolved path. With a `cache`, sources
    unchanged since they were last read are not read again (`concord.source_snapshot`)."""

    cache: ExtractionCache | None = None
    _projects: dict[Path, Project] = field(default_factory=dict)

    def load(self, path: Path) -> Project:
        """The project of the rules file at `path`. Raises `ConcordError(s)` on bad input."""
        key = path.resolve()
        project = self._projects.get(key)
        if project is None:
            rules = load_rules(key)
            project = Project(rules=rules, corpus=load_corpus(rules, self.cache))
            self._projects[key] = project
        return project

    def loaded(self) -> dict[Path, Project]:
        """The projects loaded so far, by resolved rules file path."""
        return dict(self._projects)

    @property
    def sources(self) -> int:
        """How many sources the rules files loaded so far cover."""
        return sum(len(project.corpus) for project in self._projects.values())

    def clear(self) -> None:
        self._projects.clear()
