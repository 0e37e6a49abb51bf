"""Lines of a normalised text: what each line is (layout.yaml, headings.py), and the line-level
items that need no tree: tables (tab-separated rows) and footnotes.
"""

from __future__ import annotations

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
            owner = _leaf_at(sections, run[0].start)
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


def _leaf_at(sections: list[Section], offset: int) -> Section | None:
    best = None
    for s in sections:
        if s.start <= offset < s.end and not s.children:
            best = s
    return best


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
