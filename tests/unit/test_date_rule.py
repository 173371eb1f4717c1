"""The `date` rule: which dates belong to the event, what agreement means, what is reported."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from concord.compare.date_scope import word_pattern
from concord.compare.dates import check_dates
from concord.corpus import Corpus
from concord.findings import Finding
from concord.rules import DateRule

WEDNESDAY = date(2023, 6, 14)


def _rule(**fields: Any) -> DateRule:
    return DateRule.model_validate(
        {
            "id": "visit-dates",
            "kind": "date",
            "description": "d",
            "triggers": ["visit", "trip", "travel", "arrive"],
            "subject": ["Blinken"],
            **fields,
        }
    )


def _check(rule: DateRule, published: date | None = WEDNESDAY, **texts: str) -> list[Finding]:
    dates = dict.fromkeys(texts, published) if published else {}
    return check_dates(rule, Corpus.from_texts(texts, dates))


def _in_scope(rule: DateRule, text: str, published: date = WEDNESDAY) -> list[str]:
    """The phrases the rule compares, read off a deliberately clashing second source."""
    clash = f"{rule.subject[0]} {rule.triggers[0]} on March 3, 2001."
    findings = _check(rule, published, a=text, b=clash)
    return sorted(
        location.text
        for finding in findings
        for location in finding.locations
        if location.source == "a"
    )


def test_a_date_that_dates_another_verb_does_not_count() -> None:
    text = (
        "Mr. Blinken will meet senior officials, the State Department said on Wednesday, "
        "confirming the much-anticipated trip."
    )
    assert _in_scope(_rule(), text) == []


def test_a_verb_between_the_date_and_the_trigger_breaks_the_link() -> None:
    text = "The United States on Wednesday played down expectations from Blinken's first trip."
    assert _in_scope(_rule(), text) == []


def test_a_date_beside_the_trigger_counts() -> None:
    text = "Blinken is scheduled to travel to China and Britain between June 16 and June 21."
    assert _in_scope(_rule(), text) == ["between June 16 and June 21"]


def test_a_fronted_date_dates_the_clause_after_it() -> None:
    assert _in_scope(_rule(), "In 2018, Blinken visited China.") == ["2018"]


def test_excluded_words_skip_another_event_in_the_same_clause() -> None:
    text = "Blinken scrapped an earlier trip in February."
    assert _in_scope(_rule(), text) == ["February"]
    assert _in_scope(_rule(exclude=["scrap*"]), text) == []


def test_the_subject_must_be_the_one_who_acts() -> None:
    text = (
        "Blinken's visit is the first since his predecessor, Mike Pompeo, traveled in October 2018."
    )
    assert _in_scope(_rule(), text) == []
    assert _in_scope(_rule(subject=["Pompeo"]), text) == ["October 2018"]


def test_a_pronoun_stands_for_the_subject_named_just_before() -> None:
    text = (
        "Blinken is expected in Asia. "
        "Chinese state media said he was due to visit China on June 18-19."
    )
    assert _in_scope(_rule(), text) == ["June 18-19"]


def test_sentence_scope_reaches_across_commas() -> None:
    text = (
        "Talks included a meeting between the adviser, Jake Sullivan, "
        "and Wang Yi in Vienna last month."
    )
    rule = _rule(triggers=["meeting"], subject=["Sullivan"])
    assert _in_scope(rule, text) == []
    assert _in_scope(rule.model_copy(update={"scope": "sentence"}), text) == ["last month"]


def test_overlapping_dates_agree() -> None:
    findings = _check(
        _rule(),
        a="Blinken will visit Beijing this weekend.",
        b="Blinken will arrive on Sunday (June 18).",
        c="Blinken is due to visit China on June 18-19.",
    )
    assert findings == []


def test_dates_that_share_no_day_are_one_finding_listing_each_value() -> None:
    (finding,) = _check(
        _rule(),
        a="Blinken will visit Beijing next week.",
        b="Blinken will visit Beijing this weekend.",
        c="Blinken will visit Beijing this weekend.",
    )
    assert finding.code == "date-mismatch"
    assert finding.severity == "error"
    assert [location.source for location in finding.locations[:2]] == ["b", "a"]
    assert (
        '2023-06-17..2023-06-18 ("this weekend", b) and 2023-06-19..2023-06-25' in finding.message
    )
    assert "2 distinct dates" in finding.message
    assert '2023-06-17..2023-06-18: "this weekend" in b, c' in finding.message
    assert finding.expected == "2023-06-17..2023-06-18, as b, c say"
    assert (
        finding.locations[1].note
        == '"next week" → 2023-06-19..2023-06-25 (published 2023-06-14, declared)'
    )


def test_a_thousand_sources_with_two_values_are_still_one_finding() -> None:
    texts = {f"s{index:04}": "Blinken will visit Beijing this weekend." for index in range(1000)}
    texts["s0500"] = "Blinken will visit Beijing next week."
    findings = check_dates(_rule(), Corpus.from_texts(texts, dict.fromkeys(texts, WEDNESDAY)))
    (finding,) = findings
    assert "2 distinct dates" in finding.message
    assert "and 991 more" in finding.message
    assert len(finding.locations) == 1000


def test_policy_within_allows_a_gap() -> None:
    texts = {
        "a": "Blinken will visit on June 16, 2023.",
        "b": "Blinken will visit on June 19, 2023.",
    }
    assert len(_check(_rule(), **texts)) == 1
    assert _check(_rule(policy="within", within="3 days"), **texts) == []
    (finding,) = _check(_rule(policy="within", within="2 days"), **texts)
    assert "are more than 2 days apart" in finding.message


def test_policy_same_compares_at_the_coarser_granularity() -> None:
    rule = _rule(policy="same")
    assert (
        _check(rule, a="Blinken will visit in June 2023.", b="Blinken will visit on June 18, 2023.")
        == []
    )
    (finding,) = _check(
        rule, a="Blinken will visit on June 17, 2023.", b="Blinken will visit on June 18, 2023."
    )
    assert "are not the same" in finding.message
    assert (
        _check(rule, a="Blinken will visit in 2023.", b="Blinken will visit in October 2023.") == []
    )


def test_an_unresolved_date_is_a_warning_with_the_fix() -> None:
    (finding,) = _check(
        _rule(), None, a="Blinken will be in China tomorrow, and will visit Beijing tomorrow."
    )
    assert finding.code == "unresolved-date"
    assert finding.severity == "warning"
    assert 'declare published = YYYY-MM-DD under [sources."a"]' in finding.message
    (error,) = _check(
        _rule(unresolved_severity="error"), None, a="Blinken will visit Beijing tomorrow."
    )
    assert error.severity == "error"


def test_an_ambiguous_numeric_date_asks_for_the_date_order() -> None:
    (finding,) = _check(_rule(), a="Blinken will visit on 03/07/2023.")
    assert finding.code == "unresolved-date"
    assert "set date_order" in finding.message


@pytest.mark.parametrize(
    ("trigger", "text", "matches"),
    [
        ("visit", "visits visited visiting", 3),
        ("arrive", "arrived arrives arriving arrival", 4),
        ("travel", "travels traveled travelled traveling travelling", 5),
        ("arriv*", "arrivals", 1),
        ("be in China", "will be in China", 1),
        ("a.b", "axb", 0),
        ("(visit", "(visit", 1),
    ],
)
def test_trigger_words_match_their_inflections_and_nothing_else(
    trigger: str, text: str, matches: int
) -> None:
    assert len(word_pattern([trigger]).findall(text)) == matches


def test_majority_measures_each_source_against_the_date_most_give() -> None:
    findings = _check(
        _rule(consensus="majority"),
        a="Blinken will visit Beijing next week.",
        b="Blinken will visit Beijing this weekend.",
        c="Blinken will visit Beijing this weekend.",
    )
    (finding,) = findings
    assert finding.code == "date-differs"
    assert finding.locations[0].source == "a"
    assert finding.expected == "2023-06-17..2023-06-18"
    assert "consensus: majority" in finding.message


def test_a_reference_source_is_the_truth() -> None:
    findings = _check(
        _rule(consensus="reference", reference="a"),
        a="Blinken will visit Beijing next week.",
        b="Blinken will visit Beijing this weekend.",
        c="Blinken will visit Beijing this weekend.",
    )
    assert sorted(finding.locations[0].source for finding in findings) == ["b", "c"]
    assert all("consensus: reference a" in finding.message for finding in findings)
