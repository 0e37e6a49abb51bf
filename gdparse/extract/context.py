"""One document's context: what the extractors and the link stage read, built once per document.

The pipeline builds it right after segmentation and hands it, with the document, to every
extractor and to the link stage (``run(doc, ctx)``). It holds the normalised text and its one
fold, the lines segmentation read, the sections (with an index of the leaves), tables and
footnotes; and it answers what several steps ask about the same document: the implementation,
reporting and decision regions, the letterhead facts, the agency mentions and the cells of the
tables that name a responsible unit. It also gives the lines as the target extractor classifies
them (found when asked: only that extractor reads them).

A context is immutable to its users (a frozen dataclass). The answers that not every document
needs are computed on first use and kept: ``functools.cached_property`` writes them into the
instance's ``__dict__``, which a frozen dataclass without slots allows. That is harmless here: a
context belongs to one parse of one document, is passed explicitly and is dropped with it;
nothing module-level holds a document, its text or anything derived from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from gdparse.extract.agencies import letterhead_year
from gdparse.extract.agency_matcher import Found, find_mentions
from gdparse.extract.clauses import FoldedSlices, decision_spans, implementation_regions, reporting_regions
from gdparse.extract.header import Attached, NumberLine, PlaceDate, attached_to, number_line, place_date
from gdparse.extract.lines import Line as TargetLine
from gdparse.extract.lines import scan as scan_target_lines
from gdparse.extract.responsibilities import UnitCell, unit_cells
from gdparse.lines import Line, leaf_finder
from gdparse.model import Footnote, PlanDocument, Section, Table
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.segment import Segmentation

Span = tuple[int, int]


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

    # --- regions -------------------------------------------------------------------------------

    @cached_property
    def implementation_regions(self) -> tuple[Span, ...]:
        """Bodies of the "TỔ CHỨC THỰC HIỆN" parts (see gdparse.extract.clauses)."""
        return tuple(implementation_regions(self.folded, self.sections))

    @cached_property
    def reporting_regions(self) -> tuple[Span, ...]:
        """Bodies of the "CHẾ ĐỘ BÁO CÁO" parts (see gdparse.extract.clauses)."""
        return tuple(reporting_regions(self.folded, self.sections))

    @cached_property
    def decision_spans(self) -> tuple[Span, ...]:
        """The article lines of a decision ("Điều 2. …")."""
        return tuple(decision_spans(self.folded))

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

    def target_lines(self) -> list[TargetLine]:
        """The non-blank lines as the target extractor classifies them (numbering, label, row).
        Found afresh at each call: one extractor reads them, once, and kept for the rest of the
        parse they would cost a huge document about 2 % more memory at its peak."""
        return scan_target_lines(self.text, self.folded)

    @cached_property
    def unit_cells(self) -> tuple[UnitCell, ...]:
        """The table cells naming the unit responsible for a row, with the objective and target
        the row is about (see gdparse.extract.responsibilities.unit_cells)."""
        return unit_cells(self.text, self.slices, self.tables)


def build_context(doc: PlanDocument, segmentation: Segmentation) -> DocumentContext:
    """The context of a segmented document: its text, the fold and lines segmentation made, its
    sections, tables and footnotes."""
    folded = segmentation.folded if segmentation.folded is not None else fold(doc.text)
    return DocumentContext(doc.text, folded, tuple(segmentation.lines), doc.sections, doc.tables, doc.footnotes)


def whole_text_context(doc: PlanDocument, segmentation: Segmentation | None = None) -> DocumentContext:
    """A context without segmentation's lines: the text, its fold, and the document's sections,
    tables and footnotes. What the pipeline uses when building the context failed, and what a
    caller that has only a document can build."""
    return DocumentContext(doc.text, fold(doc.text), (), doc.sections, doc.tables, doc.footnotes)
