"""Properties of the `name` rule over generated corpora: consistent text stays silent,
an injected given-name short form is found exactly where it was put, typography is irrelevant."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.compare.names import check_names
from concord.corpus import Corpus
from concord.findings import Finding
from concord.rules import NameRule
from concord.rules import Person

PEOPLE = [
    Person(name="Qin Gang", family="Qin"),
    Person(name="Wang Yi", family="Wang"),
    Person(name="Antony Blinken", family="Blinken"),
    Person(name="Daniel Kritenbrink", family="Kritenbrink"),
    Person(name="Xi Jinping", family="Xi"),
    Person(name="Jake Sullivan", family="Sullivan"),
]
RULE = NameRule(id="names", kind="name", description="names", people=PEOPLE)

TEMPLATES = [
    "{short} told reporters the talks were {adj}.",
    "{short}'s visit was {adj}, officials said.",
    "When {short} spoke to {other}, the tone was {adj}.",
    "Officials said {short} would meet {other} on the {adj} agenda.",
    "The {adj} call between {short} and {other} lasted an hour.",
    "According to {short}, relations are {adj}.",
]
ADJECTIVES = ["tense", "candid", "constructive", "difficult", "long", "brief", "frank"]

sentences = st.tuples(
    st.sampled_from(TEMPLATES),
    st.integers(0, len(PEOPLE) - 1),
    st.integers(0, len(PEOPLE) - 1),
    st.sampled_from(ADJECTIVES),
)
documents = st.lists(sentences, min_size=1, max_size=8)
corpora = st.lists(documents, min_size=1, max_size=4)


def _text(document: list[tuple[str, int, int, str]]) -> str:
    """An introduction naming everyone in full, then sentences using family-name short forms."""
    intro = "Present were " + ", ".join(person.name for person in PEOPLE) + "."
    body = [
        template.format(short=PEOPLE[a].family, other=PEOPLE[b].family, adj=adjective)
        for template, a, b, adjective in document
    ]
    return "\n\n".join([intro, *body]) + "\n"


def _corpus(texts: list[str]) -> Corpus:
    return Corpus.from_texts({f"s{index}": text for index, text in enumerate(texts)})


def _where(findings: list[Finding]) -> list[tuple[str, str, int, int, str]]:
    return [
        (f.code, f.locations[0].source, f.locations[0].line, f.locations[0].column, f.expected)
        for f in findings
    ]


@given(corpora)
@settings(max_examples=400, deadline=None)
def test_a_consistent_corpus_has_no_finding(corpus: list[list[tuple[str, int, int, str]]]) -> None:
    assert check_names(RULE, _corpus([_text(document) for document in corpus])) == []


@given(corpora, st.data())
@settings(max_examples=400, deadline=None)
def test_one_given_name_short_form_is_one_finding_at_that_place(
    corpus: list[list[tuple[str, int, int, str]]], data: st.DataObject
) -> None:
    texts = [_text(document) for document in corpus]
    target = data.draw(st.integers(0, len(texts) - 1), label="source")
    text = texts[target]
    body_start = text.index("\n\n")
    candidates = [
        (offset, person)
        for person in PEOPLE
        for offset in _occurrences(text, person.family, body_start)
    ]
    offset, person = data.draw(st.sampled_from(candidates), label="mention")
    given_name = next(word for word in person.name.split() if word != person.family)
    texts[target] = text[:offset] + given_name + text[offset + len(person.family) :]
    line = texts[target].count("\n", 0, offset) + 1
    column = offset - (texts[target].rfind("\n", 0, offset) + 1) + 1
    findings = check_names(RULE, _corpus(texts))
    assert _where(findings) == [("given-name", f"s{target}", line, column, person.family)]
    assert findings[0].locations[0].text == given_name


@given(corpora)
@settings(max_examples=40, deadline=None)
def test_curly_and_straight_apostrophes_give_the_same_findings(
    corpus: list[list[tuple[str, int, int, str]]],
) -> None:
    texts = [_text(document).replace("Present were", "Gang's aides and") for document in corpus]
    straight = _where(check_names(RULE, _corpus(texts)))
    curly = _where(check_names(RULE, _corpus([text.replace("'", "’") for text in texts])))
    assert len(straight) == len(texts)  # each source's "Gang's" is found, either way
    assert straight == curly


def _occurrences(text: str, word: str, start: int) -> list[int]:
    """Offsets of `word` as a whole word (possessive allowed) after `start`."""
    found = []
    position = text.find(word, start)
    while position != -1:
        before = text[position - 1]
        after = text[position + len(word)]
        if not before.isalpha() and not after.isalpha():
            found.append(position)
        position = text.find(word, position + 1)
    return found
