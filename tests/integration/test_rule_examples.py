"""[[rules.examples]]: each example is its own pytest item that checks the rule on inline
sources, so a rule author sees the rule work before running it on the corpus."""

from __future__ import annotations

import pytest

from tests.helpers import QIN_RULE
from tests.helpers import MiniProject

EXAMPLES = """
  [[rules.examples]]
  name = "a given name"
  sources = { a = "Qin Gang met Antony Blinken. Gang said no." }
  findings = [{ code = "given-name", source = "a", text = "Gang" }]

  [[rules.examples]]
  name = "the family name"
  sources = { a = "Qin Gang met Antony Blinken. Qin said no." }
  expect = "none"
"""


def _with_examples(examples: str) -> str:
    head, people = QIN_RULE.split("  [[rules.people]]", 1)
    return head + examples + "\n  [[rules.people]]" + people


def test_examples_are_items_that_pass_when_the_rule_behaves(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": "Qin Gang met Antony Blinken.\n"}, rules=_with_examples(EXAMPLES))
    result = pytester.runpytest("checks/", "-v")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(
        [
            "rules.toml::names[[]example: a given name[]] PASSED*",
            "rules.toml::names[[]example: the family name[]] PASSED*",
            "rules.toml::names PASSED*",
        ]
    )


def test_an_example_that_does_not_come_out_says_what_was_found(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    wrong = EXAMPLES.replace('expect = "none"', 'findings = [{ code = "misspelling" }]')
    mini_project({"a": "Qin Gang met Antony Blinken.\n"}, rules=_with_examples(wrong))
    result = pytester.runpytest("checks/")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "rules.toml:*: example 'the family name' of rule names did not come out as expected",
            "  expected: code 'misspelling'",
            "  found: 0 findings",
        ]
    )


def test_an_example_must_say_what_it_expects(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    broken = EXAMPLES.replace('  expect = "none"\n', "")
    mini_project({"a": "Qin Gang met Antony Blinken.\n"}, rules=_with_examples(broken))
    result = pytester.runpytest("checks/")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "rules.toml:*: rule 'names': example 'the family name' must have either "
            'expect = "none" or findings = [[]...[]], not both or neither',
            "  fix: say what the rule should find here",
        ]
    )
