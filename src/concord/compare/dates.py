"""The `date` rule: the dates each source gives an event must agree, by the rule's policy.

A disagreement is one finding per rule, listing each distinct value with the sources holding it,
so its size grows with the number of distinct values, not with the number of source pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass

from concord.cache import ExtractionCache
from concord.compare.date_scope import DatedText
from concord.compare.date_scope import EventScope
from concord.compare.sources import named_sources
from concord.corpus import Corpus
from concord.corpus import Source
from concord.execute.base import Executor
from concord.extract.sentences import Span
from concord.extract.temporal import Interval
from concord.extract.temporal import TemporalFact
from concord.extract.temporal.calendar import month
from concord.extract.temporal.calendar import week_of
from concord.extract.temporal.calendar import years
from concord.extract.temporal.facts import fact_from_json
from concord.extract.temporal.facts import fact_to_json
from concord.extraction import Extraction
from concord.extraction import Payload
from concord.extraction import date_settings
from concord.findings import Finding
from concord.reduce import Draft
from concord.reduce import Place
from concord.reduce import SourceRef
from concord.reduce import reduce_groups
from concord.reduce import refs
from concord.rule_map import extracted_and_read
from concord.rule_map import first_storing_the_rest
from concord.rule_map import mapped
from concord.rules.date import DateRule

# One source as the date reader needs it: text, its dates as JSON, its sentences if known.
DateInput = tuple[str, Payload, Sequence[Span] | None]

_COARSENESS = {
    "day": 0,
    "days": 0,
    "weekend": 1,
    "week": 2,
    "month": 3,
    "quarter": 4,
    "half": 5,
    "year": 6,
    "decade": 7,
    "century": 8,
}


@dataclass(frozen=True)
class Dated:
    """One in-scope date of one source."""

    source: SourceRef
    fact: TemporalFact

    @property
    def interval(self) -> Interval:
        assert self.fact.interval is not None
        return self.fact.interval


def check_dates(
    rule: DateRule,
    corpus: Corpus,
    *,
    stats: dict[str, int] | None = None,
    cache: ExtractionCache | None = None,
    executor: Executor | None = None,
    alongside: Sequence[DateRule] = (),
) -> list[Finding]:
    """The rule's findings. `alongside` are date rules that run later: the sources this rule
    reads are read for them in the same pass (their sentences split and dates decoded once),
    and their readings left in the cache."""
    sources = corpus.sources
    own = [date_settings(source) for source in sources]
    ahead = [other for other in alongside if other.week_start == rule.week_start]
    if cache is None:
        ahead = []  # nowhere to leave their readings

    def read(chosen: Sequence[Source]) -> Iterator[Payload]:
        """The dates of each source that date this rule's event, as JSON, as they come."""
        own_chosen = [date_settings(source) for source in chosen]
        extraction = Extraction.dates(rule.week_start)
        per_source = extracted_and_read(
            extraction, [rule, *ahead], chosen, cache=cache, executor=executor, own=own_chosen
        )
        if cache is None:
            return (readings[0] for readings in per_source)
        return first_storing_the_rest(per_source, ahead, chosen, cache, own_chosen)

    readings = mapped(rule, sources, cache, read, own)
    if stats is not None:
        stats["matched"] = stats.get("matched", 0) + sum(len(payload) for payload in readings)
    # One group: every date of the event is compared with every other, across the corpus.
    dated = [(ref, payload) for ref, payload in zip(refs(corpus), readings, strict=True) if payload]
    return reduce_groups(rule, corpus, [(rule.event_name, dated)], executor)


def reduce_dates(
    rule: DateRule, event: str, values: list[tuple[SourceRef, Payload]]
) -> list[Draft]:
    """The findings about the event's dates: each that cannot be placed on the calendar, and
    those that break the policy."""
    drafts: list[Draft] = []
    resolved: list[Dated] = []
    for source, payload in values:
        for fact in (fact_from_json(item) for item in payload):
            if fact.interval is None:
                drafts.append(_unresolved(rule, source, fact))
            else:
                resolved.append(Dated(source, fact))
    if rule.consensus != "all-agree":
        truth = _consensus(rule, resolved)
        if truth is not None:
            return drafts + _against(rule, resolved, truth)
    clash = _first_clash(rule, resolved)
    if clash is not None:
        drafts.append(_disagreement(rule, resolved, clash))
    return drafts


