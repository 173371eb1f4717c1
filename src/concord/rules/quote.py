"""The `quote` kind: an attributed quote reads the same, and is given to the same speaker,
everywhere."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.rules.common import RuleBase

QuoteCheck = Literal["wording", "speaker"]
QuoteUnit = Literal["quote", "sentence"]
QuoteConsensus = Literal["all-agree", "majority", "reference"]
ALL_QUOTE_CHECKS: tuple[QuoteCheck, ...] = ("wording", "speaker")


class QuoteRule(RuleBase):
    """The same quote has the same words and the same speaker in every source.

    Anti-pattern: one source quotes Daniel Kritenbrink as "We're not going to Beijing with the
    intent of having some sort of breakthrough", another as "We are not going to Beijing with
    the intention of making breakthroughs".
    Best practice: every source quotes the same words, or a verbatim part of them.
    """

    kind: Literal["quote"]
    speakers: list[str] = Field(
        default_factory=list,
        description='Whose quotes to check, as declared in a `name` rule ("Qin Gang") or as '
        'written ("the State Department"). Empty: everyone\'s.',
    )
    checks: list[QuoteCheck] = Field(
        default_factory=lambda: list(ALL_QUOTE_CHECKS),
        description="`wording`: the same quote worded differently. `speaker`: the same quote "
        "given to different speakers.",
    )
    unit: QuoteUnit = Field(
        default="quote",
        description="What is compared: each whole `quote`, or each `sentence` of a quote "
        "(stricter: a sentence quoted on its own must match a sentence of the fuller version).",
    )
    consensus: QuoteConsensus = Field(
        default="all-agree",
        description="Which version the others are diffed against: with `all-agree` and "
        "`majority`, the version most sources give; with `reference`, the `reference` "
        "source's version. Either way one finding per quote lists every version.",
    )
    reference: str | None = Field(
        default=None, description='With consensus = "reference": the trusted source\'s id.'
    )
    min_words: int = Field(
        default=4,
        ge=2,
        description='Shorter quotes are left out: two or three words ("show respect") are too '
        "few to tell one quote from another.",
    )
    min_overlap: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="Two versions are the same quote when the words they share, in order, are "
        "at least this share of the shorter one (and at least `min_words` words).",
    )

    @model_validator(mode="after")
    def _reference_goes_with_its_consensus(self) -> QuoteRule:
        if self.consensus == "reference" and self.reference is None:
            raise ValueError(
                'consensus = "reference" needs the trusted source; '
                'fix: add reference = "<source id>"'
            )
        return self
