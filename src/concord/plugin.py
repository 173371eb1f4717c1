"""The pytest11 entry point: options, collection hooks, and the report writer."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from concord.collect import ChecksDir
from concord.collect import RuleItem
from concord.collect import RulesFile
from concord.collect import RuleViolations
from concord.corpus import Corpus
from concord.errors import ConcordError
from concord.errors import ConcordErrors
from concord.paths import display_path
from concord.report.atomic import write_atomically
from concord.report.json_report import build_report
from concord.report.json_report import render_json
from concord.report.results import Outcome
from concord.report.results import RuleResult
from concord.report.results import RunResults
from concord.report.terminal import plural
from concord.settings import SETTINGS_KEY
from concord.settings import Settings

REPORT_ATTRIBUTE = "concord_result"
JSON_REPORT = "concord.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("concord", "pytest-concord: cross-source consistency checks")
    group.addoption(
        "--concord-rules",
        dest="concord_rules",
        metavar="PATH",
        help="rules file to run (default: rules.toml in the root folder; ini: concord_rules)",
    )
    group.addoption(
        "--concord-reports",
        dest="concord_reports",
        metavar="DIR",
        help="folder the reports are written to (default: reports/; ini: concord_reports)",
    )
    parser.addini("concord_rules", "rules file, relative to the ini file", default="")
    parser.addini("concord_reports", "report folder, relative to the ini file", default="")
    parser.addini(
        "concord_checks",
        "folder that collects the rules file when pytest is pointed at it (default: checks)",
        default="",
    )


def pytest_configure(config: pytest.Config) -> None:
    settings = Settings.from_config(config)
    config.stash[SETTINGS_KEY] = settings
    if not hasattr(config, "workerinput"):  # xdist workers send results; the controller writes
        config.pluginmanager.register(Reporter(config, settings), "concord-reporter")


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if path.resolve() == parent.config.stash[SETTINGS_KEY].checks_dir:
        return ChecksDir.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.resolve() == parent.config.stash[SETTINGS_KEY].rules_path:
        return RulesFile.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if isinstance(item, RuleItem) and call.when == "call":
        outcome: Outcome = "passed"
        if call.excinfo is not None:
            outcome = "failed" if isinstance(call.excinfo.value, RuleViolations) else "error"
        result = RuleResult(
            rule=item.rule.id,
            kind=item.rule.kind,
            description=item.rule.description,
            severity=item.rule.severity,
            outcome=outcome,
            findings=tuple(finding.to_json() for finding in item.findings),
        )
        # Plain JSON on the report survives xdist's serialisation to the controller.
        setattr(report, REPORT_ATTRIBUTE, result.to_wire())
    return report


class Reporter:
    """Gathers rule results (from this process or from xdist workers) and writes the reports."""

    def __init__(self, config: pytest.Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self.run = RunResults()
        self.written: list[Path] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data: dict[str, Any] | None = getattr(report, REPORT_ATTRIBUTE, None)
        if data is not None:
            self.run.add(RuleResult.from_wire(data))

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed and report.fspath and Path(report.fspath).suffix == ".toml":
            rules = display_path(self.settings.rules_path, self.config.rootpath)
            if report.nodeid == rules or report.nodeid.endswith(rules):
                self.run.errors.append(str(report.longrepr))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.run.is_empty:
            return  # no concord rule ran (e.g. `pytest tests/`): leave reports alone
        corpus = self._corpus()
        report = build_report(self.run, self.settings.rules_path, corpus, self.config.rootpath)
        path = self.settings.reports_dir / JSON_REPORT
        write_atomically(path, render_json(report))
        self.written.append(path)

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.run.is_empty:
            return
        terminalreporter.section("concord")
        if self.run.errors:
            terminalreporter.write_line("the rules file could not be loaded: see the errors above")
        if not self.run.results:
            return
        failed = [result for result in self.run.rules if result.outcome != "passed"]
        terminalreporter.write_line(
            f"{plural(len(self.run.findings), 'finding')} "
            f"({plural(self.run.count('error'), 'error')}, "
            f"{plural(self.run.count('warning'), 'warning')}) "
            f"from {plural(len(self.run.results), 'rule')}, {len(failed)} failed"
        )
        for result in self.run.rules:
            if result.findings:
                terminalreporter.write_line(
                    f"  {result.rule}: {len(result.findings)} ({result.outcome})"
                )
        for path in self.written:
            terminalreporter.write_line(f"report: {display_path(path, self.config.rootpath)}")

    def _corpus(self) -> Corpus | None:
        """The corpus, loaded here if the rules ran in xdist workers; None if it won't load."""
        try:
            return self.settings.projects.load(self.settings.rules_path).corpus
        except (ConcordError, ConcordErrors):
            return None
