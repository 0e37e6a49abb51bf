"""Regex scans narrowed to the stretches of text around the words a pattern needs.

A rule may say that every match holds one of some strings (``needs``) and consists only of
characters of a class (``chars``). A match then lies inside the stretch of such characters around
an occurrence of a needed string, and a scan that starts at such a stretch finds there what a scan
of the whole span finds: the pattern runs over a few short stretches instead of the whole span.
"""

from __future__ import annotations

import regex

from gdparse.extract.anchors import literal_positions

# How far the lookarounds of a narrowed pattern look past the stretch of a match at most.
LOOKAHEAD = 32


class StretchScan:
    """``pattern.finditer`` over a span, run only on the stretches that can hold a match."""

    def __init__(self, pattern: regex.Pattern[str], needs: list[str], chars: str) -> None:
        self.pattern = pattern
        self.needs = tuple(needs)
        self._forward = regex.compile(f"{chars}*")
        self._backward = regex.compile(f"(?r){chars}*")

    def matches(self, folded: str, start: int = 0, end: int | None = None) -> list[regex.Match[str]]:
        """What ``pattern.finditer(folded, start, end)`` finds, in order."""
        end = len(folded) if end is None else end
        out: list[regex.Match[str]] = []
        done = start  # end of the stretches scanned so far
        for pos in literal_positions(folded, self.needs, start, end):
            if pos < done:
                continue
            stretch_start = self._backward.match(folded, start, pos).start()
            stretch_end = self._forward.match(folded, pos, end).end()
            for m in self.pattern.finditer(folded, stretch_start, min(end, stretch_end + LOOKAHEAD)):
                if m.start() >= stretch_end:
                    break
                out.append(m)
            done = stretch_end
        return out
