"""The `presence` kind: a fact, a name or a pattern appears in every source, in at least N of
them, or in none."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.patterns import check_patterns
from concord.rules.common import RuleBase

Requirement = Literal["all", "at-least", "none"]


class PresenceRule(RuleBase):
    """What every source must say (or must not).

    Anti-pattern: one of five articles about the visit never says that Blinken met Qin Gang.
    Best practice: the fact is in every source that covers the event.
    """

    kind: Literal["presence"]
    patterns: list[str] = Field(
        default_factory=list,
        description="Regular expressions (RE2 syntax); a match anywhere means present.",
    )
    literals: list[str] = Field(
        default_factory=list, description="Or: literal texts, found as whole words."
    )
    ignore_case: bool = Field(default=False, description="Match without case.")
    require: Requirement = Field(
        default="all",
        description="`all`: every source has it; `at-least`: `at_least` sources have it; "
        "`none`: no source has it.",
    )
    at_least: int | None = Field(
        default=None, ge=1, description='With require = "at-least": how many sources.'
    )

    @model_validator(mode="after")
    def _something_to_find(self) -> PresenceRule:
        if not self.patterns and not self.literals:
            raise ValueError("the rule has neither patterns nor literals; fix: add one of them")
        check_patterns(self.patterns, ignore_case=self.ignore_case, needs_value=False)
        if self.require == "at-least" and self.at_least is None:
            raise ValueError('require = "at-least" needs a number; fix: add at_least = 3')
        if self.at_least is not None and self.require != "at-least":
            raise ValueError(
                'at_least only applies to require = "at-least"; fix: set require = "at-least" '
                "or remove at_least"
            )
        return self
