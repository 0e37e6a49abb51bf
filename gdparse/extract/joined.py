"""Many short spans of one text scanned as one string: a pattern runs once per document, not once
per span (the targets of a plan are a dozen short spans, and a scan costs mostly per call).

Each span is copied after a separator and the one character before it, so that a lookbehind at
its start sees what it sees in the text. Past the end of a span, a scan of the joined string meets
the next separator, which the patterns scanned so neither match nor look past (their lookbehinds
span one character; they have no anchor, dot or negated class: tests/test_perf_targets_joined.py
checks them), so lookaheads there fail or succeed as at the end of the span. A match that starts
on the copied character and runs into the span has taken characters of the span: such a span is
scanned on its own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TypeVar

import regex

SEP = "\x00"

Found = tuple[int, int, regex.Match[str]]  # start and end in the text, and the match
T = TypeVar("T")
Scan = Callable[[str, int, int], Iterable[regex.Match[str]]]


class Joined:
    """The spans ``spans`` of ``folded``, one after another in :attr:`text`."""

    __slots__ = ("text", "spans", "starts", "ends")

    def __init__(self, folded: str, spans: list[tuple[int, int]]) -> None:
        parts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for s, e in spans:
            before = folded[s - 1 : s] if s else ""
            pos += 1 + len(before)
            parts += (SEP, before, folded[s:e])
            starts.append(pos)
            pos += e - s
            ends.append(pos)
        parts.append(SEP)
        self.text = "".join(parts)
        self.spans = spans
        self.starts = starts
        self.ends = ends

    def scan(self, scan: Scan, folded: str) -> list[list[Found]]:
        """What ``scan(folded, start, end)`` finds in each span, from one scan of the joined text."""
        starts, ends, spans = self.starts, self.ends, self.spans
        out: list[list[Found]] = [[] for _ in spans]
        alone: set[int] = set()
        for m in scan(self.text, 0, len(self.text)):
            ms, me = m.span()
            k = bisect_right(starts, ms) - 1
            if k >= 0 and ms < ends[k]:
                shift = spans[k][0] - starts[k]
                out[k].append((ms + shift, me + shift, m))
            elif k + 1 < len(starts) and me > starts[k + 1]:
                alone.add(k + 1)  # from the character before the span into it
        for k in alone:
            s, e = spans[k]
            out[k] = [(*m.span(), m) for m in scan(folded, s, e)]
        return out

    def place(self, found: Iterable[tuple[int, int, T]]) -> list[list[tuple[int, int, T]]]:
        """Things found at independent places of the joined text (str.find, not a scan that resumes
        after each match), per span and in its offsets; those that start outside a span are left out."""
        starts, ends, spans = self.starts, self.ends, self.spans
        out: list[list[tuple[int, int, T]]] = [[] for _ in spans]
        for fs, fe, payload in found:
            k = bisect_right(starts, fs) - 1
            if k >= 0 and fs < ends[k]:
                shift = spans[k][0] - starts[k]
                out[k].append((fs + shift, fe + shift, payload))
        return out

    def holding(self, needs: Iterable[str]) -> list[int]:
        """Indices of the spans that hold one of ``needs`` (strings without the separator)."""
        text = self.text
        found = []
        for need in needs:
            i = text.find(need)
            while i >= 0:
                found.append((i, i + len(need), None))
                i = text.find(need, i + 1)
        return [k for k, span_found in enumerate(self.place(found)) if span_found]
