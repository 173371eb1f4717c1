"""The whole pipeline at scale: `pytest checks/` on generated projects of 1k, 10k and 20k
documents, cold and warm, plus the extractors' throughput on one core.

    python benchmarks/pipeline.py                    # 1k, 10k, 20k documents, 2 processes
    python benchmarks/pipeline.py --sizes 1000 --jobs 1
    python benchmarks/pipeline.py --executor dask-local
    python benchmarks/pipeline.py --sizes 10000 --compare-dask   # Dask finds the same
    python benchmarks/pipeline.py --sizes 10000 --warm-repeats 7 # medians of warm reruns

Each project is the bundled rules over the seeds repeated with shuffled paragraphs and known
faults injected (see corpora.py); every run's JSON report is checked for all of them. For each
size it prints the wall time of a cold run (empty extraction cache), of a warm rerun (nothing
changed), of a rerun with one source changed, and of pytest's own start-up on the same folder
(the warm-run target is measured beyond it); and the peak memory of the whole process tree
(pytest and its extraction processes, sampled every 20 ms) as PSS, where a page that forked
processes share is split between them (what the run takes from the machine), and as the sum of
RSS, where it is counted once per process; and the RSS of the largest single process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from corpora import injected
from corpora import make_corpus
from corpora import write_project

from concord.config import load_rules
from concord.extract import dates
from concord.extraction import Extraction
from concord.extraction import date_settings
from concord.extraction import extract
from concord.rules import NameRule

ROOT = Path(__file__).resolve().parents[1]
_SAMPLE_SECONDS = 0.02


@dataclass
class Run:
    seconds: float
    peak_tree_mb: float  # the sum of every process's RSS: shared pages counted once each
    peak_process_mb: float
    peak_tree_pss_mb: float  # the sum of every process's PSS: shared pages split between them
    exit_code: int
    output: str


def run_pytest(folder: Path, arguments: list[str]) -> Run:
    """`pytest` in `folder`, timed, its process tree's memory sampled."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *arguments]
    # As on a user's machine: bytecode (and pytest's rewritten plugin modules) cached.
    environment = {
        key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
    }
    # A file, not a pipe: pytest prints every finding, and a full pipe would stall it.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, env=environment
        )
        watched = psutil.Process(process.pid)
        peak_tree = peak_process = peak_proportional = 0
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                usage = [member.memory_full_info() for member in tree]
            except psutil.Error:
                usage = []
            sizes = [member.rss for member in usage] or [0]
            peak_tree = max(peak_tree, sum(sizes))
            peak_process = max(peak_process, *sizes)
            # A forked worker shares the parent's pages until either writes them: RSS counts a
            # shared page once per process, PSS splits it between them, so the tree's PSS is
            # what the run takes from the machine.
            peak_proportional = max(peak_proportional, sum(member.pss for member in usage))
            time.sleep(_SAMPLE_SECONDS)
        seconds = time.perf_counter() - started
        log.seek(0)
        output = log.read()
    return Run(
        seconds,
        peak_tree / 1e6,
        peak_process / 1e6,
        peak_proportional / 1e6,
        process.returncode,
        output,
    )


def faults_found(report_path: Path) -> dict[str, int]:
    """How many injected faults the JSON report lists, by kind."""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    found = {"name": 0, "date": 0, "quote": 0}
    for finding in report["findings"]:
        for location in finding["locations"]:
            if finding["code"] == "given-name" and location["text"] == "Gang":
                found["name"] += 1
            if finding["code"] == "date-mismatch" and "2023-07-30" in location.get("note", ""):
                found["date"] += 1
            if (
                finding["code"] == "quote-wording"
                and "any kind of breakthrough" in location["text"]
            ):
                found["quote"] += 1
    return found


def median_warm(folder: Path, arguments: list[str], repeats: int) -> None:
    """Warm reruns and pytest's start-up, alternated `repeats` times: the medians, which move
    less than single runs on a shared machine."""
    warm, start_up = [], []
    for _ in range(repeats):
        warm.append(run_pytest(folder, ["checks/", *arguments]).seconds)
        start_up.append(run_pytest(folder, ["checks/", "--co", "-p", "no:concord"]).seconds)
    warm_median, start_median = statistics.median(warm), statistics.median(start_up)
    print(
        f"  warm, median of {repeats}: {warm_median:.2f} s ({min(warm):.2f} to {max(warm):.2f}); "
        f"start-up {start_median:.2f} s; beyond start-up {warm_median - start_median:.2f} s"
    )


