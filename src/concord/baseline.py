"""`--concord-baseline-update`: accept every open finding by writing a waiver for it.

New waivers are appended to the waivers file (`include_waivers`, or `waivers.toml` beside the
rules file), so what is already there, comments included, is kept. Each waiver names the
finding's fingerprint, which has no line numbers in it and survives edits elsewhere in the
source.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from concord.report.atomic import write_atomically

BASELINE_REASON = "baseline"
_HEADER = (
    "# Waivers: known, accepted findings. `pytest checks/ --concord-baseline-update` appends one\n"
    "# for each open finding; replace `reason` with a real one when you keep a waiver.\n"
)


def write_baseline(path: Path, findings: Sequence[dict[str, Any]]) -> int:
    """Append a waiver for each finding; return how many were written."""
    existing = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    blocks = [_waiver(finding) for finding in findings]
    if not blocks:
        return 0
    separator = "" if existing.endswith("\n\n") or not existing else "\n"
    write_atomically(path, existing + separator + "\n".join(blocks))
    return len(blocks)


def _waiver(finding: dict[str, Any]) -> str:
    sources = sorted({location["source"] for location in finding["locations"]})
    lines = [
        "[[waivers]]",
        f"rule = {_string(finding['rule'])}",
        f"sources = [{', '.join(_string(source) for source in sources)}]",
        f"fingerprint = {_string(finding['fingerprint'])}",
        f"# {finding['code']}: {_one_line(finding['locations'][0]['text'])}",
        f"reason = {_string(BASELINE_REASON)}",
    ]
    return "\n".join(lines) + "\n"


def _string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's for everything we write."""
    return json.dumps(value, ensure_ascii=False)


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:59] + "…"
