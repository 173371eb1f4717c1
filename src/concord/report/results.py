"""What one run produced: per-rule results, in the wire form items send to the controller.

Under pytest-xdist a rule runs on a worker; its result travels to the controller as plain JSON
on the test report, so this module defines that form once.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Literal

Outcome = Literal["passed", "failed", "waived", "error"]


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule and its findings, as JSON-ready dicts."""

    rule: str
    kind: str
    description: str
    severity: str
    outcome: Outcome
    findings: tuple[dict[str, Any], ...]
    stale_waivers: tuple[dict[str, Any], ...] = ()
    expired_waivers: tuple[dict[str, Any], ...] = ()

    @property
    def open_findings(self) -> list[dict[str, Any]]:
        return [finding for finding in self.findings if "waived" not in finding]

    def to_wire(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "description": self.description,
            "severity": self.severity,
            "outcome": self.outcome,
            "findings": list(self.findings),
            "stale_waivers": list(self.stale_waivers),
            "expired_waivers": list(self.expired_waivers),
        }

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> RuleResult:
        return cls(
            rule=data["rule"],
            kind=data["kind"],
            description=data["description"],
            severity=data["severity"],
            outcome=data["outcome"],
            findings=tuple(data["findings"]),
            stale_waivers=tuple(data.get("stale_waivers", ())),
            expired_waivers=tuple(data.get("expired_waivers", ())),
        )


@dataclass
class RunResults:
    """Everything the report writers need; counts are derived, never stored twice."""

    results: dict[str, RuleResult] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, result: RuleResult) -> None:
        self.results[result.rule] = result

    @property
    def rules(self) -> list[RuleResult]:
        return sorted(self.results.values(), key=lambda result: result.rule)

    @property
    def findings(self) -> list[dict[str, Any]]:
        return [finding for result in self.rules for finding in result.findings]

    def count(self, severity: str) -> int:
        """Open (unwaived) findings of this severity."""
        return sum(
            1
            for finding in self.findings
            if finding["severity"] == severity and "waived" not in finding
        )

    @property
    def waived(self) -> int:
        return sum(1 for finding in self.findings if "waived" in finding)

    @property
    def stale_waivers(self) -> list[dict[str, Any]]:
        return [waiver for result in self.rules for waiver in result.stale_waivers]

    @property
    def expired_waivers(self) -> list[dict[str, Any]]:
        return [waiver for result in self.rules for waiver in result.expired_waivers]

    @property
    def is_empty(self) -> bool:
        return not self.results and not self.errors
