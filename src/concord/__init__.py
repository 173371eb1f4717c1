"""pytest-concord: check that several sources agree on names, dates and quotes."""

from __future__ import annotations

from concord.errors import ConcordError
from concord.extract import NameMention
from concord.extract import TemporalFact
from concord.extract import dates
from concord.extract import names
from concord.findings import Finding
from concord.findings import Location

__all__ = [
    "ConcordError",
    "Finding",
    "Location",
    "NameMention",
    "TemporalFact",
    "dates",
    "names",
]
