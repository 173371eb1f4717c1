"""A rule's findings over a whole corpus are kept between runs: read back when nothing they
depend on changed, recomputed (with the unchanged sources' facts from the cache) when anything
did, and never trusted when damaged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord import engine
from concord import rule_results
from concord.cache import DATABASE
from concord.cache import ExtractionCache
from concord.config import load_rules
from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import run_rule
from concord.rules import NameRule
from tests.generated import FAULTS
from tests.generated import corpora
from tests.helpers import ROOT

RULES = load_rules(ROOT / "rules.toml").document.rules
PEOPLE = [person for rule in RULES if isinstance(rule, NameRule) for person in rule.people]


def _run_all(corpus: Corpus, cache: ExtractionCache | None) -> dict[str, object]:
    found: dict[str, object] = {}
    for rule in RULES:
        context = RunContext.of(RULES, cache)
        found[rule.id] = (run_rule(rule, corpus, context), dict(context.stats))
    return found


@given(generated=corpora)
@settings(max_examples=10, deadline=None)
def test_a_rerun_reads_every_rules_findings_back_without_comparing(
    generated: tuple[dict[str, str], dict[str, dt.date]],
) -> None:
    corpus = Corpus.from_texts(*generated)
    fresh = _run_all(corpus, None)
    with tempfile.TemporaryDirectory() as folder:
        assert _run_all(corpus, ExtractionCache(Path(folder))) == fresh
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(engine, "CHECKERS", {})  # any comparison would be a KeyError
            kept = _run_all(Corpus.from_texts(*generated), ExtractionCache(Path(folder)))
    assert kept == fresh
    for findings, _ in kept.values():  # type: ignore[misc]
        for finding in findings:  # the kept fingerprint and JSON are those of these fields
            remade = dataclasses.replace(finding)
            assert finding.fingerprint == remade.fingerprint
            assert finding.to_json() == remade.to_json()


@given(generated=corpora, data=st.data())
@settings(max_examples=10, deadline=None)
def test_a_changed_source_is_found_by_every_rule_again(
    generated: tuple[dict[str, str], dict[str, dt.date]], data: st.DataObject
) -> None:
    """Mutation: an inconsistency injected into one source after a cached run is found, the
    rerun finds exactly what an uncached run finds, and only that source is read again."""
    texts, published = generated
    changed = data.draw(st.sampled_from(sorted(texts)))
    fault = data.draw(st.sampled_from(sorted(FAULTS)))
    mutated = {**texts, changed: texts[changed] + "\n" + FAULTS[fault] + "\n"}
    with tempfile.TemporaryDirectory() as folder:
        _run_all(Corpus.from_texts(texts, published), ExtractionCache(Path(folder)))
        cache = ExtractionCache(Path(folder))
        rerun = _run_all(Corpus.from_texts(mutated, published), cache)
    assert rerun == _run_all(Corpus.from_texts(mutated, published), None)
    # Each name rule reads names once per source: the unchanged ones come from the cache.
    assert cache.hits >= len(texts) - 1
    # A lone given name is a fault only in a source that names the person otherwise.
    if fault == "name" and "Qin" in texts[changed]:
        given_name = [
            finding
            for findings, _ in rerun.values()  # type: ignore[misc]
            for finding in findings
            if finding.code == "given-name" and finding.locations[0].source == changed
        ]
        assert given_name, "the injected given name was not found"


def test_the_key_follows_what_the_findings_depend_on() -> None:
    rule = next(rule for rule in RULES if rule.kind == "date")
    corpus = Corpus.from_texts({"a": "Blinken will visit Beijing on Sunday."})
    key = rule_results.result_key(rule, corpus, PEOPLE)
    assert rule_results.result_key(rule, corpus, PEOPLE) == key
    changes = [
        rule_results.result_key(rule, Corpus.from_texts({"a": "Blinken visits Monday."}), PEOPLE),
        rule_results.result_key(
            rule,
            Corpus.from_texts(
                {"a": "Blinken will visit Beijing on Sunday."}, {"a": dt.date(2023, 6, 14)}
            ),
            PEOPLE,
        ),
        rule_results.result_key(
            rule, Corpus.from_texts({"b": "Blinken will visit Beijing on Sunday."}), PEOPLE
        ),
        rule_results.result_key(rule.model_copy(update={"severity": "warning"}), corpus, PEOPLE),
        rule_results.result_key(rule, corpus, PEOPLE[:1]),
    ]
    assert key not in changes
    assert len(set(changes)) == len(changes)
    # A rule's own examples are not about the corpus.
    assert rule_results.result_key(rule.model_copy(update={"examples": []}), corpus, PEOPLE) == key


def test_a_damaged_result_is_recomputed_not_trusted(tmp_path: Path) -> None:
    rule = next(rule for rule in RULES if rule.kind == "name")
    corpus = Corpus.from_texts({"a": "Qin Gang met Blinken. Gang said no.", "b": "Qin spoke."})
    fresh = run_rule(rule, corpus, RunContext.of(RULES))
    assert fresh, "the example must have a finding for the test to mean anything"
    run_rule(rule, corpus, RunContext.of(RULES, ExtractionCache(tmp_path)))
    with sqlite3.connect(tmp_path / DATABASE) as connection:
        connection.execute("UPDATE entries SET payload = CAST('{\"findings\": []' AS BLOB)")
    cache = ExtractionCache(tmp_path)
    assert run_rule(rule, corpus, RunContext.of(RULES, cache)) == fresh
    assert cache.rebuilt >= 1


def test_a_kept_finding_is_the_finding_it_was_made_from_and_builds_its_locations_when_asked(
    tmp_path: Path,
) -> None:
    import pickle

    from tests.generated import SEEDS

    corpus = Corpus.from_texts(SEEDS)
    rule = next(rule for rule in RULES if isinstance(rule, NameRule))
    fresh = run_rule(rule, corpus, RunContext.of(RULES, ExtractionCache(tmp_path)))
    kept = run_rule(rule, corpus, RunContext.of(RULES, ExtractionCache(tmp_path)))
    assert fresh
    assert [type(finding).__name__ for finding in kept] == ["_KeptFinding"] * len(kept)
    assert all("_built_locations" not in finding.__dict__ for finding in kept)
    assert [finding.to_json() for finding in kept] == [finding.to_json() for finding in fresh]
    assert all("_built_locations" not in finding.__dict__ for finding in kept)
    for original, read_back in zip(fresh, kept, strict=True):
        assert read_back == original
        assert original == read_back
        assert hash(read_back) == hash(original)
        assert read_back.locations == original.locations
        assert repr(read_back) == repr(original)
        assert pickle.loads(pickle.dumps(read_back)) == original
        assert dataclasses.replace(read_back, occurrence=3) == dataclasses.replace(
            original, occurrence=3
        )
    assert kept[0] != dataclasses.replace(fresh[0], message="another")
