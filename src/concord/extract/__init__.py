"""Extractors: text in, facts with exact spans out. Each is usable on its own."""

from __future__ import annotations

from concord.extract.dateline import Dateline
from concord.extract.dateline import find_dateline
from concord.extract.names import NameMention
from concord.extract.names import names

__all__ = ["Dateline", "NameMention", "find_dateline", "names"]
