"""Reports are written whole, and a report that cannot be written is one error naming it,
with the others written."""

from __future__ import annotations

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


def test_every_report_is_written_whole(tmp_path: Path) -> None:
    reports = _reports(tmp_path)
    write_reports(reports)
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
