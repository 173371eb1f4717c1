"""The `pattern` kind: a value captured by a pattern (or one of a list of literals) agrees
across sources."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.patterns import check_patterns
from concord.rules.common import RuleBase

Normaliser = Literal["case", "whitespace", "unicode", "digits", "punctuation"]
DEFAULT_NORMALISERS: tuple[Normaliser, ...] = ("case", "whitespace", "unicode")
PatternPolicy = Literal["all-agree", "majority", "reference"]


class PatternRule(RuleBase):
    """Every source that gives the value gives the same one.

    Anti-pattern: Daniel Kritenbrink is "the top State Department official for East Asia" in
    one source, "the State Department's top diplomat for East Asia" in another.
    Best practice: one title everywhere.
    """

    kind: Literal["pattern"]
    patterns: list[str] = Field(
        default_factory=list,
        description="Regular expressions (RE2 syntax: linear time, no look-around, no "
        "back-references), each with a named group `value` that captures what is compared.",
    )
    literals: list[str] = Field(
        default_factory=list,
        description="Or: literal texts; each one found is a value. Use for fixed alternatives.",
    )
    normalise: list[Normaliser] = Field(
        default_factory=lambda: list(DEFAULT_NORMALISERS),
        description="What is set aside before values are compared: `case`, `whitespace`, "
        "`unicode` (curly quotes, dashes, compatibility forms), `digits` (every digit is 0), "
        "`punctuation`.",
    )
    ignore_case: bool = Field(default=False, description="Match the patterns without case.")
    policy: PatternPolicy = Field(
        default="all-agree",
        description="`all-agree`: one finding listing each distinct value with its sources; "
        "`majority`: the value most sources give wins and each other source is reported; "
        "`reference`: the `reference` source's value wins.",
    )
    reference: str | None = Field(
        default=None, description='With policy = "reference": the trusted source\'s id.'
    )

    @model_validator(mode="after")
    def _patterns_compile(self) -> PatternRule:
        if not self.patterns and not self.literals:
            raise ValueError("the rule has neither patterns nor literals; fix: add one of them")
        check_patterns(self.patterns, ignore_case=self.ignore_case, needs_value=True)
        if self.policy == "reference" and self.reference is None:
            raise ValueError(
                'policy = "reference" needs the trusted source; fix: add reference = "<source id>"'
            )
        return self
