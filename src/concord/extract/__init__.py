"""Extractors: text in, facts with exact spans out. Each is usable on its own."""

from __future__ import annotations

from concord.extract.dateline import Dateline
from concord.extract.dateline import find_dateline
from concord.extract.names import NameMention
from concord.extract.names import names
from concord.extract.quotations import Quote
from concord.extract.quotations import quotes
from concord.extract.temporal import Duration
from concord.extract.temporal import Interval
from concord.extract.temporal import TemporalFact
from concord.extract.temporal import dates

__all__ = [
    "Dateline",
    "Duration",
    "Interval",
    "NameMention",
    "Quote",
    "TemporalFact",
    "dates",
    "find_dateline",
    "names",
    "quotes",
]
