"""Broken inputs: a clear GdparseError naming the file and the cause, quickly, and a batch goes on."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from gdparse.batch import parse_many
from gdparse.errors import (
    CorruptFileError,
    EmptyInputError,
    FileTooLargeError,
    GdparseError,
    UnsupportedFormatError,
)
from gdparse.read import read, read_bytes
from gdparse.readers import safezip
from tests.fixtures.issue6.helpers import docx, p, seed_pdf


def _pdf(objects: list[bytes], trailer: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A PDF protected by a user password (Standard security handler, revision 2)."""
    key = b"<" + b"41" * 32 + b">"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O " + key + b" /U " + key + b" /P -4 >>",
        ],
        b"<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<"
        + b"0123456789abcdef" * 2
        + b"> <"
        + b"0123456789abcdef" * 2
        + b">] >>",
    )


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (40 * 1024 * 1024) + b">")
    return out.getvalue()


def blank_pdf(pages: int = 1) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    return _pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
        + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages,
        b"<< /Size %d /Root 1 0 R >>" % (3 + pages),
    )


def scanned_pdf() -> bytes:
    """One page holding an image and no text layer, as a scanner makes it."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(image).rectangle((40, 80, 360, 120), fill=0)
    out = io.BytesIO()
    image.save(out, format="PDF")
    return out.getvalue()


PDF = seed_pdf("002").read_bytes()
DOCX = docx(p("KẾ HOẠCH"), p("Căn cứ Luật Bình đẳng giới;"))

CASES = [
    ("truncated.pdf", PDF[: len(PDF) // 2], CorruptFileError, "damaged or truncated PDF"),
    ("garbage.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 500, CorruptFileError, "damaged or truncated PDF"),
    ("encrypted.pdf", encrypted_pdf(), CorruptFileError, "encrypted"),
    ("truncated.docx", DOCX[: len(DOCX) // 2], CorruptFileError, "damaged or truncated DOCX"),
    ("protected.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000, CorruptFileError, "encrypted"),
    ("bomb.docx", zip_bomb(), CorruptFileError, "zip bomb"),
    ("notword.docx", b"PK\x03\x04" + b"\x00" * 100, CorruptFileError, "DOCX"),
]


@pytest.mark.parametrize(("name", "data", "error", "cause"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_gives_a_clear_error(name: str, data: bytes, error: type[GdparseError], cause: str) -> None:
    started = time.monotonic()
    with pytest.raises(error) as info:
        read_bytes(data, name)
    assert info.value.path == name and cause in info.value.cause
    assert time.monotonic() - started < 5


def test_zip_bomb_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    # Headers that lie about sizes: the member is still read only up to the cap.
    monkeypatch.setattr(safezip, "MAX_RATIO", 10**9)
    monkeypatch.setattr(safezip, "MAX_MEMBER_BYTES", 1024 * 1024)
    with pytest.raises(CorruptFileError, match="inflate"):
        read_bytes(zip_bomb(), "bomb.docx")


@pytest.mark.parametrize(("name", "data", "fmt"), [("plan.pdf", DOCX, "docx"), ("plan.docx", PDF, "pdf")])
def test_mislabelled_file_is_read_by_its_content(name: str, data: bytes, fmt: str) -> None:
    raw = read_bytes(data, name)
    assert raw.format == fmt
    assert any(f"content is {fmt}" in note for note in raw.notes)


def test_huge_file_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    path.write_bytes(PDF)
    with pytest.raises(FileTooLargeError) as info:
        read(path, max_bytes=len(PDF) - 1)
    assert info.value.path == str(path)


def test_pdf_without_pages() -> None:
    empty = _pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"], b"<< /Size 3 /Root 1 0 R >>"
    )
    with pytest.raises(CorruptFileError, match="damaged|no pages") as info:
        read_bytes(empty, "empty.pdf")
    assert "encrypted" not in info.value.cause


def test_a_batch_goes_on_past_broken_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gdparse.readers import ocr

    monkeypatch.setattr(ocr, "why_unavailable", lambda: "Tesseract is not installed")
    blank_page = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ],
        b"<< /Size 4 /Root 1 0 R >>",
    )
    files = {
        "a.docx": DOCX,
        "b.pdf": encrypted_pdf(),
        "c.docx": zip_bomb(),
        "d.pdf": blank_page,
        "e.pdf": PDF,
        "f.pdf": scanned_pdf(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    results = {f.name: (doc, cause) for f, doc, cause in parse_many(sorted(tmp_path.iterdir()), progress=False)}
    assert results["a.docx"][0] is not None and results["e.pdf"][0] is not None
    assert "encrypted" in results["b.pdf"][1]
    assert "zip bomb" in results["c.docx"][1]
    assert "blank" in results["d.pdf"][1]  # nothing on the page: empty, not a scan
    assert "scanned PDF" in results["f.pdf"][1]


def test_unsupported_error_is_a_gdparse_error() -> None:
    assert issubclass(UnsupportedFormatError, GdparseError) and issubclass(CorruptFileError, GdparseError)


@pytest.mark.parametrize("pages", [1, 3])
def test_a_pdf_of_blank_pages_is_empty(pages: int) -> None:
    with pytest.raises(EmptyInputError, match="blank") as info:
        read_bytes(blank_pdf(pages), "blank.pdf")
    assert info.value.path == "blank.pdf"


def test_a_scan_in_which_ocr_finds_no_text_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    from gdparse.readers import ocr

    monkeypatch.setattr(ocr, "why_unavailable", lambda: None)
    monkeypatch.setattr(ocr, "ocr_pages", lambda data, path, pages: {})
    with pytest.raises(EmptyInputError, match="OCR found no text"):
        read_bytes(scanned_pdf(), "scan.pdf")
