"""Shared fixtures: a small project (rules file + sources) laid out in a pytester folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import HEADER
from tests.helpers import QIN_RULE
from tests.helpers import MiniProject

# No per-example deadline: a deadline is a timed assert, and on these shared 2-core machines the
# first example of a date property also compiles the date grammar (half a second), which once
# failed a run as "unreliable timings". Tests keep their own example counts.
settings.register_profile("concord", deadline=None)
settings.load_profile("concord")


@pytest.fixture
def mini_project(pytester: pytest.Pytester) -> MiniProject:
    """Write `rules.toml` and `checks/sources/<id>.txt` files; return the pytester root."""

    def make(
        sources: dict[str, str] | None = None,
        rules: str = QIN_RULE,
        header: str = HEADER,
    ) -> Path:
        root = pytester.path
        folder = root / "checks" / "sources"
        folder.mkdir(parents=True, exist_ok=True)
        for source_id, text in (sources or {}).items():
            (folder / f"{source_id}.txt").write_text(text, encoding="utf-8")
        (root / "rules.toml").write_text(header + textwrap.dedent(rules), encoding="utf-8")
        return root

    return make
