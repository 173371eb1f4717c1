"""Reports are written whole, the largest by a forked process when the run may use more than
one, and a report that cannot be written, in either process, is one error naming it, with the
others written."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from concord.report.writing import ReportWriteError
from concord.report.writing import write_reports


def _reports(folder: Path) -> list[tuple[Path, Callable[[], str]]]:
    return [
        (folder / "a.json", lambda: '{"a": 1}'),
        (folder / "b.md", lambda: "# b\n"),
        (folder / "c.html", lambda: "<p>“c” & ’d’</p>" * 10_000),
    ]


@pytest.mark.parametrize("alongside", [False, True])
def test_every_report_is_written_whole(tmp_path: Path, alongside: bool) -> None:
    reports = _reports(tmp_path)
    write_reports(reports, alongside=alongside)
    for path, render in reports:
        assert path.read_text(encoding="utf-8") == render()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.md", "c.html"]


def test_a_report_that_cannot_be_written_is_named_and_the_others_are_written(
    tmp_path: Path,
) -> None:
    """b.md is a folder, so replacing it fails; a.json before it and c.html after it are
    written, and no temporary file is left beside them."""
    (tmp_path / "b.md").mkdir()
    reports = _reports(tmp_path)
    with pytest.raises(ReportWriteError) as raised:
        write_reports(reports)
    assert raised.value.path == tmp_path / "b.md"
    assert "Is a directory" in raised.value.reason
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == '{"a": 1}'
    assert (tmp_path / "c.html").read_text(encoding="utf-8") == reports[2][1]()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.md", "c.html"]


@pytest.mark.parametrize("alongside", [False, True])
def test_only_the_last_report_is_rendered_by_another_process(
    tmp_path: Path, alongside: bool
) -> None:
    here = os.getpid()
    reports = [(tmp_path / name, lambda: str(os.getpid())) for name in ("a.json", "c.html")]
    write_reports(reports, alongside=alongside)
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == str(here)
    rendered_by = int((tmp_path / "c.html").read_text(encoding="utf-8"))
    assert (rendered_by != here) is alongside


@pytest.mark.parametrize("alongside", [False, True])
def test_the_largest_reports_failure_is_named_and_the_others_are_written(
    tmp_path: Path, alongside: bool
) -> None:
    """c.html is a folder, so replacing it fails: with `alongside`, in the forked process."""
    (tmp_path / "c.html").mkdir()
    reports = _reports(tmp_path)
    with pytest.raises(ReportWriteError) as raised:
        write_reports(reports, alongside=alongside)
    assert raised.value.path == tmp_path / "c.html"
    assert "Is a directory" in raised.value.reason
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == '{"a": 1}'
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "# b\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json", "b.md", "c.html"]


def test_a_failure_here_is_named_once_the_forked_report_is_written(tmp_path: Path) -> None:
    (tmp_path / "a.json").mkdir()
    reports = _reports(tmp_path)
    with pytest.raises(ReportWriteError) as raised:
        write_reports(reports, alongside=True)
    assert raised.value.path == tmp_path / "a.json"
    assert (tmp_path / "c.html").read_text(encoding="utf-8") == reports[2][1]()


def test_a_bug_while_rendering_in_the_forked_process_is_reported_not_lost(
    tmp_path: Path,
) -> None:
    def broken() -> str:
        raise ValueError("no such finding")

    reports = [(tmp_path / "a.json", lambda: "{}"), (tmp_path / "c.html", broken)]
    with pytest.raises(ReportWriteError, match="no such finding"):
        write_reports(reports, alongside=True)
    assert not (tmp_path / "c.html").exists()
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "{}"


def test_a_forked_writer_killed_by_a_signal_is_named(tmp_path: Path) -> None:
    here = os.getpid()

    def killed() -> str:
        if os.getpid() == here:  # not forked after all: fail, but do not kill the test run
            raise AssertionError("rendered in the test's own process")
        os.kill(os.getpid(), 9)
        return ""  # never reached

    reports = [(tmp_path / "a.json", lambda: "{}"), (tmp_path / "c.html", killed)]
    with pytest.raises(ReportWriteError, match="stopped by signal 9"):
        write_reports(reports, alongside=True)


def test_no_fork_while_another_thread_runs(tmp_path: Path) -> None:
    here = os.getpid()
    reports = [(tmp_path / name, lambda: str(os.getpid())) for name in ("a.json", "c.html")]
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        write_reports(reports, alongside=True)
    finally:
        stop.set()
        other.join()
    assert (tmp_path / "c.html").read_text(encoding="utf-8") == str(here)
