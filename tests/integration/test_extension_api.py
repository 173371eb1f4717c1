"""The extension API: a rule kind from another package, through the `pytest_concord_kinds` hook
or the `concord.kinds` entry point group, validated and run like a built-in kind."""

from __future__ import annotations

import pytest

from tests.helpers import HEADER
from tests.helpers import MiniProject

RULE = """
[[rules]]
id = "short"
kind = "max-words"
description = "Sources are short."
max_words = 5
"""
SOURCES = {
    "a": "Qin Gang met Antony Blinken.",
    "b": "Qin Gang met Antony Blinken in Beijing today.",
}


def test_a_kind_from_the_hook(pytester: pytest.Pytester, mini_project: MiniProject) -> None:
    mini_project(SOURCES, rules=RULE)
    pytester.makeconftest(
        "from tests.plugins.concord_wordcount import KIND\n\n"
        "def pytest_concord_kinds(config):\n"
        "    return [KIND]\n"
    )
    result = pytester.runpytest("checks/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["checks/sources/b.txt:1:1: too-long [[]error[]]", "  8 words; at most 5"]
    )


def test_a_kind_from_an_entry_point(pytester: pytest.Pytester, mini_project: MiniProject) -> None:
    mini_project(SOURCES, rules=RULE)
    dist = pytester.path / "concord_wordcount-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: concord-wordcount\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[concord.kinds]\nmax-words = tests.plugins.concord_wordcount:KIND\n"
    )
    pytester.syspathinsert(pytester.path)
    result = pytester.runpytest("checks/")
    result.assert_outcomes(failed=1)


def test_a_plugin_kind_is_validated_like_a_built_in_one(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project(SOURCES, rules=RULE.replace("max_words = 5", "max_word = 5"))
    pytester.makeconftest(
        "from tests.plugins.concord_wordcount import KIND\n\n"
        "def pytest_concord_kinds(config):\n"
        "    return [KIND]\n"
    )
    result = pytester.runpytest("checks/")
    result.stdout.fnmatch_lines(
        [
            "rules.toml:*: rule 'short': unknown key 'max_word' in [[]rules #1]",
            "  fix: did you mean 'max_words'?*",
        ]
    )


def test_without_the_plugin_the_kind_is_unknown(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project(SOURCES, rules=RULE, header=HEADER)
    result = pytester.runpytest("checks/")
    result.stdout.fnmatch_lines(["rules.toml:*: rule 'short': unknown kind 'max-words'"])


def test_a_plugin_kinds_findings_are_found_afresh_on_every_run(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    """The result cache keys on this package's code: a plugin's checker may change without
    it, so a plugin kind is never read back from the cache."""
    mini_project(SOURCES, rules=RULE)
    pytester.makeconftest(
        "from tests.plugins.concord_wordcount import KIND\n\n"
        "def pytest_concord_kinds(config):\n"
        "    return [KIND]\n"
    )
    pytester.runpytest("checks/").assert_outcomes(failed=1)
    # The same corpus and rules file, but the plugin's checker now finds nothing.
    pytester.makeconftest(
        "import dataclasses\n"
        "from tests.plugins.concord_wordcount import KIND\n\n"
        "def _none(rule, corpus, context):\n"
        "    return []\n\n"
        "def pytest_concord_kinds(config):\n"
        "    return [dataclasses.replace(KIND, check=_none)]\n"
    )
    pytester.runpytest("checks/").assert_outcomes(passed=1)
