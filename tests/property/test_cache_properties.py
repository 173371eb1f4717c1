"""Property: what a source yields is the same whether it was extracted now or read back from
the cache, for every fact kind and for every rule's reading of it."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import settings

from concord.cache import ExtractionCache
from concord.config import load_rules
from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import run_rule
from concord.extraction import Extraction
from concord.extraction import date_settings
from concord.extraction import extract
from concord.rules import NameRule
from tests.generated import corpora
from tests.helpers import ROOT

RULES = load_rules(ROOT / "rules.toml").document.rules
PEOPLE = [person for rule in RULES if isinstance(rule, NameRule) for person in rule.people]
NAMES = next(rule for rule in RULES if isinstance(rule, NameRule))
EXTRACTIONS = {
    "names": Extraction.names(PEOPLE, NAMES.max_edits, NAMES.min_misspelling_length),
    "dates": Extraction.dates("monday"),
    "quotes": Extraction.quotes(PEOPLE),
}


@given(generated=corpora)
@settings(max_examples=25, deadline=None)
def test_extraction_is_the_same_cached_or_not(
    generated: tuple[dict[str, str], dict[str, dt.date]],
) -> None:
    corpus = Corpus.from_texts(*generated)
    own = {"dates": [date_settings(source) for source in corpus]}
    with tempfile.TemporaryDirectory() as folder:
        for kind, extraction in EXTRACTIONS.items():
            fresh = extract(extraction, corpus.sources, None, None, own.get(kind))
            storing = ExtractionCache(Path(folder))
            assert extract(extraction, corpus.sources, storing, None, own.get(kind)) == fresh
            reading = ExtractionCache(Path(folder))
            assert extract(extraction, corpus.sources, reading, None, own.get(kind)) == fresh
            assert (reading.hits, reading.misses, reading.rebuilt) == (len(corpus), 0, 0)


@given(generated=corpora)
@settings(max_examples=15, deadline=None)
def test_every_rule_finds_the_same_from_the_cache(
    generated: tuple[dict[str, str], dict[str, dt.date]],
) -> None:
    corpus = Corpus.from_texts(*generated)
    fresh = {rule.id: run_rule(rule, corpus, RunContext.of(RULES)) for rule in RULES}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(2):  # the run that stores, then the run that reads
            cache = ExtractionCache(Path(folder))
            context = RunContext.of(RULES, cache)
            assert {rule.id: run_rule(rule, corpus, context) for rule in RULES} == fresh
        assert cache.misses == 0
