"""The `quote` rule: same quote, same words, same speaker; fragments and typography are fine."""

from __future__ import annotations

from typing import Any

from concord.compare.quotes import check_quotes
from concord.corpus import Corpus
from concord.findings import Finding
from concord.rules import Person
from concord.rules import QuoteRule

PEOPLE = [Person(name="Qin Gang", family="Qin"), Person(name="Wang Yi", family="Wang")]
FULL = "Since the beginning of the year, relations have encountered new difficulties and challenges"


def _rule(**fields: Any) -> QuoteRule:
    return QuoteRule.model_validate({"id": "quotes", "kind": "quote", "description": "d", **fields})


def _check(rule: QuoteRule | None = None, **texts: str) -> list[Finding]:
    return check_quotes(rule or _rule(), Corpus.from_texts(texts), PEOPLE)


def test_typography_does_not_matter() -> None:
    assert (
        _check(
            a="“We’re ready to talk — at any time,” Qin said.",
            b='"We\'re  ready to talk - at any time" Qin said.',
        )
        == []
    )


def test_capital_letters_do_not_matter_and_the_first_writing_is_shown() -> None:
    assert _check(a=f"“{FULL},” Qin said.", b=f"“{FULL.upper()},” Qin said.") == []
    reworded = _check(
        a=f"“{FULL},” Qin said.",
        b=f"“{FULL.upper()},” Qin said.",
        c=f"“{FULL.replace('encountered', 'faced')},” Qin said.",
    )
    assert len(reworded) == 1
    # a and b give one version, shown as the first of them wrote it; c differs from it.
    assert "The version in a, b:" in reworded[0].message
    assert "[-encountered-] {+faced+}" in reworded[0].message
    assert FULL.upper() not in reworded[0].message


def test_a_truncated_or_gapped_quote_is_consistent() -> None:
    assert (
        _check(
            a=f"“{FULL},” Qin said.",
            b="“Since the beginning of the year, relations have encountered new difficulties,” Qin"
            " said.",
            c="“Since the beginning of the year … new difficulties and challenges,” Qin said.",
        )
        == []
    )


def test_the_same_quote_worded_differently_is_one_finding_with_a_word_diff() -> None:
    (finding,) = _check(
        a=f"“{FULL},” Qin said.",
        b=f"“{FULL},” Qin said.",
        c=f"“{FULL.replace('encountered', 'faced')},” Qin said.",
    )
    assert finding.code == "quote-wording"
    assert "Qin Gang is quoted 2 ways" in finding.message
    assert "The version in a, b:" in finding.message
    assert "differs in c:" in finding.message
    assert "relations have [-encountered-] {+faced+} new difficulties" in finding.message
    assert finding.expected == FULL
    assert [location.source for location in finding.locations] == ["a", "c", "b"]
    assert finding.locations[1].note == "differs; Qin Gang"


def test_the_same_quote_given_to_two_speakers_is_a_misattribution() -> None:
    findings = _check(a=f"“{FULL},” Qin said.", b=f"“{FULL},” Wang said.")
    (finding,) = findings
    assert finding.code == "quote-speaker"
    assert "is given to 2 speakers: Qin Gang in a; Wang Yi in b" in finding.message
    assert {location.source for location in finding.locations} == {"a", "b"}


def test_different_quotes_by_different_people_are_left_alone() -> None:
    assert (
        _check(
            a="“We will continue to press for open lines of communication,” Wang said.",
            b="“The weather in Beijing was pleasant all week long,” Qin said.",
        )
        == []
    )


def test_versions_within_one_source_are_not_compared() -> None:
    text = f"“{FULL},” Qin said. Later: “{FULL.replace('encountered', 'faced')},” Qin said."
    assert _check(a=text) == []


def test_two_quotes_one_source_gives_side_by_side_are_not_versions_of_each_other() -> None:
    first = "“We can cooperate to benefit our two countries and our people,” Qin said."
    second = (
        "“We can carry out activities that benefit our two countries and our people,” Qin said."
    )
    assert _check(a=f"{first} {second}", b=f"{first} {second}") == []


def test_a_speaker_filter_keeps_only_those_speakers_quotes() -> None:
    texts = {"a": f"“{FULL},” Qin said.", "b": f"“{FULL.replace('new', 'fresh')},” Qin said."}
    assert len(_check(_rule(speakers=["Qin Gang"]), **texts)) == 1
    assert _check(_rule(speakers=["Wang Yi"]), **texts) == []


def test_checks_can_leave_out_the_speaker_check() -> None:
    texts = {"a": f"“{FULL},” Qin said.", "b": f"“{FULL},” Wang said."}
    assert _check(_rule(checks=["wording"]), **texts) == []


def test_sentence_units_compare_each_sentence_on_its_own() -> None:
    two = f"“{FULL}. It is clear whose responsibility this is,” Qin said."
    one = f"“{FULL.replace('encountered', 'faced')},” Qin said."
    (whole,) = _check(a=two, b=one)
    assert "[-encountered-] {+faced+}" in whole.message
    (by_sentence,) = _check(_rule(unit="sentence"), a=two, b=one)
    assert "[-encountered-] {+faced+}" in by_sentence.message
    assert "It is clear" not in by_sentence.message


def test_short_quotes_are_left_out() -> None:
    assert (
        _check(a="Qin urged the US to “show respect”.", b="Wang urged the US to “show respect”.")
        == []
    )


def test_a_reference_source_s_version_is_the_one_diffed_against() -> None:
    texts = {
        "a": f"“{FULL},” Qin said.",
        "b": f"“{FULL},” Qin said.",
        "c": f"“{FULL.replace('encountered', 'faced')},” Qin said.",
    }
    (finding,) = _check(_rule(consensus="reference", reference="c"), **texts)
    assert "(consensus: reference c). The version in c:" in finding.message
    assert "[-faced-] {+encountered+}" in finding.message
