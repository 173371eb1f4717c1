"""Fields every rule kind shares, and the model base that forbids unknown keys."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import model_validator

Severity = Literal["error", "warning"]

RULE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class StrictModel(BaseModel):
    """A model for a TOML table: unknown keys are errors, values are never coerced silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ExpectedFinding(StrictModel):
    """A finding an example must produce; each given key must match."""

    code: str | None = Field(default=None, description="The finding's code, e.g. given-name.")
    source: str | None = Field(default=None, description="The source id it is reported in.")
    text: str | None = Field(default=None, description="The exact text of its first location.")


class RuleExample(StrictModel):
    """A small case the rule is checked on before it runs on the corpus (its own pytest item)."""

    name: str = Field(min_length=1, description="What the example shows.")
    sources: dict[str, str] = Field(min_length=1, description="Inline sources: id = text.")
    published: dict[str, dt.date] = Field(
        default_factory=dict, description="Publication dates of the inline sources, by id."
    )
    expect: Literal["none"] | None = Field(
        default=None, description='`"none"`: the rule must find nothing here.'
    )
    findings: list[ExpectedFinding] = Field(
        default_factory=list,
        description="Or: the findings the rule must produce here, no more and no fewer.",
    )

    @model_validator(mode="after")
    def _says_what_to_expect(self) -> RuleExample:
        if (self.expect is None) == (not self.findings):
            raise ValueError(
                f'example {self.name!r} must have either expect = "none" or findings = [...], '
                "not both or neither; fix: say what the rule should find here"
            )
        unknown = sorted(set(self.published) - set(self.sources))
        if unknown:
            raise ValueError(
                f"example {self.name!r} dates sources it does not have: {unknown}; "
                "fix: use ids from `sources`"
            )
        return self


class RuleBase(StrictModel):
    """What every rule says, whatever its kind."""

    id: str = Field(
        pattern=RULE_ID_PATTERN,
        description="Stable identifier: the pytest node id, the report key, the waiver key.",
    )
    description: str = Field(
        min_length=1, description="What must hold, in a sentence a reader understands."
    )
    severity: Severity = Field(
        default="error",
        description="`error` fails the run; `warning` is reported without failing it.",
    )
    examples: list[RuleExample] = Field(
        default_factory=list,
        description="Cases the rule is checked on, each its own pytest item: [[rules.examples]].",
    )
