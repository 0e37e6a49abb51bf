"""The same plan as .txt, .docx and .pdf gives the same sections, milestones and responsibilities.

The DOCX of each seed is generated here (tests/fixtures/issue6/make_fixtures.py: letterhead as a
borderless table, bold headings, Word auto-numbering in seed 003, real footnotes, appendix rows
as a Word table); the PDFs are those DOCX files rendered by LibreOffice and committed.
"""

from __future__ import annotations

from functools import cache

import pytest

from gdparse.pipeline import parse, parse_raw
from gdparse.read import read_bytes
from tests.conftest import SEED_IDS, parsed
from tests.fixtures.issue6.helpers import milestones, outline, responsibilities, seed_docx, seed_pdf


@cache
def as_docx(seed_id: str):
    return parse_raw(read_bytes(seed_docx(seed_id), f"seed{seed_id}.docx"))


@cache
def as_pdf(seed_id: str):
    return parse(seed_pdf(seed_id))


FORMATS = {"docx": as_docx, "pdf": as_pdf}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_same_milestones_and_responsibilities(seed_id: str, fmt: str) -> None:
    txt, other = parsed(seed_id), FORMATS[fmt](seed_id)
    assert other.source.format == fmt
    assert milestones(other) == milestones(txt)
    assert responsibilities(other) == responsibilities(txt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_same_sections(seed_id: str, fmt: str) -> None:
    assert outline(FORMATS[fmt](seed_id)) == outline(parsed(seed_id))


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_pdf_items_carry_their_page(seed_id: str) -> None:
    doc = as_pdf(seed_id)
    assert doc.source.pages and len(doc.source.page_starts) == doc.source.pages
    assert list(doc.source.page_starts) == sorted(doc.source.page_starts)
    spanned = [*doc.sections, *doc.targets, *doc.responsibilities, *doc.citations]
    assert spanned and all(item.page is not None and 1 <= item.page <= doc.source.pages for item in spanned)
    assert max(s.page for s in doc.sections) > 1


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_text_inputs_have_no_pages(seed_id: str) -> None:
    assert all(s.page is None for s in parsed(seed_id).sections)
