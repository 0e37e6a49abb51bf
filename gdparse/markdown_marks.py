"""Markdown heading marks and emphasis, as edits the normaliser applies last (its bold spans are then
final offsets)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

import regex

from gdparse.offsets import Edit, drop_overlaps

_MD_HEADING = regex.compile(r"(?m)^#{1,6}[ \t]+")
_MD_BOLD = regex.compile(r"\*\*(?=[^\s*]|\*\s)([^\n]{1,400}?|[^\n]{1,400}?\n[^\n]{1,400}?)(?<=\S)\*\*")
_MD_UNDERBOLD = regex.compile(r"(?<!\w)__(?=\S)([^\n]{1,400}?)(?<=\S)__(?!\w)")
_MD_ITALIC = regex.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*(?![*\w])")


def markdown(text: str) -> tuple[list[Edit], list[tuple[int, int]], list[tuple[int, int]]]:
    """Markdown heading marks and emphasis removed; returns edits, bold spans and heading lines
    (both as offsets into the *input*; the caller maps them)."""
    if "#" not in text and "*" not in text and "__" not in text:
        return [], [], []  # no heading mark and no emphasis mark: no pattern can match
    edits: list[Edit] = []
    bold: list[tuple[int, int]] = []
    headings: list[tuple[int, int]] = []
    if "#" in text:
        for m in _MD_HEADING.finditer(text):
            edits.append((m.start(), m.end(), ""))
            line_end = text.find("\n", m.end())
            headings.append((m.end(), len(text) if line_end < 0 else line_end))
    spans = _bold_spans(text)
    if "__" in text:
        spans += [(m.start(), m.start(1), m.end(1), m.end()) for m in _MD_UNDERBOLD.finditer(text)]
    for start, inner_start, inner_end, end in spans:
        edits.append((start, inner_start, ""))
        edits.append((inner_end, end, ""))
        bold.append((inner_start, inner_end))
    taken = _Taken(edits)
    for m in _MD_ITALIC.finditer(text) if "*" in text else ():
        if not taken.holds(m.start(), m.end()):
            edits.append((m.start(), m.start(1), ""))
            edits.append((m.end(1), m.end(), ""))
    edits.sort()
    return drop_overlaps(edits), bold, headings


class _Taken:
    """The spans of some edits, asked whether one holds the start or the end of a match: by bisection
    over their starts and the furthest end so far (a scan of every edit for every italic match was
    quadratic in a text of many bold and italic words)."""

    def __init__(self, edits: list[Edit]) -> None:
        spans = sorted((s, e) for s, e, _ in edits)
        self.starts = [s for s, _ in spans]
        self.ends_so_far = list(accumulate((e for _, e in spans), max))

    def holds(self, start: int, end: int) -> bool:
        """Whether ``s <= start < e`` or ``s < end <= e`` for some span ``(s, e)``."""
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends_so_far[i] > start:
            return True
        j = bisect_left(self.starts, end) - 1
        return j >= 0 and self.ends_so_far[j] >= end


# ``\s`` of ``regex``: the characters with the Unicode White_Space property.
_WHITE_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)


def _bold_spans(text: str) -> list[tuple[int, int, int, int]]:
    """``(start, start(1), end(1), end)`` of each ``_MD_BOLD.finditer(text)`` match, found with
    ``str.find``: the lazy body of the pattern tries a closing "**" after every character, slowly.

    As in the pattern, the body is the shortest that ends in a non-space before "**", on the line of
    the opening "**" or, failing that, on the next line (the whole rest of the first line then belongs
    to the body); each part holds 1 to 400 characters.
    """
    spans = []
    size = len(text)
    start = text.find("**")
    while start >= 0:
        body = start + 2
        first, second = text[body : body + 1], text[body + 1 : body + 2]
        # The look-ahead: a non-space other than "*", or "*" and a space.
        if (first and first not in _WHITE_SPACE and first != "*") or (first == "*" and second in _WHITE_SPACE):
            line_end = text.find("\n", body)
            line_end = size if line_end < 0 else line_end
            close = _bold_close(text, body, line_end)
            if close < 0 and line_end < size and line_end - body <= 400:
                next_end = text.find("\n", line_end + 1)
                close = _bold_close(text, line_end + 1, size if next_end < 0 else next_end)
            if close >= 0:
                spans.append((start, body, close, close + 2))
                start = text.find("**", close + 2)
                continue
        start = text.find("**", start + 1)
    return spans


def _bold_close(text: str, body: int, line_end: int) -> int:
    """The first "**" after 1 to 400 characters of ``text[body:line_end]`` that a non-space precedes."""
    limit = min(line_end, body + 400) + 2
    close = text.find("**", body + 1, limit)
    while close >= 0 and text[close - 1] in _WHITE_SPACE:
        close = text.find("**", close + 1, limit)
    return close
