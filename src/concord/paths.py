"""Paths as users see them: relative to the pytest root where possible."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()
