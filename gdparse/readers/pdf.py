"""PDF reader: pypdfium2 to open the file and tell text pages from scanned ones (fast),
pdfplumber for the layout of text pages (fonts, positions, ruled tables), Tesseract for scanned
pages when it is installed. Every failure of the libraries becomes a CorruptFileError naming
the file and the cause.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import regex

from gdparse.errors import CorruptFileError, EmptyInputError, UnsupportedFormatError
from gdparse.read import RawDocument
from gdparse.readers import ocr
from gdparse.readers.pdflayout import PageLayout, TableBlock, render

MAX_PAGES = 2000
MIN_TEXT_CHARS = 20  # a page with fewer characters in its text layer is treated as scanned
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def read_pdf(data: bytes, path: str) -> RawDocument:
    """Read a PDF file. Scanned pages are OCRed when Tesseract with Vietnamese is installed."""
    counts = text_chars_per_page(data, path)
    scanned = [i + 1 for i, n in enumerate(counts) if n < MIN_TEXT_CHARS]
    notes: list[str] = []
    if scanned and len(scanned) == len(counts):
        if all_pages_blank(data, path):
            raise EmptyInputError(path, f"the PDF holds no text: its {_pages(len(counts))} blank (no text, no images)")
        return ocr.ocr_pdf(data, path, len(counts))
    layouts = page_layouts(data, path, skip=set(scanned))
    if scanned:
        missing = ocr.why_unavailable()
        if missing:
            notes.append(f"pages {_ranges(scanned)} have no text layer (scanned) and were left out: {missing}")
        else:
            texts = ocr.ocr_pages(data, path, scanned)
            layouts = [_ocr_layout(lay, texts.get(lay.number)) if lay.number in texts else lay for lay in layouts]
            notes.append(f"pages {_ranges(scanned)} have no text layer: their text comes from OCR (Tesseract)")
    text, starts = render(layouts)
    return RawDocument(
        path=path,
        sha256="",
        format="pdf",
        text=text,
        pages=len(counts),
        page_starts=starts,
        ocr=bool(scanned) and not ocr.why_unavailable(),
        notes=tuple(notes),
    )


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's last-error code can be left over from an earlier file: check the file says so too.
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD and b"/Encrypt" in data:
            raise CorruptFileError(path, "the PDF is encrypted (password-protected); gdparse cannot read it") from None
        raise CorruptFileError(path, f"damaged or truncated PDF ({exc})") from None


def text_chars_per_page(data: bytes, path: str) -> list[int]:
    """Characters in the text layer of each page (pypdfium2: fast, no layout)."""
    doc = _open(data, path)
    try:
        n = len(doc)
        if n == 0:
            raise CorruptFileError(path, "the PDF has no pages")
        if n > MAX_PAGES:
            raise UnsupportedFormatError(path, f"the PDF has {n} pages, above the limit of {MAX_PAGES}")
        counts = []
        for i in range(n):
            page = doc[i]
            textpage = page.get_textpage()
            counts.append(len(textpage.get_text_range().strip()))
            textpage.close()
            page.close()
        return counts
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(path, f"damaged PDF: cannot read its pages ({exc})") from None
    finally:
        doc.close()


def all_pages_blank(data: bytes, path: str) -> bool:
    """True when no page has any content (no text, image or drawing): an empty PDF, not a scan."""
    doc = _open(data, path)
    try:
        for i in range(len(doc)):
            page = doc[i]
            n_objects = pdfium.raw.FPDFPage_CountObjects(page.raw)
            page.close()
            if n_objects:
                return False
        return True
    finally:
        doc.close()


def _pages(n: int) -> str:
    return "page is" if n == 1 else f"{n} pages are"


def page_layouts(data: bytes, path: str, *, skip: set[int] = frozenset()) -> list[PageLayout]:
    """Characters and ruled tables of each page (pdfplumber)."""
    import io

    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    layouts = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if number in skip:
                    layouts.append(PageLayout(number, float(page.width), float(page.height), []))
                    continue
                tables = []
                for t in page.find_tables(_TABLE_SETTINGS):
                    rows = tuple(tuple(cell_text(c) for c in row) for row in t.extract())
                    x0, top, x1, bottom = t.bbox
                    tables.append(TableBlock(number, x0, top, x1, bottom, rows))
                chars = [
                    {k: c[k] for k in ("text", "x0", "x1", "top", "bottom", "size", "fontname")}
                    for c in page.chars
                    if c.get("upright", True)
                ]
                layouts.append(PageLayout(number, float(page.width), float(page.height), chars, tables))
                page.flush_cache()
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError, EOFError) as exc:
        raise CorruptFileError(
            path, f"damaged PDF: its page content cannot be parsed ({type(exc).__name__}: {exc})"
        ) from None
    except Exception as exc:  # pdfminer raises bare Exception subclasses of its own for broken streams
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber")):
            raise CorruptFileError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from None
        raise
    return layouts


_CUT_NUMBER = regex.compile(r"(?<=\d)\s*\n\s*(?=\.\d)|(?<=\d\.)\s*\n\s*(?=\d)")


def cell_text(cell: str | None) -> str:
    """A table cell's lines as one line; a number cut by a narrow column ("2.1.1\\n.1") rejoined."""
    return " ".join(_CUT_NUMBER.sub("", cell or "").split())


def _ocr_layout(layout: PageLayout, lines: list[dict] | None) -> PageLayout:
    return PageLayout(layout.number, layout.width, layout.height, lines or [], [])


def _ranges(pages: list[int]) -> str:
    out, start = [], None
    for i, p in enumerate(pages):
        if start is None:
            start = p
        if i + 1 == len(pages) or pages[i + 1] != p + 1:
            out.append(str(start) if start == p else f"{start}-{p}")
            start = None
    return ", ".join(out)
