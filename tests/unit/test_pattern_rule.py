"""The `pattern` rule: captured values compared across sources, by policy, safely."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from concord.compare.patterns import check_patterns
from concord.corpus import Corpus
from concord.findings import Finding
from concord.rules import PatternRule

TITLES = {
    "a": "Daniel Kritenbrink, the top State Department official for East Asia, said.",
    "b": "Daniel Kritenbrink, the top  State Department official for East Asia, added.",
    "c": "Daniel Kritenbrink, the State Department’s top diplomat for East Asia, told reporters.",
}
PATTERN = "Daniel Kritenbrink, (?P<value>the [^,]+),"


def _rule(**fields: Any) -> PatternRule:
    return PatternRule.model_validate(
        {"id": "title", "kind": "pattern", "description": "d", "patterns": [PATTERN], **fields}
    )


def _check(rule: PatternRule, texts: dict[str, str]) -> list[Finding]:
    return check_patterns(rule, Corpus.from_texts(texts))


def test_all_agree_lists_each_distinct_value_once() -> None:
    (finding,) = _check(_rule(), TITLES)
    assert finding.code == "values-differ"
    assert '"the top State Department official for East Asia" in a, b' in finding.message
    assert [location.source for location in finding.locations] == ["a", "c"]


def test_majority_reports_the_outlier_source() -> None:
    (finding,) = _check(_rule(policy="majority"), TITLES)
    assert finding.code == "value-differs"
    assert finding.locations[0].source == "c"
    assert finding.expected == "the top State Department official for East Asia"


def test_reference_takes_the_trusted_source_s_value() -> None:
    findings = _check(_rule(policy="reference", reference="c"), TITLES)
    assert sorted(finding.locations[0].source for finding in findings) == ["a", "b"]


def test_normalisers_set_typography_aside() -> None:
    texts = {"a": "Price: “12 dollars”.", "b": 'Price: "13  DOLLARS".'}
    rule = _rule(
        patterns=["Price: (?P<value>[^.]+)\\."], normalise=["case", "whitespace", "unicode"]
    )
    assert len(_check(rule, texts)) == 1
    rule = rule.model_copy(update={"normalise": ["case", "whitespace", "unicode", "digits"]})
    assert _check(rule, texts) == []


def test_literals_are_values_too() -> None:
    rule = _rule(patterns=[], literals=["Sino-US", "China-US"], policy="majority")
    findings = _check(rule, {"a": "Sino-US ties.", "b": "Sino-US talks.", "c": "China-US ties."})
    assert [finding.locations[0].source for finding in findings] == ["c"]


def test_a_pathological_pattern_runs_in_linear_time() -> None:
    rule = _rule(patterns=["(?P<value>(a+)+)$"])
    text = "a" * 100_000 + "b"
    assert _check(rule, {"a": text, "b": text}) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"patterns": ["(?<=x)(?P<value>y)"]}, "is not valid: invalid perl operator: (?<="),
        ({"patterns": ["(?P<value>(a)\\1)"]}, "is not valid: invalid escape sequence: \\1"),
        ({"patterns": ["Kritenbrink, (the [^,]+),"]}, "has no group named `value`"),
        ({"patterns": []}, "neither patterns nor literals"),
        ({"policy": "reference"}, 'policy = "reference" needs the trusted source'),
    ],
)
def test_bad_patterns_are_refused_with_the_reason(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        _rule(**fields)
