"""A pronoun's speaker is found among the speaking verbs within reach of it only: the same
antecedent as when every verb's subject in the text is worked out first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.extract.quotations import _PRONOUN_REACH
from concord.extract.quotations import _antecedent
from concord.extract.quotations import _mask
from concord.extract.quotations import _outside
from concord.extract.quotations.attribution import _CUE
from concord.extract.quotations.attribution import SpeechSubjects
from concord.extract.quotations.attribution import _cue_starts
from concord.extract.quotations.attribution import _subject_of
from concord.extract.quotations.attribution import attribute_before
from concord.extract.quotations.attribution import sentence_start_of
from concord.extract.quotations.marks import find_quote_spans
from concord.extract.sentences import sentences
from tests.generated import SEEDS
from tests.generated import documents

_SAYINGS = [
    "Blinken said the talks were candid. ",
    "He said so. ",
    "Qin Gang, the foreign minister, told reporters it was fine. ",
    "“We disagree,” he said. ",
    "Officials said, adding that nothing changed. ",
    "Wang Yi stressed the point, saying it mattered. ",
    "The ministry said nothing. ",
    "x" * 400 + ". ",
]


def _every_subject(masked: str, starts: list[int]) -> list[object]:
    """The definition: the subject of every speaking verb in the text, in order."""
    found = []
    for cue_start in _cue_starts(masked):
        cue = _CUE.match(masked, cue_start)
        assert cue is not None
        agent = _subject_of(masked, sentence_start_of(starts, cue_start), cue)
        if agent is not None:
            found.append(agent)
    return found


def _check(text: str, positions: list[int]) -> None:
    spans = find_quote_spans(text)
    masked = _mask(text, spans)
    starts = _outside([start for start, _ in sentences(text)], [(s.start, s.end) for s in spans])
    every = _every_subject(masked, starts)
    near = SpeechSubjects(masked, starts, _PRONOUN_REACH)
    for position in positions:
        assert _antecedent(near.before(position), position) == _antecedent(every, position)  # type: ignore[arg-type]


@given(
    pieces=st.lists(st.sampled_from(_SAYINGS), max_size=20),
    positions=st.lists(st.integers(0, 8000), max_size=20),
)
@settings(max_examples=300, deadline=None)
def test_the_antecedent_is_the_one_every_subject_gives(
    pieces: list[str], positions: list[int]
) -> None:
    text = "".join(pieces)
    _check(text, [min(position, len(text)) for position in positions])


@given(drawn=documents(), positions=st.lists(st.integers(0, 20_000), max_size=30))
@settings(max_examples=60, deadline=None)
def test_the_antecedent_in_the_seeds_is_the_one_every_subject_gives(
    drawn: tuple[str, str], positions: list[int]
) -> None:
    _, text = drawn
    _check(text, [min(position, len(text)) for position in positions])


def test_the_seeds_have_pronoun_speakers_to_find() -> None:
    """The comparisons above are not all of None: the seeds' pronouns have antecedents."""
    found = 0
    for text in SEEDS.values():
        spans = find_quote_spans(text)
        masked = _mask(text, spans)
        starts = _outside([s for s, _ in sentences(text)], [(s.start, s.end) for s in spans])
        near = SpeechSubjects(masked, starts, _PRONOUN_REACH)
        found += sum(
            _antecedent(near.before(position), position) is not None
            for position in range(0, len(text), 50)
        )
    assert found


def _check_cues(text: str) -> int:
    """Before each quote, the speaking verbs found from the whole text's are those `re`
    finds in the stretch, and the attribution read with them is the same."""
    spans = find_quote_spans(text)
    masked = _mask(text, spans)
    starts = _outside([start for start, _ in sentences(text)], [(s.start, s.end) for s in spans])
    near = SpeechSubjects(masked, starts, _PRONOUN_REACH)
    compared = 0
    for span in spans:
        for start in {sentence_start_of(starts, span.open_at), 0, max(0, span.open_at - 7)}:
            expected = list(_CUE.finditer(masked, start, span.open_at))
            found = near.cues_between(start, span.open_at)
            assert [cue.span() for cue in found] == [cue.span() for cue in expected]
            assert attribute_before(masked, start, span.open_at, found) == attribute_before(
                masked, start, span.open_at
            )
            compared += len(expected)
    return compared


@given(pieces=st.lists(st.sampled_from(_SAYINGS), max_size=20))
@settings(max_examples=300, deadline=None)
def test_the_verbs_before_a_quote_are_those_re_finds_there(pieces: list[str]) -> None:
    _check_cues("".join(pieces))


@given(drawn=documents())
@settings(max_examples=60, deadline=None)
def test_the_verbs_before_the_seeds_quotes_are_those_re_finds_there(
    drawn: tuple[str, str],
) -> None:
    _check_cues(drawn[1])


def test_the_seeds_have_verbs_before_their_quotes() -> None:
    """The comparisons above are not all of empty lists."""
    assert sum(_check_cues(text) for text in SEEDS.values()) > 10
