"""Lines of a normalised text: what each line is, recognised once for every stage. A line carries
its layout kinds (layout.yaml), its numbering (:mod:`gdparse.numbering`), the label its content
starts with (:mod:`gdparse.labels`) and its heading (:mod:`gdparse.headings`); and the line-level
items that need no tree: tables (tab-separated rows) and footnotes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

import regex

from gdparse.headings import HeadingMatch, heading_of, row_heading
from gdparse.labels import LineLabel, label_at
from gdparse.model import Footnote, Section, Table
from gdparse.model import leaf_at as leaf_by_scan
from gdparse.model_build import ModelListBuilder
from gdparse.normalize import SUPERSCRIPT_DIGITS, NormalizedText
from gdparse.numbering import numbering_at, row_number, star
from gdparse.rules import line_kinds_tester
from gdparse.vietnamese import fold, line_blocks

LINE_KINDS = ("header", "doc_type", "attached", "legal_basis", "articles_start", "recipients", "signature")


class Line:
    """A non-blank line of the document: offsets, layout kinds, numbering, label, heading, and its
    text and folded form cut on demand from the whole text and folded text. Slots and no copy of
    the text keep a large document's lines light.

    ``content_start``/``content_end`` span what the line says: after its numbering and without the
    spaces around it; in a table row, its main cell (the first cell that is not a row number).
    ``scheme`` is the line's numbering scheme (:class:`gdparse.numbering.Numbering`; a table row's
    row number, "row-arabic-1" …) and ``label`` the label its content starts with."""

    __slots__ = ("start", "end", "kinds", "heading", "in_table", "content_start", "content_end", "scheme", "label",
                 "_text", "_folded_text")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        folded_text: str | None = None,
        kinds: frozenset[str] = frozenset(),
        heading: HeadingMatch | None = None,
        in_table: bool = False,
        content_start: int | None = None,
        content_end: int | None = None,
        scheme: str | None = None,
        label: LineLabel | None = None,
    ) -> None:
        """``text`` is the whole text the offsets point into (or the line itself, with start 0);
        the content is the whole line unless its span is given."""
        self.start, self.end, self._text = start, end, text
        self.kinds, self.heading, self.in_table = kinds, heading, in_table
        self.content_start = start if content_start is None else content_start
        self.content_end = end if content_end is None else content_end
        self.scheme, self.label = scheme, label
        self._folded_text = folded_text  # the folded whole text, or None: fold the line itself

    @property
    def text(self) -> str:
        """The line as written."""
        return self._text[self.start : self.end]

    @property
    def folded(self) -> str:
        """The line folded (gdparse.vietnamese.fold) and stripped."""
        if self._folded_text is None:
            return fold(self.text).strip()
        return self._folded_text[self.start : self.end].strip()

    @property
    def label_end(self) -> int:
        """Where the label ends (the content start when the line has none)."""
        return self.content_start if self.label is None else self.label.end


_FOOTNOTE_LINE = regex.compile(rf"^(?:[{SUPERSCRIPT_DIGITS}]+|\ufffd)")
_NAME_LINE = regex.compile(r"^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$")


def folded_whole(text: str, folded: str | None = None) -> str | None:
    """``fold(text)`` (``folded``, where the caller has it), whose slices at line and word bounds
    equal the folded slices (fold is length preserving and looks no further than a letter's
    neighbours), or None where that may fail: str.lower() turns a capital sigma into a final "ς" by
    context, which fold's character-by-character path (taken on a text with a length-changing
    lowercase) does not."""
    if "\u03a3" in text:
        return None
    return fold(text) if folded is None else folded


def text_to_lines(norm: NormalizedText, folded_text: str | None = None) -> list[Line]:
    """Split into non-blank lines and read each once: layout kinds, numbering, label, heading.
    ``folded_text`` is ``folded_whole(norm.text)`` where the caller has it."""
    return read_lines(norm.text, folded_text, norm.bold)


def read_lines(text: str, folded: str | None = None, bold: Sequence[tuple[int, int]] = ()) -> list[Line]:
    """``text_to_lines`` of a text with its bold runs (``folded`` is ``fold(text)`` where the caller
    has it)."""
    folded_text = folded_whole(text, folded)
    bold_end_at = {s: e for s, e in bold}
    kinds_of = line_kinds_tester(LINE_KINDS)
    if folded_text is not None and len(folded_text) != len(text):
        folded_text = None
    lines: list[Line] = []
    append = lines.append
    # Lines are split a block at a time and folded lines sliced one at a time (fold keeps lengths
    # and line breaks): all lines of a huge document as strings at once would double its memory.
    for block_start, block_end in line_blocks(text, _BLOCK_CHARS):
        pos = block_start
        for raw in text[block_start:block_end].split("\n"):
            start = pos
            pos += len(raw) + 1
            if not raw or raw.isspace():
                continue
            # The folded line: a slice of the folded text, or the line folded on its own (offsets
            # into it are then line offsets: ``base`` is the line start).
            folded, base = (folded_text, 0) if folded_text is not None else (fold(raw), start)
            kinds = _NO_KINDS
            if "\t" in raw:
                line = _table_line(raw, start, text, folded_text, folded, base)
            else:
                kinds = kinds_of(raw, folded[start - base : pos - 1 - base].strip())
                if len(raw) <= 40 and _NAME_LINE.match(raw):
                    kinds = kinds | _NAME
                line = _text_line(raw, start, text, folded_text, folded, base, bold_end_at)
            if raw[0] in _FOOTNOTE_FIRST and _FOOTNOTE_LINE.match(raw):
                kinds = kinds | _FOOTNOTE
            line.kinds = kinds
            append(line)
    return lines


def _text_line(raw: str, start: int, text: str, folded_text: str | None, folded: str, base: int,
               bold_end_at: dict[int, int]) -> Line:
    """A line outside a table: its numbering, content, label and heading."""
    indent = len(raw) - len(raw.lstrip(" \t")) if raw[0] in " \t" else 0
    numbering = numbering_at(raw, indent)
    content_start = numbering.end if numbering is not None else indent
    content_end = len(raw.rstrip(" \t")) if raw[-1] in " \t" else len(raw)
    label = None
    if content_start < content_end:
        label = label_at(folded, start + content_start - base, start + content_end - base)
        if label is not None and base:
            label = label._replace(end=label.end + base)  # an offset of the text
    heading = None
    if indent == 0 and (label is not None or start in bold_end_at
                        or numbering is not None and (numbering.scheme != "bullet" or raw[0] == star())):
        # (A bullet alone heads nothing but a star line, or with a label or a bold lead-in.)
        bold_end = bold_end_at.get(start)
        heading = heading_of(raw, None if bold_end is None else bold_end - start, numbering, label, start)
        if heading is not None and bold_end is not None and bold_end > start + len(raw) + 1:
            heading = wrapped_bold_heading(text, start, heading, bold_end)
    return Line(start, start + len(raw), text, folded_text, _NO_KINDS, heading, False, start + content_start,
                start + max(content_start, content_end), None if numbering is None else numbering.scheme, label)


def _table_line(raw: str, start: int, text: str, folded_text: str | None, folded: str, base: int) -> Line:
    """A tab-separated row: its row number (if its first cell is one), its main cell (the first
    non-empty cell that is not the row number) and the label that cell starts with."""
    heading = row_heading(raw)
    main = None
    pos = 0
    for i, cell in enumerate(raw.split("\t")):
        cell_start, pos = pos, pos + len(cell) + 1
        if not cell.strip() or (i == 0 and row_number(cell) is not None):
            continue
        lead = len(cell) - len(cell.lstrip(" "))
        main = (start + cell_start + lead, start + cell_start + len(cell.rstrip(" ")))
        break
    label = None
    if main is not None:
        found = label_at(folded, main[0] - base, main[1] - base)
        label = None if found is None else found._replace(end=found.end + base)
    content_start, content_end = main if main is not None else (start + len(raw), start + len(raw))
    return Line(start, start + len(raw), text, folded_text, _NO_KINDS, heading, True, content_start, content_end,
                None if heading is None else heading.scheme, label)


def wrapped_bold_heading(text: str, start: int, heading: HeadingMatch, bold_end: int) -> HeadingMatch:
    """A bold heading that a line break cuts ("**III. NHIỆM VỤ, GIẢI PHÁP⏎CHỦ YẾU**"): its text
    runs on to the end of the bold run when that run ends on the next line and the heading reached
    its own line's end. A bold run over more lines is a bold paragraph: the heading keeps its line."""
    line_end = text.find("\n", start)
    next_end = text.find("\n", line_end + 1)
    if next_end < 0:
        next_end = len(text)
    if text[start + heading.text_end : line_end].strip(" :.;,") or bold_end > next_end:
        return heading  # the heading stops before its line's end, or the bold run is a paragraph
    end = bold_end
    while end > line_end and text[end - 1] in " :.;,":
        end -= 1
    return heading._replace(text_end=end - start) if end > line_end + 1 else heading


