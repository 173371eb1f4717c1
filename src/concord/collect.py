"""Collection: the checks folder yields the rules file; the rules file yields one item a rule."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial
from pathlib import Path

import pytest
from _pytest._code.code import TerminalRepr

from concord import heap
from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import HINTS
from concord.engine import run_rule
from concord.errors import ConcordError
from concord.errors import ConcordErrors
from concord.execute.base import Executor
from concord.extraction import compile_date_grammar
from concord.findings import Finding
from concord.paths import display_path
from concord.pool_rules import TEXT_ONLY_KINDS
from concord.pool_rules import BehindFirstMap
from concord.project import Project
from concord.report.terminal import plural
from concord.report.terminal import render_failure
from concord.report.terminal import render_finding
from concord.rules import Rule
from concord.rules.common import ExpectedFinding
from concord.rules.common import RuleExample
from concord.settings import SETTINGS_KEY
from concord.settings import Settings
from concord.waivers import WaiverOutcome
from concord.waivers import apply_waivers


class RuleViolations(Exception):
    """A rule found errors, or one of its waivers is stale. Carries them for `repr_failure`;
    never shown as a traceback."""

    def __init__(self, outcome: WaiverOutcome) -> None:
        self.outcome = outcome
        self.findings = outcome.open
        super().__init__(f"{len(outcome.open)} findings, {len(outcome.stale)} stale waivers")

    def release(self) -> None:
        """Drop the findings once the failure is rendered. pytest's record of the call holds
        this exception in a reference cycle (its traceback's frames hold the record), which
        only the cyclic collector frees: until then, and for ever once frozen between rules,
        it would keep every finding alive (15,009 findings and their 68,682 locations at
        10,000 documents), for the collector to walk at the session's end."""
        self.outcome = WaiverOutcome()
        self.findings = []


class RuleMatchedNothing(pytest.PytestWarning):
    """A rule found nothing at all to check in the corpus: probably a mistake in the rule."""


class ChecksDir(pytest.Directory):
    """The folder users point pytest at (`checks/`): its rules file plus its ordinary content."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        heap.collect_less(self.config)  # before the corpus is read: the run's heap starts here
        settings = self.config.stash[SETTINGS_KEY]
        rules_path = settings.rules_path
        if not _is_within(rules_path, self.path):
            # The rules file lives elsewhere (by default at the root): collect it from here.
            yield RulesFile.from_parent(self, path=rules_path)
        ihook = self.ihook
        sources = self._source_files()
        for entry in sorted(os.scandir(self.path), key=lambda entry: entry.name):
            path = Path(entry.path)
            if entry.is_dir() and _holds_only(entry.path, sources):
                continue  # the corpus is data under test, never tests
            if ihook.pytest_ignore_collect(collection_path=path, config=self.config):
                continue
            if entry.is_dir():
                collector = ihook.pytest_collect_directory(path=path, parent=self)
                if collector is not None:
                    yield collector
            elif entry.is_file():
                yield from ihook.pytest_collect_file(file_path=path, parent=self)

    def _source_files(self) -> frozenset[str]:
        """The corpus's files, as normalised paths; none if the project does not load (the
        rules file's own item reports why)."""
        settings = self.config.stash[SETTINGS_KEY]
        try:
            corpus = settings.projects.load(settings.rules_path).corpus
        except (ConcordError, ConcordErrors):
            return frozenset()
        return frozenset(os.path.normpath(source.path) for source in corpus)


def _holds_only(folder: str, files: frozenset[str]) -> bool:
    """Whether every entry of `folder` is one of `files`: a folder of sources is not walked
    by pytest's collection, which at 10,000 sources took a second to find nothing in it."""
    if not files:
        return False
    with os.scandir(folder) as entries:
        return all(entry.is_file() and os.path.normpath(entry.path) in files for entry in entries)


class RulesFile(pytest.File):
    """A rules file. Bad input is one collection error with file, line and fix."""

    def collect(self) -> Iterable[pytest.Item]:
        heap.collect_less(self.config)
        settings = self.config.stash[SETTINGS_KEY]
        project = settings.projects.load(self.path)
        for index, rule in enumerate(project.rules.document.rules):
            line = project.rules.line_of("rules", index) or 1
            for number, example in enumerate(rule.examples):
                example_line = project.rules.line_of("rules", index, "examples", number) or line
                yield ExampleItem.from_parent(
                    self,
                    name=f"{rule.id}[example: {example.name}]",
                    rule=rule,
                    example=example,
                    project=project,
                    line=example_line,
                )
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
        executor = settings.executor.start(settings.projects.sources)
        rules = self.project.rules.document.rules
        later: list[Rule] = []
        if settings.pending is not None:
            settings.pending.discard((self.project.rules.path, self.rule.id))
            later = [
                rule for rule in rules if (self.project.rules.path, rule.id) in settings.pending
            ]
        if any(rule.kind == "date" for rule in (self.rule, *later)):
            # A date rule is to run: its workers inherit the grammar if the pool forks now.
            executor.before_fork(compile_date_grammar)
        # The workers get the projects if the pool forks now: text-only rules need them.
        executor.before_fork(settings.forked.leave)
        self.findings, context = self._check(settings, executor, later)
        settings.rules_kept += len(context.kept)
        if context.stats.get("matched", 1) == 0:
            hint = HINTS.get(self.rule.kind, "check the rule")
            self.warn(RuleMatchedNothing(f"rule {self.rule.id} matched nothing: {hint}"))
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

    def _check(
        self, settings: Settings, executor: Executor, later: list[Rule]
    ) -> tuple[list[Finding], RunContext]:
        """The rule's findings, with the context that counted what it matched: taken from the
        pool's workers if this rule was handed to them (`concord.pool_rules`), else found here."""
        rules = self.project.rules.document.rules
        key = (self.project.rules.path, self.rule.id)
        pool_rules = settings.pool_rules
        checked = pool_rules.take(key, settings.cache)
        if checked is None and self.rule.kind in TEXT_ONLY_KINDS:
            # The pool runs (an earlier rule's extraction forked it) and nothing was handed out:
            # this rule and the text-only rules after it are checked there, two at once.
            pool_rules.hand_out(self.project, [self.rule, *later], executor, settings.cache)
            checked = pool_rules.take(key, settings.cache)
        if checked is not None:
            context = RunContext.of(rules, settings.cache, executor, later)
            context.stats.update(checked.stats)
            return checked.findings, context
        runner: Executor = executor
        if executor.forked and any(rule.kind in TEXT_ONLY_KINDS for rule in later):
            # Queued behind this rule's work, the text-only rules still to run are checked
            # while this process compares it.
            hand_out = partial(pool_rules.hand_out, self.project, later, executor, settings.cache)
            runner = BehindFirstMap(executor, hand_out)
        context = RunContext.of(rules, settings.cache, runner, later)
        return run_rule(self.rule, self.project.corpus, context), context

    def release(self) -> None:
        """Drop the findings once they are reported (the failure's exception keeps its own
        until pytest has rendered it)."""
        self.findings = []
        self.waivers = WaiverOutcome()

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
                shown=self.config.stash[SETTINGS_KEY].shown,
            )
        if isinstance(excinfo.value, ConcordError | ConcordErrors):
            return str(excinfo.value)  # a source gone bad mid-run: file, problem and fix
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line - 1, f"concord rule {self.rule.id} ({self.rule.kind})"


