"""Collection: the checks folder yields the rules file; the rules file yields one item a rule."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest
from _pytest._code.code import TerminalRepr

from concord.engine import RunContext
from concord.engine import run_rule
from concord.errors import ConcordError
from concord.errors import ConcordErrors
from concord.findings import Finding
from concord.project import Project
from concord.report.terminal import plural
from concord.report.terminal import render_failure
from concord.rules import Rule
from concord.settings import SETTINGS_KEY
from concord.waivers import WaiverOutcome
from concord.waivers import apply_waivers


class RuleViolations(Exception):
    """A rule found errors, or one of its waivers is stale. Carries them for `repr_failure`;
    never shown as a traceback."""

    def __init__(self, outcome: WaiverOutcome) -> None:
        self.outcome = outcome
        self.findings = outcome.open
        super().__init__(f"{len(outcome.open)} findings, {len(outcome.stale)} stale waivers")


class RuleMatchedNothing(pytest.PytestWarning):
    """A rule found nothing at all to check in the corpus: probably a mistake in the rule."""


_WHAT_TO_CHECK = {
    "name": "check its people's names",
    "date": "check its triggers, subject and exclusions",
    "quote": "check its speakers and min_words",
    "variants": "check its variants",
    "pattern": "check its patterns and literals",
    "presence": "check its patterns and literals",
}


class ChecksDir(pytest.Directory):
    """The folder users point pytest at (`checks/`): its rules file plus its ordinary content."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        settings = self.config.stash[SETTINGS_KEY]
        rules_path = settings.rules_path
        if not _is_within(rules_path, self.path):
            # The rules file lives elsewhere (by default at the root): collect it from here.
            yield RulesFile.from_parent(self, path=rules_path)
        ihook = self.ihook
        for entry in sorted(os.scandir(self.path), key=lambda entry: entry.name):
            path = Path(entry.path)
            if ihook.pytest_ignore_collect(collection_path=path, config=self.config):
                continue
            if entry.is_dir():
                collector = ihook.pytest_collect_directory(path=path, parent=self)
                if collector is not None:
                    yield collector
            elif entry.is_file():
                yield from ihook.pytest_collect_file(file_path=path, parent=self)


class RulesFile(pytest.File):
    """A rules file. Bad input is one collection error with file, line and fix."""

    def collect(self) -> Iterable[pytest.Item]:
        settings = self.config.stash[SETTINGS_KEY]
        project = settings.projects.load(self.path)
        for index, rule in enumerate(project.rules.document.rules):
            line = project.rules.line_of("rules", index) or 1
            yield RuleItem.from_parent(self, name=rule.id, rule=rule, project=project, line=line)

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, ConcordError | ConcordErrors):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class RuleItem(pytest.Item):
    """One rule run over the whole corpus."""

    def __init__(self, *, rule: Rule, project: Project, line: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rule = rule
        self.project = project
        self.line = line
        self.findings: list[Finding] = []
        self.waivers = WaiverOutcome()

    def runtest(self) -> None:
        settings = self.config.stash[SETTINGS_KEY]
        context = RunContext.of(self.project.rules.document.rules)
        self.findings = run_rule(self.rule, self.project.corpus, context)
        if context.stats.get("matched", 1) == 0:
            self.warn(
                RuleMatchedNothing(
                    f"rule {self.rule.id} matched nothing: {_WHAT_TO_CHECK[self.rule.kind]}"
                )
            )
        self.waivers = apply_waivers(
            self.rule.id, self.findings, self.project.rules.waivers, settings.today
        )
        if settings.baseline_update:
            return  # every open finding becomes a waiver when the session ends
        if (
            any(settings.fails(finding.severity) for finding in self.waivers.open)
            or self.waivers.stale
        ):
            raise RuleViolations(self.waivers)
        if self.waivers.waived and not self.waivers.open:
            pytest.xfail(f"all {plural(len(self.waivers.waived), 'finding')} waived")

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, RuleViolations):
            outcome = excinfo.value.outcome
            return render_failure(
                self.rule.id,
                kind=self.rule.kind,
                description=self.rule.description,
                findings=outcome.open,
                corpus=self.project.corpus,
                root=self.config.rootpath,
                waived=len(outcome.waived),
                stale=[(item.path, item.line, item.waiver.reason) for item in outcome.stale],
            )
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line - 1, f"concord rule {self.rule.id} ({self.rule.kind})"


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
