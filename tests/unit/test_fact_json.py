"""Facts are written to the extraction cache field by field, not with `dataclasses.asdict`
(which deep-copies every value): each form must still hold every field, with its value, so a
field added later cannot be left out of the cache."""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import fields

import pytest

from concord.extract.names import NameMention
from concord.extract.quotations import Quote


def test_a_name_mention_is_written_whole() -> None:
    mention = NameMention("Qin Gang", "given", 3, 7, "Gang", "Gang", expected="Qin")
    written = mention.to_json()
    assert list(written) == [field.name for field in fields(NameMention)]
    assert written == asdict(mention)


def test_a_quote_is_written_whole_and_read_back() -> None:
    quote = Quote(
        start=10,
        end=40,
        text="We are not going to Beijing",
        speaker="Daniel Kritenbrink",
        speaker_text="Kritenbrink",
        speaker_span=(50, 61),
        cue="said",
        how="after",
        depth=1,
        paragraph=2,
    )
    written = quote.to_json()
    assert list(written) == [field.name for field in fields(Quote)]
    assert written == {**asdict(quote), "speaker_span": [50, 61]}
    assert Quote.from_json(written) == quote
    unattributed = Quote(1, 2, "x", None, None, None, None, "none", 0, 0)
    assert Quote.from_json(unattributed.to_json()) == unattributed


def test_a_quote_of_another_layout_is_refused() -> None:
    written = Quote(1, 2, "x", None, None, None, None, "none", 0, 0).to_json()
    with pytest.raises(TypeError):
        Quote.from_json({**written, "extra": 1})
    del written["depth"]
    with pytest.raises(TypeError):
        Quote.from_json(written)
