"""docs/rules.md stays in sync with the models: its key tables are the generated ones, and
every kind has a section with an anti-pattern and a best practice."""

from __future__ import annotations

import re

from concord.rules import RULE_MODELS
from concord.rules.reference import DOC
from concord.rules.reference import render


def test_the_key_tables_are_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text == render(text), "a model changed: run `python -m concord.rules.reference`"


def test_every_kind_has_its_table_and_its_examples() -> None:
    text = DOC.read_text(encoding="utf-8")
    sections = re.split(r"\n(?=## )", text)
    for kind, model in RULE_MODELS.items():
        (section,) = [part for part in sections if part.startswith(f"## Kind `{kind}`")]
        assert f"<!-- reference: {model.__name__} -->" in section
        assert "**Anti-pattern**" in section
        assert "**Best practice**" in section
        assert "Anti-pattern:" in (model.__doc__ or "")
        assert "Best practice:" in (model.__doc__ or "")
