"""What one run produced: per-rule results, in the wire form items send to the controller.

Under pytest-xdist a rule runs on a worker; its result travels to the controller as plain JSON
on the test report, so this module defines that form once.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Literal

Outcome = Literal["passed", "failed", "error"]


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule and its findings, as JSON-ready dicts."""

    rule: str
    kind: str
    description: str
    severity: str
    outcome: Outcome
    findings: tuple[dict[str, Any], ...]

    def to_wire(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "description": self.description,
            "severity": self.severity,
            "outcome": self.outcome,
            "findings": list(self.findings),
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
        return sum(1 for finding in self.findings if finding["severity"] == severity)

    @property
    def is_empty(self) -> bool:
        return not self.results and not self.errors
