"""The `[corpus]` table and the per-source `[sources.<id>]` metadata tables."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from concord.rules.common import StrictModel

DateOrder = Literal["DMY", "MDY", "YMD"]


class CorpusConfig(StrictModel):
    """Which files make up the corpus, and how to read them."""

    include: list[str] = Field(
        min_length=1,
        description="Glob patterns of source files, relative to the rules file's folder.",
    )
    exclude: list[str] = Field(default_factory=list, description="Glob patterns to leave out.")
    language: str = Field(default="en", description="Language of the sources (BCP 47).")
    date_order: DateOrder | None = Field(
        default=None,
        description="How to read numeric dates such as 05/06/2023. An ambiguous numeric date "
        "is never guessed: without this setting it stays unread.",
    )
    published_from_text: bool = Field(
        default=True,
        description="Read a source's publication date from a dateline in its text when "
        "`published` is not declared for it.",
    )


class SourceMetadata(StrictModel):
    """What a user knows about one source; declared values win over anything read from text."""

    title: str | None = Field(default=None, description="The source's title.")
    outlet: str | None = Field(default=None, description="Who published it.")
    published: dt.date | None = Field(
        default=None, description="Publication date as a TOML date, e.g. 2023-06-14."
    )
    language: str | None = Field(default=None, description="Overrides `[corpus].language`.")
    date_order: DateOrder | None = Field(
        default=None, description="Overrides `[corpus].date_order` for this source."
    )
