"""The `name` policy over several sources: faults per mention, mixed forms per person."""

from __future__ import annotations

from concord.compare.names import check_names
from concord.corpus import Corpus
from concord.rules import NameRule
from concord.rules import Person

ZELENSKYY = Person(name="Volodymyr Zelenskyy", family="Zelenskyy", aliases=["Volodymyr Zelensky"])


def _corpus(**texts: str) -> Corpus:
    return Corpus.from_texts(texts)


def _rule(*checks: str) -> NameRule:
    return NameRule.model_validate(
        {
            "id": "names",
            "kind": "name",
            "description": "d",
            "people": [ZELENSKYY.model_dump()],
            **({"checks": list(checks)} if checks else {}),
        }
    )


def test_an_accepted_alias_alone_is_fine() -> None:
    corpus = _corpus(a="Volodymyr Zelensky spoke.", b="Volodymyr Zelensky left.")
    assert check_names(_rule(), corpus) == []


def test_mixing_accepted_forms_across_sources_is_one_finding_per_person() -> None:
    corpus = _corpus(
        a="Volodymyr Zelenskyy spoke.",
        b="Volodymyr Zelensky spoke. Later Volodymyr Zelensky left.",
        c="Volodymyr Zelenskyy left.",
    )
    (finding,) = check_names(_rule(), corpus)
    assert finding.code == "mixed-forms"
    assert finding.expected == "Volodymyr Zelenskyy"
    assert [(loc.source, loc.column, loc.text) for loc in finding.locations] == [
        ("b", 1, "Volodymyr Zelensky"),
        ("b", 33, "Volodymyr Zelensky"),
    ]
    assert '"Volodymyr Zelensky" in b' in finding.message
    assert '"Volodymyr Zelenskyy" in a, c' in finding.message


def test_checks_can_be_switched_off() -> None:
    corpus = _corpus(a="Volodymyr Zelenskyy spoke.", b="Volodymyr Zelensky spoke.")
    assert check_names(_rule("given-name", "misspelling", "order"), corpus) == []


def test_a_misspelling_outside_the_aliases_is_flagged_against_the_closest_form() -> None:
    corpus = _corpus(a="Volodymyr Zelenskiy spoke.")
    (finding,) = check_names(_rule(), corpus)
    assert (finding.code, finding.locations[0].text) == ("misspelling", "Zelenskiy")
