"""Constants and types the tests share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_SOURCES = ROOT / "checks" / "sources"
SHARED = ROOT.parent / "shared"

HEADER = 'version = 1\n\n[corpus]\ninclude = ["checks/sources/*.txt"]\n'

QIN_RULE = """
[[rules]]
id = "names"
kind = "name"
description = "People are called by their family name."

  [[rules.people]]
  name = "Qin Gang"
  family = "Qin"

  [[rules.people]]
  name = "Antony Blinken"
  family = "Blinken"
"""

DATE_RULE = """
[[rules]]
id = "visit"
kind = "date"
description = "The visit's dates agree."
triggers = ["visit"]
"""

QUOTE_RULE = """
[[rules]]
id = "quotes"
kind = "quote"
description = "Quotes read the same everywhere."
"""

MiniProject = Callable[..., Path]
