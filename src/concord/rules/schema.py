"""The JSON Schema of a rules file, generated from the pydantic models, for editors.

`rules.toml` points at the committed copy with taplo's `#:schema` directive, so an editor with
TOML language support (taplo, Even Better TOML) completes keys and flags mistakes as you type.
Regenerate it after changing a model:

    python -m concord.rules.schema
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from concord.rules import RulesDocument

SCHEMA_PATH = Path(__file__).with_name("rules.schema.json")


def rules_schema() -> dict[str, Any]:
    schema = RulesDocument.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "pytest-concord rules file",
    }


def render() -> str:
    return json.dumps(rules_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA_PATH}\n")
