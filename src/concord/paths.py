"""Paths as users see them: relative to the pytest root where possible."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` where it is inside it, both resolved."""
    if path.is_absolute() and root.is_absolute():
        return _display_absolute(path, root)
    # A relative path means another thing once the working folder changes: never kept.
    return _relative(path.resolve(), root.resolve())


@lru_cache(maxsize=65536)
def _display_absolute(path: Path, root: Path) -> str:
    """A large corpus asks for the same few thousand paths once per finding, so the answers
    are kept; and the folder is resolved once for all the files in it, since resolving
    touches the disk once per component."""
    if path.name in ("", ".", "..") or os.path.islink(path):
        resolved = path.resolve()
    else:
        resolved = _resolved_folder(path.parent) / path.name
    return _relative(resolved, _resolved_folder(root))


@lru_cache(maxsize=1024)
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()


def _relative(resolved: Path, root: Path) -> str:
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.as_posix()
