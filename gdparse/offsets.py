"""Offset bookkeeping: rewrite a text by edits and keep a map back to the original.

A map is a sorted list of runs ``(new_start, old_start, length)``: characters copied unchanged.
Characters inside edits map to the position of the edit in the old text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

Run = tuple[int, int, int]
Edit = tuple[int, int, str]  # replace old[start:end] by the string


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Run]]:
    """Apply sorted, non-overlapping edits; return the new text and its runs into ``text``."""
    pieces: list[str] = []
    runs: list[Run] = []
    old_pos = new_pos = 0
    for start, end, replacement in edits:
        if start < old_pos:
            raise ValueError(f"overlapping or unsorted edit at {start}")
        if start > old_pos:
            pieces.append(text[old_pos:start])
            runs.append((new_pos, old_pos, start - old_pos))
            new_pos += start - old_pos
        pieces.append(replacement)
        new_pos += len(replacement)
        old_pos = end
    if old_pos < len(text):
        pieces.append(text[old_pos:])
        runs.append((new_pos, old_pos, len(text) - old_pos))
    return "".join(pieces), runs


def identity(length: int) -> list[Run]:
    return [(0, 0, length)] if length else []


def compose(outer: Sequence[Run], inner: Sequence[Run]) -> list[Run]:
    """Chain two maps: ``outer`` maps text2 -> text1 and ``inner`` maps text1 -> text0."""
    inner_sorted = sorted(inner)
    starts = [r[0] for r in inner_sorted]
    count = len(inner_sorted)
    result: list[Run] = []
    # End (new, old) of the last piece: a piece that continues it is merged into it.
    last_new_end = last_old_end = -1
    for new_start, mid_start, length in outer:
        i = bisect_right(starts, mid_start) - 1
        if i < 0:
            i = 0
        mid_end = mid_start + length
        shift = new_start - mid_start
        while i < count:
            in_new, in_old, in_len = inner_sorted[i]
            if in_new >= mid_end:
                break
            in_end = in_new + in_len
            lo = mid_start if mid_start > in_new else in_new
            hi = mid_end if mid_end < in_end else in_end
            if lo < hi:
                piece_new, piece_old = lo + shift, in_old + lo - in_new
                if piece_new == last_new_end and piece_old == last_old_end:
                    first_new, first_old, first_len = result[-1]
                    result[-1] = (first_new, first_old, first_len + hi - lo)
                else:
                    result.append((piece_new, piece_old, hi - lo))
                last_new_end, last_old_end = piece_new + hi - lo, piece_old + hi - lo
            i += 1
    return result


def to_original(runs: Sequence[Run], offset: int) -> int:
    """Map an offset of the new text to the original text (nearest copied position)."""
    if not runs:
        return 0
    i = bisect_right([r[0] for r in runs], offset) - 1
    if i < 0:
        return runs[0][1]
    new_start, old_start, length = runs[i]
    if offset < new_start + length:
        return old_start + offset - new_start
    return old_start + length


def to_normalized(runs: Sequence[Run], offset: int) -> int:
    """Map an offset of the original text to the new text; a rewritten offset maps to the nearest
    copied position after it."""
    if not runs:
        return 0
    by_old = sorted(runs, key=lambda r: r[1])
    i = bisect_right([r[1] for r in by_old], offset) - 1
    if i >= 0 and offset < by_old[i][1] + by_old[i][2]:
        return by_old[i][0] + offset - by_old[i][1]
    if i + 1 < len(by_old):
        return by_old[i + 1][0]
    return by_old[-1][0] + by_old[-1][2]


def drop_overlaps(edits: list[Edit]) -> list[Edit]:
    """Sorted edits without those overlapping an earlier kept one (insertions at its end stay)."""
    kept: list[Edit] = []
    end = -1
    for e in edits:
        if e[0] >= end or (e[0] == e[1] == end):
            kept.append(e)
            end = max(end, e[1])
    return kept
