"""Waivers: known, accepted findings, declared in TOML with a reason."""

from __future__ import annotations

import datetime as dt

from pydantic import Field
from pydantic import model_validator

from concord.rules.common import StrictModel


class Waiver(StrictModel):
    """Accept the findings of one rule in some sources, for a reason, until a date."""

    rule: str = Field(min_length=1, description="The id of the rule whose findings it accepts.")
    sources: list[str] = Field(
        min_length=1,
        description="Source ids (file-name stems); a finding is waived when one of its "
        "locations is in one of them.",
    )
    match: str | None = Field(
        default=None,
        description='Only findings whose text or message contains this ("Gang").',
    )
    fingerprint: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{32}$",
        description="Only the finding with this fingerprint (as in reports/concord.json). "
        "`--concord-baseline-update` writes it; it survives edits elsewhere in the source.",
    )
    reason: str = Field(min_length=1, description="Why the finding is accepted. Required.")
    owner: str | None = Field(default=None, description="Who answers for it.")
    expires: dt.date | None = Field(
        default=None,
        description="After this date the waiver no longer waives (a TOML date, 2027-01-31).",
    )

    @model_validator(mode="after")
    def _reason_says_something(self) -> Waiver:
        if not self.reason.strip():
            raise ValueError("reason is empty; fix: say why the finding is accepted")
        return self


class WaiversDocument(StrictModel):
    """A waivers file: `[[waivers]]` tables only."""

    waivers: list[Waiver] = Field(default_factory=list)
