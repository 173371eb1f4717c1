"""The pytest11 entry point: options, collection hooks, and the report writer."""

from __future__ import annotations

import os
from collections.abc import Callable
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from concord import heap
from concord import hooks
from concord.baseline import write_baseline
from concord.collect import ChecksDir
from concord.collect import RuleItem
from concord.collect import RulesFile
from concord.collect import RuleViolations
from concord.config import LoadedWaiver
from concord.config import waivers_path
from concord.corpus import Corpus
from concord.errors import ConcordError
from concord.errors import ConcordErrors
from concord.execute import ExecutorError
from concord.kinds import KindError
from concord.kinds import from_entry_points
from concord.kinds import register
from concord.kinds import unregister
from concord.paths import display_path
from concord.report.github import github_annotations
from concord.report.html_report import render_html
from concord.report.json_report import build_report
from concord.report.json_report import render_json
from concord.report.markdown_report import render_markdown
from concord.report.results import Outcome
from concord.report.results import RuleResult
from concord.report.results import RunResults
from concord.report.sarif_report import render_sarif
from concord.report.stamp import CACHE_KEY as STAMP_KEY
from concord.report.stamp import ReportStamp
from concord.report.stamp import made_from
from concord.report.terminal import plural
from concord.report.writing import ReportWriteError
from concord.report.writing import write_reports
from concord.settings import DEFAULT_SHOWN
from concord.settings import SETTINGS_KEY
from concord.settings import Settings

REPORT_ATTRIBUTE = "concord_result"
KINDS_KEY = pytest.StashKey[list[str]]()
RULES_TO_RUN_KEY = pytest.StashKey[int]()  # rule items collected and not deselected
RULES_RUN_KEY = pytest.StashKey[int]()  # rule items this process ran to the end
PARTIAL_KEY = pytest.StashKey[bool]()  # some rule items were deselected (-k, -m, --lf)
JSON_REPORT = "concord.json"
SARIF_REPORT = "concord.sarif"
MARKDOWN_REPORT = "concord.md"
HTML_REPORT = "concord.html"


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
    group.addoption(
        "--concord-fail-on",
        dest="concord_fail_on",
        choices=["error", "warning"],
        help="the lowest severity that fails a rule (default: error; ini: concord_fail_on)",
    )
    group.addoption(
        "--concord-jobs",
        dest="concord_jobs",
        metavar="N|auto",
        help="extract in N local processes, or start N workers with dask-local; auto (the "
        "default; ini: concord_jobs): one per core from 500 sources on, else this process. "
        "The findings are the same",
    )
    group.addoption(
        "--concord-executor",
        dest="concord_executor",
        metavar="WHERE",
        help="where extraction runs: local (default), dask-local, or dask://HOST:PORT "
        "(a dask.distributed scheduler); ini: concord_executor",
    )
    group.addoption(
        "--concord-show",
        dest="concord_show",
        type=int,
        metavar="N",
        help=f"findings printed per failing rule (default: {DEFAULT_SHOWN}; 0 or -vv: all; "
        "every report has all of them; ini: concord_show)",
    )
    group.addoption(
        "--concord-no-cache",
        dest="concord_no_cache",
        action="store_true",
        help="extract every source afresh instead of reusing .pytest_cache/d/concord",
    )
    group.addoption(
        "--concord-baseline-update",
        dest="concord_baseline_update",
        action="store_true",
        help="accept every current finding: write a waiver for each into the waivers file",
    )
    parser.addini("concord_rules", "rules file, relative to the ini file", default="")
    parser.addini("concord_fail_on", "the lowest severity that fails: error or warning", default="")
    parser.addini("concord_reports", "report folder, relative to the ini file", default="")
    parser.addini("concord_jobs", "local extraction processes, or auto (the default)", default="")
    parser.addini("concord_executor", "local, dask-local or dask://HOST:PORT", default="")
    parser.addini(
        "concord_show", f"findings printed per failing rule (default {DEFAULT_SHOWN})", default=""
    )
    parser.addini(
        "concord_checks",
        "folder that collects the rules file when pytest is pointed at it (default: checks)",
        default="",
    )


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hooks)


