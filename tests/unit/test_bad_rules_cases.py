"""tests/cases/bad-rules/: broken rules files, each with the exact message it must produce.

Every message names the file and the line, the rule id when the problem is inside a rule, and
the fix. The `.expected` files are reviewed text: when a message changes on purpose, edit the
file in the same commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from concord.config import load_rules
from concord.corpus import load_corpus
from concord.errors import ConcordError
from concord.errors import ConcordErrors

CASES = Path(__file__).resolve().parents[1] / "cases" / "bad-rules"
FILES = sorted(CASES.glob("*.toml"))


@pytest.mark.parametrize("rules_file", FILES, ids=[path.stem for path in FILES])
def test_a_broken_rules_file_gives_its_exact_message(
    rules_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CASES)  # messages name files relative to where the run starts
    with pytest.raises((ConcordError, ConcordErrors)) as raised:
        load_corpus(load_rules(Path(rules_file.name)))
    message = str(raised.value) + "\n"
    assert message == rules_file.with_suffix(".expected").read_text(encoding="utf-8")
    first_line = message.splitlines()[0]
    assert first_line.startswith(f"{rules_file.name}:")
    assert first_line.split(":")[1].isdigit()  # the line
    assert "\n  fix: " in message


def test_there_are_at_least_thirty_cases() -> None:
    assert len(FILES) >= 30
    assert all(path.with_suffix(".expected").is_file() for path in FILES)
