"""Whether the reports on disk are the ones this run would write, so that an unchanged rerun
does not render tens of MB of SARIF, HTML and Markdown again.

The stamp is kept in pytest's cache: a hash of what the reports are made from (the JSON
report, which carries every finding, plus every source's text, the root folder and the code),
and each file's size and modification time as written. A report edited, replaced or deleted
since then no longer matches its stamp, and every report is written afresh.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from concord.corpus import Corpus
from concord.extraction import code_fingerprint

CACHE_KEY = "concord/reports"


@dataclass(frozen=True)
class ReportStamp:
    made_from: str
    files: dict[str, list[int]]  # path -> [size, mtime_ns]

    @classmethod
    def of(cls, made_from: str, paths: Sequence[Path]) -> ReportStamp:
        return cls(made_from, {str(path): _stat(path) for path in paths})

    def matches(self, made_from: str, paths: Sequence[Path]) -> bool:
        if made_from != self.made_from or set(self.files) != {str(path) for path in paths}:
            return False
        try:
            return all(_stat(path) == self.files[str(path)] for path in paths)
        except OSError:
            return False  # a report is gone

    def to_json(self) -> dict[str, Any]:
        return {"made_from": self.made_from, "files": self.files}

    @classmethod
    def from_json(cls, data: Any) -> ReportStamp | None:
        try:
            files = {
                str(path): [int(size), int(mtime)] for path, (size, mtime) in data["files"].items()
            }
            return cls(str(data["made_from"]), files)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # an older or damaged stamp: write the reports


def made_from(json_report: bytes, corpus: Corpus | None, root: Path) -> str:
    digest = hashlib.sha256()
    for part in (code_fingerprint(), str(root), corpus.fingerprint if corpus else ""):
        digest.update(part.encode())
        digest.update(b"\x1f")
    digest.update(json_report)
    return digest.hexdigest()


def _stat(path: Path) -> list[int]:
    status = os.stat(path)
    return [status.st_size, status.st_mtime_ns]
