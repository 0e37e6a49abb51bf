"""OCR of scanned PDF pages with Tesseract (the ``tesseract`` command with Vietnamese data,
Debian packages tesseract-ocr and tesseract-ocr-vie). Pages are rendered with pypdfium2; the
words Tesseract finds, with their boxes, go through the same layout as a text PDF."""

from __future__ import annotations

import io
import shutil
import subprocess
from functools import cache

import pypdfium2 as pdfium

from gdparse.errors import CorruptFileError, EmptyInputError, UnsupportedFormatError
from gdparse.read import RawDocument

DPI = 300
PAGE_TIMEOUT_S = 180
LANG = "vie"


@cache
def why_unavailable() -> str | None:
    """None when Tesseract with Vietnamese data can run; otherwise what is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract does not run ({exc})"
    if LANG not in out.stdout.split():
        return "Tesseract has no Vietnamese data (Debian: apt-get install tesseract-ocr-vie)"
    return None


def ocr_pdf(data: bytes, path: str, n_pages: int) -> RawDocument:
    """A scanned PDF (no text layer on any page) read by OCR, or a clear error."""
    from gdparse.readers.pdflayout import PageLayout, render

    missing = why_unavailable()
    if missing:
        raise UnsupportedFormatError(
            path, f"a scanned PDF: none of its {n_pages} pages has a text layer, and OCR is not possible: {missing}"
        )
    chars = ocr_pages(data, path, list(range(1, n_pages + 1)))
    layouts = [PageLayout(n, *size, chars.get(n, [])) for n, size in zip(range(1, n_pages + 1), _page_sizes(data))]
    text, starts = render(layouts)
    if not text.strip():
        raise EmptyInputError(path, f"a scanned PDF of {n_pages} pages in which OCR found no text")
    return RawDocument(
        path=path,
        sha256="",
        format="pdf",
        text=text,
        pages=n_pages,
        page_starts=starts,
        ocr=True,
        notes=(f"no text layer: all {n_pages} pages read by OCR (Tesseract, {LANG}); expect recognition errors",),
    )


def _page_sizes(data: bytes) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(data)
    try:
        return [tuple(doc[i].get_size()) for i in range(len(doc))]
    finally:
        doc.close()


def ocr_pages(data: bytes, path: str, pages: list[int]) -> dict[int, list[dict]]:
    """Words found by Tesseract on the given 1-based pages, as character-like boxes in points."""
    doc = pdfium.PdfDocument(data)
    out: dict[int, list[dict]] = {}
    try:
        for number in pages:
            page = doc[number - 1]
            image = page.render(scale=DPI / 72).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            out[number] = tsv_to_chars(_tesseract(buffer.getvalue(), path, number), 72 / DPI)
            page.close()
    finally:
        doc.close()
    return out


def _tesseract(png: bytes, path: str, number: int) -> str:
    exe = shutil.which("tesseract") or "tesseract"
    try:
        done = subprocess.run(
            [exe, "stdin", "stdout", "-l", LANG, "--psm", "4", "tsv"],
            input=png,
            capture_output=True,
            timeout=PAGE_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        raise CorruptFileError(path, f"OCR of page {number} took longer than {PAGE_TIMEOUT_S} s") from None
    if done.returncode != 0:
        cause = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise CorruptFileError(path, f"OCR of page {number} failed: {cause[0]}")
    return done.stdout.decode("utf-8", "replace")


def tsv_to_chars(tsv: str, scale: float) -> list[dict]:
    """Tesseract TSV words -> boxes that the PDF layout reads like characters. Every word of a
    line gets the line's box height, so that one line shares one baseline."""
    rows = [r.split("\t") for r in tsv.splitlines()[1:]]
    lines: dict[tuple[str, ...], tuple[float, float]] = {}
    for r in rows:
        if len(r) >= 12 and r[0] == "4":
            top, height = float(r[7]), float(r[9])
            lines[tuple(r[1:5])] = (top, top + height)
    chars = []
    for r in rows:
        if len(r) < 12 or r[0] != "5" or not r[11].strip():
            continue
        left, width = float(r[6]), float(r[8])
        top, bottom = lines.get(tuple(r[1:5]), (float(r[7]), float(r[7]) + float(r[9])))
        chars.append(
            {
                "text": r[11],
                "x0": left * scale,
                "x1": (left + width) * scale,
                "top": top * scale,
                "bottom": bottom * scale,
                "size": (bottom - top) * scale,
                "fontname": "",
            }
        )
    return chars
