"""Reruns as users see them: an unchanged rerun leaves the reports as they are, anything that
changes them (a source, an edited or deleted report) writes them all afresh; and a failing
rule prints its first findings, not thousands."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from concord.cache import DATABASE
from concord.extraction import code_fingerprint
from tests.helpers import QIN_RULE
from tests.helpers import QUOTE_RULE
from tests.helpers import MiniProject

REPORTS = ["concord.json", "concord.sarif", "concord.md", "concord.html"]
GIVEN_NAME = "Qin Gang met Antony Blinken.\nWhen Blinken spoke to Gang, he smiled.\n"
MANY_GIVEN_NAMES = "Qin Gang met Antony Blinken.\n" + "Gang said so. " * 7 + "\n"


def _state(root: Path) -> dict[str, tuple[int, str]]:
    reports = root / "reports"
    return {
        name: ((reports / name).stat().st_mtime_ns, (reports / name).read_text(encoding="utf-8"))
        for name in REPORTS
    }


def test_an_unchanged_rerun_leaves_the_reports_as_they_are(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": GIVEN_NAME, "b": "Qin spoke."})
    first = pytester.runpytest_subprocess("checks/")
    assert first.ret == pytest.ExitCode.TESTS_FAILED
    assert "(unchanged)" not in first.stdout.str()
    written = _state(root)
    second = pytester.runpytest_subprocess("checks/")
    assert second.ret == pytest.ExitCode.TESTS_FAILED
    second.stdout.fnmatch_lines(["report: reports/concord.json (unchanged)"])
    assert _state(root) == written


def test_a_changed_source_writes_every_report_again(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": GIVEN_NAME, "b": "Qin spoke."})
    pytester.runpytest_subprocess("checks/")
    before = _state(root)
    (root / "checks" / "sources" / "b.txt").write_text("Qin Gang spoke. Blinken spoke to Gang.\n")
    result = pytester.runpytest_subprocess("checks/")
    assert "(unchanged)" not in result.stdout.str()
    after = _state(root)
    assert all(after[name][1] != before[name][1] for name in REPORTS)
    report = json.loads(after["concord.json"][1])
    assert {finding["locations"][0]["source"] for finding in report["findings"]} == {"a", "b"}


@pytest.mark.parametrize("damage", ["edit", "delete", "touch"])
def test_a_report_changed_since_it_was_written_is_written_again(
    pytester: pytest.Pytester, mini_project: MiniProject, damage: str
) -> None:
    root = mini_project({"a": GIVEN_NAME, "b": "Qin spoke."})
    pytester.runpytest_subprocess("checks/")
    written = {name: text for name, (_, text) in _state(root).items()}
    html = root / "reports" / "concord.html"
    if damage == "edit":
        html.write_text("<p>not the report</p>", encoding="utf-8")
    elif damage == "delete":
        html.unlink()
    else:  # same content, a later time: it may have been replaced by something else
        os.utime(html, ns=(html.stat().st_atime_ns, html.stat().st_mtime_ns + 10**9))
    result = pytester.runpytest_subprocess("checks/")
    assert "(unchanged)" not in result.stdout.str()
    assert {name: text for name, (_, text) in _state(root).items()} == written


def test_without_the_cache_the_reports_are_always_written(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": GIVEN_NAME})
    pytester.runpytest_subprocess("checks/")
    result = pytester.runpytest_subprocess("checks/", "--concord-no-cache")
    assert "(unchanged)" not in result.stdout.str()


def _printed_findings(output: str) -> int:
    """Findings printed with the failure (at -vv pytest repeats it in the short summary)."""
    failures = output.split("short test summary info", maxsplit=1)[0]
    return failures.count(": given-name [error]")


def test_a_failing_rule_prints_its_first_findings_and_says_how_many_more(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": MANY_GIVEN_NAMES})
    result = pytester.runpytest_subprocess("checks/", "--concord-show", "3")
    output = result.stdout.str()
    assert _printed_findings(output) == 3
    result.stdout.fnmatch_lines(["… and 4 more findings: every report has them all*"])
    report = json.loads((root / "reports" / "concord.json").read_text(encoding="utf-8"))
    assert len(report["findings"]) == 7


@pytest.mark.parametrize("arguments", [["-vv"], ["--concord-show", "0"], []])
def test_every_finding_is_printed_when_asked_or_when_few(
    pytester: pytest.Pytester, mini_project: MiniProject, arguments: list[str]
) -> None:
    mini_project({"a": MANY_GIVEN_NAMES})  # 7 findings, under the default of 50
    result = pytester.runpytest_subprocess("checks/", *arguments)
    assert _printed_findings(result.stdout.str()) == 7
    assert "more finding" not in result.stdout.str()


def test_the_ini_key_sets_how_many_are_printed(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    mini_project({"a": MANY_GIVEN_NAMES})
    pytester.makeini("[pytest]\nconcord_show = 2\n")
    result = pytester.runpytest_subprocess("checks/")
    assert _printed_findings(result.stdout.str()) == 2


@pytest.mark.parametrize(
    ("arguments", "ini", "says"),
    [
        (["--concord-show", "-1"], "", "--concord-show -1 is not a number of findings"),
        ([], "[pytest]\nconcord_show = many\n", "concord_show = 'many' is not a number"),
        ([], "[pytest]\nconcord_show = -2\n", "concord_show = '-2' is not a number"),
    ],
)
def test_a_bad_number_to_print_is_one_usage_error(
    pytester: pytest.Pytester,
    mini_project: MiniProject,
    arguments: list[str],
    ini: str,
    says: str,
) -> None:
    mini_project({"a": MANY_GIVEN_NAMES})
    if ini:
        pytester.makeini(ini)
    result = pytester.runpytest_subprocess("checks/", *arguments)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert says in result.stderr.str()
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


def _entries(root: Path) -> int:
    folder = root / ".pytest_cache" / "d" / "concord" / "extract" / code_fingerprint()
    with sqlite3.connect(folder / DATABASE) as connection:
        return int(connection.execute("SELECT count(*) FROM entries").fetchone()[0])


def _edit_every_source(root: Path, round_number: int) -> None:
    for path in (root / "checks" / "sources").glob("*.txt"):
        path.write_text(f"{path.read_text(encoding='utf-8')}Round {round_number}.\n")


def test_the_cache_does_not_grow_with_every_round_of_edits(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": GIVEN_NAME, "b": "Qin spoke.", "c": "Blinken flew."})
    pytester.runpytest_subprocess("checks/")
    one_round = _entries(root)
    sizes = []
    for round_number in range(1, 5):
        _edit_every_source(root, round_number)
        pytester.runpytest_subprocess("checks/")
        sizes.append(_entries(root))
    # One earlier round is kept beside the current one, never more (without dropping, the
    # fourth round would hold five rounds' entries).
    assert max(sizes) <= 2 * one_round
    assert min(sizes) < max(sizes)  # something was dropped


def test_a_run_of_some_rules_drops_nothing(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    root = mini_project({"a": GIVEN_NAME, "b": "Qin spoke."}, rules=QIN_RULE + QUOTE_RULE)
    pytester.runpytest_subprocess("checks/")
    sizes = [_entries(root)]
    for round_number in range(1, 5):
        _edit_every_source(root, round_number)
        pytester.runpytest_subprocess("checks/", "-k", "names")
        sizes.append(_entries(root))
    # Every round's entries are still there: the run did not know what the others need.
    assert all(later > earlier for earlier, later in itertools.pairwise(sizes))


def test_a_rerun_with_nothing_changed_keeps_what_the_next_edit_needs(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    """Its rules' findings come back whole, so it reads none of their facts: those must stay,
    or the next edit would extract every source again."""
    root = mini_project({"a": GIVEN_NAME, "b": "Qin spoke.", "c": "Blinken flew."})
    pytester.runpytest_subprocess("checks/")
    before = _entries(root)
    pytester.runpytest_subprocess("checks/")
    assert _entries(root) == before
    (root / "checks" / "sources" / "c.txt").write_text("Blinken flew home.\n")
    pytester.runpytest_subprocess("checks/")
    # The new text's entries are added; every other source's are still there.
    assert _entries(root) > before


def test_a_rerun_reads_no_source_that_is_as_it_was(
    pytester: pytest.Pytester, mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its digest and dateline come from the snapshot; the terminal reads the lines it quotes
    (at most `--concord-show` findings' worth), nothing else does."""
    from concord import corpus
    from concord import source_snapshot

    mini_project({"a": GIVEN_NAME, "b": "Qin spoke."})
    settled = time.time_ns() + 2 * source_snapshot._RACY_SECONDS * 10**9
    monkeypatch.setattr(source_snapshot.time, "time_ns", lambda: settled)
    read: list[str] = []
    real = corpus.read_source

    def counted(path: Path) -> tuple[bytes, str]:
        read.append(path.stem)
        return real(path)

    monkeypatch.setattr(corpus, "read_source", counted)
    first = pytester.runpytest_inprocess("checks/", "-p", "no:randomly")
    assert sorted(read) == ["a", "b"]
    read.clear()
    second = pytester.runpytest_inprocess("checks/", "-p", "no:randomly")
    assert read == ["a"]  # only for the line the printed finding quotes; "b" is never read
    assert second.ret == first.ret == pytest.ExitCode.TESTS_FAILED
    second.stdout.fnmatch_lines(["*Gang*", "report: reports/concord.json (unchanged)"])
    read.clear()
    uncached = pytester.runpytest_inprocess("checks/", "-p", "no:randomly", "--concord-no-cache")
    assert sorted(read) == ["a", "b"]
    assert uncached.ret == first.ret


