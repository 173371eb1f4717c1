"""Hooks other pytest plugins may implement to extend pytest-concord."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.hookspec
def pytest_concord_kinds(config: pytest.Config) -> list[Any]:
    """Return `concord.kinds.Kind` objects: rule kinds to add, besides the built-in ones."""
    raise NotImplementedError  # pragma: no cover - a specification, never called
