"""One document's context: what the extractors and the link stage read, built once per document.

The pipeline builds it right after segmentation and hands it, with the document, to every
extractor and to the link stage (``run(doc, ctx)``). It holds the normalised text and its one
fold, the lines segmentation read, the sections (with an index of the leaves), tables and
footnotes; and it answers what several steps ask about the same document: the sections of a kind
and the regions they span (the implementation, reporting and budget parts, the decision's
articles), the lines in a span, the letterhead facts, the agency mentions and the cells of the
tables that name a responsible unit. Lines are read once, by segmentation (:mod:`gdparse.lines`:
numbering, label, heading); no extractor splits or classifies the text's lines again.

A context is immutable to its users (a frozen dataclass). The answers that not every document
needs are computed on first use and kept: ``functools.cached_property`` writes them into the
instance's ``__dict__``, which a frozen dataclass without slots allows. That is harmless here: a
context belongs to one parse of one document, is passed explicitly and is dropped with it;
nothing module-level holds a document, its text or anything derived from it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from gdparse.extract.agencies import letterhead_year
from gdparse.extract.agency_matcher import Found, find_mentions
from gdparse.extract.clauses import FoldedSlices, region_without_section
from gdparse.extract.header import Attached, NumberLine, PlaceDate, attached_to, number_line, place_date
from gdparse.extract.responsibilities import UnitCell, unit_cells
from gdparse.knowledge.layout import RegionKind, heading_rules
from gdparse.knowledge.loader import phrases_pattern
from gdparse.labels import scheme_of
from gdparse.lines import Line, leaf_finder, read_lines
from gdparse.model import Footnote, PlanDocument, Section, SectionKind, Table
from gdparse.numbering import first_numbers
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.segment import Segmentation

Span = tuple[int, int]
# A heading that is an assignee label ("Cơ quan thực hiện", headings.yaml).
_ASSIGNEE_HEADING = regex.compile(rf"(?:{phrases_pattern(heading_rules().assignee_labels)})(?!\p{{L}})")


@dataclass(frozen=True, eq=False)
class DocumentContext:
    """The document as the extractors read it. Fields are given; properties are computed once, on
    first use."""

    text: str  # the normalised text (PlanDocument.text)
    folded: str  # fold(text): the one fold of the document (gdparse.vietnamese.fold keeps lengths)
    lines: tuple[Line, ...]  # the non-blank lines as segmentation read them, with kinds and headings
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    footnotes: tuple[Footnote, ...]

    # --- sections ------------------------------------------------------------------------------

    @cached_property
    def _leaf_at(self) -> Callable[[int], Section | None]:
        return leaf_finder(self.sections)

    def section_at(self, offset: int) -> Section | None:
        """The leaf section that contains ``offset`` (a bisect over the leaves)."""
        return self._leaf_at(offset)

    def sections_of(self, kind: SectionKind) -> tuple[Section, ...]:
        """The sections of ``kind`` that no section of that kind contains, in document order (a
        section's subsections of its own kind are part of it)."""
        ids = {s.id for s in self.sections if s.kind == kind}
        return tuple(s for s in self.sections if s.kind == kind and s.parent not in ids)

    # --- regions -------------------------------------------------------------------------------

    def region(self, kind: RegionKind) -> tuple[Span, ...]:
        """The bodies (after the heading) of the parts of ``kind``: the implementation part ("TỔ
        CHỨC THỰC HIỆN"; not an activity's "Cơ quan thực hiện", which names who carries out that
        activity), the reporting part ("CHẾ ĐỘ BÁO CÁO"), the budget part ("KINH PHÍ THỰC HIỆN"):
        the sections of that kind, less the tables in them (their rows are read as tables). Only a
        document whose outline has no section of the kind (its heading is not numbered: "TỔ CHỨC
        THỰC HIỆN" alone on a line) is searched for a line holding the region's title instead
        (:func:`gdparse.extract.clauses.region_without_section`)."""
        return self._regions[kind]

    @cached_property
    def _regions(self) -> dict[RegionKind, tuple[Span, ...]]:
        regions: dict[RegionKind, tuple[Span, ...]] = {}
        for kind in ("implementation", "reporting", "budget"):
            sections = self.sections_of(kind)
            if kind == "implementation":
                # An activity's "Cơ quan thực hiện: …" names who carries out that activity (read as
                # a line, gdparse.extract.responsibilities): it opens no implementation part.
                sections = tuple(s for s in sections
                                 if not _ASSIGNEE_HEADING.match(self.folded, s.heading_start or s.start))
            if sections:
                bodies = [(s.heading_end if s.heading_end is not None else s.start, s.end) for s in sections]
                regions[kind] = _without(bodies, [(t.start, t.end) for t in self.tables])
            else:
                regions[kind] = tuple(region_without_section(self.all_lines, self.folded, kind))
        return regions

    @property
    def implementation_regions(self) -> tuple[Span, ...]:
        return self.region("implementation")

    @property
    def reporting_regions(self) -> tuple[Span, ...]:
        return self.region("reporting")

    @cached_property
    def decision_spans(self) -> tuple[Span, ...]:
        """The articles of a decision ("Điều 2. Giao …"), each with its body: the sections that an
        article label opens."""
        article = scheme_of("article")
        return tuple((s.start, s.end) for s in self.sections if s.scheme == article)

    # --- lines ---------------------------------------------------------------------------------

    @cached_property
    def all_lines(self) -> tuple[Line, ...]:
        """The lines segmentation read; read here only when segmentation failed (extraction still
        runs then, and reads lines)."""
        if self.lines or not self.text:
            return self.lines
        return tuple(read_lines(self.text, self.folded))

    @cached_property
    def body_start(self) -> int | None:
        """Where the body of the document starts: its first heading numbered one ("I.", "1.", "PHẦN
        I", "Phần thứ nhất", "Điều 1."); the preamble ("Căn cứ …") is before it. None: no such
        heading."""
        opening = {"roman", "arabic-1", "arabic-1)", "part", scheme_of("article")}
        first = first_numbers()
        for line in self.all_lines:
            heading = line.heading
            if heading is not None and heading.number in first and heading.scheme in opening:
                return line.start
        return None

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.all_lines]

    def lines_in(self, start: int, end: int) -> tuple[Line, ...]:
        """The lines that start in ``[start, end)``."""
        starts = self._line_starts
        return self.all_lines[bisect_left(starts, start) : bisect_left(starts, end)]

    # --- folded slices -------------------------------------------------------------------------

    @cached_property
    def slices(self) -> FoldedSlices:
        """Folded slices of the text, cut from the one fold where that is exact."""
        return FoldedSlices(self.text, self.folded)

    # --- letterhead ----------------------------------------------------------------------------

    @cached_property
    def number_line(self) -> NumberLine | None:
        """The document's own "Số: …" line."""
        return number_line(self.text)

    @cached_property
    def place_date(self) -> PlaceDate | None:
        """The "Place, ngày … tháng … năm …" line."""
        return place_date(self.text, self.folded)

    @cached_property
    def attached(self) -> tuple[Attached, ...]:
        """The "(Ban hành) kèm theo Quyết định số …" lines."""
        return attached_to(self.text, self.folded)

    @cached_property
    def letterhead_year(self) -> int | None:
        """The year of the header date, else the latest year of the opening."""
        return letterhead_year(self.folded)

    # --- agencies, targets, tables -------------------------------------------------------------

    @cached_property
    def agency_mentions(self) -> tuple[Found, ...]:
        """Every agency mention of the text, by start (bodies that shared a name in different
        periods are told apart by the letterhead's year)."""
        return tuple(find_mentions(self.text, self.letterhead_year, folded=self.folded))

    def target_lines(self) -> list[Line]:
        """The lines that say something: a numbering alone or a table row of empty and number cells
        says nothing (a view over the lines segmentation read)."""
        return [line for line in self.all_lines if line.content_start < line.content_end]

    @cached_property
    def unit_cells(self) -> tuple[UnitCell, ...]:
        """The table cells naming the unit responsible for a row, with the objective and target
        the row is about (see gdparse.extract.responsibilities.unit_cells)."""
        return unit_cells(self.text, self.slices, self.tables)


