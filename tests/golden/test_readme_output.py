"""The output printed in the README is the output the golden test keeps: they cannot drift."""

from __future__ import annotations

from tests.helpers import ROOT


def test_the_readme_shows_the_golden_output() -> None:
    golden = (ROOT / "tests" / "golden" / "checks.txt").read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(golden) if line.startswith("rules.toml "))
    expected = [
        line.replace("<reports>/", "reports/") for line in golden[start:] if "N.NNs" not in line
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\nrules.toml ", 1)[1].split("\n```", 1)[0]
    assert ("rules.toml " + block).splitlines() == expected
