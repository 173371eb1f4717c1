"""Quotation marks: where quoted passages open and close, in every common style.

Handles curly (“ ” ‘ ’), straight (" '), guillemets (« » and the German „ “ / ‚ ‘), pairs that
do not match (an opening “ closed by a straight "), nesting (single marks inside double ones),
apostrophes inside and after words (we’re, China’s, the countries’ ties), and quotes that run
over several paragraphs, where each new paragraph reopens the quote and only the last closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace

# What may open and what may close each kind of quote. A straight mark is decided by its
# neighbours: after a space it opens, before one it closes.
_DOUBLE_OPEN = {"“": "double", "„": "double", "«": "guillemet", '"': "double"}
_DOUBLE_CLOSE = {"”": "double", "“": "double", "»": "guillemet", '"': "double"}
_SINGLE_OPEN = {"‘": "single", "‚": "single", "‹": "single-guillemet", "'": "single"}
_SINGLE_CLOSE = {"’": "single", "‘": "single", "›": "single-guillemet", "'": "single"}
_OPENING_CONTEXT = " \t\n([{—–-/"


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted passage within one paragraph: `start`/`end` bound its content, `open_at` and
    `close_at` its marks (`close_at` is None when the paragraph ends with the quote open)."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    depth: int  # 0 for a top-level quote, 1 for a quote inside a quote
    continues_previous: bool  # this paragraph reopens a quote the previous one left open


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of non-empty lines."""
    spans = []
    start = None
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and start is None:
            start = position + (len(line) - len(line.lstrip()))
        if not stripped and start is not None:
            spans.append((start, position))
            start = None
        if stripped and start is not None:
            end = position + len(line.rstrip())
            spans.append((start, end))
            start = None
        position += len(line)
    return spans


def find_quote_spans(
    text: str, paragraph_spans: list[tuple[int, int]] | None = None
) -> list[QuoteSpan]:
    """Every quoted passage, in text order (an inner quote comes after its outer one);
    `paragraph_spans` are `paragraphs(text)`, when the caller has them already."""
    found: list[QuoteSpan] = []
    left_open = False
    for first, last in paragraphs(text) if paragraph_spans is None else paragraph_spans:
        spans, left_open = _scan_paragraph(text, first, last, left_open)
        found.extend(spans)
    return sorted(found, key=lambda span: (span.start, span.depth))


def _scan_paragraph(
    text: str, first: int, last: int, previous_left_open: bool
) -> tuple[list[QuoteSpan], bool]:
    scanner = _ParagraphScanner(text, first, last)
    scanner.run()
    spans = scanner.spans
    for depth, (kind, opened) in enumerate(scanner.stack):
        if kind in {"double", "guillemet"}:
            spans.append(
                QuoteSpan(opened + 1, _trim_end(text, opened + 1, last), opened, None, depth, False)
            )
    reopens = previous_left_open and text[first] in _DOUBLE_OPEN
    if reopens and spans:
        outer = min(spans, key=lambda span: (span.depth, span.start))
        spans = [
            replace(span, continues_previous=True) if span is outer else span for span in spans
        ]
    left_open = any(kind in {"double", "guillemet"} for kind, _ in scanner.stack)
    return spans, left_open


class _ParagraphScanner:
    """One left-to-right pass over a paragraph with a stack of open marks."""

    def __init__(self, text: str, first: int, last: int) -> None:
        self.text = text
        self.first = first
        self.last = last
        self.stack: list[tuple[str, int]] = []  # (kind, position of the opening mark)
        self.spans: list[QuoteSpan] = []

    def run(self) -> None:
        # Only the marks matter: a regex finds them, instead of a Python loop over every char.
        for mark in _ANY_MARK.finditer(self.text, self.first, self.last):
            position = mark.start()
            char = mark.group()
            before = self.text[position - 1] if position > self.first else " "
            after = self.text[position + 1] if position + 1 < self.last else " "
            if char in _DOUBLE_OPEN or char in _DOUBLE_CLOSE:
                self._double(position, char, before, after)
            elif char in _SINGLE_OPEN or char in _SINGLE_CLOSE:
                self._single(position, char, before, after)

    def _double(self, position: int, char: str, before: str, after: str) -> None:
        open_double = next(
            (
                index
                for index in range(len(self.stack) - 1, -1, -1)
                if self.stack[index][0] in {"double", "guillemet"}
            ),
            None,
        )
        at_start = position == self.first or before in _OPENING_CONTEXT or before in "‘'"
        opening_allowed = char in _DOUBLE_OPEN and at_start and not after.isspace()
        closing_allowed = open_double is not None and (char in _DOUBLE_CLOSE or not opening_allowed)
        closes = closing_allowed and (
            not opening_allowed or char in "”»" or (char == '"' and not before.isspace())
        )
        if closes and open_double is not None:
            del self.stack[open_double + 1 :]  # a single quote left open inside closes with it
            kind, opened = self.stack.pop()
            self.spans.append(_span(opened, position, len(self.stack), kind, False))
        elif opening_allowed:
            self.stack.append((_DOUBLE_OPEN[char], position))

    def _single(self, position: int, char: str, before: str, after: str) -> None:
        if _is_apostrophe(char, before, after, self.stack):
            return
        if _closes(char, before, after, self.stack, _SINGLE_CLOSE):
            kind, opened = self.stack.pop()
            self.spans.append(_span(opened, position, len(self.stack), kind, False))
        elif (
            char in _SINGLE_OPEN
            and (before in _OPENING_CONTEXT or before in '“"«„')
            and not after.isspace()
        ):
            self.stack.append((_SINGLE_OPEN[char], position))


def _closes(
    char: str, before: str, after: str, stack: list[tuple[str, int]], closers: dict[str, str]
) -> bool:
    if not stack or char not in closers:
        return False
    kind = stack[-1][0]
    return kind in {"single", "single-guillemet"} and not before.isspace() and not after.isalnum()


def _is_apostrophe(char: str, before: str, after: str, stack: list[tuple[str, int]]) -> bool:
    if char not in "’'":
        return False
    if before.isalnum() and after.isalnum():
        return True  # we’re, China’s, rock’n’roll
    single_open = bool(stack) and stack[-1][0] == "single"
    if before in "sS" and not after.isalnum() and not single_open:
        return True  # the countries’ ties
    return before.isspace() and after.isdigit()  # the ’70s


def _span(opened: int, closed: int, depth: int, kind: str, continues: bool) -> QuoteSpan:
    return QuoteSpan(opened + 1, closed, opened, closed, depth, continues)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


_ANY_MARK = re.compile(
    "["
    + re.escape("".join(sorted({*_DOUBLE_OPEN, *_DOUBLE_CLOSE, *_SINGLE_OPEN, *_SINGLE_CLOSE})))
    + "]"
)
