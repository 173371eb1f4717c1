"""The rules-file models: the document, the corpus, and one model per rule kind."""

from __future__ import annotations

from functools import cache
from typing import Annotated
from typing import Any
from typing import Literal
from typing import TypeAlias
from typing import Union

from pydantic import Field
from pydantic import create_model

from concord.rules.common import RuleBase
from concord.rules.common import Severity
from concord.rules.common import StrictModel
from concord.rules.corpus import CorpusConfig
from concord.rules.corpus import DateOrder
from concord.rules.corpus import SourceMetadata
from concord.rules.date import DateRule
from concord.rules.name import NameRule
from concord.rules.name import Person
from concord.rules.number import NumberRule
from concord.rules.pattern import PatternRule
from concord.rules.presence import PresenceRule
from concord.rules.quote import QuoteRule
from concord.rules.variants import VariantGroup
from concord.rules.variants import VariantsRule
from concord.rules.waiver import Waiver
from concord.rules.waiver import WaiversDocument

# One model per kind; `kind` picks the model, so errors name the fields of the right one.
Rule: TypeAlias = Annotated[
    NameRule | DateRule | QuoteRule | VariantsRule | PatternRule | PresenceRule | NumberRule,
    Field(discriminator="kind"),
]

RULE_MODELS: dict[str, type[RuleBase]] = {
    "name": NameRule,
    "date": DateRule,
    "quote": QuoteRule,
    "variants": VariantsRule,
    "pattern": PatternRule,
    "presence": PresenceRule,
    "number": NumberRule,
}


class RulesDocument(StrictModel):
    """A whole rules file: `version`, `[corpus]`, `[sources.<id>]` and `[[rules]]`."""

    version: Literal[1] = Field(description="Rules-file format version; only 1 exists.")
    corpus: CorpusConfig
    sources: dict[str, SourceMetadata] = Field(
        default_factory=dict, description="Metadata per source id (the file name's stem)."
    )
    rules: list[Rule] = Field(min_length=1)
    include_waivers: str | None = Field(
        default=None,
        description="A waivers file to read as well, relative to this file. Without it, "
        "`waivers.toml` beside this file is read when it exists.",
    )
    waivers: list[Waiver] = Field(
        default_factory=list, description="Known, accepted findings: [[waivers]] tables."
    )


BUILTIN_KINDS = frozenset(RULE_MODELS)


def document_model() -> type[RulesDocument]:
    """The document model for the kinds known now: the built-in ones, plus those plugins
    registered (see concord.kinds)."""
    extra = tuple(model for name, model in RULE_MODELS.items() if name not in BUILTIN_KINDS)
    return _extended(extra) if extra else RulesDocument


@cache
def _extended(extra: tuple[type[RuleBase], ...]) -> type[RulesDocument]:
    members = (
        NameRule,
        DateRule,
        QuoteRule,
        VariantsRule,
        PatternRule,
        PresenceRule,
        NumberRule,
        *extra,
    )
    union: Any = Union.__getitem__(members)
    rules: Any = (list[Annotated[union, Field(discriminator="kind")]], Field(min_length=1))
    return create_model("RulesDocument", __base__=RulesDocument, rules=rules)


__all__ = [
    "BUILTIN_KINDS",
    "RULE_MODELS",
    "CorpusConfig",
    "DateOrder",
    "DateRule",
    "NameRule",
    "NumberRule",
    "PatternRule",
    "Person",
    "PresenceRule",
    "QuoteRule",
    "Rule",
    "RuleBase",
    "RulesDocument",
    "Severity",
    "SourceMetadata",
    "StrictModel",
    "VariantGroup",
    "VariantsRule",
    "Waiver",
    "WaiversDocument",
    "document_model",
]
