"""The Markdown report fits in a pull-request comment however many findings a run has: GitHub
refuses a comment over 65,536 characters. The findings that do not fit are counted under their
rule, in order; the JSON report keeps every one."""

from __future__ import annotations

import json

import pytest

from concord.report.markdown_report import COMMENT_LIMIT
from tests.helpers import MiniProject

GIVEN_NAME = "Qin Gang met Antony Blinken.\nWhen Blinken spoke to Gang, he smiled.\n"


def test_a_run_with_many_findings_writes_a_markdown_report_that_fits_a_comment(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    sources = {f"s{index:04d}": GIVEN_NAME for index in range(400)}
    root = mini_project(sources)
    pytester.runpytest("checks/").assert_outcomes(failed=1)
    markdown = (root / "reports" / "concord.md").read_text(encoding="utf-8")
    findings = json.loads((root / "reports" / "concord.json").read_text(encoding="utf-8"))[
        "findings"
    ]
    assert len(findings) == 400
    assert len(markdown) <= COMMENT_LIMIT
    listed = markdown.count("### `given-name`")
    assert 0 < listed < 400
    assert f"*{400 - listed} more findings of this rule are not listed here" in markdown
    # The first findings are the ones listed, in the report's order.
    first = findings[listed - 1]["locations"][0]
    assert f"`checks/sources/{first['source']}.txt:" in markdown
    unlisted = findings[listed]["locations"][0]
    assert f"`checks/sources/{unlisted['source']}.txt:" not in markdown


def test_a_run_with_few_findings_lists_them_all(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({f"s{index}": GIVEN_NAME for index in range(3)})
    pytester.runpytest("checks/").assert_outcomes(failed=1)
    markdown = (root / "reports" / "concord.md").read_text(encoding="utf-8")
    assert markdown.count("### `given-name`") == 3
    assert "not listed here" not in markdown
