"""Extractors: text in, facts with exact spans out. Each is usable on its own."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING
from typing import Any

if TYPE_CHECKING:
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

# Each name's module, imported when the name is first used: loading a corpus reads datelines
# (`concord.extract.dateline`) and should not import the name and quote readers with it.
_EXPORTS = {
    "Dateline": "concord.extract.dateline",
    "find_dateline": "concord.extract.dateline",
    "NameMention": "concord.extract.names",
    "names": "concord.extract.names",
    "Quote": "concord.extract.quotations",
    "quotes": "concord.extract.quotations",
    "Duration": "concord.extract.temporal",
    "Interval": "concord.extract.temporal",
    "TemporalFact": "concord.extract.temporal",
    "dates": "concord.extract.temporal",
}

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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'concord.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
