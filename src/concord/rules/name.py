"""The `name` kind: each declared person is spelt one way, and called by the family name."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.rules.common import RuleBase
from concord.rules.common import StrictModel

NameOrder = Literal["family-first", "family-last"]
NameCheck = Literal["given-name", "misspelling", "order", "mixed-forms"]
ALL_NAME_CHECKS: tuple[NameCheck, ...] = ("given-name", "misspelling", "order", "mixed-forms")


class Person(StrictModel):
    """A person whose name must be written consistently."""

    name: str = Field(min_length=1, description='The full name as written, e.g. "Qin Gang".')
    family: str = Field(
        min_length=1,
        description='The family name, one of the words of `name`: "Qin" for Qin Gang.',
    )
    order: NameOrder | None = Field(
        default=None,
        description="Where the family name stands; derived from `name` and `family` when omitted.",
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other accepted spellings of the full name, in the same name order. "
        "Mixing them across sources is reported by the `mixed-forms` check.",
    )
    titles: list[str] = Field(
        default_factory=list,
        description='Words that may stand before the name, e.g. "Secretary", "Minister". '
        "Common honorifics and titles are known already.",
    )

    @model_validator(mode="after")
    def _family_is_part_of_the_name(self) -> Person:
        words = self.name.split()
        if self.family not in words:
            raise ValueError(
                f"family name {self.family!r} is not a word of name {self.name!r}; "
                f"fix: set family to one of {words}"
            )
        if len(words) > 1 and self.family not in (words[0], words[-1]):
            raise ValueError(
                f"family name {self.family!r} must be the first or the last word of "
                f"{self.name!r}; fix: write the name in its usual order"
            )
        if self.order is not None and len(words) > 1 and self.order != self.derived_order:
            raise ValueError(
                f"order = {self.order!r} contradicts name {self.name!r} with family "
                f"{self.family!r}; fix: set order = {self.derived_order!r} or drop it"
            )
        for alias in self.aliases:
            if len(alias.split()) < 2:
                raise ValueError(
                    f"alias {alias!r} is a single word; fix: aliases are full names "
                    "(the family-name short form is accepted already)"
                )
        return self

    @property
    def derived_order(self) -> NameOrder:
        return "family-first" if self.name.split()[0] == self.family else "family-last"

    @property
    def name_order(self) -> NameOrder:
        return self.order or self.derived_order


class NameRule(RuleBase):
    """Each declared person is spelt the same way everywhere and is called by the family name.

    Anti-pattern: "When Blinken spoke to Gang, ..." (Gang is Qin Gang's given name).
    Best practice: "When Blinken spoke to Qin, ...".
    """

    kind: Literal["name"]
    people: list[Person] = Field(
        min_length=1, description="The people to check, one [[rules.people]] table each."
    )
    checks: list[NameCheck] = Field(
        default_factory=lambda: list(ALL_NAME_CHECKS),
        description="Which checks run: given-name, misspelling, order, mixed-forms.",
    )
    max_edits: int | None = Field(
        default=None,
        ge=1,
        le=3,
        description="Largest edit distance that counts as a misspelling; by default 1 for "
        "words of up to 8 letters and 2 for longer ones.",
    )
    min_misspelling_length: int = Field(
        default=5,
        ge=3,
        description="Shorter name parts are never fuzzy-matched: Wang and Wong are two names.",
    )
