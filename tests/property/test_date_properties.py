"""Properties of the date extractor and the `date` rule over generated text.

- an absolute date resolves the same whatever the reference date;
- moving the reference by N weeks moves every weekday-relative interval by N weeks;
- intervals are never empty, and no text makes the extractor fail;
- date rules read together read what each reads alone;
- mutation: sources that agree stay silent; shift one source's date and the rule fires,
  naming that source.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.compare.dates import check_dates
from concord.compare.dates import date_reader
from concord.compare.dates import date_readers
from concord.config import load_rules
from concord.corpus import Corpus
from concord.extract import dates
from concord.extract.temporal.facts import fact_to_json
from concord.rules import DateRule
from tests.generated import PUBLISHED
from tests.generated import SEEDS
from tests.generated import documents
from tests.helpers import ROOT

MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

days = st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31))
references = st.one_of(st.none(), days)


def _absolute_forms(day: date) -> list[tuple[str, str]]:
    """(text, interval) pairs for the same day written in absolute forms."""
    month = MONTH_NAMES[day.month - 1]
    last_of_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return [
        (f"{month} {day.day}, {day.year}", day.isoformat()),
        (f"{day.day} {month} {day.year}", day.isoformat()),
        (day.isoformat(), day.isoformat()),
        (f"{month} {day.year}", f"{day.replace(day=1).isoformat()}..{last_of_month.isoformat()}"),
        (f"in {day.year}", f"{day.year}-01-01..{day.year}-12-31"),
    ]


@given(
    day=days,
    form=st.integers(0, 4),
    reference=references,
    lead=st.sampled_from(
        ["He arrived on", "Talks were held", "The visit is set for", "Officials said"]
    ),
)
@settings(max_examples=300)
def test_an_absolute_date_does_not_depend_on_the_reference(
    day: date, form: int, reference: date | None, lead: str
) -> None:
    text, interval = _absolute_forms(day)[form]
    facts = dates(f"{lead} {text}.", reference)
    assert [str(fact.interval) for fact in facts] == [interval]
    assert facts[0].resolution == "absolute"


WEEK_RELATIVE = [
    "He arrives tomorrow.",
    "He arrived yesterday.",
    "The visit is next week.",
    "It happened last week.",
    "This week is busy.",
    "Blinken visits this weekend.",
    "He will arrive on Friday.",
    "He arrived on Tuesday.",
    "Talks on Thursday.",
    "See you next Monday.",
    "I'll go on Friday next week.",
    "It rained earlier in the week.",
    "He left two weeks ago.",
    "the day after tomorrow",
]


@given(
    phrase=st.sampled_from(WEEK_RELATIVE),
    reference=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    weeks=st.integers(-200, 200),
    week_start=st.sampled_from(["monday", "sunday"]),
)
@settings(max_examples=300)
def test_moving_the_reference_by_weeks_moves_weekday_relative_dates_by_weeks(
    phrase: str, reference: date, weeks: int, week_start: str
) -> None:
    before = dates(phrase, reference, week_start=week_start)  # type: ignore[arg-type]
    after = dates(phrase, reference + timedelta(weeks=weeks), week_start=week_start)  # type: ignore[arg-type]
    assert len(before) == len(after) == 1
    assert before[0].interval is not None
    assert after[0].interval is not None
    shift = timedelta(weeks=weeks)
    assert after[0].interval.first == before[0].interval.first + shift
    assert after[0].interval.last == before[0].interval.last + shift


FRAGMENTS = [
    "June",
    "18",
    "-",
    "19",
    "between",
    "and",
    "from",
    "to",
    "next",
    "last",
    "this",
    "week",
    "weekend",
    "month",
    "year",
    "Sunday",
    "(",
    ")",
    ",",
    "2023",
    "14/06/2023",
    "the",
    "of",
    "early",
    "late",
    "earlier",
    "later",
    "in",
    "on",
    "May",
    "Q3",
    "two-day",
    "five",
    "years",
    "ago",
    "tomorrow",
    "first",
    "Friday",
    "31",
    "February",
    "30",
    "1949",
    "the 1970s",
    "w/c",
    "within",
    "days",
    "for",
    "starting",
    "half",
    "a",
    "fortnight",
    "mid",
    "end",
    "century",
]


@given(
    words=st.lists(st.sampled_from(FRAGMENTS), max_size=14),
    reference=references,
    week_start=st.sampled_from(["monday", "sunday"]),
    date_order=st.sampled_from([None, "DMY", "MDY"]),
)
@settings(max_examples=500)
def test_intervals_are_never_empty_and_spans_are_exact(
    words: list[str], reference: date | None, week_start: str, date_order: str | None
) -> None:
    text = " ".join(words)
    for fact in dates(text, reference, week_start=week_start, date_order=date_order):  # type: ignore[arg-type]
        assert text[fact.start : fact.end] == fact.text
        if fact.interval is not None:
            assert fact.interval.first <= fact.interval.last
        assert (
            fact.resolution == "unresolved"
            or fact.interval is not None
            or fact.duration is not None
        )


@given(text=st.text(max_size=200), reference=references)
@settings(max_examples=300)
def test_any_text_is_read_without_error(text: str, reference: date | None) -> None:
    for fact in dates(text, reference):
        assert text[fact.start : fact.end] == fact.text


RULE = DateRule(
    id="visit-dates",
    kind="date",
    description="The visit's dates agree.",
    triggers=["visit"],
    subject=["Blinken"],
)


def _sentence(visit: date, published: date, form: int) -> str:
    """One way of writing the visit's day, as seen from the publication date."""
    month = MONTH_NAMES[visit.month - 1]
    offset = (visit - published).days
    if form == 0 or not -1 <= offset <= 1:
        return f"Blinken will visit Beijing on {month} {visit.day}, {visit.year}."
    if form == 1:
        return (
            f"Blinken will visit Beijing on {WEEKDAY_NAMES[visit.weekday()]} ({month} {visit.day})."
        )
    word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
    return f"Blinken will visit Beijing {word}."