def pytest_configure(config: pytest.Config) -> None:
    try:
        plugin_kinds = from_entry_points()
        for returned in config.hook.pytest_concord_kinds(config=config):
            plugin_kinds.extend(returned)
        config.stash[KINDS_KEY] = register(plugin_kinds)
    except KindError as error:
        raise pytest.UsageError(f"pytest-concord: {error}") from None
    settings = Settings.from_config(config)
    config.stash[SETTINGS_KEY] = settings
    if not hasattr(config, "workerinput"):  # xdist workers send results; the controller writes
        config.pluginmanager.register(Reporter(config, settings), "concord-reporter")


@pytest.hookimpl(trylast=True)  # after pytest's own final collection, while still frozen
def pytest_unconfigure(config: pytest.Config) -> None:
    settings = config.stash.get(SETTINGS_KEY, None)
    if settings is not None:
        settings.executor.close()
        if settings.cache is not None:
            settings.cache.close()  # folds the write-ahead log back into the database
        # Dropped before the heap is handed back, so that pytest's last collection (at
        # cleanup) does not walk a corpus and its results that nothing will read again.
        settings.projects.clear()
    reporter = config.pluginmanager.get_plugin("concord-reporter")
    if isinstance(reporter, Reporter):
        reporter.run = RunResults()
    heap.restore(config)
    names: list[str] = config.stash.get(KINDS_KEY, [])
    unregister(names)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the executor before the first rule runs, so an unreachable cluster is one usage
    error rather than a failure in every rule."""
    session.config.stash[RULES_TO_RUN_KEY] = sum(
        1 for item in session.items if isinstance(item, RuleItem)
    )
    if any(isinstance(item, RuleItem) for item in session.items):
        settings = session.config.stash[SETTINGS_KEY]
        if not hasattr(session.config, "workerinput"):
            settings.pending = {
                (item.project.rules.path, item.rule.id)
                for item in session.items
                if isinstance(item, RuleItem)
            }
        try:
            settings.executor.start(settings.projects.sources)
        except ExecutorError as error:
            raise pytest.UsageError(f"pytest-concord: {error}") from None
        heap.settle(session.config)


def pytest_deselected(items: list[pytest.Item]) -> None:
    if any(isinstance(item, RuleItem) for item in items):
        items[0].config.stash[PARTIAL_KEY] = True


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that compared every rule of the rules file afresh read every cache entry a run
    needs: the cache drops the rest once they outnumber them. Any other run leaves the cache as
    it is: some rules deselected, -x, interrupted, an xdist worker that ran a share, or a rule
    whose findings were read back whole (a rerun with nothing changed reads none of the facts
    the next edit will need)."""
    config = session.config
    settings = config.stash.get(SETTINGS_KEY, None)
    if settings is None or settings.cache is None or config.stash.get(PARTIAL_KEY, False):
        return
    if settings.rules_kept:
        return
    if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        return
    to_run = config.stash.get(RULES_TO_RUN_KEY, 0)
    if to_run and config.stash.get(RULES_RUN_KEY, 0) == to_run:
        settings.cache.drop_unused()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    if isinstance(item, RuleItem):
        item.config.stash[RULES_RUN_KEY] = item.config.stash.get(RULES_RUN_KEY, 0) + 1
        heap.settle(item.config)


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if path.resolve() == parent.config.stash[SETTINGS_KEY].checks_dir:
        return ChecksDir.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    # Called for every file under checks/, the corpus included: compare names before paths.
    rules_path = parent.config.stash[SETTINGS_KEY].rules_path
    if file_path.name == rules_path.name and file_path.resolve() == rules_path:
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
            if isinstance(call.excinfo.value, RuleViolations):
                outcome = "failed"
            elif isinstance(call.excinfo.value, pytest.xfail.Exception):
                outcome = "waived"
            else:
                outcome = "error"
        waivers = item.waivers
        findings = [finding.to_json() for finding in waivers.open]
        findings.extend(
            {**finding.to_json(), "waived": _waiver_json(waiver, item.config.rootpath)}
            for finding, waiver in waivers.waived
        )
        result = RuleResult(
            rule=item.rule.id,
            kind=item.rule.kind,
            description=item.rule.description,
            severity=item.rule.severity,
            outcome=outcome,
            findings=tuple(sorted(findings, key=_finding_order)),
            stale_waivers=tuple(
                _waiver_json(waiver, item.config.rootpath) for waiver in waivers.stale
            ),
            expired_waivers=tuple(
                _waiver_json(waiver, item.config.rootpath) for waiver in waivers.expired
            ),
        )
        # Plain JSON on the report survives xdist's serialisation to the controller.
        setattr(report, REPORT_ATTRIBUTE, result.to_wire())
        # The failure text is rendered by now: the item's own copy is no longer needed, and
        # on a large corpus the findings are the largest thing a run holds.
        item.release()
        if call.excinfo is not None and isinstance(call.excinfo.value, RuleViolations):
            call.excinfo.value.release()
    return report