def _without(spans: list[Span], holes: list[Span]) -> tuple[Span, ...]:
    """``spans`` less the ``holes`` (both sorted): a region's text without its tables, whose rows
    are read as tables (the cells naming a unit), never as clauses."""
    out = []
    for start, end in spans:
        for hole_start, hole_end in holes:
            if hole_end <= start or hole_start >= end:
                continue
            if hole_start > start:
                out.append((start, hole_start))
            start = max(start, hole_end)
        if start < end:
            out.append((start, end))
    return tuple(out)


def build_context(doc: PlanDocument, segmentation: Segmentation) -> DocumentContext:
    """The context of a segmented document: its text, the fold and lines segmentation made, its
    sections, tables and footnotes."""
    folded = segmentation.folded if segmentation.folded is not None else fold(doc.text)
    return DocumentContext(doc.text, folded, tuple(segmentation.lines), doc.sections, doc.tables, doc.footnotes)


def whole_text_context(doc: PlanDocument, segmentation: Segmentation | None = None) -> DocumentContext:
    """A context without segmentation's lines (read when asked): the text, its fold, and the
    document's sections, tables and footnotes. What the pipeline uses when building the context
    failed, and what a caller that has only a document can build."""
    return DocumentContext(doc.text, fold(doc.text), (), doc.sections, doc.tables, doc.footnotes)