corpora = st.tuples(
    st.dates(min_value=date(2000, 1, 10), max_value=date(2090, 12, 20)),
    st.lists(st.tuples(st.integers(-1, 1), st.integers(0, 2)), min_size=2, max_size=6),
)


def _corpus(
    visit: date, shape: list[tuple[int, int]], shifted: int | None = None, by: int = 0
) -> Corpus:
    texts, published = {}, {}
    for index, (days_before, form) in enumerate(shape):
        source_id = f"s{index}"
        day = visit + timedelta(days=by) if index == shifted else visit
        published[source_id] = visit - timedelta(days=days_before)
        texts[source_id] = "Officials met on the agenda. " + _sentence(
            day, published[source_id], form
        )
    return Corpus.from_texts(texts, published)


@given(corpus=corpora)
@settings(max_examples=150)
def test_sources_that_agree_stay_silent(corpus: tuple[date, list[tuple[int, int]]]) -> None:
    visit, shape = corpus
    assert check_dates(RULE, _corpus(visit, shape)) == []


@given(corpus=corpora, data=st.data())
@settings(max_examples=150)
def test_shifting_one_source_s_date_is_found(
    corpus: tuple[date, list[tuple[int, int]]], data: st.DataObject
) -> None:
    visit, shape = corpus
    shifted = data.draw(st.integers(0, len(shape) - 1))
    by = data.draw(st.sampled_from([-30, -7, -2, 2, 3, 7, 30]))
    findings = check_dates(RULE, _corpus(visit, shape, shifted, by))
    mismatches = [finding for finding in findings if finding.code == "date-mismatch"]
    assert len(mismatches) == 1
    assert f"s{shifted}" in {location.source for location in mismatches[0].locations[:2]}
    assert (visit + timedelta(days=by)).isoformat() in mismatches[0].message


_BUNDLED_DATE_RULES = [
    rule for rule in load_rules(ROOT / "rules.toml").document.rules if isinstance(rule, DateRule)
]


@given(drawn=documents(), reference=references)
@settings(max_examples=60, deadline=None)
def test_date_rules_read_together_read_what_each_reads_alone(
    drawn: tuple[str, str], reference: date | None
) -> None:
    """The rules share one text's sentences, clauses and agents: none may see another's."""
    _, text = drawn
    payload = [fact_to_json(fact) for fact in dates(text, reference)]
    item = (text, payload, None)
    together = date_readers(_BUNDLED_DATE_RULES)(item)
    assert together == [date_reader(rule)(item) for rule in _BUNDLED_DATE_RULES]


def test_date_rules_read_the_seeds_together_as_each_reads_them_alone() -> None:
    read_together = date_readers(_BUNDLED_DATE_RULES)
    found = 0
    for seed, text in SEEDS.items():
        payload = [fact_to_json(fact) for fact in dates(text, PUBLISHED.get(seed))]
        item = (text, payload, None)
        together = read_together(item)
        assert together == [date_reader(rule)(item) for rule in _BUNDLED_DATE_RULES]
        found += sum(len(readings) for readings in together)
    assert found  # the seeds date the events: the comparison above is not of empty lists


def test_each_trigger_of_a_sentence_has_its_own_agent_when_rules_read_together() -> None:
    """Two triggers in one sentence, two people acting: each rule keeps the date its own
    subject acts on, whichever rule asked about the sentence first."""
    text = "Pompeo will travel to Beijing, and Blinken will visit Tokyo on June 18, 2023.\n"
    payload = [fact_to_json(fact) for fact in dates(text, date(2023, 6, 14))]
    rules = {rule.id: rule for rule in _BUNDLED_DATE_RULES}
    chosen = [rules["pompeo-visit-dates"], rules["visit-dates"]]
    pompeo, blinken = date_readers(chosen)((text, payload, None))
    assert pompeo == []
    assert [reading["text"] for reading in blinken] == ["June 18, 2023"]