# Lines are split from blocks of about this many characters (see text_to_lines).
_BLOCK_CHARS = 1 << 20
_NO_KINDS: frozenset[str] = frozenset()
_NAME = frozenset({"name"})
_FOOTNOTE = frozenset({"footnote"})
_FOOTNOTE_FIRST = frozenset(SUPERSCRIPT_DIGITS + "\ufffd")


_TABLES = ModelListBuilder(Table)


def lines_to_tables(lines: list[Line], sections: list[Section], compact: bool = False) -> list[Table]:
    """Runs of tab-separated lines become tables; each cell keeps its span. Each table is built as
    soon as its rows are read (a huge document's tables never exist as field dicts all at once);
    ``compact`` shares their fields-sets (see :mod:`gdparse.compact`)."""
    tables: list[Table] = []
    run: list[Line] = []
    leaf_at = None  # built at the first table: most documents have none
    for line in lines + [Line(-1, -1, "")]:
        if line.in_table:
            run.append(line)
            continue
        if len(run) >= 2:
            rows = []
            for ln in run:
                cells, pos = [], ln.start
                for cell in ln.text.split("\t"):
                    cells.append({"start": pos, "end": pos + len(cell)})
                    pos += len(cell) + 1
                rows.append({"start": ln.start, "end": ln.end, "cells": cells})
            if leaf_at is None:
                leaf_at = leaf_finder(sections)
            owner = leaf_at(run[0].start)
            table = {
                "id": f"tbl{len(tables) + 1}",
                "start": run[0].start,
                "end": run[-1].end,
                "rows": rows,
                "section_id": owner.id if owner else None,
            }
            tables += _TABLES.build([table], compact=compact)
        run = []
    return tables


