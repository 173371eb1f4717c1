"""The key tables of docs/rules.md, generated from the models' field descriptions.

docs/rules.md is prose written by hand, with one table per model between markers:

    <!-- reference: DateRule -->
    ...generated...
    <!-- /reference -->

`python -m concord.rules.reference` rewrites the tables; a test fails when they are stale.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from concord import rules as rule_models
from concord.rules import RuleBase
from concord.rules.common import RuleExample
from concord.rules.corpus import CorpusConfig
from concord.rules.corpus import SourceMetadata
from concord.rules.name import Person
from concord.rules.variants import VariantGroup
from concord.rules.waiver import Waiver

DOC = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
_BLOCK = re.compile(r"(<!-- reference: (?P<name>\w+) -->\n).*?(<!-- /reference -->)", re.S)
_SHARED = set(RuleBase.model_fields)


def models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {
        "CorpusConfig": CorpusConfig,
        "SourceMetadata": SourceMetadata,
        "RuleBase": RuleBase,
        "RuleExample": RuleExample,
        "Waiver": Waiver,
        "Person": Person,
        "VariantGroup": VariantGroup,
    }
    for model in rule_models.RULE_MODELS.values():
        found[model.__name__] = model
    return found


def table(model: type[BaseModel]) -> str:
    rows = ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
    own_only = issubclass(model, RuleBase) and model is not RuleBase
    for name, field in model.model_fields.items():
        if own_only and name in _SHARED:
            continue
        if name == "kind":
            continue
        description = " ".join((field.description or "").split()).replace("|", "\\|")
        rows.append(f"| `{name}` | {_type(field.annotation)} | {_default(field)} | {description} |")
    return "\n".join(rows) + "\n"


def render(text: str) -> str:
    known = models()

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in known:
            raise KeyError(f"docs/rules.md names no model {name!r}")
        return match.group(1) + table(known[name]) + match.group(3)

    return _BLOCK.sub(replace, text)


def _type(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Literal:
        return " or ".join(
            f'`"{value}"`' if isinstance(value, str) else f"`{value}`" for value in arguments
        )
    if origin in (typing.Union, types.UnionType):
        named = [_type(argument) for argument in arguments if argument is not type(None)]
        return " or ".join(named)
    if origin is list:
        inner = arguments[0] if arguments else Any
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "array of tables"
        return f"array of {_plural(_type(inner))}"
    if origin is dict:
        return f"table of {_plural(_type(arguments[1]))}" if len(arguments) == 2 else "table"
    names = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if annotation in names:
        return names[annotation]
    if getattr(annotation, "__name__", "") == "date":
        return "TOML date"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "table"
    return "value"


def _plural(kind: str) -> str:
    return {"string": "strings", "integer": "integers", "TOML date": "TOML dates"}.get(kind, kind)


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    if field.default_factory is not None:
        value = field.default_factory()  # type: ignore[call-arg]
    elif field.default is PydanticUndefined:
        return "required"
    else:
        value = field.default
    if value is None:
        return "none"
    if isinstance(value, str):
        return f'`"{value}"`'
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list | dict) and not value:
        return "`[]`" if isinstance(value, list) else "`{}`"
    if isinstance(value, list):
        return "`[" + ", ".join(f'"{item}"' for item in value) + "]`"
    return f"`{value}`"


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"updated {DOC}\n")
