"""A cache of extraction results, so that a rerun over unchanged sources skips the extractors.

Extraction is a pure function of (source text, extractor settings). An entry is keyed by the
hash of both, stored as one JSON file written atomically (so concurrent xdist workers never see
half of one), and carries a checksum of its payload: an entry that does not parse, does not
match its checksum, or was written by another format version is ignored and rebuilt, never
trusted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from concord.report.atomic import write_atomically

FORMAT = 1


@dataclass
class ExtractionCache:
    """Entries under `folder`; `hits` and `misses` count this process's lookups."""

    folder: Path
    hits: int = 0
    misses: int = 0
    rebuilt: int = 0
    _memory: dict[str, Any] = field(default_factory=dict)

    def get_or_compute(self, text: str, settings: str, compute: Callable[[], Any]) -> Any:
        """The cached payload for (text, settings), or `compute()` stored for next time.
        The payload must be plain JSON data."""
        key = _key(text, settings)
        if key in self._memory:
            self.hits += 1
            return self._memory[key]
        path = self.folder / key[:2] / f"{key}.json"
        payload = self._read(path, key)
        if payload is None:
            self.misses += 1
            payload = compute()
            self._write(key, payload)
        else:
            self.hits += 1
        self._memory[key] = payload
        return payload

    def put(self, text: str, settings: str, payload: Any) -> None:
        """Store a payload computed elsewhere (in a worker process)."""
        key = _key(text, settings)
        self._write(key, payload)
        self._memory[key] = payload

    def _write(self, key: str, payload: Any) -> None:
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        entry = {"format": FORMAT, "key": key, "sha256": _digest(body), "payload": body}
        write_atomically(self.folder / key[:2] / f"{key}.json", json.dumps(entry))

    def has(self, text: str, settings: str) -> bool:
        """Whether a valid entry exists (without counting a lookup)."""
        key = _key(text, settings)
        if key in self._memory:
            return True
        payload = self._read(self.folder / key[:2] / f"{key}.json", key)
        if payload is None:
            return False
        self._memory[key] = payload
        return True

    def _read(self, path: Path, key: str) -> Any:
        if not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            body = entry["payload"]
            valid = (
                entry["format"] == FORMAT
                and entry["key"] == key
                and entry["sha256"] == _digest(body)
            )
            if valid:
                return json.loads(body)
        except (ValueError, KeyError, TypeError, OSError):
            pass
        self.rebuilt += 1  # corrupted or stale: recompute and overwrite
        return None


def _key(text: str, settings: str) -> str:
    return hashlib.sha256(f"{FORMAT}\x1f{settings}\x1f{text}".encode()).hexdigest()


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()
