"""How findings name the sources that hold a value: sorted, and capped so that a value held by
thousands of sources does not make a message thousands of ids long."""

from __future__ import annotations

from collections.abc import Iterable

MAX_SOURCES_NAMED = 8


def named_sources(ids: Iterable[str]) -> str:
    ordered = sorted(set(ids))
    text = ", ".join(ordered[:MAX_SOURCES_NAMED])
    if len(ordered) > MAX_SOURCES_NAMED:
        text += f" and {len(ordered) - MAX_SOURCES_NAMED} more"
    return text
