"""What each source file looked like when it was last read: its size, times and inode, with the
hash of its text and its dateline. A rerun that finds a file as it was knows its digest without
reading it, and reads the text only if a rule has to look at it.

Reading and hashing 10,000 files was half of a rerun with nothing changed. The file's status is
trusted the way git trusts its index and ruff its cache, with two safeguards against an edit the
status would not show:
- the change time (`st_ctime`) is compared as well as the modification time: an edit can keep
  a file's size and set its modification time back (`touch -d`), but it cannot set back the
  change time, which the system sets on every write;
- a file changed less than `_RACY_SECONDS` before the snapshot was taken is read again next
  time ("racy" in git's words): an edit in the same clock tick as the read would leave every
  time as it was.
A snapshot damaged or from another layout is read as none; `--concord-no-cache` reads every
file.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from concord.cache import ExtractionCache

_KIND = "source-snapshot"
_RACY_SECONDS = 2
_NANOSECONDS = 1_000_000_000


@dataclass(frozen=True)
class FileState:
    """What `os.stat` says of a file that changes with any edit of it."""

    size: int
    modified_ns: int
    changed_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, path: Path) -> FileState:
        """Raises OSError (a missing file) as `os.stat` does."""
        status = os.stat(path)
        return cls(
            status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev
        )

    def as_list(self) -> list[int]:
        return [self.size, self.modified_ns, self.changed_ns, self.inode, self.device]


@dataclass(frozen=True)
class Dateline:
    """The dateline read from a text under one date order: (ISO date, line, text), or None."""

    date_order: str
    found: tuple[str, int, str] | None


@dataclass(frozen=True)
class Entry:
    state: FileState
    digest: str
    dateline: Dateline | None  # None: not looked for (a declared date, or none wanted)


@dataclass
class SourceSnapshot:
    """The entries of one corpus (by absolute path), and when they were taken."""

    entries: dict[str, Entry]
    taken_ns: int

    def trusted(self, path: Path, state: FileState) -> Entry | None:
        """The entry of `path`, if the file is as it was and was not changing when read."""
        entry = self.entries.get(str(path))
        if entry is None or entry.state != state:
            return None
        settled = self.taken_ns - _RACY_SECONDS * _NANOSECONDS
        if max(state.modified_ns, state.changed_ns) >= settled:
            return None
        return entry


def snapshot_key(rules_path: Path) -> str:
    return hashlib.sha256(f"{_KIND}\x1f{rules_path.resolve()}".encode()).hexdigest()


def load_snapshot(cache: ExtractionCache, key: str) -> SourceSnapshot | None:
    payload = cache.get(key, _KIND)
    if payload is None:
        return None
    try:
        return SourceSnapshot(
            entries={path: _entry(record) for path, record in payload["entries"].items()},
            taken_ns=int(payload["taken_ns"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # another layout: every file is read, and the store replaces it


def store_snapshot(cache: ExtractionCache, key: str, entries: dict[str, Entry]) -> None:
    """Store the entries, taken now (after every file in them was read)."""
    payload = {
        "taken_ns": time.time_ns(),
        "entries": {path: _record(entry) for path, entry in entries.items()},
    }
    cache.put(key, _KIND, payload)


def _record(entry: Entry) -> list[Any]:
    dateline = entry.dateline
    return [
        entry.state.as_list(),
        entry.digest,
        None if dateline is None else [dateline.date_order, dateline.found],
    ]


def _entry(record: list[Any]) -> Entry:
    state, digest, dateline = record
    size, modified, changed, inode, device = (int(value) for value in state)
    read: Dateline | None = None
    if dateline is not None:
        order, found = dateline
        read = Dateline(
            str(order), None if found is None else (str(found[0]), int(found[1]), str(found[2]))
        )
    return Entry(FileState(size, modified, changed, inode, device), str(digest), read)
