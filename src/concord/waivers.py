"""Which findings the waivers accept, which waivers are stale, which have expired."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field

from concord.config import LoadedWaiver
from concord.findings import Finding


@dataclass
class WaiverOutcome:
    """The findings of one rule, split by the waivers that name the rule."""

    open: list[Finding] = field(default_factory=list)
    waived: list[tuple[Finding, LoadedWaiver]] = field(default_factory=list)
    stale: list[LoadedWaiver] = field(default_factory=list)
    expired: list[LoadedWaiver] = field(default_factory=list)


def apply_waivers(
    rule_id: str, findings: Sequence[Finding], waivers: Sequence[LoadedWaiver], today: dt.date
) -> WaiverOutcome:
    outcome = WaiverOutcome()
    mine = [item for item in waivers if item.waiver.rule == rule_id]
    active = [item for item in mine if item.waiver.expires is None or item.waiver.expires >= today]
    outcome.expired = [item for item in mine if item not in active]
    used: set[int] = set()
    for finding in findings:
        match = next((item for item in active if waives(item, finding)), None)
        if match is None:
            outcome.open.append(finding)
        else:
            outcome.waived.append((finding, match))
            used.add(id(match))
    outcome.stale = [item for item in active if id(item) not in used]
    return outcome


def waives(item: LoadedWaiver, finding: Finding) -> bool:
    waiver = item.waiver
    if waiver.rule != finding.rule:
        return False
    if not any(location.source in waiver.sources for location in finding.locations):
        return False
    if waiver.fingerprint is not None and waiver.fingerprint != finding.fingerprint:
        return False
    if waiver.match is not None:
        texts = [finding.message, *(location.text for location in finding.locations)]
        return any(waiver.match in text for text in texts)
    return True
