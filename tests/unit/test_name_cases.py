"""The name extractor against tests/cases/name/cases.toml, one test per case."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from concord.extract.names import names
from concord.rules import Person

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).resolve().parents[1] / "cases" / "name" / "cases.toml"
DOCUMENT: dict[str, Any] = tomllib.loads(CASES.read_text(encoding="utf-8"))
PEOPLE = [Person.model_validate(person) for person in DOCUMENT["people"]]


@pytest.mark.parametrize("case", DOCUMENT["case"], ids=[case["name"] for case in DOCUMENT["case"]])
def test_name_case(case: dict[str, Any]) -> None:
    mentions = names(case["text"], PEOPLE)
    faults = [
        {"text": mention.text, "kind": mention.kind, "expected": mention.expected}
        for mention in mentions
        if mention.is_fault
    ]
    assert faults == case["faults"]
    for mention in mentions:
        assert case["text"][mention.start : mention.end] == mention.text


def test_there_are_enough_cases() -> None:
    assert len(DOCUMENT["case"]) >= 20
