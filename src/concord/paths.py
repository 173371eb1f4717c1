"""Paths as users see them: relative to the pytest root where possible."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` where it is inside it, both resolved."""
    if path.is_absolute() and root.is_absolute():
        return _display_absolute(str(path), str(root))
    # A relative path means another thing once the working folder changes: never kept.
    return _relative(str(path.resolve()), str(root.resolve()))


@lru_cache(maxsize=65536)
def _display_absolute(path: str, root: str) -> str:
    """A large corpus asks for the same few thousand paths once per finding, so the answers
    are kept; and each folder is resolved once for all the files in it, since resolving
    touches the disk once per component."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        resolved = os.path.realpath(path)
    else:
        resolved = os.path.join(_resolved_folder(folder), name)
    return _relative(resolved, _resolved_folder(root))


@lru_cache(maxsize=1024)
def _resolved_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _relative(resolved: str, root: str) -> str:
    if resolved == root:
        return "."
    inside = root.rstrip(os.sep) + os.sep
    shown = resolved[len(inside) :] if resolved.startswith(inside) else resolved
    return shown.replace(os.sep, "/")