class ExampleMismatch(Exception):
    """An example's findings are not the ones it expects."""

    def __init__(self, findings: list[Finding], corpus: Corpus) -> None:
        self.findings = findings
        self.corpus = corpus
        super().__init__(f"{len(findings)} findings")


class ExampleItem(pytest.Item):
    """One `[[rules.examples]]` case: the rule run on inline sources, against what it expects."""

    def __init__(
        self, *, rule: Rule, example: RuleExample, project: Project, line: int, **kwargs: object
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rule = rule
        self.example = example
        self.project = project
        self.line = line

    def runtest(self) -> None:
        corpus = Corpus.from_texts(self.example.sources, self.example.published)
        # The cache too: an example's readings are as pure as a source's, and without them
        # every run would compile the date grammar for a three-line example.
        settings = self.config.stash[SETTINGS_KEY]
        context = RunContext.of(self.project.rules.document.rules, settings.cache)
        findings = run_rule(self.rule, corpus, context)
        if not _as_expected(findings, self.example.findings):
            raise ExampleMismatch(findings, corpus)

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str | TerminalRepr:
        if not isinstance(excinfo.value, ExampleMismatch):
            return super().repr_failure(excinfo)
        expected = (
            "no findings"
            if self.example.expect == "none"
            else "; ".join(
                ", ".join(f"{key} {value!r}" for key, value in wanted.model_dump().items() if value)
                for wanted in self.example.findings
            )
        )
        lines = [
            f"{display_path(self.path, self.config.rootpath)}:{self.line}: example "
            f"{self.example.name!r} of rule {self.rule.id} did not come out as expected",
            f"  expected: {expected}",
            f"  found: {plural(len(excinfo.value.findings), 'finding')}",
        ]
        for finding in excinfo.value.findings:
            lines.extend(
                "  " + line
                for line in render_finding(finding, excinfo.value.corpus, self.config.rootpath)
            )
        return "\n".join(lines)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line - 1, f"concord example of {self.rule.id}: {self.example.name}"


def _as_expected(findings: list[Finding], wanted: list[ExpectedFinding]) -> bool:
    """The findings match the expected ones one to one, each on every key it gives."""
    if len(findings) != len(wanted):
        return False
    remaining = list(findings)
    for expectation in wanted:
        match = next((finding for finding in remaining if _matches(finding, expectation)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def _matches(finding: Finding, expectation: ExpectedFinding) -> bool:
    first = finding.locations[0]
    return (
        (expectation.code is None or expectation.code == finding.code)
        and (expectation.source is None or expectation.source == first.source)
        and (expectation.text is None or expectation.text == first.text)
    )


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
