"""The quote reader against the style case files in tests/cases/quotes/ (marks, attribution
after and before the quote, no speaker, ellipses, passages): 60+ quote styles from news copy.

Each case lists every quote in its text (content between the marks, exactly) and who the text
says spoke it ("" when nobody). A case the reader does not handle yet carries `xfail` with the
reason; xfail is strict, so a fix shows up as a failure to remove it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from concord.extract import quotes
from concord.rules import Person

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

STYLE_FILES = sorted(
    path
    for path in (Path(__file__).resolve().parents[1] / "cases" / "quotes").glob("*.toml")
    if path.stem != "corpus_key"
)
CASES: list[tuple[str, dict[str, Any]]] = [
    (path.stem, case)
    for path in STYLE_FILES
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]
PEOPLE = [
    Person(name=name, family=family)
    for name, family in [
        ("Qin Gang", "Qin"),
        ("Antony Blinken", "Blinken"),
        ("Wang Yi", "Wang"),
        ("Xi Jinping", "Xi"),
        ("Daniel Kritenbrink", "Kritenbrink"),
        ("Jake Sullivan", "Sullivan"),
        ("Joe Biden", "Biden"),
        ("Emmanuel Macron", "Macron"),
        ("Angela Merkel", "Merkel"),
    ]
]


def _params() -> list[Any]:
    params = []
    for style, case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        params.append(pytest.param(case, id=f"{style}: {case['name']}", marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_quote_style(case: dict[str, Any]) -> None:
    found = quotes(case["text"], PEOPLE)
    assert [(quote.text, quote.speaker or "") for quote in found] == [
        (expected["text"], expected["speaker"]) for expected in case["expect"]
    ]
    for quote, expected in zip(found, case["expect"], strict=True):
        assert case["text"][quote.start : quote.end] == quote.text
        if "segments" in expected:
            assert len(quote.segments) == expected["segments"]


def test_there_are_at_least_sixty_styles() -> None:
    assert len(CASES) >= 60
    assert {path.stem for path in STYLE_FILES} >= {
        "marks",
        "attribution_after",
        "attribution_before",
        "no_speaker",
        "ellipses",
        "passages",
    }
