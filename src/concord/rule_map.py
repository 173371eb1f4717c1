"""The per-rule half of the map stage: what one rule reads from each source (the dates that
date its event, the spans its patterns match), cached beside the extraction results.

A rule's reading of a source is a pure function of the source's text, the rule's settings and
the code, like extraction; caching it means a rerun over unchanged sources does no text
processing at all, only the comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from concord.cache import ExtractionCache
from concord.corpus import Source
from concord.extraction import code_fingerprint

# What a rule's description, severity and self-tests change: nothing a source gives.
_NOT_READ = {"id", "description", "severity", "examples"}


def rule_settings(rule: BaseModel) -> str:
    """The rule's settings that decide what it reads, as canonical JSON."""
    kept = {name for name in type(rule).model_fields if name not in _NOT_READ}
    return rule.model_dump_json(include=kept)


def mapped(
    rule: BaseModel,
    sources: Sequence[Source],
    cache: ExtractionCache | None,
    compute: Callable[[Sequence[Source]], list[Any]],
    own: Sequence[str] | None = None,
) -> list[Any]:
    """`compute(sources)` (one plain-JSON result per source), with the results of earlier runs
    taken from `cache`; `own` are per-source settings the results also depend on."""
    if cache is None:
        return compute(sources)
    own = own if own is not None else [""] * len(sources)
    shared = f"rule-map|{code_fingerprint()}|{rule_settings(rule)}"
    keys = [f"{shared}|{own_settings}" for own_settings in own]
    found = cache.get_many(
        [(source.digest, key) for source, key in zip(sources, keys, strict=True)]
    )
    missing = [index for index, result in enumerate(found) if result is None]
    if missing:
        computed = compute([sources[index] for index in missing])
        for index, result in zip(missing, computed, strict=True):
            found[index] = result
        cache.put_many((sources[index].digest, keys[index], found[index]) for index in missing)
    return found
