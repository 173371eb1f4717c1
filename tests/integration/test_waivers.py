"""Waivers through pytest: accepted findings xfail the rule, stale waivers fail it, expired ones
stop waiving, and a baseline update followed by a re-run is green."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.helpers import QIN_RULE
from tests.helpers import ROOT
from tests.helpers import MiniProject

GIVEN_NAME = "Qin Gang met Antony Blinken. Gang said the talks were candid.\n"
CONSISTENT = "Qin Gang met Antony Blinken. Qin said the talks were candid.\n"


def _waiver(**fields: str) -> str:
    body = {
        "rule": '"names"',
        "sources": '["b"]',
        "reason": '"House style of the agency"',
        **fields,
    }
    return "\n[[waivers]]\n" + "".join(f"{key} = {value}\n" for key, value in body.items())


def _report(pytester: pytest.Pytester) -> dict[str, object]:
    return json.loads((pytester.path / "reports" / "concord.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_a_waived_finding_is_accepted_and_the_rule_xfails(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project(
        {"a": CONSISTENT, "b": GIVEN_NAME},
        rules=QIN_RULE + _waiver(owner='"desk"', expires="2099-12-31"),
    )
    result = pytester.runpytest("checks/")
    result.assert_outcomes(xfailed=1)
    result.stdout.fnmatch_lines(
        ["0 findings (0 errors, 0 warnings, 1 waived) from 1 rule, 0 failed"]
    )
    report = _report(pytester)
    (finding,) = report["findings"]  # type: ignore[misc]
    assert finding["waived"]["reason"] == "House style of the agency"
    assert finding["waived"]["owner"] == "desk"
    assert report["rules"][0]["outcome"] == "waived"  # type: ignore[index]
    schema = json.loads(
        (ROOT / "src/concord/report/concord.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(report, schema, format_checker=jsonschema.FormatChecker())
    sarif = json.loads((pytester.path / "reports" / "concord.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["suppressions"][0]["justification"] == (
        "House style of the agency"
    )


def test_waivers_may_live_in_a_separate_waivers_file(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    (root / "waivers.toml").write_text(_waiver(match='"Gang"'), encoding="utf-8")
    pytester.runpytest("checks/").assert_outcomes(xfailed=1)


def test_a_text_match_narrows_a_waiver(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME}, rules=QIN_RULE + _waiver(match='"Yi"'))
    result = pytester.runpytest("checks/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*rules.toml:*: stale waiver: it matches no finding of rule names*"]
    )


def test_a_stale_waiver_fails_the_run_and_says_to_remove_it(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": CONSISTENT, "b": CONSISTENT}, rules=QIN_RULE + _waiver())
    result = pytester.runpytest("checks/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "0 findings for rule names (name)",
            "*",
            "rules.toml:19: stale waiver: it matches no finding of rule names "
            "(reason given: 'House style of the agency')",
            "  fix: remove it: what it accepted is gone",
            "*stale waiver: rules.toml:19 matches nothing: remove it",
        ]
    )
    assert _report(pytester)["rules"][0]["stale_waivers"][0]["line"] == 19  # type: ignore[index]


def test_an_expired_waiver_stops_waiving(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME}, rules=QIN_RULE + _waiver(expires="2020-01-31"))
    result = pytester.runpytest("checks/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["expired waiver: rules.toml:19 ended on 2020-01-31"])


def test_a_baseline_update_then_a_green_rerun_then_a_new_finding_fails(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    first = pytester.runpytest("checks/", "--concord-baseline-update")
    first.assert_outcomes(passed=1)
    first.stdout.fnmatch_lines(["baseline: 1 waiver written to waivers.toml"])
    written = (root / "waivers.toml").read_text(encoding="utf-8")
    assert 'reason = "baseline"' in written
    assert 'sources = ["b"]' in written
    pytester.runpytest("checks/").assert_outcomes(xfailed=1)
    # An unrelated paragraph above the finding does not unsettle its fingerprint.
    (root / "checks" / "sources" / "b.txt").write_text("A new opening line.\n\n" + GIVEN_NAME)
    pytester.runpytest("checks/").assert_outcomes(xfailed=1)
    # A new finding is not covered by the baseline.
    (root / "checks" / "sources" / "c.txt").write_text(GIVEN_NAME.replace("candid", "long"))
    pytester.runpytest("checks/").assert_outcomes(failed=1)


@pytest.mark.parametrize(
    ("waiver", "expected"),
    [
        (
            _waiver(rule='"nmaes"'),
            [
                "rules.toml:19: the waiver names rule 'nmaes', which the rules file lacks",
                "  fix: did you mean 'names'? rule ids: names",
            ],
        ),
        (
            _waiver(sources='["bb"]'),
            [
                "rules.toml:19: the waiver names source 'bb', which is not in the corpus",
                "  fix: did you mean 'b'? source ids are file-name stems of the corpus files",
            ],
        ),
        (
            '\n[[waivers]]\nrule = "names"\nsources = ["b"]\n',
            [
                "rules.toml:19: missing required key 'reason' in [[]waivers #1]",
                "  fix: add `reason = ...` to [[]waivers #1]",
            ],
        ),
    ],
    ids=["unknown rule", "unknown source", "no reason"],
)
def test_a_broken_waiver_is_one_clear_error(
    pytester: pytest.Pytester, mini_project: MiniProject, waiver: str, expected: list[str]
) -> None:
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME}, rules=QIN_RULE + waiver)
    result = pytester.runpytest("checks/")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(expected)
    result.stdout.no_fnmatch_line("*Traceback*")


def test_fail_on_warning_fails_on_warnings_too(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    rules = QIN_RULE.replace('kind = "name"', 'kind = "name"\nseverity = "warning"')
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME}, rules=rules)
    pytester.runpytest("checks/").assert_outcomes(passed=1)
    pytester.runpytest("checks/", "--concord-fail-on=warning").assert_outcomes(failed=1)


def test_github_actions_get_workflow_commands(
    pytester: pytest.Pytester, mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    result = pytester.runpytest("checks/")
    result.stdout.fnmatch_lines(
        [
            "::error file=checks/sources/b.txt,line=1,col=30,endLine=1,endColumn=34,"
            'title=names%3A given-name::"Gang" is the given name of Qin Gang;*%0Aexpected: Qin'
        ]
    )


def test_junit_xml_carries_the_readable_failure(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": CONSISTENT, "b": GIVEN_NAME})
    pytester.runpytest("checks/", "--junitxml=junit.xml")
    junit = (pytester.path / "junit.xml").read_text(encoding="utf-8")
    assert "checks/sources/b.txt:1:30: given-name [error]" in junit
    assert "expected: &quot;Qin&quot;" in junit
    assert "Traceback" not in junit
