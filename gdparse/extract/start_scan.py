"""Regex scans of milestone rules, trying a pattern only where a string that starts its matches occurs.

A rule may say that every match starts with one of some strings (``starts``). The regex engine
tries an alternation of words at every offset of a span; ``str.find`` of the start strings (at C
level) finds the few offsets where a match can begin, and the pattern is matched only there.
"""

from __future__ import annotations

import regex


class StartScan:
    """``pattern.finditer`` over a span, with the pattern matched only at the offsets where a
    start string occurs (matches never overlap and are never empty, as in ``finditer``)."""

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: regex.Pattern[str], starts: list[str]) -> None:
        self.pattern = pattern
        self.starts = tuple(starts)

    def matches(self, folded: str, start: int, end: int) -> list[regex.Match[str]]:
        """What ``pattern.finditer(folded, start, end)`` finds, in order."""
        offsets = []
        find = folded.find
        for word in self.starts:
            pos = find(word, start, end)
            while pos >= 0:
                offsets.append(pos)
                pos = find(word, pos + 1, end)
        if not offsets:
            return []
        if len(offsets) > 1:
            offsets.sort()
        out: list[regex.Match[str]] = []
        done = start  # end of the last match: finditer resumes there
        match = self.pattern.match
        for pos in offsets:
            if pos < done:
                continue  # inside the previous match, or a repeated offset
            m = match(folded, pos, end)
            if m is not None:
                out.append(m)
                done = m.end()
        return out
