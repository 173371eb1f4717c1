"""What the least an extractor written in Python must do costs, against issue 7's budget.

Issue 7 asks for names, dates and quotes extracted together at 10 MB/s on one core. This prints
what that allows on the benchmark corpus's distinct documents, and how much of it goes to
passes that do no extracting at all: one compiled `re` pass that keeps nothing (the peers'
figures), and the same text cut into tokens in Python, as a shared tokeniser with a grammar over
token classes would have to. The extractors' own figures are `pipeline.py`'s first lines.

    python benchmarks/python_floor.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpora import make_corpus

_TARGET_MB_PER_SECOND = 10.0
_NAME_LIKE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_QUOTATION = re.compile(r"[“\"][^”\"]*[”\"]")
_TOKEN = re.compile(r"\w+|[^\w\s]")
# A few token classes, as a grammar over classes would look its words up.
_CLASSES = {
    word: index
    for index, word in enumerate(
        "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday today tomorrow "
        "yesterday week weekend month year said told".split()
    )
}


def _best_of(repeats: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    corpus = make_corpus(1000)
    texts = list({source.digest: source.text for source in corpus.sources}.values())
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    budget = megabytes / _TARGET_MB_PER_SECOND
    passes: dict[str, Callable[[], object]] = {
        "one re pass, name-like sequences, nothing kept": lambda: [
            sum(1 for _ in _NAME_LIKE.finditer(text)) for text in texts
        ],
        "one re pass, quotation spans, nothing kept": lambda: [
            sum(1 for _ in _QUOTATION.finditer(text)) for text in texts
        ],
        "every token as a (start, end) pair": lambda: [
            [token.span() for token in _TOKEN.finditer(text)] for text in texts
        ],
        "every token with its class looked up": lambda: [
            [(token.span(), _CLASSES.get(token.group())) for token in _TOKEN.finditer(text.lower())]
            for text in texts
        ],
    }
    print(
        f"{len(texts)} distinct documents, {megabytes:.2f} MB: all three kinds at "
        f"{_TARGET_MB_PER_SECOND:.0f} MB/s on one core allow {budget:.3f} s"
    )
    for name, work in passes.items():
        seconds = _best_of(5, work)
        print(
            f"  {name:48} {seconds:6.3f} s {megabytes / seconds:7.1f} MB/s "
            f"{100 * seconds / budget:6.1f}% of the budget"
        )


if __name__ == "__main__":
    main()
