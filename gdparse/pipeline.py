"""The pipeline: read -> normalize -> segment -> extract -> link. I/O happens only in ``read``.

Every step after reading runs under one guard (:mod:`gdparse.guard`): a step that fails adds a
``stage_failed`` warning and the document keeps what the other steps produced.

Right after segmentation the pipeline builds the document's context
(:class:`gdparse.extract.context.DocumentContext`: the text, its fold, lines, sections, tables and
what several steps ask about them) and hands it to every extractor and to the link stage.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gdparse.compact import is_big, share_field_sets
from gdparse.deadline import Deadline, time_limit
from gdparse.extract import EXTRACTORS
from gdparse.extract.context import DocumentContext, build_context, whole_text_context
from gdparse.guard import guarded
from gdparse.link import link
from gdparse.model import DocWarning, PlanDocument, Source, Stage, WarningCode
from gdparse.normalize import NormalizedText, normalize
from gdparse.offsets import identity, to_normalized, to_original
from gdparse.pages import assign_pages
from gdparse.read import DEFAULT_MAX_BYTES, RawDocument, read, read_bytes
from gdparse.segment import Segmentation, segment, whole_text_sections
from gdparse.webtext import web_text_edits


def raw_to_document(raw: RawDocument) -> tuple[PlanDocument, DocumentContext]:
    """Normalise and segment a decoded document (no extraction yet), and build the context its
    extraction reads, each step under the guard: a failed normalisation leaves the text as decoded,
    a failed segmentation one section over the whole text, a failed context one without the lines
    (:func:`gdparse.extract.context.whole_text_context`), each with its ``stage_failed`` warning."""
    failures: list[DocWarning] = []
    norm, source = guarded("normalize", failures, _normalized, _unnormalized, raw)
    notes = tuple(DocWarning(code=WarningCode.READER_NOTE, message=note, stage="read") for note in raw.notes)
    # The decoded original is not needed any more: unless the caller keeps it (parse_raw does not),
    # a huge document's segmentation and extraction run without it (75 MB for a 50 MB input).
    del raw
    segmented = guarded("segment", failures, segment, _unsegmented, norm, source.encoding)
    doc = PlanDocument(
        source=source,
        text=norm.text,
        sections=tuple(segmented.sections),
        tables=tuple(segmented.tables),
        footnotes=tuple(segmented.footnotes),
        warnings=notes + tuple(failures) + tuple(segmented.warnings),
    )
    context_failures: list[DocWarning] = []
    ctx = guarded("extract", context_failures, build_context, whole_text_context, doc, segmented)
    return (doc.with_warnings(*context_failures) if context_failures else doc), ctx


def _normalized(raw: RawDocument) -> tuple[NormalizedText, Source]:
    # Portal repairs are safe on any text: each rule only fires on the damage it knows.
    norm = normalize(raw.text, is_html=raw.format == "html", extra_passes=(web_text_edits,))
    return norm, _source(raw, norm)


def _unnormalized(raw: RawDocument) -> tuple[NormalizedText, Source]:
    """The text as decoded, when normalisation failed: every offset is its own original."""
    norm = NormalizedText(text=raw.text, runs=tuple(identity(len(raw.text))))
    return norm, _source(raw, norm)


def _unsegmented(norm: NormalizedText, encoding: str | None = None) -> Segmentation:
    """One section over the whole text, when segmentation failed: extraction still runs."""
    return Segmentation(whole_text_sections(norm.text), [], [], [], [], None)


def _source(raw: RawDocument, norm: NormalizedText) -> Source:
    page_starts: tuple[int, ...] = ()
    if raw.page_starts:
        page_starts = tuple(to_normalized(norm.runs, p) for p in raw.page_starts)
    source = Source(
        path=raw.path,
        sha256=raw.sha256,
        format=raw.format,
        encoding=raw.encoding,
        size_bytes=raw.size_bytes,
        pages=raw.pages,
        page_starts=page_starts,
        ocr=raw.ocr,
        offset_map=tuple({"norm_start": a, "orig_start": b, "length": n} for a, b, n in norm.runs),
    )
    if is_big(norm.text):
        share_field_sets(source)  # its offset runs, as it is built (see gdparse.compact)
    return source


def parse_raw(raw: RawDocument, *, deadline: float | None = None) -> PlanDocument:
    """All stages after reading; ``deadline`` (seconds) bounds the work on one document.

    Never raises but for the deadline: a step that fails leaves a ``stage_failed`` warning and the
    rest of the document (see :mod:`gdparse.guard`)."""
    limit = Deadline(deadline, raw.path)
    # Handed on in a box, so that once normalised the decoded original is held nowhere (unless the
    # caller keeps it): for a 50 MB input it is 75 MB less for the rest of the parse.
    box = [raw]
    del raw
    return _structure_warnings(_stages(box, limit))


def _stages(box: list[RawDocument], limit: Deadline) -> PlanDocument:
    with time_limit(limit):
        doc, ctx = raw_to_document(box.pop())
        for extractor in EXTRACTORS:
            limit.check(extractor.stage)
            doc = _step(extractor.stage, extractor.run, doc, ctx)
        limit.check("link")
        return _step("pages", assign_pages, _step("link", link, doc, ctx))


def _step(stage: Stage, run: Callable[..., PlanDocument], doc: PlanDocument, *context: DocumentContext) -> PlanDocument:
    """``run(doc, *context)`` under the guard: on failure, ``doc`` as it was with a ``stage_failed`` warning."""
    failures: list[DocWarning] = []
    after = guarded(stage, failures, run, _unchanged, doc, *context)
    return after.with_warnings(*failures) if failures else after


def _unchanged(doc: PlanDocument, *context: DocumentContext) -> PlanDocument:
    return doc


def _structure_warnings(doc: PlanDocument) -> PlanDocument:
    """A document that is not a plan is parsed, and says so."""
    if doc.text and not doc.text.isspace() and not doc.targets and not doc.objectives:
        return doc.with_warnings(
            DocWarning(code=WarningCode.NO_TARGETS, message="no objectives or targets found: is this a plan?",
                       stage="extract")
        )
    return doc


def parse(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, deadline: float | None = None) -> PlanDocument:
    """Parse one file into a PlanDocument. Raises GdparseError (naming the file) on bad input,
    DeadlineExceededError when ``deadline`` seconds pass first."""
    return parse_raw(read(path, max_bytes=max_bytes), deadline=deadline)


def parse_text(text: str, path: str = "<string>", format: str = "txt", *, deadline: float | None = None) -> PlanDocument:
    """Parse a string as if it were a text file."""
    data = text.encode("utf-8")
    return parse_raw(read_bytes(data, path, suffix=Path(path).suffix or "." + format), deadline=deadline)


def original_offset(doc: PlanDocument, offset: int) -> int:
    """The offset in the original decoded text of a normalised offset."""
    return to_original([(r.norm_start, r.orig_start, r.length) for r in doc.source.offset_map], offset)
