"""Properties of the quote reader and the `quote` rule over generated text.

- the style of the quotation marks does not change what is read, nor who said it;
- a verbatim fragment of a quote (a truncation, or a part with an ellipsis gap) is always
  consistent with it;
- changing one content word in one source's copy always yields exactly one finding, at that
  place.

Generated quotes say something: at least three different content words (a run of "the and of"
is no quote anyone compares).
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.compare.quotes import check_quotes
from concord.corpus import Corpus
from concord.extract import quotes
from concord.lexicon import FUNCTION_WORDS
from concord.rules import Person
from concord.rules import QuoteRule

PEOPLE = [
    Person(name="Qin Gang", family="Qin"),
    Person(name="Wang Yi", family="Wang"),
    Person(name="Antony Blinken", family="Blinken"),
]
RULE = QuoteRule(id="quotes", kind="quote", description="d")
WORDS = (
    "relations have encountered new difficulties and challenges the responsibility is clear "
    "we will continue to press for open lines of communication between our two countries "
    "stability matters more than ever for trade security climate cooperation"
).split()
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("“", '"')]
ATTRIBUTIONS = [
    "{q}, {name} said.",
    "{q}, said {name}.",
    "{name} said: {q}",
    "{name} told reporters: {q}",
]

CONTENT_WORDS = [word for word in WORDS if word not in FUNCTION_WORDS]


def _has_content(words: list[str]) -> bool:
    """A quote says something: at least three different content words."""
    return len({word for word in words if word in CONTENT_WORDS}) >= 3


word_lists = st.lists(st.sampled_from(WORDS), min_size=6, max_size=18).filter(_has_content)
contents = word_lists.map(" ".join)
speakers = st.sampled_from(["Qin", "Wang", "Blinken"])


def _quoted(content: str, marks: tuple[str, str], name: str, form: str) -> str:
    opening, closing = marks
    return form.format(q=f"{opening}{content}{closing}", name=name)


@given(
    content=contents,
    name=speakers,
    form=st.sampled_from(ATTRIBUTIONS),
    style=st.sampled_from(MARKS),
)
@settings(max_examples=200)
def test_the_mark_style_changes_neither_the_words_nor_the_speaker(
    content: str, name: str, form: str, style: tuple[str, str]
) -> None:
    reference = quotes(_quoted(content, MARKS[0], name, form), PEOPLE)
    other = quotes(_quoted(content, style, name, form), PEOPLE)
    assert [(quote.text, quote.speaker) for quote in other] == [
        (quote.text, quote.speaker) for quote in reference
    ]
    assert [quote.text for quote in reference] == [content]


@given(
    content=st.lists(st.sampled_from(WORDS), min_size=10, max_size=20).filter(_has_content),
    data=st.data(),
    name=speakers,
)
@settings(max_examples=200)
def test_a_verbatim_fragment_is_always_consistent(
    content: list[str], data: st.DataObject, name: str
) -> None:
    start = data.draw(st.integers(0, len(content) - 5))
    end = data.draw(st.integers(start + 4, len(content)))
    fragment = " ".join(content[start:end])
    if data.draw(st.booleans()) and end - start >= 8:
        middle = (start + end) // 2
        fragment = (
            " ".join(content[start : middle - 1]) + " … " + " ".join(content[middle + 1 : end])
        )
    corpus = Corpus.from_texts(
        {
            "a": f"“{' '.join(content)},” {name} said.",
            "b": f"“{fragment},” {name} said.",
        }
    )
    assert check_quotes(RULE, corpus, PEOPLE) == []


@given(
    content=st.lists(st.sampled_from(WORDS), min_size=8, max_size=18).filter(_has_content),
    copies=st.integers(2, 5),
    data=st.data(),
    name=speakers,
)
@settings(max_examples=200)
def test_one_changed_word_in_one_copy_is_one_finding_there(
    content: list[str], copies: int, data: st.DataObject, name: str
) -> None:
    changed_source = data.draw(st.integers(0, copies - 1))
    position = data.draw(st.integers(0, len(content) - 1))
    replacement = data.draw(st.sampled_from(["tariffs", "sanctions", "summits"]))
    changed = list(content)
    changed[position] = replacement
    texts = {
        f"s{index}": "Officials spoke. “{},” {} said.".format(
            " ".join(changed if index == changed_source else content), name
        )
        for index in range(copies)
    }
    findings = check_quotes(RULE, Corpus.from_texts(texts), PEOPLE)
    assert len(findings) == 1
    (finding,) = findings
    assert finding.code == "quote-wording"
    changed_locations = [
        location for location in finding.locations if location.note.startswith("differs")
    ]
    if copies > 2:
        assert [location.source for location in changed_locations] == [f"s{changed_source}"]
    # The changed word stands inside a deletion or an insertion of the word diff (difflib may
    # group it with its neighbours when the same word repeats).
    marked = re.findall(r"\[-(.*?)-\]|\{\+(.*?)\+\}", finding.message)
    assert any(replacement in removed or replacement in added for removed, added in marked)