def bench_size(
    count: int,
    arguments: list[str],
    keep: bool,
    compare_dask: bool = False,
    warm_repeats: int = 0,
) -> dict[str, Run]:
    folder = Path(tempfile.mkdtemp(prefix=f"concord-bench-{count}-"))
    try:
        write_project(folder, count)
        megabytes = sum(path.stat().st_size for path in folder.glob("checks/sources/*")) / 1e6
        print(f"\n{count} documents ({megabytes:.1f} MB) in {folder}")
        runs = {"start-up": run_pytest(folder, ["checks/", "--co", "-p", "no:concord"])}
        runs["cold"] = run_pytest(folder, ["checks/", *arguments])
        found = faults_found(folder / "reports" / "concord.json")
        cold_report = (folder / "reports" / "concord.json").read_text(encoding="utf-8")
        runs["warm"] = run_pytest(folder, ["checks/", *arguments])
        if warm_repeats:
            median_warm(folder, arguments, warm_repeats)
        warm_report = (folder / "reports" / "concord.json").read_text(encoding="utf-8")
        print(f"  warm report identical to cold: {warm_report == cold_report}")
        if compare_dask:
            dask = [*arguments, "--concord-executor=dask-local", "--concord-no-cache"]
            runs["dask, no cache"] = run_pytest(folder, ["checks/", *dask])
            dask_report = (folder / "reports" / "concord.json").read_text(encoding="utf-8")
            print(f"  Dask report identical to local: {dask_report == cold_report}")
        changed = folder / "checks" / "sources" / "doc000003.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nAn added line.\n", "utf-8")
        runs["one changed"] = run_pytest(folder, ["checks/", *arguments])
        for name, run in runs.items():
            expected_code = 5 if name == "start-up" else 1
            status = "" if run.exit_code == expected_code else f"  EXIT {run.exit_code}!"
            print(
                f"  {name:12} {run.seconds:7.2f} s   peak memory {run.peak_tree_pss_mb:6.0f} MB "
                f"PSS, {run.peak_tree_mb:.0f} MB RSS summed "
                f"(largest process {run.peak_process_mb:.0f} MB){status}"
            )
            if status:
                print(run.output[-3000:])
        beyond = runs["warm"].seconds - runs["start-up"].seconds
        print(f"  warm run beyond pytest's start-up: {beyond:.2f} s")
        wanted = injected(count)
        for kind, number in found.items():
            verdict = "ok" if number >= wanted[kind] else "MISSING"
            print(f"  injected {kind} faults found: {number} of {wanted[kind]} ({verdict})")
        return runs
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def bench_extraction(count: int) -> None:
    """MB/s of each extractor alone, in this process (one core), no cache."""
    corpus = make_corpus(count)
    rules = load_rules(ROOT / "rules.toml").document.rules
    name_rule = next(rule for rule in rules if isinstance(rule, NameRule))
    people = [person for rule in rules if isinstance(rule, NameRule) for person in rule.people]
    # Distinct texts only: a copy of a text is extracted once (`first_copies`), and counting
    # its bytes would flatter the figure.
    sources = list({source.digest: source for source in corpus.sources}.values())
    megabytes = sum(len(source.text.encode()) for source in sources) / 1e6
    print(
        f"extraction on one core, {len(sources)} distinct documents of {count} "
        f"({megabytes:.1f} MB):"
    )
    kinds = {
        "names": (
            Extraction.names(people, name_rule.max_edits, name_rule.min_misspelling_length),
            None,
        ),
        "dates": (Extraction.dates("monday"), [date_settings(source) for source in sources]),
        "quotes": (Extraction.quotes(people), None),
    }
    started = time.perf_counter()
    dates("Blinken visits on June 18, 2023.")  # the date grammar compiles on first use
    print(f"  (date grammar compiled once per process: {time.perf_counter() - started:.2f} s)")
    total = 0.0
    for kind, (extraction, own) in kinds.items():
        started = time.perf_counter()
        payloads = extract(extraction, sources, None, None, own)
        seconds = time.perf_counter() - started
        total += seconds
        facts = sum(len(payload) for payload in payloads)
        print(f"  {kind:7} {megabytes / seconds:6.2f} MB/s  ({facts} facts, {seconds:.2f} s)")
    print(f"  all three {megabytes / total:6.2f} MB/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,20000", help="documents per project")
    parser.add_argument("--jobs", type=int, default=2, help="--concord-jobs for the runs")
    parser.add_argument("--executor", default="local", help="--concord-executor for the runs")
    parser.add_argument("--extraction-docs", type=int, default=1000, help="0 skips it")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument(
        "--compare-dask",
        action="store_true",
        help="also run each project on a local Dask cluster and compare the JSON reports",
    )
    parser.add_argument(
        "--warm-repeats",
        type=int,
        default=0,
        metavar="N",
        help="also alternate N warm reruns with N start-ups and print the medians",
    )
    arguments = parser.parse_args()
    if arguments.extraction_docs:
        bench_extraction(arguments.extraction_docs)
    sizes = [int(size) for size in arguments.sizes.split(",")]
    options = [f"--concord-jobs={arguments.jobs}", f"--concord-executor={arguments.executor}"]
    print(f"\npytest checks/ {' '.join(options)} on {os.cpu_count()} cores")
    cold = {}
    for count in sizes:
        runs = bench_size(
            count, options, arguments.keep, arguments.compare_dask, arguments.warm_repeats
        )
        cold[count] = runs["cold"].seconds
    if 10_000 in cold and 20_000 in cold:
        print(f"\n20k / 10k documents, cold: {cold[20_000] / cold[10_000]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
