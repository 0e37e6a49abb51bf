"""Lines of a normalised text: what each line is (layout.yaml, headings.py), and the line-level
items that need no tree: tables (tab-separated rows) and footnotes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from gdparse.headings import HeadingMatch, match_heading
from gdparse.model import Footnote, Section, Table, TableCell, TableRow
from gdparse.normalize import SUPERSCRIPT_DIGITS, NormalizedText
from gdparse.rules import line_is
from gdparse.vietnamese import fold

LINE_KINDS = ("header", "doc_type", "attached", "legal_basis", "articles_start", "recipients", "signature")


@dataclass
class Line:
    start: int
    end: int
    text: str
    folded: str
    kinds: frozenset[str] = frozenset()
    heading: HeadingMatch | None = None
    in_table: bool = False


_FOOTNOTE_LINE = regex.compile(rf"^(?:[{SUPERSCRIPT_DIGITS}]+|\ufffd)")
LABELLED = regex.compile(r"(mục tiêu|chỉ tiêu)\s*\d")
_NAME_LINE = regex.compile(r"^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$")


def text_to_lines(norm: NormalizedText) -> list[Line]:
    """Split into non-blank lines and tag each with its layout kinds and heading, if any."""
    text = norm.text
    bold_end_at = {s: e for s, e in norm.bold}
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            continue
        folded = fold(raw).strip()
        in_table = "\t" in raw
        kinds = {name for name in LINE_KINDS if not in_table and line_is(name, raw, folded)}
        if not in_table and _NAME_LINE.match(raw) and len(raw) <= 40:
            kinds.add("name")
        if _FOOTNOTE_LINE.match(raw):
            kinds.add("footnote")
        bold_end = bold_end_at.get(start)
        heading = match_heading(raw, bold_end=None if bold_end is None else bold_end - start, in_table=in_table)
        lines.append(Line(start, end, raw, folded, frozenset(kinds), heading, in_table))
    return lines


def lines_to_tables(lines: list[Line], sections: list[Section]) -> list[Table]:
    """Runs of tab-separated lines become tables; each cell keeps its span."""
    tables: list[Table] = []
    run: list[Line] = []
    leaf_at = leaf_finder(sections)
    for line in lines + [Line(-1, -1, "", "")]:
        if line.in_table:
            run.append(line)
            continue
        if len(run) >= 2:
            rows = []
            for ln in run:
                cells, pos = [], ln.start
                for cell in ln.text.split("\t"):
                    cells.append(TableCell(start=pos, end=pos + len(cell)))
                    pos += len(cell) + 1
                rows.append(TableRow(start=ln.start, end=ln.end, cells=tuple(cells)))
            owner = leaf_at(run[0].start)
            tables.append(
                Table(
                    id=f"tbl{len(tables) + 1}",
                    start=run[0].start,
                    end=run[-1].end,
                    rows=tuple(rows),
                    section_id=owner.id if owner else None,
                )
            )
        run = [line] if line.in_table else []
    return tables


def _leaf_at(sections: Sequence[Section], offset: int) -> Section | None:
    best = None
    for s in sections:
        if s.start <= offset < s.end and not s.children:
            best = s
    return best


_LAST_FINDER: tuple[object, Callable[[int], Section | None]] = ((), lambda offset: None)


def leaf_at(sections: Sequence[Section], offset: int) -> Section | None:
    """The leaf section that contains ``offset``, as ``PlanDocument.section_at`` finds it, in
    O(log n): the index of the last ``sections`` asked about is kept (one entry, swapped atomically)."""
    global _LAST_FINDER
    seen, finder = _LAST_FINDER
    if seen is not sections:
        finder = leaf_finder(sections)
        _LAST_FINDER = (sections, finder)
    return finder(offset)


def leaf_finder(sections: Sequence[Section]) -> Callable[[int], Section | None]:
    """A function giving the leaf section that contains an offset (the last one, as a linear scan
    would), in O(log n) per call: leaves tile the text, so the one starting last at or before the
    offset is the only candidate. Falls back to the scan if leaves ever overlap."""
    leaves = sorted((s for s in sections if not s.children and s.start < s.end), key=lambda s: s.start)
    if any(a.end > b.start for a, b in zip(leaves, leaves[1:])):
        return lambda offset: _leaf_at(sections, offset)
    starts = [s.start for s in leaves]

    def at(offset: int) -> Section | None:
        i = bisect_right(starts, offset) - 1
        return leaves[i] if i >= 0 and offset < leaves[i].end else None

    return at


def lines_to_footnotes(lines: list[Line], text: str) -> list[Footnote]:
    """Footnote bodies and their reference markers (superscript digits in the text)."""
    bodies = [ln for ln in lines if "footnote" in ln.kinds]
    notes: list[Footnote] = []
    body_starts = {ln.start for ln in bodies}
    refs: dict[str, tuple[int, int]] = {}
    for m in regex.finditer(rf"(?<=\S)[{SUPERSCRIPT_DIGITS}]+", text):
        if m.start() not in body_starts and m.group() not in refs:
            refs[m.group()] = (m.start(), m.end())
    for n, ln in enumerate(bodies, 1):
        marker_match = _FOOTNOTE_LINE.match(ln.text)
        marker = marker_match.group() if marker_match else str(n)
        ref = refs.get(marker) if marker != "\ufffd" else None
        notes.append(
            Footnote(
                id=f"fn{n}",
                marker=marker,
                start=ln.start,
                end=ln.end,
                ref_start=ref[0] if ref else None,
                ref_end=ref[1] if ref else None,
            )
        )
    return notes
