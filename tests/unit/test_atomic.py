from __future__ import annotations

from pathlib import Path

import pytest

from concord.report.atomic import write_atomically


def test_writes_the_content_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "report.json"
    write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [path.name for path in target.parent.iterdir()] == ["report.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")

    with pytest.raises(TypeError):  # writing a non-string fails half-way through
        write_atomically(target, object())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]
