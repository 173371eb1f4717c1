"""The characters beyond ASCII that `re`'s IGNORECASE matches to ASCII letters: "İ", "ı", "ſ"
and the Kelvin sign. Four, over all of Unicode (tests/property/test_variant_scan.py checks).

Code that runs an IGNORECASE pattern of ASCII letters another, faster way (RE2 on ASCII bytes,
a case-sensitive search of the text in small letters, `folded`) must treat these four as the
letters they match, or leave such a text to the pattern.
"""

from __future__ import annotations

import re

FOLDING = re.compile("[\u0130\u0131\u017f\u212a]")
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ascii_folded(text: str) -> str:
    """`text` with each of the four made the ASCII letter it matches, one character for one,
    so that every offset stays where it was."""
    if FOLDING.search(text) is None:  # most texts: translating costs 50 ns a character
        return text
    return text.translate(_TO_ASCII)


def folded(text: str) -> str:
    """`text` in small letters with the four made ASCII, every character where it was ("İ",
    whose small letter is two characters, is made "i" first): an IGNORECASE pattern of ASCII
    letters, written in small letters, finds the same places in this case-sensitively as in
    `text`. The date grammar and the tense markers are searched so."""
    return ascii_folded(text).lower()