def _rule_counts(result: RuleResult) -> str:
    open_findings = result.open_findings
    errors = sum(1 for finding in open_findings if finding["severity"] == "error")
    parts = [plural(errors, "error"), plural(len(open_findings) - errors, "warning")]
    waived = len(result.findings) - len(open_findings)
    if waived:
        parts.append(f"{waived} waived")
    if result.stale_waivers:
        parts.append(plural(len(result.stale_waivers), "stale waiver"))
    return ", ".join(parts)


def _waiver_json(item: LoadedWaiver, root: Path) -> dict[str, Any]:
    waiver = item.waiver
    return {
        "file": display_path(item.path, root),
        "line": item.line,
        "rule": waiver.rule,
        "sources": list(waiver.sources),
        "reason": waiver.reason,
        "owner": waiver.owner,
        "expires": waiver.expires.isoformat() if waiver.expires else None,
    }


def _finding_order(finding: dict[str, Any]) -> tuple[str, int, int, str]:
    first = finding["locations"][0]
    return (first["source"], first["line"], first["column"], finding["code"])


class Reporter:
    """Gathers rule results (from this process or from xdist workers) and writes the reports."""

    def __init__(self, config: pytest.Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self.run = RunResults()
        self.written: list[Path] = []
        self.unchanged = False  # the reports on disk already said all this run would write
        self.baseline: tuple[Path, int] | None = None
        self.write_error: str | None = None  # why the reports could not be written

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data: dict[str, Any] | None = getattr(report, REPORT_ATTRIBUTE, None)
        if data is not None:
            self.run.add(RuleResult.from_wire(data))
            delattr(report, REPORT_ATTRIBUTE)  # pytest keeps every report: keep one copy

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed and report.fspath and Path(report.fspath).suffix == ".toml":
            rules = display_path(self.settings.rules_path, self.config.rootpath)
            if report.nodeid == rules or report.nodeid.endswith(rules):
                self.run.errors.append(str(report.longrepr))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.run.is_empty:
            return  # no concord rule ran (e.g. `pytest tests/`): leave reports alone
        # Every rule has run: the pool's processes are let go before the reports are built,
        # and with them the pages they hold (at 10,000 documents a quarter of the run's peak).
        self.settings.executor.close()
        corpus = self._corpus()
        report = build_report(self.run, self.settings.rules_path, corpus, self.config.rootpath)
        folder = self.settings.reports_dir
        root = self.config.rootpath
        json_report = render_json(report)
        renderers: dict[str, Callable[[], str | bytes]] = {
            JSON_REPORT: lambda: json_report,
            SARIF_REPORT: lambda: render_sarif(report, root),
            MARKDOWN_REPORT: lambda: render_markdown(report, corpus),
            HTML_REPORT: lambda: render_html(report, corpus),
        }
        paths = [folder / name for name in renderers]
        source = made_from(json_report, corpus, root)
        stamp = self._stamp()
        if stamp is not None and stamp.matches(source, paths):
            self.unchanged = True
        else:
            try:
                write_reports(list(zip(paths, renderers.values(), strict=True)))
            except ReportWriteError as error:
                self.write_error = (
                    f"{display_path(error.path, root)}: cannot write this report: {error.reason}"
                    "\n  fix: point --concord-reports (or the concord_reports ini key) at a "
                    "folder this run can write to"
                )
                session.exitstatus = pytest.ExitCode.USAGE_ERROR
                paths = []  # which of them are on disk is not this run's to claim
            else:
                self._keep_stamp(ReportStamp.of(source, paths))
        self.written = paths
        if self.settings.baseline_update:
            self._write_baseline()

    def _stamp(self) -> ReportStamp | None:
        """What the reports on disk were made from, if this run may reuse them: not when the
        cache is off, since then nothing of an earlier run is to be trusted."""
        pytest_cache = getattr(self.config, "cache", None)
        if pytest_cache is None or self.settings.cache is None:
            return None
        return ReportStamp.from_json(pytest_cache.get(STAMP_KEY, None))

    def _keep_stamp(self, stamp: ReportStamp) -> None:
        pytest_cache = getattr(self.config, "cache", None)
        if pytest_cache is not None:
            pytest_cache.set(STAMP_KEY, stamp.to_json())

    def _write_baseline(self) -> None:
        try:
            rules = self.settings.projects.load(self.settings.rules_path).rules
        except (ConcordError, ConcordErrors):
            return
        path = waivers_path(rules.path, rules.document)
        open_findings = [finding for result in self.run.rules for finding in result.open_findings]
        self.baseline = (path, write_baseline(path, open_findings))

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.run.is_empty:
            return
        terminalreporter.section("concord")
        if self.run.errors:
            terminalreporter.write_line("the rules file could not be loaded: see the errors above")
        if not self.run.results:
            return
        failed = [result for result in self.run.rules if result.outcome == "failed"]
        errored = [result for result in self.run.rules if result.outcome == "error"]
        could_not_run = f", {len(errored)} could not run" if errored else ""
        open_count = self.run.count("error") + self.run.count("warning")
        waived = f", {self.run.waived} waived" if self.run.waived else ""
        terminalreporter.write_line(
            f"{plural(open_count, 'finding')} "
            f"({plural(self.run.count('error'), 'error')}, "
            f"{plural(self.run.count('warning'), 'warning')}{waived}) "
            f"from {plural(len(self.run.results), 'rule')}, {len(failed)} failed{could_not_run}"
        )
        for result in self.run.rules:
            if result.findings or result.stale_waivers or result.outcome == "error":
                terminalreporter.write_line(
                    f"  {result.rule}: {_rule_counts(result)} ({result.outcome})"
                )
        for waiver in self.run.stale_waivers:
            terminalreporter.write_line(
                f"stale waiver: {waiver['file']}:{waiver['line']} matches nothing: remove it"
            )
        for waiver in self.run.expired_waivers:
            terminalreporter.write_line(
                f"expired waiver: {waiver['file']}:{waiver['line']} ended on {waiver['expires']}"
            )
        spread = self.settings.executor.spread
        if spread is not None:
            jobs = self.settings.executor.jobs
            chosen = " (--concord-jobs auto)" if jobs == "auto" else ""
            terminalreporter.write_line(f"extraction and readings: {spread}{chosen}")
        if self.write_error is not None:
            for line in self.write_error.splitlines():
                terminalreporter.write_line(line, red=True, bold=True)
        unchanged = " (unchanged)" if self.unchanged else ""
        for path in self.written:
            terminalreporter.write_line(
                f"report: {display_path(path, self.config.rootpath)}{unchanged}"
            )
        if self.baseline is not None:
            path, count = self.baseline
            terminalreporter.write_line(
                f"baseline: {plural(count, 'waiver')} written to "
                f"{display_path(path, self.config.rootpath)}"
            )
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for line in github_annotations(self.run, self._paths()):
                terminalreporter.write_line(line)

    def _paths(self) -> dict[str, str]:
        corpus = self._corpus()
        if corpus is None:
            return {}
        return {source.id: display_path(source.path, self.config.rootpath) for source in corpus}

    def _corpus(self) -> Corpus | None:
        """The corpus, loaded here if the rules ran in xdist workers; None if it won't load."""
        try:
            return self.settings.projects.load(self.settings.rules_path).corpus
        except (ConcordError, ConcordErrors):
            return None
