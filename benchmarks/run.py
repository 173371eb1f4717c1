"""Throughput of each extractor and each whole rule, in this process, on a corpus made by
repeating and varying the seeds (the end-to-end pipeline is benchmarks/pipeline.py).

    python benchmarks/run.py                 # 10,000 documents, every kind
    python benchmarks/run.py --docs 1000 --kind date --jobs 2

Prints MB/s and documents/s for each extractor alone (one core) and for each whole rule
(extraction plus comparison), and checks that the faults injected into the corpus are found.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from corpora import ROOT
from corpora import make_corpus

from concord.cache import ExtractionCache
from concord.compare.dates import check_dates
from concord.compare.names import check_names
from concord.compare.quotes import check_quotes
from concord.config import load_rules
from concord.corpus import Corpus
from concord.execute.local import LocalExecutor
from concord.extract import dates
from concord.extract import quotes
from concord.extract.names import NameMatcher
from concord.rules import DateRule
from concord.rules import NameRule
from concord.rules import Person
from concord.rules import QuoteRule


def _rate(megabytes: float, documents: int, seconds: float) -> str:
    return f"{megabytes / seconds:.2f} MB/s, {documents / seconds:.0f} docs/s ({seconds:.2f} s)"


def bench_names(rule: NameRule, corpus: Corpus, megabytes: float) -> bool:
    matcher = NameMatcher(rule.people)
    started = time.perf_counter()
    for source in corpus:
        matcher.mentions(source.text)
    extraction = time.perf_counter() - started
    started = time.perf_counter()
    findings = check_names(rule, corpus)
    whole_rule = time.perf_counter() - started
    injected = (len(corpus) + 9) // 10
    found = sum(1 for finding in findings if finding.code == "given-name")
    print(f"name extraction (one core): {_rate(megabytes, len(corpus), extraction)}")
    print(f"name rule (extract + compare): {_rate(megabytes, len(corpus), whole_rule)}")
    print(f"  given-name findings: {found} (injected: {injected}, so at least that many)")
    return found >= injected


def bench_dates(rule: DateRule, corpus: Corpus, megabytes: float, jobs: int = 1) -> bool:
    started = time.perf_counter()
    count = 0
    for source in corpus:
        reference = source.published.date if source.published else None
        count += len(dates(source.text, reference))
    extraction = time.perf_counter() - started
    started = time.perf_counter()
    findings = check_dates(rule, corpus)
    whole_rule = time.perf_counter() - started
    if jobs > 1:
        started = time.perf_counter()
        executor = LocalExecutor(jobs)
        check_dates(rule, corpus, executor=executor)
        executor.close()
        in_processes = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        check_dates(rule, corpus, cache=ExtractionCache(Path(folder)))
        started = time.perf_counter()
        check_dates(rule, corpus, cache=ExtractionCache(Path(folder)))
        cached = time.perf_counter() - started
    mismatches = [finding for finding in findings if finding.code == "date-mismatch"]
    injected = sum(1 for index in range(len(corpus)) if index % 10 == 5)
    held = sum(
        1
        for finding in mismatches
        for location in finding.locations
        if "2023-07-30" in location.note
    )
    print(f"date extraction (one core): {_rate(megabytes, len(corpus), extraction)}")
    print(f"  expressions found: {count}")
    print(f"date rule (extract + compare): {_rate(megabytes, len(corpus), whole_rule)}")
    print(f"date rule, rerun with the extraction cache: {cached:.2f} s")
    if jobs > 1:
        print(f"date rule in {jobs} processes: {_rate(megabytes, len(corpus), in_processes)}")
    print(f"  date-mismatch findings: {len(mismatches)} (one per rule)")
    print(f"  injected July 30 dates listed in it: {held} of {injected}")
    return len(mismatches) == 1 and held == injected


def bench_quotes(rule: QuoteRule, corpus: Corpus, megabytes: float, people: list[Person]) -> bool:
    started = time.perf_counter()
    count = sum(len(quotes(source.text, people)) for source in corpus)
    extraction = time.perf_counter() - started
    started = time.perf_counter()
    findings = check_quotes(rule, corpus, people)
    whole_rule = time.perf_counter() - started
    injected = sum(1 for index in range(len(corpus)) if index % 10 == 7)
    held = sum(
        1
        for finding in findings
        for location in finding.locations
        if "any kind of breakthrough" in location.text
    )
    print(f"quote extraction (one core): {_rate(megabytes, len(corpus), extraction)}")
    print(f"  quotes found: {count}")
    print(f"quote rule (extract + compare): {_rate(megabytes, len(corpus), whole_rule)}")
    print(f"  findings: {len(findings)}; injected rewordings listed: {held} of {injected}")
    return held == injected


def scale_quotes(rule: QuoteRule, documents: int, people: list[Person]) -> None:
    """The quote rule at N and 2N documents: the time should double, not quadruple."""
    timings = []
    for count in (documents, 2 * documents):
        corpus = make_corpus(count)
        started = time.perf_counter()
        check_quotes(rule, corpus, people)
        timings.append(time.perf_counter() - started)
        print(f"quote rule on {count} documents: {timings[-1]:.2f} s")
    print(f"  ratio {2 * documents} / {documents} documents: {timings[1] / timings[0]:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--kind", choices=["all", "name", "date", "quote"], default="all")
    parser.add_argument(
        "--scaling", action="store_true", help="also time the quote rule at 2N documents"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="also time the date rule in N processes"
    )
    arguments = parser.parse_args()
    rules = load_rules(ROOT / "rules.toml").document.rules
    corpus = make_corpus(arguments.docs)
    megabytes = sum(len(source.text.encode()) for source in corpus) / 1e6
    print(f"corpus: {arguments.docs} documents, {megabytes:.1f} MB")
    ok = True
    if arguments.kind in {"all", "name"}:
        name_rule = next(rule for rule in rules if isinstance(rule, NameRule))
        ok &= bench_names(name_rule, corpus, megabytes)
    if arguments.kind in {"all", "date"}:
        date_rule = next(
            rule for rule in rules if isinstance(rule, DateRule) and rule.id == "visit-dates"
        )
        ok &= bench_dates(date_rule, corpus, megabytes, arguments.jobs)
    if arguments.kind in {"all", "quote"}:
        quote_rule = next(rule for rule in rules if isinstance(rule, QuoteRule))
        people = [person for rule in rules if isinstance(rule, NameRule) for person in rule.people]
        ok &= bench_quotes(quote_rule, corpus, megabytes, people)
        if arguments.scaling:
            scale_quotes(quote_rule, arguments.docs, people)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
