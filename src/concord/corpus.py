"""The corpus: sources discovered from the rules file's globs, read once, with metadata."""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import glob
import hashlib
import os
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from functools import cached_property
from pathlib import Path
from typing import Literal

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


def load_corpus(rules: LoadedRules) -> Corpus:
    """Discover, read and describe every source. Raises `SourceError` or `ConcordErrors`."""
    paths = discover(rules)
    document = rules.document
    problems: list[ConcordError] = []
    sources: list[Source] = []
    undeclared = _with_corpus_defaults(SourceMetadata(), rules)  # shared: it is frozen
    for source_id, path in paths.items():
        declared = document.sources.get(source_id)
        metadata = undeclared if declared is None else _with_corpus_defaults(declared, rules)
        try:
            raw, text = read_source(path)
        except SourceError as error:
            problems.append(error)
            continue
        source = Source(
            id=source_id,
            path=path,
            text=text,
            metadata=metadata,
            published=_published(text, metadata, rules),
        )
        # The text's UTF-8 is the file's bytes after any byte order mark: hashed as read, not
        # encoded again (the same digest as `content_digest(text)`).
        utf8 = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
        source.__dict__["digest"] = raw_digest(utf8)
        sources.append(source)
    problems.extend(_unknown_metadata_ids(rules, set(paths)))
    problems.extend(_unknown_waiver_sources(rules, set(paths)))
    if problems:
        raise problems[0] if len(problems) == 1 else ConcordErrors(problems)
    return Corpus(sources=tuple(sorted(sources, key=lambda source: source.id)))


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


def _published(text: str, metadata: SourceMetadata, rules: LoadedRules) -> Published | None:
    if metadata.published is not None:
        return Published(date=metadata.published, origin="declared")
    corpus = rules.document.corpus
    if not corpus.published_from_text:
        return None
    dateline = find_dateline(text, metadata.date_order or corpus.date_order)
    if dateline is None:
        return None
    return Published(date=dateline.date, origin="text", line=dateline.line, text=dateline.text)


def _unknown_waiver_sources(rules: LoadedRules, ids: set[str]) -> list[ConcordError]:
    problems: list[ConcordError] = []
    for item in rules.waivers:
        for source_id in item.waiver.sources:
            if source_id not in ids:
                close = difflib.get_close_matches(source_id, sorted(ids), n=1, cutoff=0.5)
                hint = f"did you mean {close[0]!r}? " if close else ""
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
    for source_id in rules.document.sources:
        if source_id not in ids:
            close = difflib.get_close_matches(source_id, sorted(ids), n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}? " if close else ""
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
