"""pytest-concord: check that several sources agree on names, dates and quotes."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING
from typing import Any

if TYPE_CHECKING:
    from concord.errors import ConcordError
    from concord.extract import NameMention
    from concord.extract import TemporalFact
    from concord.extract import dates
    from concord.extract import names
    from concord.findings import Finding
    from concord.findings import Location

# Where each name of the Python API lives. Imported when first used, not with the package:
# pytest imports the package to load the plugin, and a rerun that reads every rule's findings
# back never needs the extractors.
_EXPORTS = {
    "ConcordError": "concord.errors",
    "Finding": "concord.findings",
    "Location": "concord.findings",
    "NameMention": "concord.extract",
    "TemporalFact": "concord.extract",
    "dates": "concord.extract",
    "names": "concord.extract",
}

__all__ = [
    "ConcordError",
    "Finding",
    "Location",
    "NameMention",
    "TemporalFact",
    "dates",
    "names",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'concord' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
