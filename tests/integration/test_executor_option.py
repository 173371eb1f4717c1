"""`--concord-executor` and `--concord-jobs` as users give them: the same reports whatever runs
the extraction (serially, in processes, on Dask, under xdist), and bad values refused in one
line before anything runs."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings

from tests.generated import SEEDS
from tests.generated import corpora
from tests.helpers import ROOT

REPORTS = ["concord.html", "concord.json", "concord.md", "concord.sarif"]
WAYS = {
    "processes": ["--concord-jobs", "2"],
    "dask": ["--concord-executor", "dask-local"],
    "xdist": ["-n", "2"],
}


def _write_project(root: Path, texts: dict[str, str], published: dict[str, dt.date]) -> None:
    sources = root / "checks" / "sources"
    shutil.rmtree(root / "checks", ignore_errors=True)
    sources.mkdir(parents=True)
    for source_id, text in texts.items():
        (sources / f"{source_id}.txt").write_text(text, encoding="utf-8")
    bundled = (ROOT / "rules.toml").read_text(encoding="utf-8")
    header = 'version = 1\n\n[corpus]\ninclude = ["checks/sources/*.txt"]\ndate_order = "DMY"\n'
    for source_id, day in published.items():
        header += f"\n[sources.{source_id}]\npublished = {day.isoformat()}\n"
    (root / "rules.toml").write_text(header + "\n" + bundled[bundled.index("[[rules]]") :])


def _reports(pytester: pytest.Pytester, *arguments: str, cache: bool = False) -> dict[str, str]:
    reports = pytester.path / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    cache_option = [] if cache else ["--concord-no-cache"]
    result = pytester.runpytest_subprocess("checks/", *cache_option, *arguments)
    assert result.ret in (0, 1), result.stdout.str()[-2000:]
    return {name: (reports / name).read_text(encoding="utf-8") for name in REPORTS}


# Each example runs pytest several times over a generated project: two are what the time allows.
_TWO_CORPORA = settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@given(generated=corpora)
@_TWO_CORPORA
def test_every_way_of_running_writes_the_same_reports(
    pytester: pytest.Pytester, generated: tuple[dict[str, str], dict[str, dt.date]]
) -> None:
    _write_project(pytester.path, *generated)
    serial = _reports(pytester)
    for way, arguments in WAYS.items():
        assert _reports(pytester, *arguments) == serial, way


def test_the_bundled_corpus_on_dask_writes_the_same_reports(pytester: pytest.Pytester) -> None:
    shutil.copytree(ROOT / "checks" / "sources", pytester.path / "checks" / "sources")
    shutil.copy(ROOT / "rules.toml", pytester.path / "rules.toml")
    schema = pytester.path / "src" / "concord" / "rules"
    schema.mkdir(parents=True)
    shutil.copy(ROOT / "src/concord/rules/rules.schema.json", schema)
    serial = _reports(pytester)
    assert json.loads(serial["concord.json"])["summary"]["findings"] == 13  # as the golden file
    assert _reports(pytester, "--concord-executor", "dask-local", "--concord-jobs", "2") == serial


def test_xdist_workers_share_the_cache(pytester: pytest.Pytester) -> None:
    """Two workers write one cache database at once; both runs, and a third that reads it
    back, report what a serial uncached run reports."""
    texts = {f"doc{index}": text for index, text in enumerate(SEEDS.values())}
    texts["extra"] = SEEDS["002"] + "\n\nGang told reporters so.\n"
    _write_project(pytester.path, texts, {})
    serial = _reports(pytester)
    assert _reports(pytester, "-n", "2", cache=True) == serial
    assert _reports(pytester, "-n", "2", "--concord-jobs", "2", cache=True) == serial
    # One database, for this version of the code, shared by every worker.
    databases = list(
        (pytester.path / ".pytest_cache/d/concord/extract").glob("*/extraction.sqlite3")
    )
    assert len(databases) == 1


def test_the_executor_can_be_set_in_the_ini_file(pytester: pytest.Pytester) -> None:
    _write_project(pytester.path, {"a": "Qin Gang met Blinken. Gang said so."}, {})
    pytester.makeini("[pytest]\nconcord_executor = nowhere\n")
    result = pytester.runpytest("checks/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: pytest-concord: --concord-executor 'nowhere' is not*"])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--concord-executor", "dask://scheduler"],
            "ERROR: pytest-concord: --concord-executor 'dask://scheduler' is not an executor; "
            "fix: use one of local, dask-local or dask://HOST:PORT "
            "(for example dask://scheduler.example:8786)",
        ),
        (
            ["--concord-jobs", "0"],
            "ERROR: pytest-concord: --concord-jobs 0 is not a number of processes; "
            "fix: give 1 or more, or auto",
        ),
        (
            ["--concord-jobs", "two"],
            "ERROR: pytest-concord: --concord-jobs two is not a number of processes; "
            "fix: give 1 or more, or auto",
        ),
    ],
)
def test_a_bad_value_is_one_usage_error(
    pytester: pytest.Pytester, arguments: list[str], message: str
) -> None:
    _write_project(pytester.path, {"a": "Qin Gang met Blinken."}, {})
    result = pytester.runpytest("checks/", *arguments)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert result.stderr.lines[0] == message
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


def test_an_unreachable_scheduler_is_one_usage_error(pytester: pytest.Pytester) -> None:
    _write_project(pytester.path, {"a": "Qin Gang met Blinken."}, {})
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = pytester.runpytest_subprocess("checks/", f"--concord-executor=dask://127.0.0.1:{port}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            f"ERROR: pytest-concord: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: *"
            "; fix: start one (`dask scheduler`, then `dask worker ADDRESS`) or correct "
            "--concord-executor"
        ]
    )
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


def test_a_run_without_rules_never_starts_the_executor(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_ok():\n    pass\n")
    result = pytester.runpytest("test_plain.py", "--concord-executor=dask://127.0.0.1:9")
    result.assert_outcomes(passed=1)


def test_auto_jobs_keep_a_small_corpus_in_this_process(pytester: pytest.Pytester) -> None:
    _write_project(pytester.path, {"a": "Qin Gang met Blinken. Gang said so."}, {})
    pytester.makeconftest(
        """
        import os
        from concord.settings import SETTINGS_KEY

        def pytest_sessionfinish(session):
            executor = session.config.stash[SETTINGS_KEY].executor
            print("jobs given:", executor.jobs, "started:", executor.start().description)
        """
    )
    result = pytester.runpytest("checks/", "-s")
    result.stdout.fnmatch_lines(["*jobs given: auto started: this process*"])
    explicit = pytester.runpytest("checks/", "-s", "--concord-jobs", "2")
    explicit.stdout.fnmatch_lines(["*jobs given: 2 started: 2 local processes*"])


@given(generated=corpora)
@_TWO_CORPORA
def test_date_rules_read_ahead_for_each_other_and_write_the_same_reports(
    pytester: pytest.Pytester, generated: tuple[dict[str, str], dict[str, dt.date]]
) -> None:
    # With the cache, the first date rule reads the sources for the two after it; without it,
    # each reads alone. In processes and on Dask too, where one task reads for all three.
    _write_project(pytester.path, *generated)
    alone = _reports(pytester)
    shutil.rmtree(pytester.path / ".pytest_cache", ignore_errors=True)
    assert _reports(pytester, cache=True) == alone
    for way in (["--concord-jobs", "2"], ["--concord-executor", "dask-local"]):
        shutil.rmtree(pytester.path / ".pytest_cache", ignore_errors=True)
        assert _reports(pytester, *way, cache=True) == alone, way


def test_the_summary_says_where_the_work_was_spread(pytester: pytest.Pytester) -> None:
    _write_project(pytester.path, {"a": "Qin Gang met Blinken. Gang said so."}, {})
    spread = pytester.runpytest("checks/", "--concord-jobs", "2")
    spread.stdout.fnmatch_lines(["extraction and readings: 2 local processes"])
    alone = pytester.runpytest("checks/")  # auto, and far under 500 sources: this process
    alone.stdout.no_fnmatch_line("extraction and readings:*")


def test_the_pool_is_let_go_before_the_reports_are_built(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from concord import plugin
    from concord.execute.local import LocalExecutor

    forked: list[bool] = []
    close = LocalExecutor.close

    def closing(executor: LocalExecutor) -> None:
        forked.append(executor.forked)
        close(executor)

    workers_at_build: list[int] = []
    build_report = plugin.build_report

    def building(*arguments: object) -> dict[str, object]:
        workers_at_build.append(len(multiprocessing.active_children()))
        return build_report(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(LocalExecutor, "close", closing)
    monkeypatch.setattr(plugin, "build_report", building)
    texts = {f"s{index}": "Qin Gang met Blinken on June 18, 2023. Gang said so." for index in "ab"}
    texts["sb"] = texts["sb"].replace("June 18", "June 19")
    _write_project(pytester.path, texts, {})
    result = pytester.runpytest_inprocess("checks/", "--concord-jobs", "2", "--concord-no-cache")
    assert result.ret == 1, result.stdout.str()[-2000:]
    assert forked[:1] == [True]  # the run forked a pool, and closed it...
    assert workers_at_build == [0]  # ...before the reports: none of its processes was left
    result.stdout.fnmatch_lines(["extraction and readings: 2 local processes"])


def test_the_summary_says_when_auto_chose_the_processes(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concord.execute import spec

    # As if the corpus were large enough on a 2-core machine: the run is in this process.
    monkeypatch.setattr(spec, "auto_jobs", lambda sources, cores=None: 2)
    _write_project(pytester.path, {"a": "Qin Gang met Blinken. Gang said so."}, {})
    result = pytester.runpytest_inprocess("checks/")
    result.stdout.fnmatch_lines(
        ["extraction and readings: 2 local processes (--concord-jobs auto)"]
    )