def leaf_finder(sections: Sequence[Section]) -> Callable[[int], Section | None]:
    """A function giving the leaf section that contains an offset (the last one, as
    :func:`gdparse.model.leaf_at` would), in O(log n) per call: leaves tile the text, so the one
    starting last at or before the offset is the only candidate. Falls back to the scan if leaves
    ever overlap."""
    leaves = sorted((s for s in sections if not s.children and s.start < s.end), key=lambda s: s.start)
    if any(a.end > b.start for a, b in zip(leaves, leaves[1:])):
        return lambda offset: leaf_by_scan(sections, offset)
    starts = [s.start for s in leaves]

    def at(offset: int) -> Section | None:
        i = bisect_right(starts, offset) - 1
        return leaves[i] if i >= 0 and offset < leaves[i].end else None

    return at


_SPACE = regex.compile(r"\s")


def _reference_markers(text: str) -> list[tuple[int, int]]:
    """Spans of ``(?<=\\S)[superscript digits]+`` in order, found with str.find (a fast C scan per
    digit; most texts have none) instead of a regex scan of the whole text."""
    at = []
    for digit in SUPERSCRIPT_DIGITS:
        i = text.find(digit)
        while i >= 0:
            at.append(i)
            i = text.find(digit, i + 1)
    at.sort()
    runs: list[list[int]] = []
    for i in at:
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    markers = []
    for start, end in runs:
        if start == 0 or _SPACE.match(text, start - 1):
            start += 1  # no non-space before the run: the marker starts after its first digit
        if start < end:
            markers.append((start, end))
    return markers


def lines_to_footnotes(lines: list[Line], text: str) -> list[Footnote]:
    """Footnote bodies and their reference markers (superscript digits in the text)."""
    bodies = [ln for ln in lines if "footnote" in ln.kinds]
    notes: list[Footnote] = []
    body_starts = {ln.start for ln in bodies}
    refs: dict[str, tuple[int, int]] = {}
    for start, end in _reference_markers(text):
        marker = text[start:end]
        if start not in body_starts and marker not in refs:
            refs[marker] = (start, end)
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
