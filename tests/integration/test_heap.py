"""The garbage collector's settings during and after a run (`concord.heap`), and findings freed
once their failure is rendered."""

from __future__ import annotations

import gc
import json

import pytest

from tests.helpers import MiniProject

CONSISTENT = "Qin Gang met Antony Blinken. Qin said ties matter. Blinken agreed."
GIVEN_NAME = "Qin Gang met Antony Blinken.\nWhen Blinken spoke to Gang, he smiled."

# Runs inside the pytester session: what the collector's thresholds are while a rule runs, and
# what a failing rule's exception still holds once every report hook is done with it.
_PROBE = """
import gc
import json
from pathlib import Path

import pytest

seen = {}


def pytest_runtest_call(item):
    seen["thresholds"] = list(gc.get_threshold())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call" and call.excinfo is not None:
        error = call.excinfo.value
        seen["kept"] = len(error.findings) + len(error.outcome.open)
    return report


def pytest_unconfigure(config):
    Path("probe.json").write_text(json.dumps(seen))
"""


def test_the_collector_runs_less_during_a_run_and_as_before_after_it(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    pytester.makeconftest(_PROBE)
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    result = pytester.runpytest_inprocess("checks/")
    result.assert_outcomes(failed=1)
    seen = json.loads((root / "probe.json").read_text(encoding="utf-8"))
    assert seen["thresholds"][0] > before[0]  # raised while the rule ran
    assert gc.get_threshold() == before  # and put back at the session's end
    assert gc.get_freeze_count() == frozen_before  # what was frozen is handed back


def test_a_failing_rule_lets_go_of_its_findings_once_they_are_rendered(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    """pytest's record of the call keeps the exception in a reference cycle; the findings it
    carried would live on until a full collection (never, once frozen between rules)."""
    root = mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    pytester.makeconftest(_PROBE)
    result = pytester.runpytest_inprocess("checks/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*1 finding (1 error) for rule names (name)*"])  # rendered
    assert json.loads((root / "probe.json").read_text(encoding="utf-8"))["kept"] == 0
