"""Benchmark corpora: the seeds repeated with their paragraphs shuffled, and known faults
injected, in memory (`make_corpus`) or on disk with a rules file (`write_project`)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from concord.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
# The seeds' publication dates, as rules.toml declares them or their datelines give them.
PUBLISHED = {
    "001": dt.date(2023, 6, 14),
    "002": dt.date(2023, 6, 14),
    "003": dt.date(2023, 6, 14),
    "004": dt.date(2023, 6, 18),
}
# Declared in the rules file; 002 and 003 date themselves in their text.
DECLARED = {"001", "004"}
NAME_FAULT = "Gang told reporters so."
DATE_FAULT = "Blinken will visit Beijing on July 30, 2023."
QUOTE_FAULT = (
    "“We’re not going to Beijing with the intent of having any kind of breakthrough or "
    "transformation in the way that we deal with one another,” Daniel Kritenbrink told reporters."
)


def make_texts(count: int, seed: int = 7) -> tuple[dict[str, str], dict[str, str]]:
    """`count` documents (id -> text) and the seed each came from (id -> "001"...): the seeds
    with paragraphs shuffled. Every 10th one calls Qin Gang "Gang"; every 10th one (another)
    dates Blinken's visit to July 30; every 10th one (a third) rewords Kritenbrink's quote."""
    paths = sorted((ROOT / "checks/sources").glob("*.txt"))
    seeds = [(path.name[:3], path.read_text(encoding="utf-8")) for path in paths]
    chooser = random.Random(seed)
    texts, origin = {}, {}
    for index in range(count):
        seed_id, text = seeds[index % len(seeds)]
        paragraphs = text.split("\n\n")
        chooser.shuffle(paragraphs)
        text = "\n\n".join(paragraphs)
        if index % 10 == 0:
            text = "Qin Gang spoke on the phone.\n\n" + text + f"\n\n{NAME_FAULT}\n"
        if index % 10 == 5:
            text = text + f"\n\n{DATE_FAULT}\n"
        if index % 10 == 7:
            text = text + f"\n\n{QUOTE_FAULT}\n"
        document_id = f"doc{index:06d}"
        texts[document_id] = text
        origin[document_id] = seed_id
    return texts, origin


def make_corpus(count: int, seed: int = 7) -> Corpus:
    """The documents of `make_texts` as an in-memory corpus, every seed's date declared."""
    texts, origin = make_texts(count, seed)
    published = {
        document_id: PUBLISHED[seed_id]
        for document_id, seed_id in origin.items()
        if seed_id in PUBLISHED
    }
    return Corpus.from_texts(texts, published)


def injected(count: int) -> dict[str, int]:
    """How many of each fault `make_texts(count)` injects."""
    return {
        "name": sum(1 for index in range(count) if index % 10 == 0),
        "date": sum(1 for index in range(count) if index % 10 == 5),
        "quote": sum(1 for index in range(count) if index % 10 == 7),
    }


def write_project(folder: Path, count: int, seed: int = 7) -> Path:
    """A project like the bundled one in `folder`: checks/sources/ with `count` documents and
    a rules.toml holding the bundled rules, each seed's declared date on its copies. Returns
    the rules file."""
    texts, origin = make_texts(count, seed)
    sources = folder / "checks" / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for document_id, text in texts.items():
        (sources / f"{document_id}.txt").write_text(text, encoding="utf-8")
    bundled = (ROOT / "rules.toml").read_text(encoding="utf-8")
    rules_part = bundled[bundled.index("[[rules]]") :]  # the rules, not the seeds' metadata
    header = [
        f"#:schema {ROOT / 'src/concord/rules/rules.schema.json'}",
        "version = 1",
        "",
        "[corpus]",
        'include = ["checks/sources/*.txt"]',
        'language = "en"',
        'date_order = "DMY"',
        "",
    ]
    for document_id, seed_id in origin.items():
        if seed_id in DECLARED:
            header += [f"[sources.{document_id}]", f"published = {PUBLISHED[seed_id]}", ""]
    rules = folder / "rules.toml"
    rules.write_text("\n".join(header) + "\n" + rules_part, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return rules
