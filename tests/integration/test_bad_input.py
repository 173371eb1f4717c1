"""Bad input: one collection error naming the file, the line, the rule and the fix; no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import DATE_RULE
from tests.helpers import HEADER
from tests.helpers import QIN_RULE
from tests.helpers import QUOTE_RULE
from tests.helpers import MiniProject

TEXT = "Qin Gang met Antony Blinken."


def _run(pytester: pytest.Pytester, *args: str, rules: str = "rules.toml") -> pytest.RunResult:
    result = pytester.runpytest("checks/", *args)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines([f"*ERROR collecting {rules}*"])
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*pydantic*")
    return result


RULES_FILE_CASES = {
    "malformed TOML": (
        QIN_RULE.replace('id = "names"', 'id = "names'),
        [
            "rules.toml:7: not valid TOML: *",
            "  fix: correct the TOML syntax on that line*",
        ],
    ),
    "unknown key with a close match": (
        QIN_RULE.replace('kind = "name"', 'kind = "name"\nseverty = "error"'),
        [
            "rules.toml:9: rule 'names': unknown key 'severty' in [rules #1]",
            "  fix: did you mean 'severity'? allowed keys: id, description, severity, *",
        ],
    ),
    "unknown key in a nested table": (
        QIN_RULE.replace('family = "Qin"', 'family = "Qin"\nfamliy = "Qin"'),
        [
            "rules.toml:14: rule 'names': unknown key 'famliy' in [rules #1.people #1]",
            "  fix: did you mean 'family'? allowed keys: name, family, order, aliases, titles",
        ],
    ),
    "wrong type": (
        QIN_RULE.replace('kind = "name"', 'kind = "name"\nmax_edits = "two"'),
        [
            "rules.toml:9: rule 'names': max_edits in [[]rules #1]: "
            "Input should be a valid integer (got 'two')",
            "  fix: write `max_edits` as a whole number without quotes",
        ],
    ),
    "value not among the choices": (
        QIN_RULE.replace('kind = "name"', 'kind = "name"\nseverity = "eror"'),
        [
            "rules.toml:9: rule 'names': severity = 'eror' is not allowed",
            "  fix: use one of 'error' or 'warning' (did you mean 'error'?)",
        ],
    ),
    "unknown kind": (
        QIN_RULE.replace('kind = "name"', 'kind = "nmae"'),
        [
            "rules.toml:8: rule 'names': unknown kind 'nmae'",
            "  fix: did you mean 'name'? known kinds: date, name, number, pattern, *",
        ],
    ),
    "missing kind": (
        QIN_RULE.replace('kind = "name"\n', ""),
        [
            "rules.toml:6: rule 'names': missing `kind`",
            "  fix: add `kind = ...`, one of: date, name, number, pattern, presence, *",
        ],
    ),
    "duplicate id": (
        QIN_RULE + QIN_RULE,
        [
            "rules.toml:20: rule 'names': duplicate rule id (first used on line 7)",
            "  fix: give every rule its own id*",
        ],
    ),
    "family name that is not part of the name": (
        QIN_RULE.replace('family = "Qin"', 'family = "Chin"'),
        [
            "rules.toml:11: rule 'names': family name 'Chin' is not a word of name 'Qin Gang'",
            "  fix: set family to one of ['Qin', 'Gang']",
        ],
    ),
    "a rule without people": (
        QIN_RULE.split("  [[rules.people]]")[0],
        [
            "rules.toml:6: rule 'names': missing required key 'people' in [rules #1]",
            "  fix: add `people = ...` to [rules #1]",
        ],
    ),
}


DATE_RULE_CASES = {
    "date: policy within without the gap": (
        DATE_RULE + 'policy = "within"\n',
        [
            "rules.toml:6: rule 'visit': policy = \"within\" needs the largest gap",
            '  fix: add within = "2 days"',
        ],
    ),
    "date: a gap that is no number of days": (
        DATE_RULE + 'policy = "within"\nwithin = "two days"\n',
        [
            "rules.toml:6: rule 'visit': within = \"two days\" is not a number of days or weeks",
            '  fix: write it like "2 days" or "1 week"',
        ],
    ),
    "date: a gap with another policy": (
        DATE_RULE + 'within = "2 days"\n',
        [
            'rules.toml:6: rule \'visit\': within = "2 days" only applies to policy = "within"',
            '  fix: set policy = "within" or remove within',
        ],
    ),
    "date: unknown key": (
        DATE_RULE.replace("triggers", "trigers"),
        [
            "rules.toml:10: rule 'visit': unknown key 'trigers' in [[]rules #1]",
            "  fix: did you mean 'triggers'? allowed keys: id, description, severity, *",
        ],
    ),
    "date: no triggers": (
        DATE_RULE.replace('triggers = ["visit"]', "triggers = []"),
        [
            "rules.toml:10: rule 'visit': triggers in [[]rules #1]: *at least 1 item*",
            "  fix: *",
        ],
    ),
    "date: an empty trigger": (
        DATE_RULE.replace('triggers = ["visit"]', 'triggers = ["visit", " "]'),
        [
            "rules.toml:6: rule 'visit': triggers has an empty entry ' '",
            "  fix: write a word or phrase",
        ],
    ),
    "date: a week start that does not exist": (
        DATE_RULE + 'week_start = "saturday"\n',
        [
            "rules.toml:11: rule 'visit': week_start = 'saturday' is not allowed",
            "  fix: use one of 'monday' or 'sunday'*",
        ],
    ),
}


QUOTE_RULE_CASES = {
    "quote: an overlap above 1": (
        QUOTE_RULE + "min_overlap = 1.5\n",
        [
            "rules.toml:10: rule 'quotes': min_overlap = 1.5 is too large",
            "  fix: *1*",
        ],
    ),
    "quote: an unknown check": (
        QUOTE_RULE + 'checks = ["wording", "speakers"]\n',
        [
            "rules.toml:10: rule 'quotes': checks[1] = 'speakers' is not allowed",
            "  fix: use one of 'wording' or 'speaker' (did you mean 'speaker'?)",
        ],
    ),
    "quote: a unit that does not exist": (
        QUOTE_RULE + 'unit = "paragraph"\n',
        [
            "rules.toml:10: rule 'quotes': unit = 'paragraph' is not allowed",
            "  fix: use one of 'quote' or 'sentence'",
        ],
    ),
    "quote: min_words as a string": (
        QUOTE_RULE + 'min_words = "4"\n',
        [
            "rules.toml:10: rule 'quotes': min_words in [[]rules #1]: Input should be*integer*",
            "  fix: write `min_words` as a whole number without quotes",
        ],
    ),
}


VARIANTS_RULE = """
[[rules]]
id = "spelling"
kind = "variants"
description = "One spelling."

  [[rules.groups]]
  variants = ["adviser", "advisor"]
