"""The `date` kind: the sources agree on when an event happens."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field
from pydantic import model_validator

from concord.rules.common import RuleBase
from concord.rules.common import Severity

DatePolicy = Literal["overlap", "same", "within"]
Consensus = Literal["all-agree", "majority", "reference"]
DateScope = Literal["clause", "sentence"]
WeekStart = Literal["monday", "sunday"]

_WITHIN = re.compile(r"^\s*(?P<count>[0-9]+)\s*(?P<unit>days?|weeks?)\s*$")


class DateRule(RuleBase):
    """Every source dates one event to days that agree.

    Anti-pattern: one source says the visit is "next week" (June 19-25) while another, published
    the same day, says "this weekend" (June 17-18).
    Best practice: every date given for the visit shares at least one day.
    """

    kind: Literal["date"]
    event: str | None = Field(
        default=None,
        description="A short name for the event, used in messages, e.g. \"Blinken's visit to "
        'China". Defaults to the rule id.',
    )
    triggers: list[str] = Field(
        min_length=1,
        description='Words or phrases that name the event: "visit", "trip", "be in China". '
        "Matched without case; each word written in small letters also matches its regular "
        "inflections (visits, visited, visiting; arrived, arrival; travelled), so "
        '"state visit" also matches "states visiting"; "*" stands for any letters ("arriv*").',
    )
    subject: list[str] = Field(
        default_factory=list,
        description='Who the event is about, e.g. ["Blinken"]. When set, a trigger only counts '
        "when the nearest name before it (or the person a pronoun stands for) is one of these.",
    )
    exclude: list[str] = Field(
        default_factory=list,
        description='Words that mark another event in the same clause: "postpone*", "cancel*", '
        '"earlier trip". A clause with one of them is skipped. Matched like triggers.',
    )
    scope: DateScope = Field(
        default="clause",
        description="How close a date must be to a trigger. `clause`: in the same clause, "
        'with no other verb between them ("said on Wednesday, confirming the trip" dates the '
        "statement). `sentence`: anywhere in the same sentence.",
    )
    policy: DatePolicy = Field(
        default="overlap",
        description="What agreement means. `overlap`: all dates share at least one day. "
        "`same`: all dates are equal once widened to the coarser one's unit (week, month...). "
        "`within`: no two dates are more than `within` apart.",
    )
    within: str | None = Field(
        default=None,
        description='The largest gap allowed with policy = "within", e.g. "2 days" or "1 week".',
    )
    consensus: Consensus = Field(
        default="all-agree",
        description="Who is measured against whom. `all-agree`: every date against every other, "
        "one finding when they do not agree. `majority`: the date most sources give is the "
        "truth, and each source whose date does not agree with it gets a finding. `reference`: "
        "the `reference` source's date is the truth.",
    )
    reference: str | None = Field(
        default=None, description='With consensus = "reference": the trusted source\'s id.'
    )
    week_start: WeekStart = Field(
        default="monday",
        description='First day of a week for "this week" and "next week": ISO `monday`, or '
        "`sunday`.",
    )
    unresolved_severity: Severity = Field(
        default="warning",
        description="Severity of an in-scope date that cannot be placed on the calendar "
        "(a relative date in a source with no publication date).",
    )

    @model_validator(mode="after")
    def _within_goes_with_its_policy(self) -> DateRule:
        if self.consensus == "reference" and self.reference is None:
            raise ValueError(
                'consensus = "reference" needs the trusted source; '
                'fix: add reference = "<source id>"'
            )
        if self.policy == "within" and self.within is None:
            raise ValueError('policy = "within" needs the largest gap; fix: add within = "2 days"')
        if self.within is not None:
            if self.policy != "within":
                raise ValueError(
                    f'within = "{self.within}" only applies to policy = "within"; '
                    'fix: set policy = "within" or remove within'
                )
            if _WITHIN.match(self.within) is None:
                raise ValueError(
                    f'within = "{self.within}" is not a number of days or weeks; '
                    'fix: write it like "2 days" or "1 week"'
                )
        for field_name, words in (("triggers", self.triggers), ("exclude", self.exclude)):
            for word in words:
                if not word.strip() or not re.search(r"\w", word):
                    raise ValueError(
                        f"{field_name} has an empty entry {word!r}; fix: write a word or phrase"
                    )
        return self

    @property
    def within_days(self) -> int:
        """The allowed gap in days: 0 unless policy = "within"."""
        if self.within is None:
            return 0
        match = _WITHIN.match(self.within)
        assert match is not None  # checked when the rule was loaded
        count = int(match.group("count"))
        return count * 7 if match.group("unit").startswith("week") else count

    @property
    def event_name(self) -> str:
        return self.event or self.id
