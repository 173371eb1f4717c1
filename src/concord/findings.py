"""Findings: what a rule reports, with exact locations, in a stable order, with fingerprints."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import replace
from functools import cached_property
from typing import Any

from concord.corpus import Source
from concord.rules import Severity

_CONTEXT_CHARS = 24


@dataclass(frozen=True)
class Location:
    """An exact span of a source. Lines and columns are 1-based; `end_column` is exclusive."""

    source: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    context: str  # the words around the span, for fingerprints that survive moved lines
    note: str = ""  # what this span says, e.g. the interval a date resolves to

    @classmethod
    def of_span(cls, source: Source, start: int, end: int, note: str = "") -> Location:
        text = source.text
        line, column = source.position(start)
        end_line, end_column = source.position(end)
        # The context stops at the line's ends, so that edits to other lines leave it alone.
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        before = text[max(line_start, start - _CONTEXT_CHARS) : start]
        after = text[end : min(line_end, end + _CONTEXT_CHARS)]
        # Runs of whitespace made one space, and none at the ends, as `re.sub(r"\s+", " ", …)`
        # and `strip` would give (`str.split` and `\s` share one definition of whitespace), in
        # a sixth of the time; tests/property/test_fingerprints.py checks that they agree.
        context = " ".join(f"{before}\u2016{after}".split())
        # Not through the frozen dataclass's `__init__`, which sets each field with
        # `object.__setattr__`: a cold run at 10,000 documents locates 68,000 spans.
        location = object.__new__(cls)
        location.__dict__.update(
            source=source.id,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=text[start:end],
            context=context,
            note=note,
        )
        return location

    def with_note(self, note: str) -> Location:
        return replace(self, note=note)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
        }
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class FindingText:
    """What a finding says, apart from where: a finding's, and a reduce's draft's
    (`concord.reduce.Draft`), which points at character spans until it is located."""

    rule: str
    kind: str
    severity: Severity
    code: str
    message: str
    expected: str


@dataclass(frozen=True)
class Finding(FindingText):
    """One violation of one rule. `locations[0]` is where it is reported."""

    locations: tuple[Location, ...]
    occurrence: int = 0  # the n-th finding that would otherwise share a fingerprint

    @cached_property
    def fingerprint(self) -> str:
        """Stable across runs and across unrelated edits (no line numbers go into it)."""
        digest = hashlib.sha256()
        if self.occurrence:
            digest.update(f"#{self.occurrence}\x1f".encode())
        for part in (self.rule, self.code, self.expected):
            digest.update(part.encode())
            digest.update(b"\x1f")
        for location in self.locations:
            for part in (location.source, location.text, location.context):
                digest.update(part.encode())
                digest.update(b"\x1f")
        return digest.hexdigest()[:32]

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        first = self.locations[0]
        return (first.source, first.line, first.column, self.code, self.message)

    def to_json(self) -> dict[str, Any]:
        """The finding as the JSON report has it. Built once: callers must not change it."""
        return self._json

    @cached_property
    def _json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "expected": self.expected,
            "fingerprint": self.fingerprint,
            "locations": [location.to_json() for location in self.locations],
        }


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda finding: finding.sort_key)
