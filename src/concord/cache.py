"""A cache of extraction results, so that a rerun over unchanged sources skips the extractors.

Extraction is a pure function of (source text, extractor settings, extractor code). An entry is
keyed by a hash of all three and holds the payload (JSON) with its checksum, in one SQLite
database under pytest's cache folder. SQLite gives what a folder of files would have to build:
concurrent xdist workers serialise their writes through its locks, a run killed mid-write
leaves the last committed transaction intact, and a rerun reads every entry it needs in a few
queries instead of opening one file per source and extractor.

Nothing read back is trusted: an entry whose checksum does not match its payload is rebuilt, and
a database file that SQLite cannot read (truncated, overwritten) is moved aside and started
afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import orjson

FORMAT = 4  # 4: one SQLite database; the format is part of every key
DATABASE = "extraction.sqlite3"
# SQLite's default limit on bound parameters is 999 on older builds.
_QUERY_CHUNK = 900
_BUSY_SECONDS = 120.0  # a worker waits this long for another's write to finish
# Entries a complete run did not use are dropped once there are more of them than it used: one
# full round of edits is kept (a revert is then still cached), endless rounds are not.
_UNUSED_ALLOWED = 2
_SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, checksum TEXT, payload BLOB)"


@dataclass
class ExtractionCache:
    """The cache database in `folder`; `hits`, `misses` and `rebuilt` count this process's
    lookups.

    Entries are addressed by the source's content digest (`Source.digest`), so the text is
    hashed once per run however many extractors read it. Nothing is kept in memory between
    lookups: a rule's payloads are freed when the rule is done.
    """

    folder: Path
    hits: int = 0
    misses: int = 0
    rebuilt: int = 0
    # Every key this process looked up or stored: what a complete run needs (`drop_unused`).
    touched: set[str] = field(default_factory=set, repr=False)
    _connection: sqlite3.Connection | None = field(default=None, repr=False)

    @classmethod
    def of_generation(cls, base: Path, generation: str) -> ExtractionCache:
        """The cache of this version of the code, in `base/<generation>/`, with the caches of
        every other version removed.

        Every key hashes the code, so an entry written by other code is never read again:
        without this, each upgrade (or each edit of a development checkout) would leave a
        whole corpus's worth of dead entries behind, and the database would only grow.
        """
        if base.is_dir():
            for entry in base.iterdir():
                if entry.name == generation:
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                elif entry.name.startswith(DATABASE):  # the layout before generations
                    entry.unlink(missing_ok=True)
        return cls(base / generation)

    def get(self, digest: str, settings: str) -> Any:
        """The cached payload for (content digest, settings), or None (a miss)."""
        return self.get_many([(digest, settings)])[0]

    def get_many(self, wanted: Sequence[tuple[str, str]]) -> list[Any]:
        """The payload of every (content digest, settings) pair, None where there is none."""
        keys = [_key(digest, settings) for digest, settings in wanted]
        self.touched.update(keys)
        stored = self._read(list(dict.fromkeys(keys)))
        found = [stored.get(key) for key in keys]
        hits = sum(1 for payload in found if payload is not None)
        self.hits += hits
        self.misses += len(found) - hits
        return found

    def put(self, digest: str, settings: str, payload: Any) -> None:
        """Store a payload (plain JSON data), computed here or by a worker."""
        self.put_many([(digest, settings, payload)])

    def put_many(self, entries: Iterable[tuple[str, str, Any]]) -> None:
        """Store several payloads in one transaction: all of them or, if the run is killed
        first, none."""
        rows = []
        for digest, settings, payload in entries:
            key = _key(digest, settings)
            self.touched.add(key)
            body = orjson.dumps(payload)
            rows.append((key, _checksum(body), body))
        if not rows:
            return
        with self._database() as connection:
            connection.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)

    def drop_unused(self) -> int:
        """After a run that ran every rule: delete the entries it neither read nor wrote, once
        they outnumber the ones it did; return how many were deleted.

        Those are the facts of sources as they were before an edit: a corpus edited day after
        day would otherwise grow the cache without end. Dropping an entry a later run needs
        again costs that run one extraction, never a wrong finding.
        """
        if not self.touched:
            return 0
        try:
            connection = self._connect()
            (total,) = connection.execute("SELECT count(*) FROM entries").fetchone()
            if total <= _UNUSED_ALLOWED * len(self.touched):
                return 0
            with connection:
                connection.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                connection.execute("DELETE FROM used")
                connection.executemany(
                    "INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in self.touched)
                )
                dropped = connection.execute(
                    "DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)"
                ).rowcount
        except sqlite3.DatabaseError:
            return 0  # nothing lost: the entries stay
        return int(dropped)

    def verify(self) -> tuple[int, int]:
        """Read every entry back: (entries that verify, entries that do not)."""
        try:
            keys = [key for (key,) in self._connect().execute("SELECT key FROM entries")]
        except sqlite3.DatabaseError:
            self._start_afresh()
            return 0, 1
        before = self.rebuilt
        good = len(self._read(keys))
        return good, self.rebuilt - before

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _read(self, keys: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        try:
            connection = self._connect()
            for start in range(0, len(keys), _QUERY_CHUNK):
                chunk = keys[start : start + _QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, checksum, payload FROM entries WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, checksum, body in rows:
                    payload = self._verified(checksum, body)
                    if payload is not None:
                        found[key] = payload
        except sqlite3.DatabaseError:
            self._start_afresh()
            return {}
        return found

    def _verified(self, checksum: str, body: Any) -> Any:
        if isinstance(body, bytes) and checksum == _checksum(body):
            try:
                return orjson.loads(body)
            except orjson.JSONDecodeError:
                pass
        self.rebuilt += 1  # corrupted: recompute and overwrite
        return None

    @contextlib.contextmanager
    def _database(self) -> Any:
        try:
            connection = self._connect()
            with connection:  # one transaction: committed whole, or rolled back
                yield connection
        except sqlite3.DatabaseError:
            # Unreadable file: start again; this run's writes are lost, results are not.
            self._start_afresh()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.folder / DATABASE, timeout=_BUSY_SECONDS)
            # WAL: readers never block the writer; NORMAL: a killed process cannot corrupt a
            # WAL database (only a power cut can lose the last transactions).
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            # A checkpoint (the WAL copied into the database, then synced) every 64 MB, not
            # every 4 MB: a cold 10,000-document run writes about 200 MB, and the syncs were a
            # third of its writing time. The WAL is folded back when the last connection closes.
            connection.execute("PRAGMA wal_autocheckpoint=16384")
            connection.execute(_SCHEMA)
            connection.commit()
            self._connection = connection
        return self._connection

    def _start_afresh(self) -> None:
        """Move an unreadable database aside (kept for a bug report) and begin a new one."""
        self.close()
        self.rebuilt += 1
        database = self.folder / DATABASE
        for suffix in ("", "-wal", "-shm"):
            part = database.with_name(database.name + suffix)
            if part.exists():
                part.replace(part.with_name(part.name + ".corrupt"))


def content_digest(text: str) -> str:
    """The hash a source's cache entries are addressed by."""
    return raw_digest(text.encode("utf-8", "surrogatepass"))


def raw_digest(utf8: bytes) -> str:
    """`content_digest` of the text these UTF-8 bytes spell, without decoding them."""
    return hashlib.sha256(utf8).hexdigest()


def _key(digest: str, settings: str) -> str:
    return hashlib.sha256(f"{FORMAT}\x1f{settings}\x1f{digest}".encode()).hexdigest()


def _checksum(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