def date_reader(rule: DateRule) -> Callable[[DateInput], Payload]:
    """What the rule reads of one source: of its dates (as JSON), those that date the event.
    The input is the text, its dates, and its sentences when the caller has them."""
    read = date_readers([rule])
    return lambda item: read(item)[0]


def date_readers(rules: Sequence[DateRule]) -> Callable[[DateInput], list[Payload]]:
    """What each of `rules` reads of one source, with its dates decoded once and what their
    scopes need of its text (sentences, clauses, agents) worked out once for all of them."""
    scopes = [EventScope.of(rule) for rule in rules]

    def read(item: DateInput) -> list[Payload]:
        text, payload, sentence_spans = item
        if not payload:
            return [[] for _ in scopes]
        dated_text = DatedText(text, [fact_from_json(fact) for fact in payload], sentence_spans)
        return [[fact_to_json(fact) for fact in scope.select_in(dated_text)] for scope in scopes]

    return read


def _consensus(rule: DateRule, resolved: Sequence[Dated]) -> Dated | None:
    """The date the others are measured against: the one most sources give, or the reference
    source's first; None when there is no majority (then all are compared with all)."""
    if rule.consensus == "reference":
        return next((dated for dated in resolved if dated.source.id == rule.reference), None)
    holders: dict[Interval, set[str]] = defaultdict(set)
    for dated in resolved:
        holders[dated.interval].add(dated.source.id)
    ranked = sorted(holders, key=lambda interval: (-len(holders[interval]), interval))
    if not ranked or (len(ranked) > 1 and len(holders[ranked[0]]) == len(holders[ranked[1]])):
        return None
    return next(dated for dated in resolved if dated.interval == ranked[0])


def _against(rule: DateRule, resolved: Sequence[Dated], truth: Dated) -> list[Draft]:
    """One finding per date that does not agree with the consensus date, by the policy."""
    why = "majority" if rule.consensus == "majority" else f"reference {rule.reference}"
    drafts = []
    for dated in resolved:
        if dated is truth or _first_clash(rule, [truth, dated]) is None:
            continue
        drafts.append(
            Draft(
                rule=rule.id,
                kind=rule.kind,
                severity=rule.severity,
                code="date-differs",
                message=f'{dated.interval} ("{dated.fact.text}") does not agree with '
                f'{truth.interval} ("{truth.fact.text}", {truth.source.id}) on when '
                f"{rule.event_name} happens (policy {rule.policy}, consensus: {why})",
                expected=str(truth.interval),
                places=(_place(dated), _place(truth)),
            )
        )
    return drafts


def _first_clash(rule: DateRule, resolved: Sequence[Dated]) -> tuple[Dated, Dated] | None:
    """Two dates that break the policy, or None when all agree. Linear for overlap/within."""
    if len(resolved) < 2:
        return None
    if rule.policy == "same":
        distinct: dict[Interval, Dated] = {}
        for dated in resolved:
            distinct.setdefault(dated.interval, dated)
        values = list(distinct.values())
        for index, first in enumerate(values):
            for second in values[index + 1 :]:
                if not _same(first.fact, second.fact):
                    return first, second
        return None
    latest_start = max(resolved, key=lambda dated: (dated.interval.first, _order(dated)))
    earliest_end = min(resolved, key=lambda dated: (dated.interval.last, _order(dated)))
    gap = (latest_start.interval.first - earliest_end.interval.last).days
    allowed = rule.within_days if rule.policy == "within" else 0
    if gap > allowed:
        return earliest_end, latest_start
    return None


def _order(dated: Dated) -> tuple[str, int]:
    return dated.source.id, dated.fact.start


