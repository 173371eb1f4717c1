"""The `number` rule: numbers as ranges (digits, words, hedges), a tolerance, a policy."""

from __future__ import annotations

from typing import Any

import pytest

from concord.compare.numbers import check_numbers
from concord.corpus import Corpus
from concord.extract.numbers import read_amount
from concord.findings import Finding
from concord.rules import NumberRule

HURT = (
    "(?P<value>(?:(?:nearly|almost|more than|about|at least) )?(?:[0-9][0-9,]*|[a-z]+(?:-[a-z]+)?))"
    " (?:people )?(?:were )?hurt"
)


def _rule(**fields: Any) -> NumberRule:
    return NumberRule.model_validate(
        {"id": "hurt", "kind": "number", "description": "d", "patterns": [HURT], **fields}
    )


def _check(rule: NumberRule, texts: dict[str, str]) -> list[Finding]:
    return check_numbers(rule, Corpus.from_texts(texts))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("25", 25, 25),
        ("twenty-five", 25, 25),
        ("2,500", 2500, 2500),
        ("one hundred and twenty", 120, 120),
        ("nearly five", 4.25, 5),
        ("at least 7", 7, float("inf")),
        ("about 30", 27, 33),
    ],
)
def test_numbers_are_read_as_ranges(text: str, low: float, high: float) -> None:
    amount = read_amount(text)
    assert amount is not None
    assert (round(amount.low, 2), amount.high) == (low, high)


def test_words_that_are_no_number_are_not_read() -> None:
    assert read_amount("several") is None
    assert read_amount("the") is None


def test_two_counts_of_the_same_accident_disagree() -> None:
    (finding,) = _check(_rule(), {"a": "In all, 25 people were hurt.", "b": "Officially 27 hurt."})
    assert finding.code == "numbers-differ"
    assert {location.text for location in finding.locations} == {"25", "27"}


def test_a_tolerance_and_hedges_let_close_counts_agree() -> None:
    texts = {"a": "In all, 25 people were hurt.", "b": "Officially 27 hurt."}
    assert _check(_rule(tolerance="2"), texts) == []
    assert _check(_rule(tolerance="10%"), texts) == []
    assert (
        _check(_rule(), {"a": "nearly thirty people were hurt.", "b": "Officially 27 hurt."}) == []
    )
    assert _check(_rule(), {"a": "more than 70 people were hurt.", "b": "Officially 60 hurt."})


def test_majority_reports_the_outlier() -> None:
    texts = {"a": "25 people were hurt.", "b": "25 hurt.", "c": "27 were hurt."}
    (finding,) = _check(_rule(policy="majority"), texts)
    assert finding.code == "number-differs"
    assert finding.locations[0].source == "c"
    assert finding.expected == "25"


def test_a_bad_tolerance_is_refused() -> None:
    with pytest.raises(ValueError, match="is neither an amount nor a share"):
        _rule(tolerance="a few")
