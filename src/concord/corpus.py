"""The corpus: sources discovered from the rules file's globs, with metadata; each read at most
once, and not at all when the file is as it was when last read (`concord.source_snapshot`)."""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import glob
import hashlib
import os
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from functools import cached_property
from pathlib import Path
from typing import Any
from typing import Literal
from typing import cast

from concord.cache import ExtractionCache
from concord.cache import content_digest
from concord.cache import raw_digest
from concord.config import LoadedRules
from concord.errors import ConcordError
from concord.errors import ConcordErrors
from concord.errors import SourceError
from concord.extract.dateline import find_dateline
from concord.extract.sentences import Span
from concord.extract.sentences import sentences
from concord.rules import SourceMetadata
from concord.rules.corpus import DateOrder
from concord.source_snapshot import Dateline
from concord.source_snapshot import Entry
from concord.source_snapshot import FileState
from concord.source_snapshot import load_snapshot
from concord.source_snapshot import snapshot_key
from concord.source_snapshot import store_snapshot
from concord.textpos import line_and_column
from concord.textpos import line_starts

PublishedOrigin = Literal["declared", "text"]
_BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Published:
    """A publication date and where it came from."""

    date: dt.date
    origin: PublishedOrigin
    line: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class Source:
    """One document of the corpus. `id` is the file name's stem."""

    id: str
    path: Path
    text: str = field(repr=False)
    metadata: SourceMetadata
    published: Published | None

    @cached_property
    def digest(self) -> str:
        """The hash of the text that extraction results are cached under."""
        return content_digest(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """The text's sentences, split once however many rules read them."""
        return sentences(self.text)

    @cached_property
    def _starts(self) -> tuple[int, ...]:
        return line_starts(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        return line_and_column(self._starts, offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self._starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


class _ReadOnFirstUse:
    """`Source.text` of a source known from the snapshot: read when first asked for, and
    checked against the digest the run's cache keys were made from."""

    def __get__(self, source: Source | None, owner: type | None = None) -> Any:
        if source is None:
            return self
        _, text = read_source(source.path)
        if content_digest(text) != source.digest:
            raise SourceError(
                source.path,
                None,
                "the source changed while pytest was running",
                "run pytest again once nothing is writing to the corpus",
            )
        source.__dict__["text"] = text
        return text


# A non-data descriptor: a source made by `Source(...)` holds its text in `__dict__`, which
# comes first; only `_unread_source` leaves it out. (Set here, not in the class body, where the
# dataclass would take it for the field's default.)
setattr(Source, "text", _ReadOnFirstUse())  # noqa: B010


def _unread_source(
    source_id: str, path: Path, metadata: SourceMetadata, published: Published | None, digest: str
) -> Source:
    """A source whose text is read only if something asks for it (`_ReadOnFirstUse`)."""
    source = object.__new__(Source)
    source.__dict__.update(
        id=source_id, path=path, metadata=metadata, published=published, digest=digest
    )
    return source


@dataclass(frozen=True)
class Corpus:
    """The sources a rules file covers, in a stable order (by id)."""

    sources: tuple[Source, ...]

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    @classmethod
    def from_texts(
        cls, texts: Mapping[str, str], published: Mapping[str, dt.date] | None = None
    ) -> Corpus:
        """An in-memory corpus, for using the rules from Python (and for tests): id -> text,
        with optional publication dates (id -> date), taken as declared."""
        dates = published or {}
        return cls(
            sources=tuple(
                Source(
                    id=source_id,
                    path=Path(f"{source_id}.txt"),
                    text=text,
                    metadata=SourceMetadata(published=dates.get(source_id)),
                    published=Published(dates[source_id], "declared")
                    if source_id in dates
                    else None,
                )
                for source_id, text in sorted(texts.items())
            )
        )

    @cached_property
    def by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything a rule can read of the corpus: each source's id, text,
        metadata and publication date, in order."""
        digest = hashlib.sha256()
        described: dict[int, str] = {}  # undeclared sources share one metadata object
        for source in self.sources:
            metadata = described.get(id(source.metadata))
            if metadata is None:
                metadata = described[id(source.metadata)] = source.metadata.model_dump_json()
            published = source.published
            dated = (
                f"{published.date.isoformat()}|{published.origin}|{published.line}|{published.text}"
                if published
                else ""
            )
            digest.update(f"{source.id}\x1f{source.digest}\x1f{metadata}\x1f{dated}\x1e".encode())
        return digest.hexdigest()


def load_corpus(rules: LoadedRules, cache: ExtractionCache | None = None) -> Corpus:
    """Discover, read and describe every source. Raises `SourceError` or `ConcordErrors`.

    With a `cache`, a file found as it was when last read (`concord.source_snapshot`) is not
    read: its digest and dateline come from the snapshot, and its text is read only if a rule
    needs it."""
    paths = discover(rules)
    document = rules.document
    key = snapshot_key(rules.path)
    snapshot = load_snapshot(cache, key) if cache is not None else None
    entries: dict[str, Entry] = {}
    read_any = False
    problems: list[ConcordError] = []
    sources: list[Source] = []
    undeclared = _with_corpus_defaults(SourceMetadata(), rules)  # shared: it is frozen
    for source_id, path in paths.items():
        declared = document.sources.get(source_id)
        metadata = undeclared if declared is None else _with_corpus_defaults(declared, rules)
        date_order = _dateline_order(metadata, rules)
        try:
            state: FileState | None = FileState.of(path)
        except OSError:
            state = None  # reading it says why, in the words a missing file is reported in
        entry = snapshot.trusted(path, state) if snapshot and state else None
        if entry is not None and _knows_dateline(entry, date_order):
            dateline = entry.dateline.found if entry.dateline else None
            published = _published(metadata, dateline)
            sources.append(_unread_source(source_id, path, metadata, published, entry.digest))
            entries[str(path)] = entry
            continue
        read_any = True
        try:
            raw, text = read_source(path)
        except SourceError as error:
            problems.append(error)
            continue
        found = _dateline(text, date_order) if date_order is not None else None
        source = Source(
            id=source_id,
            path=path,
            text=text,
            metadata=metadata,
            published=_published(metadata, found),
        )
        # The text's UTF-8 is the file's bytes after any byte order mark: hashed as read, not
        # encoded again (the same digest as `content_digest(text)`).
        utf8 = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
        source.__dict__["digest"] = raw_digest(utf8)
        sources.append(source)
        if state is not None:
            read = None if date_order is None else Dateline(date_order, found)
            entries[str(path)] = Entry(state, source.digest, read)
    problems.extend(_unknown_metadata_ids(rules, set(paths)))
    problems.extend(_unknown_waiver_sources(rules, set(paths)))
    if problems:
        raise problems[0] if len(problems) == 1 else ConcordErrors(problems)
    if cache is not None and (
        read_any or snapshot is None or len(entries) != len(snapshot.entries)
    ):
        store_snapshot(cache, key, entries)
    return Corpus(sources=tuple(sorted(sources, key=lambda source: source.id)))


def _dateline_order(metadata: SourceMetadata, rules: LoadedRules) -> str | None:
    """The date order a dateline is read in ("" for none given), or None when no dateline is
    wanted (a declared date, or `published_from_text = false`)."""
    corpus = rules.document.corpus
    if metadata.published is not None or not corpus.published_from_text:
        return None
    return metadata.date_order or corpus.date_order or ""


def _knows_dateline(entry: Entry, date_order: str | None) -> bool:
    if date_order is None:
        return True
    return entry.dateline is not None and entry.dateline.date_order == date_order


def _with_corpus_defaults(declared: SourceMetadata, rules: LoadedRules) -> SourceMetadata:
    corpus = rules.document.corpus
    return declared.model_copy(
        update={
            "language": declared.language or corpus.language,
            "date_order": declared.date_order or corpus.date_order,
        }
    )


def discover(rules: LoadedRules) -> dict[str, Path]:
    """Source id -> path for every file the corpus globs match, minus the excluded ones."""
    corpus = rules.document.corpus
    folder = rules.folder
    found: dict[str, Path] = {}
    excluded = {
        Path(folder, match).resolve()
        for pattern in corpus.exclude
        for match in glob.glob(pattern, root_dir=folder, recursive=True)
    }
    for index, pattern in enumerate(corpus.include):
        matches = sorted(glob.glob(pattern, root_dir=folder, recursive=True))
        joined = (os.path.join(folder, match) for match in matches)
        files = [Path(path) for path in joined if os.path.isfile(path)]
        if not files:
            raise SourceError(
                rules.path,
                rules.line_of("corpus", "include", index),
                _no_match_problem(pattern),
                f"correct the pattern (it is relative to {folder}), or remove it",
            )
        for path in files:
            # Resolving touches the disk: only when it can matter (10,000 sources, 10,000 calls).
            if excluded and path.resolve() in excluded:
                continue
            if path.stem in found and found[path.stem].resolve() != path.resolve():
                raise SourceError(
                    rules.path,
                    rules.line_of("corpus", "include", index),
                    f"two sources share the id {path.stem!r}: {found[path.stem]} and {path}",
                    "source ids are file-name stems: rename one file or exclude it",
                )
            found[path.stem] = path
    if not found:
        raise SourceError(
            rules.path,
            rules.line_of("corpus"),
            "the corpus is empty: every matched file is excluded",
            "narrow [corpus].exclude or widen [corpus].include",
        )
    return dict(sorted(found.items()))


def _no_match_problem(pattern: str) -> str:
    if any(char in pattern for char in "*?["):
        return f"the pattern {pattern!r} matches no file"
    return f"source file not found: {pattern!r}"


def read_source(path: Path) -> tuple[bytes, str]:
    """The bytes and the text of a source file; binary or non-UTF-8 content is a
    `SourceError`."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(
            path, None, f"cannot read the source: {error.strerror}", "check that it exists"
        ) from None
    if b"\x00" in raw[:_BINARY_SNIFF_BYTES]:
        raise SourceError(
            path,
            raw[: raw.index(b"\x00")].count(b"\n") + 1,
            "this is a binary file, not text",
            "convert it to UTF-8 text, or leave it out with [corpus].exclude",
        )
    try:
        return raw, raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(
            path,
            line,
            f"not UTF-8: byte 0x{raw[error.start]:02x} at column {column} (byte {error.start})",
            "re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), "
            "or leave it out with [corpus].exclude",
        ) from None


def _dateline(text: str, date_order: str) -> tuple[str, int, str] | None:
    """The text's dateline as (ISO date, line, text), or None."""
    dateline = find_dateline(text, cast(DateOrder, date_order) if date_order else None)
    if dateline is None:
        return None
    return dateline.date.isoformat(), dateline.line, dateline.text


def _published(metadata: SourceMetadata, dateline: tuple[str, int, str] | None) -> Published | None:
    if metadata.published is not None:
        return Published(date=metadata.published, origin="declared")
    if dateline is None:
        return None
    iso, line, text = dateline
    return Published(date=dt.date.fromisoformat(iso), origin="text", line=line, text=text)


# Past this many unknown ids the cause is a moved corpus or a wrong glob, not typos; looking
# each one up among the corpus's ids made an error about thousands of them take minutes.
_MAX_SUGGESTIONS = 20


def _suggestions(ids: set[str]) -> Callable[[str], str]:
    """A "did you mean" for each of the first `_MAX_SUGGESTIONS` unknown ids asked about."""
    known = sorted(ids)
    asked = 0

    def hint(source_id: str) -> str:
        nonlocal asked
        asked += 1
        if asked > _MAX_SUGGESTIONS:
            return ""
        close = difflib.get_close_matches(source_id, known, n=1, cutoff=0.5)
        return f"did you mean {close[0]!r}? " if close else ""

    return hint


def _unknown_waiver_sources(rules: LoadedRules, ids: set[str]) -> list[ConcordError]:
    problems: list[ConcordError] = []
    suggest = _suggestions(ids)
    for item in rules.waivers:
        for source_id in item.waiver.sources:
            if source_id not in ids:
                hint = suggest(source_id)
                problems.append(
                    SourceError(
                        item.path,
                        item.line,
                        f"the waiver names source {source_id!r}, which is not in the corpus",
                        f"{hint}source ids are file-name stems of the corpus files",
                    )
                )
    return problems


def _unknown_metadata_ids(rules: LoadedRules, ids: set[str]) -> list[ConcordError]:
    problems: list[ConcordError] = []
    suggest = _suggestions(ids)
    for source_id in rules.document.sources:
        if source_id not in ids:
            hint = suggest(source_id)
            problems.append(
                SourceError(
                    rules.path,
                    rules.line_of("sources", source_id),
                    f"[sources.{source_id}] names no source of the corpus",
                    f"{hint}source ids are file-name stems of the corpus files",
                )
            )
    return problems


__all__ = ["Corpus", "Published", "Source", "line_and_column", "load_corpus"]
