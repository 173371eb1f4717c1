"""The `variants` rule: spellings of one word across sources, by preference or by policy."""

from __future__ import annotations

from typing import Any

from concord.compare.variants import check_variants
from concord.corpus import Corpus
from concord.findings import Finding
from concord.rules import VariantsRule

ADVISER = {
    "a": "The national security advisor spoke.",
    "b": "Another advisor agreed, as advisors do.",
    "c": "The adviser left.",
}


def _rule(groups: list[dict[str, Any]] | None = None, **fields: Any) -> VariantsRule:
    return VariantsRule.model_validate(
        {
            "id": "spelling",
            "kind": "variants",
            "description": "d",
            "groups": groups or [{"variants": ["adviser", "advisor"]}],
            **fields,
        }
    )


def _check(rule: VariantsRule, texts: dict[str, str]) -> list[Finding]:
    return check_variants(rule, Corpus.from_texts(texts))


def test_a_preferred_spelling_flags_every_other_one_per_source() -> None:
    rule = _rule([{"variants": ["adviser", "advisor"], "preferred": "adviser"}])
    findings = _check(rule, ADVISER)
    assert [(f.locations[0].source, len(f.locations), f.expected) for f in findings] == [
        ("a", 1, "adviser"),
        ("b", 2, "adviser"),
    ]
    assert "(policy: preferred)" in findings[0].message


def test_majority_reports_each_outlier_source_against_the_consensus() -> None:
    (finding,) = _check(_rule(policy="majority"), ADVISER)
    assert finding.locations[0].source == "c"
    assert finding.expected == "advisor"
    assert (
        '"adviser" is written 1 time here; the corpus writes "advisor" (policy: majority)'
        in finding.message
    )


def test_all_agree_reports_a_mixed_group_once() -> None:
    (finding,) = _check(_rule(), ADVISER)
    assert finding.code == "mixed-variants"
    assert '"adviser" in c; "advisor" in a, b' in finding.message
    assert [location.source for location in finding.locations] == ["c", "a"]


def test_a_reference_source_decides() -> None:
    findings = _check(_rule(policy="reference", reference="c"), ADVISER)
    assert sorted(f.locations[0].source for f in findings) == ["a", "b"]
    assert all("(policy: reference c)" in f.message for f in findings)
    assert all(f.expected == "adviser" for f in findings)


def test_a_majority_tie_is_reported_as_mixed() -> None:
    (finding,) = _check(_rule(policy="majority"), {"a": "advisor", "b": "adviser"})
    assert "no majority" in finding.message


def test_acronyms_match_case_and_leave_the_pronoun_alone() -> None:
    rule = _rule([{"variants": ["US", "U.S."]}], policy="majority")
    texts = {
        "a": "The US said; let us go.",
        "b": "The US agreed with us.",
        "c": "U.S. officials and US-China ties; the U.S.-led talks.",
    }
    (finding,) = _check(rule, texts)
    assert finding.locations[0].source == "c"
    assert [location.text for location in finding.locations] == ["U.S.", "U.S."]


def test_one_spelling_everywhere_is_fine() -> None:
    assert _check(_rule(), {"a": "The advisor.", "b": "Two advisors."}) == []
