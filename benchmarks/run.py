"""Throughput of the `name` rule on a corpus made by repeating and varying the bundled seeds.

    python benchmarks/run.py            # 10,000 documents
    python benchmarks/run.py --docs 1000

Prints MB/s and documents/s for name extraction alone and for the whole rule (extraction plus
comparison), and checks that the injected faults are all found.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from concord.compare.names import check_names
from concord.config import load_rules
from concord.corpus import Corpus
from concord.extract.names import NameMatcher
from concord.rules import NameRule

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(seeds: list[str], count: int, seed: int = 7) -> Corpus:
    """`count` documents: seeds with paragraphs shuffled; every 10th one gets "Gang" for "Qin"."""
    chooser = random.Random(seed)
    texts = {}
    for index in range(count):
        paragraphs = seeds[index % len(seeds)].split("\n\n")
        chooser.shuffle(paragraphs)
        text = "\n\n".join(paragraphs)
        if index % 10 == 0:
            text = "Qin Gang spoke on the phone.\n\n" + text + "\n\nGang told reporters so.\n"
        texts[f"doc{index:06d}"] = text
    return Corpus.from_texts(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    arguments = parser.parse_args()
    rules = load_rules(ROOT / "rules.toml")
    rule = next(rule for rule in rules.document.rules if isinstance(rule, NameRule))
    seeds = [
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "checks/sources").glob("*.txt"))
    ]
    corpus = make_corpus(seeds, arguments.docs)
    megabytes = sum(len(source.text.encode()) for source in corpus) / 1e6

    matcher = NameMatcher(rule.people)
    started = time.perf_counter()
    for source in corpus:
        matcher.mentions(source.text)
    extraction = time.perf_counter() - started

    started = time.perf_counter()
    findings = check_names(rule, corpus)
    whole_rule = time.perf_counter() - started

    injected = sum(1 for index in range(arguments.docs) if index % 10 == 0)
    found = sum(1 for finding in findings if finding.code == "given-name")
    print(f"corpus: {arguments.docs} documents, {megabytes:.1f} MB")
    print(
        f"name extraction: {megabytes / extraction:.2f} MB/s, "
        f"{arguments.docs / extraction:.0f} docs/s ({extraction:.2f} s, one core)"
    )
    print(
        f"name rule (extract + compare): {megabytes / whole_rule:.2f} MB/s, "
        f"{arguments.docs / whole_rule:.0f} docs/s ({whole_rule:.2f} s)"
    )
    print(f"findings: {len(findings)}; injected given-name faults found: {found} (>= {injected})")
    return 0 if found >= injected else 1


if __name__ == "__main__":
    sys.exit(main())
