"""The `presence` rule: in every source, in at least N, or in none."""

from __future__ import annotations

from typing import Any

from concord.compare.presence import check_presence
from concord.corpus import Corpus
from concord.rules import PresenceRule

TEXTS = {
    "a": "Blinken met Qin Gang in Beijing.",
    "b": "Blinken met Qin Gang.",
    "c": "Blinken arrived.\nHe left on Monday.",
}


def _rule(**fields: Any) -> PresenceRule:
    return PresenceRule.model_validate(
        {
            "id": "met-qin",
            "kind": "presence",
            "description": "d",
            "literals": ["Qin Gang"],
            **fields,
        }
    )


def test_every_source_must_say_it() -> None:
    (finding,) = check_presence(_rule(), Corpus.from_texts(TEXTS))
    assert finding.code == "missing"
    assert finding.locations[0].source == "c"
    assert finding.locations[0].text == "Blinken arrived."
    assert finding.message == 'c never says "Qin Gang": every source must say it'


def test_at_least_n_sources() -> None:
    assert check_presence(_rule(require="at-least", at_least=2), Corpus.from_texts(TEXTS)) == []
    findings = check_presence(_rule(require="at-least", at_least=3), Corpus.from_texts(TEXTS))
    assert [finding.locations[0].source for finding in findings] == ["c"]
    assert "only 2 of 3 required sources say it" in findings[0].message


def test_no_source_may_say_it() -> None:
    findings = check_presence(
        _rule(literals=[], patterns=["(?i)spy (plane|balloon)"], require="none"),
        Corpus.from_texts({"a": "A spy balloon.", "b": "A weather balloon.", "c": "SPY PLANE"}),
    )
    assert [(f.code, f.locations[0].source, f.locations[0].text) for f in findings] == [
        ("forbidden", "a", "spy balloon"),
        ("forbidden", "c", "SPY PLANE"),
    ]
