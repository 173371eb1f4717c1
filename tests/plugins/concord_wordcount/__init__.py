"""An example third-party rule kind, `max-words`: no source is longer than a given length.

It shows the extension API (concord.kinds): a pydantic model for the rule's table and a check
function, bundled in a `Kind`. A package declares it as an entry point,

    [project.entry-points."concord.kinds"]
    max-words = "concord_wordcount:KIND"

or a pytest plugin returns it from the `pytest_concord_kinds` hook.
"""

from __future__ import annotations

from typing import Any
from typing import Literal

from pydantic import Field

from concord.corpus import Corpus
from concord.findings import Finding
from concord.findings import Location
from concord.kinds import Kind
from concord.rules import RuleBase


class MaxWordsRule(RuleBase):
    """No source is longer than `max_words` words."""

    kind: Literal["max-words"]
    max_words: int = Field(ge=1, description="The longest a source may be, in words.")


def check_max_words(rule: MaxWordsRule, corpus: Corpus, context: Any) -> list[Finding]:
    findings = []
    for source in corpus:
        words = source.text.split()
        context.stats["matched"] = context.stats.get("matched", 0) + 1
        if len(words) > rule.max_words:
            findings.append(
                Finding(
                    rule=rule.id,
                    kind=rule.kind,
                    severity=rule.severity,
                    code="too-long",
                    message=f"{len(words)} words; at most {rule.max_words}",
                    expected=f"at most {rule.max_words} words",
                    locations=(Location.of_span(source, 0, len(words[0])),),
                )
            )
    return findings


KIND = Kind(name="max-words", model=MaxWordsRule, check=check_max_words, hint="check max_words")
