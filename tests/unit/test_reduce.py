"""The reduce stage: what a comparison ships to a worker, and how its drafts become findings."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any

from concord.config import load_rules
from concord.context import RunContext
from concord.corpus import Corpus
from concord.engine import run_rule
from concord.findings import Location
from concord.project import ProjectCache
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import located
from concord.reduce import run_reduce
from tests.helpers import ROOT

RULES = load_rules(ROOT / "rules.toml").document.rules


class _PicklingExecutor:
    """A "cluster" of two workers in this process: every task and result goes through pickle,
    as to another machine, and each task's pickled bytes are kept to look at."""

    description = "pickling, in this process"
    workers = 2
    remote = True

    def __init__(self) -> None:
        self.shipped: list[tuple[str, bytes]] = []

    def map(self, function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        results = []
        for item in items:
            sent = pickle.dumps(item)
            self.shipped.append((function.__name__, sent))
            results.append(pickle.loads(pickle.dumps(function(pickle.loads(sent)))))
        return results

    def imap(self, function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        return iter(self.map(function, items))

    def close(self) -> None:
        pass


def _bundled() -> Corpus:
    return ProjectCache().load(ROOT / "rules.toml").corpus


def test_every_kind_reduces_through_the_executor_and_finds_the_same() -> None:
    corpus = _bundled()
    executor = _PicklingExecutor()
    in_process = RunContext.of(RULES)
    serial = {rule.id: run_rule(rule, corpus, in_process) for rule in RULES}
    context = RunContext.of(RULES, executor=executor)
    assert {rule.id: run_rule(rule, corpus, context) for rule in RULES} == serial
    assert sum(len(findings) for findings in serial.values()) > 0
    reduced = {
        pickle.loads(sent)[0].kind for name, sent in executor.shipped if name == "run_reduce"
    }
    assert (
        reduced
        == {rule.kind for rule in RULES}
        == {"name", "date", "quote", "variants", "pattern", "presence", "number"}
    )


def test_a_reduce_ships_facts_never_a_source_text() -> None:
    corpus = _bundled()
    executor = _PicklingExecutor()
    context = RunContext.of(RULES, executor=executor)
    for rule in RULES:
        run_rule(rule, corpus, context)
    tasks = [sent for name, sent in executor.shipped if name == "run_reduce"]
    assert tasks
    for source in corpus:
        # A `Source` pickled into a task would carry its whole text (and path) with it.
        whole = pickle.dumps(source.text)[2:-1]
        assert not any(whole in sent for sent in tasks), source.id
        assert not any(str(source.path).encode() in sent for sent in tasks), source.id


def test_a_place_is_located_as_its_span_with_its_note() -> None:
    corpus = Corpus.from_texts(
        {"a": "Title line\nThe visit is on June 18."}, {"a": dt.date(2023, 6, 1)}
    )
    source = corpus.sources[0]
    ref = SourceRef(0, "a")
    start = source.text.index("June 18")
    place = Place(ref, start, start + 7, "the visit")
    location = _only_location(place, corpus)
    assert location == Location.of_span(source, start, start + 7).with_note("the visit")
    assert (location.line, location.column, location.text) == (2, 17, "June 18")
    assert _only_location(Place(ref, start, start + 7), corpus).note == ""


def test_a_place_without_an_end_is_the_source_first_line() -> None:
    corpus = Corpus.from_texts({"a": "Title line\nBody."}, {"a": dt.date(2023, 6, 1)})
    location = _only_location(Place(SourceRef(0, "a"), 0, None, "not found"), corpus)
    assert (location.line, location.column, location.end_column) == (1, 1, 11)
    assert (location.text, location.note) == ("Title line", "not found")
    empty_first = Corpus.from_texts({"b": "\nBody."}, {"b": dt.date(2023, 6, 1)})
    assert _only_location(Place(SourceRef(0, "b"), 0, None), empty_first).text == "\n"


def test_run_reduce_reduces_each_group_of_a_batch_in_order() -> None:
    (variants,) = [rule for rule in RULES if rule.kind == "variants"]
    assert [group.variants for group in variants.groups] == [["adviser", "advisor"], ["US", "U.S."]]
    a, b, c = (SourceRef(index, name) for index, name in enumerate("abc"))
    one_each = ("0", [(a, [[0, 0, 7], [1, 10, 17]])])
    two_to_one = ("1", [(a, [[0, 0, 2]]), (b, [[0, 3, 5]]), (c, [[1, 5, 9]])])
    drafts = run_reduce((variants, [one_each, ("0", []), two_to_one]))
    assert [draft.code for draft in drafts] == ["mixed-variants", "variant"]
    assert drafts[0].places == (Place(a, 0, 7), Place(a, 10, 17))
    assert drafts[1].places == (Place(c, 5, 9),)
    assert drafts[1].message == (
        '"U.S." is written 1 time here; the corpus writes "US" (policy: majority)'
    )


def _only_location(place: Place, corpus: Corpus) -> Location:
    from concord.reduce import Draft

    draft = Draft("r", "presence", "error", "missing", "m", "e", (place,))
    (location,) = located(draft, corpus.sources).locations
    return location
