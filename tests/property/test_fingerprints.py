"""A finding's fingerprint survives edits elsewhere in its source: lines inserted above or below
it, or other sources added, leave it unchanged; so waivers and code-scanning dashboards keep
tracking it."""

from __future__ import annotations

import re
from dataclasses import fields

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.compare.names import check_names
from concord.corpus import Corpus
from concord.engine import run_rule
from concord.findings import Location
from concord.rules import NameRule
from concord.rules import Person

RULE = NameRule(
    id="names", kind="name", description="d", people=[Person(name="Qin Gang", family="Qin")]
)
FAULT = "When Blinken spoke to Gang, he smiled."
lines = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", min_size=0, max_size=60), max_size=6
)


def _fingerprints(text: str) -> list[str]:
    corpus = Corpus.from_texts({"a": text, "b": "Qin Gang arrived."})
    return [finding.fingerprint for finding in check_names(RULE, corpus)]


@given(above=lines, below=lines)
@settings(max_examples=200)
def test_inserted_lines_elsewhere_leave_the_fingerprint_alone(
    above: list[str], below: list[str]
) -> None:
    original = f"Qin Gang arrived.\n{FAULT}\n"
    edited = "\n".join(["Qin Gang arrived.", *above, FAULT, *below]) + "\n"
    assert _fingerprints(edited) == _fingerprints(original)
    assert len(_fingerprints(original)) == 1


def test_the_same_fault_twice_in_one_source_gets_two_fingerprints() -> None:
    corpus = Corpus.from_texts({"a": f"Qin Gang arrived.\n{FAULT}\n{FAULT}\n"})
    findings = run_rule(RULE, corpus)
    assert len(findings) == 2
    assert findings[0].fingerprint != findings[1].fingerprint


_LOCATION_FIELDS = [field.name for field in fields(Location)]
_SPACES = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000ab‖"


@given(
    text=st.text(alphabet=_SPACES, min_size=1, max_size=80) | st.text(min_size=1, max_size=80),
    cut=st.tuples(st.floats(0, 1), st.floats(0, 1)),
)
@settings(max_examples=2000)
def test_a_context_folds_whitespace_as_the_regex_did(text: str, cut: tuple[float, float]) -> None:
    # Fingerprints hash the context: the way it is folded must never change.
    source = Corpus.from_texts({"a": text}).sources[0]
    start, end = sorted(int(value * len(text)) for value in cut)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[max(line_start, start - 24) : start]
    after = text[end : min(line_end, end + 24)]
    expected = re.sub(r"\s+", " ", before + "\u2016" + after).strip()
    location = Location.of_span(source, start, end, "a note")
    assert location.context == expected
    # Made without `__init__`, it is the location `__init__` makes of the same fields.
    made = Location(**{name: getattr(location, name) for name in _LOCATION_FIELDS})
    assert (location, hash(location), repr(location)) == (made, hash(made), repr(made))
    assert location.note == "a note"
