"""A cache of extraction results, so that a rerun over unchanged sources skips the extractors.

Extraction is a pure function of (source text, extractor settings). An entry is keyed by the
hash of both, stored as one file written atomically (so concurrent xdist workers never see half
of one, and a killed run leaves whole entries or none), and carries a checksum of its payload:
an entry that does not parse, does not match its checksum or its key, or was written by another
format version is ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import orjson

from concord.report.atomic import write_atomically

FORMAT = 3  # 3: a header line (magic, format, key, checksum), then the JSON payload
_MAGIC = "concord-extraction"


@dataclass
class ExtractionCache:
    """Entries under `folder`; `hits`, `misses` and `rebuilt` count this process's lookups.

    Entries are addressed by the source's content digest (`Source.digest`), so the text is
    hashed once per run however many extractors read it.
    """

    folder: Path
    hits: int = 0
    misses: int = 0
    rebuilt: int = 0
    _memory: dict[str, Any] = field(default_factory=dict)

    def get(self, digest: str, settings: str) -> Any:
        """The cached payload for (content digest, settings), or None (a miss)."""
        key = _key(digest, settings)
        payload = self._memory.get(key)
        if payload is None:
            payload = self._read(self._path(key), key)
        if payload is None:
            self.misses += 1
            return None
        self.hits += 1
        self._memory[key] = payload
        return payload

    def put(self, digest: str, settings: str, payload: Any) -> None:
        """Store a payload (plain JSON data), computed here or by a worker."""
        key = _key(digest, settings)
        body = orjson.dumps(payload)
        header = f"{_MAGIC} {FORMAT} {key} {_digest(body)}\n".encode()
        # No fsync: a torn entry fails its checksum and is rebuilt, so durability buys nothing
        # here, and an fsync per entry would cost more than extracting the source again.
        write_atomically(self._path(key), header + body, durable=False)
        self._memory[key] = payload

    def get_or_compute(self, digest: str, settings: str, compute: Callable[[], Any]) -> Any:
        payload = self.get(digest, settings)
        if payload is None:
            payload = compute()
            self.put(digest, settings, payload)
        return payload

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _read(self, path: Path, key: str) -> Any:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.rebuilt += 1
            return None
        header, _, body = raw.partition(b"\n")
        try:
            magic, version, stored_key, checksum = header.decode("ascii").split(" ")
            valid = (
                magic == _MAGIC
                and version == str(FORMAT)
                and stored_key == key
                and checksum == _digest(body)
            )
            if valid:
                return orjson.loads(body)
        except (ValueError, UnicodeDecodeError, orjson.JSONDecodeError):
            pass
        self.rebuilt += 1  # corrupted or stale: recompute and overwrite
        return None


def content_digest(text: str) -> str:
    """The hash a source's cache entries are addressed by."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _key(digest: str, settings: str) -> str:
    return hashlib.sha256(f"{FORMAT}\x1f{settings}\x1f{digest}".encode()).hexdigest()


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