"""

VARIANTS_RULE_CASES = {
    "variants: a preferred spelling that is no variant": (
        VARIANTS_RULE + '  preferred = "advizer"\n',
        [
            "rules.toml:11: rule 'spelling': preferred = 'advizer' is not one of the variants*",
            "  fix: add it to `variants`, or correct it",
        ],
    ),
    "variants: a reference without its policy": (
        VARIANTS_RULE.replace(
            'description = "One spelling."', 'description = "One spelling."\nreference = "a"'
        ),
        [
            "rules.toml:6: rule 'spelling': reference only applies to policy = \"reference\"",
            '  fix: set policy = "reference" or remove reference',
        ],
    ),
    "variants: a single variant": (
        VARIANTS_RULE.replace('["adviser", "advisor"]', '["adviser"]'),
        [
            "rules.toml:12: rule 'spelling': variants in [[]rules #1.groups #1]: *at least 2*",
            "  fix: add at least one entry",
        ],
    ),
}


HEADER_CASES = {
    "missing version": (
        HEADER.replace("version = 1\n", ""),
        [
            "rules.toml:1: missing required key 'version' in the top level",
            "  fix: add `version = 1` at the top of the file",
        ],
    ),
    "a date written as a string": (
        HEADER + '\n[sources.a]\npublished = "2023-06-14"\n',
        [
            "rules.toml:7: published = '2023-06-14' is not a date",
            "  fix: write a bare TOML date without quotes, e.g. `published = 2023-06-14`",
        ],
    ),
    "metadata for a source that does not exist": (
        HEADER + "\n[sources.aa]\npublished = 2023-06-14\n",
        [
            "rules.toml:6: [sources.aa] names no source of the corpus",
            "  fix: did you mean 'a'? source ids are file-name stems of the corpus files",
        ],
    ),
    "a glob that matches nothing": (
        HEADER.replace("checks/sources/*.txt", "checks/sourcs/*.txt"),
        [
            "rules.toml:4: the pattern 'checks/sourcs/*.txt' matches no file",
            "  fix: correct the pattern (it is relative to *), or remove it",
        ],
    ),
    "a missing source file": (
        HEADER.replace('"checks/sources/*.txt"', '"checks/sources/*.txt", "checks/gone.txt"'),
        [
            "rules.toml:4: source file not found: 'checks/gone.txt'",
            "  fix: correct the pattern (it is relative to *), or remove it",
        ],
    ),
    "an empty corpus": (
        HEADER + 'exclude = ["checks/sources/*"]\n',
        [
            "rules.toml:3: the corpus is empty: every matched file is excluded",
            "  fix: narrow [corpus].exclude or widen [corpus].include",
        ],
    ),
}


# Each case is a whole rules file: the corpus header and the rules, one of them broken.
CASES = {
    **{name: (HEADER, rules, expected) for name, (rules, expected) in RULES_FILE_CASES.items()},
    **{name: (HEADER, rules, expected) for name, (rules, expected) in DATE_RULE_CASES.items()},
    **{name: (HEADER, rules, expected) for name, (rules, expected) in QUOTE_RULE_CASES.items()},
    **{name: (HEADER, rules, expected) for name, (rules, expected) in VARIANTS_RULE_CASES.items()},
    **{name: (header, QIN_RULE, expected) for name, (header, expected) in HEADER_CASES.items()},
}


@pytest.mark.parametrize(("header", "rules", "expected"), CASES.values(), ids=list(CASES))
def test_a_broken_rules_file_is_one_clear_error(
    pytester: pytest.Pytester,
    mini_project: MiniProject,
    header: str,
    rules: str,
    expected: list[str],
) -> None:
    mini_project({"a": TEXT}, rules=rules, header=header)
    _run(pytester).stdout.fnmatch_lines(expected)


def test_a_non_utf8_source_names_the_file_line_and_byte(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": TEXT})
    (root / "checks" / "sources" / "latin.txt").write_bytes(b"First line\nCaf\xe9 society\n")
    _run(pytester).stdout.fnmatch_lines(
        [
            "checks/sources/latin.txt:2: not UTF-8: byte 0xe9 at column 4 (byte 14)",
            "  fix: re-save the file as UTF-8*",
        ]
    )


def test_a_binary_source_is_refused(pytester: pytest.Pytester, mini_project: MiniProject) -> None:
    root = mini_project({"a": TEXT})
    (root / "checks" / "sources" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _run(pytester).stdout.fnmatch_lines(
        [
            "checks/sources/image.txt:3: this is a binary file, not text",
            "  fix: convert it to UTF-8 text, or leave it out with [corpus].exclude",
        ]
    )


def test_a_missing_rules_file(pytester: pytest.Pytester, mini_project: MiniProject) -> None:
    mini_project({"a": TEXT})
    _run(pytester, "--concord-rules", "nope.toml", rules="nope.toml").stdout.fnmatch_lines(
        [
            "nope.toml: rules file not found",
            "  fix: create it, or point --concord-rules (or the concord_rules ini key) at *",
        ]
    )


def test_several_problems_are_reported_together_in_line_order(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    rules = QIN_RULE.replace('kind = "name"', 'kind = "name"\nseverty = "error"').replace(
        'family = "Qin"', 'family = "Chin"'
    )
    mini_project({"a": TEXT}, rules=rules)
    _run(pytester).stdout.fnmatch_lines(
        [
            "rules.toml:9: rule 'names': unknown key 'severty'*",
            "*fix: did you mean 'severity'?*",
            "rules.toml:12: rule 'names': family name 'Chin'*",
        ]
    )


def test_nothing_in_a_rules_file_is_executed(
    pytester: pytest.Pytester, mini_project: MiniProject, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    rules = QIN_RULE.replace(
        'description = "People are called by their family name."',
        f"description = \"__import__('pathlib').Path('{marker}').touch()\"",
    )
    mini_project({"a": TEXT}, rules=rules)
    pytester.runpytest("checks/").assert_outcomes(passed=1)
    assert not marker.exists()


def test_a_rule_that_matches_nothing_is_a_warning(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    rules = DATE_RULE.replace('triggers = ["visit"]', 'triggers = ["zeppelin"]')
    mini_project({"a": TEXT}, rules=rules)
    result = pytester.runpytest("checks/")
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(
        ["*RuleMatchedNothing: rule visit matched nothing: check its triggers, subject*"]
    )


def test_many_unknown_source_ids_are_each_named_with_a_few_suggestions(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    # Thousands of unknown ids mean a moved corpus, not typos: each is still an error with its
    # line, but only the first 20 are looked up among the corpus's ids.
    tables = "".join(f"\n[sources.a{number:02}]\npublished = 2023-06-14\n" for number in range(25))
    mini_project({"a": TEXT}, rules=QIN_RULE, header=HEADER + tables)
    output = _run(pytester).stdout.str()
    for number in range(25):
        assert f"[sources.a{number:02}] names no source of the corpus" in output
    assert output.count("fix: did you mean 'a'? source ids are file-name stems") == 20
    assert output.count("  fix: source ids are file-name stems of the corpus files") == 5


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reports_folder_that_cannot_be_written_is_one_clear_error(
    pytester: pytest.Pytester, mini_project: MiniProject, jobs: str
) -> None:
    """The rules still run and report to the terminal; the run fails with the file and the fix,
    and a run that can write them writes them."""
    root = mini_project({"a": TEXT})
    (root / "taken").write_text("a file where the reports folder would be\n", encoding="utf-8")
    result = pytester.runpytest("checks/", "--concord-reports", "taken", "--concord-jobs", jobs)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stdout.fnmatch_lines(
        [
            "taken/concord.json: cannot write this report: *File exists*",
            "  fix: point --concord-reports (or the concord_reports ini key) at a folder this "
            "run can write to",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*INTERNALERROR*")
    result.stdout.no_fnmatch_line("report: *")
    (root / "taken").unlink()
    again = pytester.runpytest("checks/", "--concord-reports", "taken")
    again.stdout.fnmatch_lines(["report: taken/concord.json"])
