"""Golden tests: `pytest checks/` on the bundled corpus, its terminal output and its JSON report.

The golden files are reviewed diffs. To regenerate after an intended change, run
`CONCORD_UPDATE_GOLDEN=1 pytest tests/golden` and read `git diff tests/golden` before committing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import BUNDLED_SOURCES
from tests.helpers import ROOT
from tests.helpers import SHARED

GOLDEN = Path(__file__).parent
UPDATE = os.environ.get("CONCORD_UPDATE_GOLDEN") == "1"
_VOLATILE = re.compile(r"^(platform |rootdir:|configfile:|plugins:|cachedir:)")
_DURATION = re.compile(r" in \d+\.\d+s( \(\d+:\d+:\d+\))?")


def _run_checks(reports: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "checks/", "-p", "no:cacheprovider"),
            *("--concord-reports", str(reports), "--color=no"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=_stable_environment(),
    )


def _stable_environment() -> dict[str, str]:
    """pytest prints untruncated summaries under CI; the golden output is the local form."""
    volatile = {"CI", "BUILD_NUMBER", "PYTEST_ADDOPTS", "GITHUB_ACTIONS"}
    environment = {key: value for key, value in os.environ.items() if key not in volatile}
    return {**environment, "COLUMNS": "100"}


def _compare(actual: str, golden: Path) -> None:
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def checks_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int, Path]:
    reports = tmp_path_factory.mktemp("reports")
    completed = _run_checks(reports)
    return completed.stdout, completed.returncode, reports


def test_the_run_exits_1_because_the_corpus_is_inconsistent(
    checks_run: tuple[str, int, Path],
) -> None:
    _, code, _ = checks_run
    assert code == pytest.ExitCode.TESTS_FAILED


def test_terminal_output(checks_run: tuple[str, int, Path]) -> None:
    stdout, _, reports = checks_run
    stdout = stdout.replace(str(reports), "<reports>")
    lines = [line for line in stdout.splitlines() if not _VOLATILE.match(line)]
    _compare(_DURATION.sub(" in N.NNs", "\n".join(lines)) + "\n", GOLDEN / "checks.txt")


def test_json_report(checks_run: tuple[str, int, Path]) -> None:
    _, _, reports = checks_run
    report = json.loads((reports / "concord.json").read_text(encoding="utf-8"))
    report["tool"]["version"] = "<version>"
    _compare(json.dumps(report, indent=2, ensure_ascii=False) + "\n", GOLDEN / "concord.json")


def test_the_bundled_corpus_is_the_seeds_byte_for_byte() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent: the shared folder is not beside this checkout")
    bundled = sorted(path.name for path in BUNDLED_SOURCES.iterdir())
    assert bundled == sorted(path.name for path in seeds.iterdir())
    for name in bundled:
        assert (BUNDLED_SOURCES / name).read_bytes() == (seeds / name).read_bytes(), name


def test_the_json_report_matches_its_published_schema(checks_run: tuple[str, int, Path]) -> None:
    _, _, reports = checks_run
    schema = json.loads(
        (ROOT / "src" / "concord" / "report" / "concord.schema.json").read_text(encoding="utf-8")
    )
    report = json.loads((reports / "concord.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(report, schema, format_checker=jsonschema.FormatChecker())
    broken = {**report, "findings": [{**report["findings"][0], "locations": []}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_markdown_report(checks_run: tuple[str, int, Path]) -> None:
    _, _, reports = checks_run
    _compare((reports / "concord.md").read_text(encoding="utf-8"), GOLDEN / "concord.md")


def test_html_report(checks_run: tuple[str, int, Path]) -> None:
    _, _, reports = checks_run
    _compare((reports / "concord.html").read_text(encoding="utf-8"), GOLDEN / "concord.html")


def test_sarif_report(checks_run: tuple[str, int, Path]) -> None:
    _, _, reports = checks_run
    sarif = json.loads((reports / "concord.sarif").read_text(encoding="utf-8"))
    sarif["runs"][0]["tool"]["driver"]["version"] = "<version>"
    _compare(json.dumps(sarif, indent=2, ensure_ascii=False) + "\n", GOLDEN / "concord.sarif")


def test_the_sarif_report_matches_the_official_schema(checks_run: tuple[str, int, Path]) -> None:
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"{schema_path} is absent: the shared folder is not beside this checkout")
    _, _, reports = checks_run
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    sarif = json.loads((reports / "concord.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.validate(sarif, schema, cls=jsonschema.Draft4Validator)
    result = sarif["runs"][0]["results"][0]
    assert result["partialFingerprints"]["concordFindingHash/v1"]
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    broken = json.loads(json.dumps(sarif))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft4Validator)
