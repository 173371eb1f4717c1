"""The quote reader on the bundled corpus, scored against the hand-written key in
tests/cases/quotes/corpus_key.toml: quote precision and recall, and speaker accuracy.

The floors are the scores reached when they were set; raise them when the reader improves,
never lower them to get a green run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from concord.config import load_rules
from concord.extract import quotes
from concord.rules import NameRule
from tests.helpers import BUNDLED_SOURCES
from tests.helpers import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEY = Path(__file__).resolve().parents[1] / "cases" / "quotes" / "corpus_key.toml"
PRECISION_FLOOR = 1.0
RECALL_FLOOR = 1.0
SPEAKER_FLOOR = 0.94


def _same_speaker(found: str | None, expected: str) -> bool:
    if not expected:
        return found is None
    return found is not None and found.casefold() == expected.casefold()


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    key = tomllib.loads(KEY.read_text(encoding="utf-8"))["quote"]
    rules = load_rules(ROOT / "rules.toml").document.rules
    people = [person for rule in rules if isinstance(rule, NameRule) for person in rule.people]
    found = {}
    for path in sorted(BUNDLED_SOURCES.glob("*.txt")):
        for quote in quotes(path.read_text(encoding="utf-8"), people):
            found[(path.stem, quote.text)] = quote
    expected = {(entry["source"], entry["text"]): entry["speaker"] for entry in key}
    matched = [pair for pair in expected if pair in found]
    right = [pair for pair in matched if _same_speaker(found[pair].speaker, expected[pair])]
    wrong = [(pair, found[pair].speaker, expected[pair]) for pair in matched if pair not in right]
    return {
        "precision": len(matched) / len(found),
        "recall": len(matched) / len(expected),
        "speakers": len(right) / len(matched),
        "counts": (len(found), len(expected), len(matched), len(right)),
        "wrong": wrong,
    }


def test_print_the_scores(scores: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    found, expected, matched, right = scores["counts"]
    with capsys.disabled():
        print(
            f"\nquotes on the bundled corpus: precision {scores['precision']:.0%} "
            f"({matched}/{found}), recall {scores['recall']:.0%} ({matched}/{expected}), "
            f"speakers right {scores['speakers']:.0%} ({right}/{matched})"
        )
        for (source, text), got, want in scores["wrong"]:
            print(f"  {source[:3]} {text[:40]!r}: read {got!r}, key says {want!r}")
    assert expected == 39


def test_quote_spans_meet_their_floor(scores: dict[str, Any]) -> None:
    assert scores["precision"] >= PRECISION_FLOOR
    assert scores["recall"] >= RECALL_FLOOR


def test_speakers_meet_their_floor(scores: dict[str, Any]) -> None:
    assert scores["speakers"] >= SPEAKER_FLOOR