def test_a_source_written_to_during_a_run_fails_its_rule_with_one_message(
    pytester: pytest.Pytester, mini_project: MiniProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concord import corpus
    from concord import source_snapshot

    root = mini_project({"a": "Qin spoke.", "b": GIVEN_NAME})
    settled = time.time_ns() + 2 * source_snapshot._RACY_SECONDS * 10**9
    monkeypatch.setattr(source_snapshot.time, "time_ns", lambda: settled)
    pytester.runpytest_inprocess("checks/", "-p", "no:randomly")
    real = corpus.read_source

    def changed_since_its_status_was_taken(path: Path) -> tuple[bytes, str]:
        raw, text = real(path)
        return (raw + b"More.\n", text + "More.\n") if path.stem == "b" else (raw, text)

    monkeypatch.setattr(corpus, "read_source", changed_since_its_status_was_taken)
    rules = root / "rules.toml"  # another rule id: its findings are found afresh
    rules.write_text(rules.read_text(encoding="utf-8").replace('"names"', '"people"'), "utf-8")
    result = pytester.runpytest_inprocess("checks/", "-p", "no:randomly")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*checks/sources/b.txt: the source changed while pytest was running",
            "*fix: run pytest again once nothing is writing to the corpus",
            "*0 findings (0 errors, 0 warnings) from 1 rule, 0 failed, 1 could not run",
            "  people: 0 errors, 0 warnings (error)",
        ]
    )
    assert "raise SourceError" not in result.stdout.str()  # no traceback


