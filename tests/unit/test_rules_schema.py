"""The committed JSON Schema of the rules file is the one the models generate, and it accepts
the bundled rules file and rejects a broken one (editors validate with it as you type)."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import jsonschema
import pytest

from concord.rules.schema import SCHEMA_PATH
from concord.rules.schema import render
from concord.rules.schema import rules_schema
from tests.helpers import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_the_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), (
        "the rules-file models changed: run `python -m concord.rules.schema` and commit"
    )


def test_the_bundled_rules_file_points_editors_at_the_schema() -> None:
    first_line = (ROOT / "rules.toml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "#:schema ./src/concord/rules/rules.schema.json"


def _as_json(value: Any) -> Any:
    """TOML dates as JSON sees them: ISO strings."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_the_schema_accepts_the_bundled_rules_and_rejects_a_typo() -> None:
    document = _as_json(tomllib.loads((ROOT / "rules.toml").read_text(encoding="utf-8")))
    schema = rules_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    document["rules"][0]["severty"] = "error"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
