"""The `number` kind: a number stated for the same thing agrees across sources."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.patterns import check_patterns
from concord.rules.common import RuleBase

NumberPolicy = Literal["all-agree", "majority", "reference"]
_TOLERANCE = re.compile(r"^\s*(?P<amount>\d+(?:\.\d+)?)\s*(?P<percent>%)?\s*$")


class NumberRule(RuleBase):
    """The sources give the same number for the same thing, hedges and tolerance allowed.

    Anti-pattern: one report of an accident says "25 hurt", another "27 hurt".
    Best practice: one count, or counts within the declared tolerance ("nearly 30" and "27"
    agree).
    """

    kind: Literal["number"]
    patterns: list[str] = Field(
        min_length=1,
        description="Regular expressions (RE2 syntax), each with a group `value` that captures "
        'the number phrase: "(?P<value>[0-9,]+|[a-z-]+) (?:people )?hurt". Digits, words '
        '("twenty-five") and hedges ("nearly", "more than", "at least", "about") are read.',
    )
    ignore_case: bool = Field(default=True, description="Match the patterns without case.")
    tolerance: str = Field(
        default="0",
        description='How far apart two numbers may be and still agree: an amount ("2") or a '
        'share of the larger ("5%").',
    )
    policy: NumberPolicy = Field(
        default="all-agree",
        description="`all-agree`: one finding when any two numbers disagree, listing each; "
        "`majority`: the number most sources give wins, each other source is reported; "
        "`reference`: the `reference` source's number wins.",
    )
    reference: str | None = Field(
        default=None, description='With policy = "reference": the trusted source\'s id.'
    )

    @model_validator(mode="after")
    def _patterns_and_tolerance(self) -> NumberRule:
        check_patterns(self.patterns, ignore_case=self.ignore_case, needs_value=True)
        if _TOLERANCE.match(self.tolerance) is None:
            raise ValueError(
                f'tolerance = "{self.tolerance}" is neither an amount nor a share; '
                'fix: write it like "2" or "5%"'
            )
        if self.policy == "reference" and self.reference is None:
            raise ValueError(
                'policy = "reference" needs the trusted source; fix: add reference = "<source id>"'
            )
        return self

    def slack(self, larger: float) -> float:
        """The tolerance as an amount, for numbers up to `larger`."""
        match = _TOLERANCE.match(self.tolerance)
        assert match is not None  # checked when the rule was loaded
        amount = float(match.group("amount"))
        return larger * amount / 100 if match.group("percent") else amount
