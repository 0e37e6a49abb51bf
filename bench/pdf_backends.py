"""pdfplumber against pypdfium2 on the committed PDF fixtures: time per page for each job.

    .venv/bin/python bench/pdf_backends.py [PDF ...]

Prints a Markdown table. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gdparse.readers.pdf import page_layouts, text_chars_per_page  # noqa: E402
from gdparse.readers.pdflayout import render  # noqa: E402


def pdfium_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def plumber_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


JOBS = {
    "pypdfium2: text-layer check (chars per page)": lambda d: text_chars_per_page(d, "bench"),
    "pypdfium2: plain text": pdfium_text,
    "pdfplumber: plain text": plumber_text,
    "pdfplumber: chars + ruled tables (gdparse layout input)": lambda d: page_layouts(d, "bench"),
    "gdparse: full PDF reader (layout -> text)": lambda d: render(page_layouts(d, "bench")),
}


def main(paths: list[Path]) -> None:
    files = [(p, p.read_bytes()) for p in paths]
    pages = sum(len(pdfium.PdfDocument(d)) for _, d in files)
    print(f"{len(files)} PDFs, {pages} pages\n")
    print("| job | total s | ms per page |")
    print("|---|---:|---:|")
    for name, job in JOBS.items():
        started = time.perf_counter()
        for _, data in files:
            job(data)
        total = time.perf_counter() - started
        print(f"| {name} | {total:.2f} | {1000 * total / pages:.1f} |")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "tests" / "fixtures" / "issue6").glob("*.pdf"))
    main(args)
