"""Where a key or table of a TOML document stands, so that errors can name a line.

TOML parsers return plain data without positions. This scans the text once for table headers
and `key =` lines and maps each document path (as pydantic reports it, e.g.
`("rules", 2, "people", 0, "family")`) to the line of the deepest part of it that is written
out. Values inside inline tables and arrays fall back to the line of their key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PathPart = str | int
DocPath = tuple[PathPart, ...]

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*(?P<key>[^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*(?P<key>[^\]\[]+?)\s*\]")
_KEY_LINE = re.compile(
    r"""^\s*(?P<key>(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_DOTTED_PART = re.compile(r"""\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*""")


def split_dotted_key(key: str) -> tuple[str, ...]:
    """`a."b.c".d` -> ("a", "b.c", "d")."""
    if '"' not in key and "'" not in key:  # most keys: no quoting to respect
        bare = tuple(part.strip() for part in key.split("."))
        if all(_BARE_KEY.fullmatch(part) for part in bare):
            return bare
    parts: list[str] = []
    for raw in _split_on_unquoted_dots(key):
        match = _DOTTED_PART.fullmatch(raw)
        if match is None:
            return ()
        parts.append(match.group("dq") or match.group("sq") or match.group("bare") or "")
    return tuple(parts)


def _split_on_unquoted_dots(key: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quote: str | None = None
    for char in key:
        if quote:
            current.append(char)
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
            current.append(char)
        elif char == ".":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


class TomlLines:
    """A map from document paths to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[DocPath, int] = {}
        self._scan(text)

    def line_of(self, path: Sequence[PathPart]) -> int | None:
        """The line of the deepest written-out prefix of `path`, or None if none is."""
        for length in range(len(path), -1, -1):
            line = self._lines.get(tuple(path[:length]))
            if line is not None:
                return line
        return None

    def _scan(self, text: str) -> None:
        array_counts: dict[DocPath, int] = {}
        table: DocPath = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            stripped = line.lstrip()
            if stripped.startswith("#") or not stripped:
                continue
            header = _ARRAY_HEADER.match(line)
            if header:
                keys = split_dotted_key(header.group("key"))
                parent = self._resolve(keys[:-1], array_counts)
                array_path = (*parent, keys[-1]) if keys else ()
                index = array_counts.get(array_path, 0)
                array_counts[array_path] = index + 1
                table = (*array_path, index)
                self._lines.setdefault(array_path, number)
                self._lines[table] = number
                continue
            header = _TABLE_HEADER.match(line)
            if header:
                table = self._resolve(split_dotted_key(header.group("key")), array_counts)
                self._lines.setdefault(table, number)
                continue
            key_line = _KEY_LINE.match(line)
            if key_line:
                keys = split_dotted_key(key_line.group("key"))
                for depth in range(1, len(keys) + 1):
                    self._lines.setdefault((*table, *keys[:depth]), number)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_multiline = quote

    def _resolve(self, keys: Sequence[str], array_counts: dict[DocPath, int]) -> DocPath:
        """Map header keys to a path, stepping into the latest element of arrays of tables."""
        path: DocPath = ()
        for key in keys:
            path = (*path, key)
            count = array_counts.get(path)
            if count:
                path = (*path, count - 1)
        return path
