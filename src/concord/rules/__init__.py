"""The rules-file models: the document, the corpus, and one model per rule kind."""

from __future__ import annotations

from typing import Annotated
from typing import Literal
from typing import TypeAlias

from pydantic import Field

from concord.rules.common import RuleBase
from concord.rules.common import Severity
from concord.rules.common import StrictModel
from concord.rules.corpus import CorpusConfig
from concord.rules.corpus import DateOrder
from concord.rules.corpus import SourceMetadata
from concord.rules.date import DateRule
from concord.rules.name import NameRule
from concord.rules.name import Person
from concord.rules.pattern import PatternRule
from concord.rules.presence import PresenceRule
from concord.rules.quote import QuoteRule
from concord.rules.variants import VariantGroup
from concord.rules.variants import VariantsRule
from concord.rules.waiver import Waiver
from concord.rules.waiver import WaiversDocument

# One model per kind; `kind` picks the model, so errors name the fields of the right one.
Rule: TypeAlias = Annotated[
    NameRule | DateRule | QuoteRule | VariantsRule | PatternRule | PresenceRule,
    Field(discriminator="kind"),
]

RULE_MODELS: dict[str, type[RuleBase]] = {
    "name": NameRule,
    "date": DateRule,
    "quote": QuoteRule,
    "variants": VariantsRule,
    "pattern": PatternRule,
    "presence": PresenceRule,
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


__all__ = [
    "RULE_MODELS",
    "CorpusConfig",
    "DateOrder",
    "DateRule",
    "NameRule",
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
]
