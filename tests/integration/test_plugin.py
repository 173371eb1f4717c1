"""The plugin as users drive it: collection, output, exit codes, options, xdist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import QIN_RULE
from tests.helpers import MiniProject

CONSISTENT = "Qin Gang met Antony Blinken. Qin said ties matter. Blinken agreed."
GIVEN_NAME = "Qin Gang met Antony Blinken.\nWhen Blinken spoke to Gang, he smiled."


def test_one_item_per_rule_with_the_rule_id_in_the_node_id(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": CONSISTENT})
    result = pytester.runpytest("checks/", "--co", "-q")
    result.stdout.fnmatch_lines(["rules.toml::names", "1 test collected*"])
    assert result.ret == pytest.ExitCode.OK


def test_a_consistent_corpus_passes_and_writes_the_report(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": CONSISTENT, "b": CONSISTENT})
    result = pytester.runpytest("checks/")
    result.assert_outcomes(passed=1)
    report = json.loads((root / "reports" / "concord.json").read_text(encoding="utf-8"))
    assert report["schema_version"] == 1
    assert report["rules"] == [
        {
            "id": "names",
            "kind": "name",
            "description": "People are called by their family name.",
            "severity": "error",
            "outcome": "passed",
            "findings": 0,
            "stale_waivers": [],
            "expired_waivers": [],
        }
    ]
    assert [source["id"] for source in report["corpus"]["sources"]] == ["a", "b"]


def test_a_violation_fails_with_location_excerpt_and_expectation(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    result = pytester.runpytest("checks/")
    result.assert_outcomes(failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "1 finding (1 error) for rule names (name)",
            "People are called by their family name.",
            "",
            "checks/sources/b.txt:2:23: given-name [error]",
            "  2 | When Blinken spoke to Gang, he smiled.",
            "    |                       ^^^^",
            '  "Gang" is the given name of Qin Gang; '
            'on short reference write the family name "Qin"',
            '  expected: "Qin"',
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_the_json_report_locates_each_finding(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"b": GIVEN_NAME})
    pytester.runpytest("checks/")
    report = json.loads((root / "reports" / "concord.json").read_text(encoding="utf-8"))
    (finding,) = report["findings"]
    assert finding["rule"] == "names"
    assert finding["kind"] == "name"
    assert finding["severity"] == "error"
    assert finding["expected"] == "Qin"
    assert finding["locations"] == [
        {"source": "b", "line": 2, "column": 23, "end_line": 2, "end_column": 27, "text": "Gang"}
    ]
    assert report["rules"][0]["outcome"] == "failed"
    assert report["summary"] == {
        "rules": 1,
        "findings": 1,
        "errors": 1,
        "warnings": 0,
        "waived": 0,
    }


def test_warnings_are_reported_without_failing(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project(
        {"b": GIVEN_NAME},
        rules=QIN_RULE.replace(
            'description = "People', 'severity = "warning"\ndescription = "People'
        ),
    )
    result = pytester.runpytest("checks/")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*1 finding (0 errors, 1 warning) from 1 rule, 0 failed*"])
    report = json.loads((root / "reports" / "concord.json").read_text(encoding="utf-8"))
    assert report["findings"][0]["severity"] == "warning"


def test_select_deselect_and_stop_on_first_failure(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    second = QIN_RULE.replace('id = "names"', 'id = "names-again"')
    mini_project({"b": GIVEN_NAME}, rules=QIN_RULE + second)
    pytester.runpytest("checks/", "-k", "again").assert_outcomes(failed=1, deselected=1)
    pytester.runpytest("checks/", "-x").assert_outcomes(failed=1)
    pytester.runpytest("checks/").assert_outcomes(failed=2)


def test_disabling_the_plugin_collects_nothing(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"b": GIVEN_NAME})
    result = pytester.runpytest("checks/", "-p", "no:concord")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_the_rules_file_can_be_run_directly(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"b": GIVEN_NAME})
    pytester.runpytest("rules.toml").assert_outcomes(failed=1)


def test_other_rules_and_report_folders_from_the_command_line(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"b": GIVEN_NAME})
    elsewhere = root / "elsewhere"
    (elsewhere / "texts").mkdir(parents=True)
    (elsewhere / "texts" / "x.txt").write_text(CONSISTENT, encoding="utf-8")
    rules = (root / "rules.toml").read_text(encoding="utf-8")
    (elsewhere / "other.toml").write_text(
        rules.replace("checks/sources/*.txt", "texts/*.txt"), encoding="utf-8"
    )
    result = pytester.runpytest(
        "checks/", "--concord-rules", "elsewhere/other.toml", "--concord-reports", "out"
    )
    result.assert_outcomes(passed=1)
    report = json.loads((root / "out" / "concord.json").read_text(encoding="utf-8"))
    assert [source["id"] for source in report["corpus"]["sources"]] == ["x"]
    assert not (root / "reports").exists()


def test_rules_and_report_folders_from_ini_options(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"b": GIVEN_NAME})
    (root / "rules.toml").rename(root / "my-rules.toml")
    pytester.makeini("[pytest]\nconcord_rules = my-rules.toml\nconcord_reports = build/reports\n")
    pytester.runpytest("checks/").assert_outcomes(failed=1)
    assert (root / "build" / "reports" / "concord.json").is_file()


def test_running_other_tests_leaves_the_reports_alone(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"b": GIVEN_NAME})
    pytester.makepyfile(test_plain="def test_ok():\n    pass\n")
    pytester.runpytest("test_plain.py").assert_outcomes(passed=1)
    assert not (root / "reports").exists()


def _report_without_volatile_parts(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_xdist_gives_the_same_findings_and_writes_the_report_once(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    second = QIN_RULE.replace('id = "names"', 'id = "names-again"')
    root = mini_project({"a": CONSISTENT, "b": GIVEN_NAME}, rules=QIN_RULE + second)
    reports = root / "reports"
    names = ["concord.html", "concord.json", "concord.md", "concord.sarif"]
    serial = pytester.runpytest("checks/")
    serial.assert_outcomes(failed=2)
    serial_report = _report_without_volatile_parts(reports / "concord.json")
    serial_files = {name: (reports / name).read_text(encoding="utf-8") for name in names}
    for name in names:
        (reports / name).unlink()
    parallel = pytester.runpytest_subprocess("checks/", "-n", "2")
    parallel.assert_outcomes(failed=2)
    parallel_report = _report_without_volatile_parts(reports / "concord.json")
    assert parallel_report == serial_report
    assert sorted(path.name for path in reports.iterdir()) == names
    for name in ["concord.html", "concord.md", "concord.sarif"]:
        assert (reports / name).read_text(encoding="utf-8") == serial_files[name], name


def test_a_rules_file_inside_the_checks_folder_is_collected_once(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"b": GIVEN_NAME})
    rules = (root / "rules.toml").read_text(encoding="utf-8")
    (root / "checks" / "rules.toml").write_text(
        rules.replace("checks/sources/*.txt", "sources/*.txt"), encoding="utf-8"
    )
    (root / "rules.toml").unlink()
    pytester.makeini("[pytest]\nconcord_rules = checks/rules.toml\n")
    result = pytester.runpytest("checks/", "-v")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["checks/rules.toml::names FAILED*"])
