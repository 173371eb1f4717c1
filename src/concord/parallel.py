"""`--concord-jobs N`: the extractors run over the sources in a pool of N processes.

Extraction is a pure function of a source's text and the extractor's settings, so it maps
over sources without shared state; results come back as plain JSON data (the same form the
extraction cache stores), in the sources' order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from concord.extract.temporal import dates
from concord.extract.temporal.facts import fact_to_json

_CHUNK = 16


def date_payload(
    text: str, reference: str | None, week_start: str, date_order: str | None
) -> list[dict[str, Any]]:
    """The date facts of one text, as JSON data (module level, so a process pool can run it)."""
    day = dt.date.fromisoformat(reference) if reference else None
    return [
        fact_to_json(fact)
        for fact in dates(text, day, week_start=week_start, date_order=date_order)  # type: ignore[arg-type]
    ]


def map_sources(
    function: Callable[..., list[dict[str, Any]]], arguments: Sequence[tuple[Any, ...]], jobs: int
) -> list[list[dict[str, Any]]]:
    """`function(*arguments[i])` for every i, in `jobs` processes (in this one when jobs is 1)."""
    if jobs <= 1 or len(arguments) < 2:
        return [function(*item) for item in arguments]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(function, *zip(*arguments, strict=True), chunksize=_CHUNK))