def test_a_rerun_with_nothing_changed_imports_no_extractor_or_comparison(
    pytester: pytest.Pytester, mini_project: MiniProject
) -> None:
    """They are imported where they run: a rerun that reads every rule's findings back (and
    pytest loading the plugin) needs neither, and importing them was a third of the plugin's
    import time."""
    mini_project({"a": GIVEN_NAME, "b": "Qin spoke."})
    pytester.makeconftest(
        """
        import sys

        def pytest_unconfigure(config):
            loaded = sorted(name for name in sys.modules if name.startswith("concord."))
            with open("modules.txt", "w", encoding="utf-8") as out:
                out.write("\\n".join(loaded))
        """
    )
    heavy = ("concord.compare", "concord.extract.names", "concord.extract.quotations")
    first = pytester.runpytest_subprocess("checks/")
    loaded = (pytester.path / "modules.txt").read_text(encoding="utf-8").split()
    assert any(name.startswith(heavy) for name in loaded)  # the first run compares
    second = pytester.runpytest_subprocess("checks/")
    assert second.ret == first.ret == pytest.ExitCode.TESTS_FAILED
    loaded = (pytester.path / "modules.txt").read_text(encoding="utf-8").split()
    assert "concord.plugin" in loaded
    assert [name for name in loaded if name.startswith(heavy)] == []
    assert "concord.extract.temporal.scan" not in loaded


def test_the_python_api_still_names_what_it_exports() -> None:
    import concord
    import concord.extract

    for module in (concord, concord.extract):
        for name in module.__all__:
            assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = concord.nothing  # type: ignore[attr-defined]
