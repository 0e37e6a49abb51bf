"""Scanned PDFs: always detected; read by Tesseract where it is installed with Vietnamese data."""

from __future__ import annotations

import io
from functools import cache

import pytest

from gdparse.errors import UnsupportedFormatError
from gdparse.read import read_bytes
from gdparse.readers import ocr
from tests.fixtures.issue6.helpers import seed_pdf


@cache
def scanned_pdf() -> bytes:
    """The top of page 1 of seed 003 as an image-only PDF (what a scanner makes)."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(seed_pdf("003").read_bytes())[0]
    image = page.render(scale=300 / 72, grayscale=True).to_pil()
    image = image.crop((0, 0, image.width, image.height * 2 // 5))
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=300)
    return out.getvalue()


def test_scanned_pdf_without_ocr_fails_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        ocr,
        "why_unavailable",
        lambda: "Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)",
    )
    with pytest.raises(UnsupportedFormatError) as info:
        read_bytes(scanned_pdf(), "scan.pdf")
    assert info.value.path == "scan.pdf"
    assert (
        "scanned PDF" in info.value.cause
        and "text layer" in info.value.cause
        and "tesseract-ocr-vie" in info.value.cause
    )


def test_scanned_pdf_is_read_by_ocr() -> None:
    missing = ocr.why_unavailable()
    if missing:
        pytest.skip(f"OCR not possible here: {missing}")
    raw = read_bytes(scanned_pdf(), "scan.pdf")
    assert raw.ocr and raw.pages == 1 and raw.page_starts == (0,)
    assert "OCR" in raw.notes[0]
    assert "KẾ HOẠCH" in raw.text and "Lạng Sơn" in raw.text and "Căn cứ Luật" in raw.text


def test_tsv_words_become_boxes_on_one_baseline() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t100\t200\t400\t50\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t100\t210\t150\t40\t96\tKẾ\n"
        "5\t1\t1\t1\t1\t2\t300\t205\t200\t45\t95\tHOẠCH\n"
    )
    chars = ocr.tsv_to_chars(tsv, 0.24)
    assert [c["text"] for c in chars] == ["KẾ", "HOẠCH"]
    assert chars[0]["bottom"] == chars[1]["bottom"] == pytest.approx(60.0)
