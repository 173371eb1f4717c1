"""A source's digest is hashed from the file's bytes as read; it must be the digest of its text
that every other part of the cache uses (`content_digest`), byte order mark or not."""

from __future__ import annotations

import codecs
import tempfile
import textwrap
from pathlib import Path

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from concord.cache import content_digest
from concord.config import load_rules
from concord.corpus import load_corpus
from tests.helpers import QIN_RULE

HEADER = 'version = 1\n\n[corpus]\ninclude = ["sources/*.txt"]\n' + textwrap.dedent(QIN_RULE)


def _digests(folder: Path, files: dict[str, bytes]) -> dict[str, tuple[str, str]]:
    (folder / "sources").mkdir(exist_ok=True)
    for name, raw in files.items():
        (folder / "sources" / f"{name}.txt").write_bytes(raw)
    (folder / "rules.toml").write_text(HEADER, encoding="utf-8")
    corpus = load_corpus(load_rules(folder / "rules.toml"))
    return {source.id: (source.digest, content_digest(source.text)) for source in corpus}


def test_plain_bom_and_non_ascii_sources_have_the_digest_of_their_text(tmp_path: Path) -> None:
    files = {
        "plain": b"Qin Gang met Blinken.\n",
        "bom": codecs.BOM_UTF8 + b"Qin Gang met Blinken.\n",
        "accents": "Wang Yi à Pékin — “quoted”\r\n".encode(),
        "empty-after-bom": codecs.BOM_UTF8,
    }
    digests = _digests(tmp_path, files)
    assert all(kept == of_text for kept, of_text in digests.values())
    assert digests["plain"][0] == digests["bom"][0]  # the mark is not part of the text


@given(text=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
@settings(max_examples=60, deadline=None)
def test_any_text_read_back_has_the_digest_of_its_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:  # a folder per example
        raw = ("x" + text).encode()  # never empty: an empty file is still a source
        digests = _digests(Path(folder), {"a": raw.replace(b"\x00", b"")})
    assert digests["a"][0] == digests["a"][1]
