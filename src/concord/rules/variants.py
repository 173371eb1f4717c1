"""The `variants` kind: declared spellings of one word are not mixed across the corpus."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.rules.common import RuleBase
from concord.rules.common import StrictModel

VariantsPolicy = Literal["all-agree", "majority", "reference"]


class VariantGroup(StrictModel):
    """Spellings of one word: "adviser" and "advisor", "US" and "U.S."."""

    variants: list[str] = Field(
        min_length=2, description='The spellings, e.g. ["adviser", "advisor"].'
    )
    preferred: str | None = Field(
        default=None,
        description="The spelling to use; every other one is a finding. Without it, the "
        "rule's policy decides.",
    )
    case_sensitive: bool | None = Field(
        default=None,
        description="Match case exactly. By default, case matters only for variants with two "
        'capitals or more ("US" is not "us").',
    )

    @model_validator(mode="after")
    def _preferred_is_a_variant(self) -> VariantGroup:
        if self.preferred is not None and self.preferred not in self.variants:
            raise ValueError(
                f"preferred = {self.preferred!r} is not one of the variants {self.variants}; "
                "fix: add it to `variants`, or correct it"
            )
        if len(set(self.variants)) != len(self.variants):
            raise ValueError("a variant is listed twice; fix: list each spelling once")
        for variant in self.variants:
            if not variant.strip():
                raise ValueError("a variant is empty; fix: write the spelling")
        return self


class VariantsRule(RuleBase):
    """Each group's spellings are not mixed across the corpus (Vale's `consistency`, across
    documents).

    Anti-pattern: "national security advisor" in two sources, "adviser" in a third.
    Best practice: one spelling everywhere.
    """

    kind: Literal["variants"]
    groups: list[VariantGroup] = Field(
        min_length=1, description="The word families, one [[rules.groups]] table each."
    )
    policy: VariantsPolicy = Field(
        default="all-agree",
        description="Without a `preferred` spelling: `all-agree` reports a group whose "
        "spellings are mixed, once, listing each with its sources; `majority` takes the spelling "
        "most sources use and reports each other source; `reference` takes the spelling of the "
        "`reference` source.",
    )
    reference: str | None = Field(
        default=None, description='With policy = "reference": the trusted source\'s id.'
    )

    @model_validator(mode="after")
    def _reference_goes_with_its_policy(self) -> VariantsRule:
        if self.policy == "reference" and self.reference is None:
            raise ValueError(
                'policy = "reference" needs the trusted source; fix: add reference = "<source id>"'
            )
        if self.reference is not None and self.policy != "reference":
            raise ValueError(
                'reference only applies to policy = "reference"; fix: set policy = "reference" '
                "or remove reference"
            )
        return self
