"""Paths as users see them: relative to the pytest root where possible."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=65536)
def display_path(path: Path, root: Path) -> str:
    """Resolving touches the file system: a large corpus asks for the same few thousand
    paths once per finding, so the answers are kept."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()