def _same(first: TemporalFact, second: TemporalFact) -> bool:
    """Equal once both are widened to the coarser one's unit: "June 18" is the same week as
    "the week of June 12" but not the same day as "June 17"."""
    assert first.interval is not None
    assert second.interval is not None
    coarser = max(first.granularity, second.granularity, key=lambda unit: _COARSENESS[unit])
    return _widen(first.interval, coarser) == _widen(second.interval, coarser)


def _widen(interval: Interval, unit: str) -> Interval:
    rank = _COARSENESS[unit]
    if rank <= _COARSENESS["weekend"]:
        return interval
    if rank == _COARSENESS["week"]:
        return Interval(
            week_of(interval.first, "monday").first, week_of(interval.last, "monday").last
        )
    if rank <= _COARSENESS["half"]:
        return Interval(
            month(interval.first.year, interval.first.month).first,
            month(interval.last.year, interval.last.month).last,
        )
    return years(interval.first.year, interval.last.year)


def _disagreement(rule: DateRule, resolved: Sequence[Dated], clash: tuple[Dated, Dated]) -> Draft:
    by_value: dict[Interval, list[Dated]] = defaultdict(list)
    for dated in resolved:
        by_value[dated.interval].append(dated)
    first, second = clash
    relation = {
        "overlap": "share no day",
        "within": f"are more than {rule.within} apart",
        "same": "are not the same",
    }[rule.policy]
    values = "\n".join(
        f"  {interval}: {_phrases(held)} in {_source_ids(held)}"
        for interval, held in sorted(by_value.items())
    )
    message = (
        f"the sources disagree on when {rule.event_name} happens (policy {rule.policy}): "
        f'{first.interval} ("{first.fact.text}", {first.source.id}) and {second.interval} '
        f'("{second.fact.text}", {second.source.id}) {relation}.\n'
        f"{len(by_value)} distinct dates:\n{values}"
    )
    plurality = max(
        by_value.items(),
        key=lambda item: (len({dated.source.id for dated in item[1]}), -len(str(item[0]))),
    )
    others = [dated for dated in resolved if dated is not first and dated is not second]
    places = tuple(_place(dated) for dated in (first, second, *others))
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        code="date-mismatch",
        message=message,
        expected=f"{plurality[0]}, as {_source_ids(plurality[1])} say",
        places=places,
    )


def _phrases(held: Sequence[Dated]) -> str:
    return ", ".join(dict.fromkeys(f'"{dated.fact.text}"' for dated in held))


def _source_ids(held: Sequence[Dated]) -> str:
    return named_sources(dated.source.id for dated in held)


def _place(dated: Dated) -> Place:
    place = Place(dated.source, dated.fact.start, dated.fact.end)
    return place.with_note(f'"{dated.fact.text}" → {dated.interval}{_reference(dated)}')


def _reference(dated: Dated) -> str:
    fact, published = dated.fact, dated.source.published
    if fact.reference is None or published is None:
        return ""
    where = "declared" if published.origin == "declared" else f"read from line {published.line}"
    note = f" (published {published.date.isoformat()}, {where})"
    if fact.note:
        note += f"; {fact.note}"
    return note


def _unresolved(rule: DateRule, source: SourceRef, fact: TemporalFact) -> Draft:
    if "publication" in fact.reason:
        fix = f'declare published = YYYY-MM-DD under [sources."{source.id}"] in the rules file'
        expected = f"a publication date for source {source.id}"
    else:
        fix = f'set date_order = "DMY" or "MDY" under [corpus] or [sources."{source.id}"]'
        expected = "a date that can be read one way only"
    return Draft(
        rule=rule.id,
        kind=rule.kind,
        severity=rule.unresolved_severity,
        code="unresolved-date",
        message=f'"{fact.text}" dates {rule.event_name} but cannot be placed on the calendar: '
        f"{fact.reason}; fix: {fix}",
        expected=expected,
        places=(Place(source, fact.start, fact.end),),
    )
