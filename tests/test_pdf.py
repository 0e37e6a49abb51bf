"""PDF reader: furniture dropped, wrapped lines joined, bold, tables, footnotes, page offsets."""

from __future__ import annotations

from functools import cache

import pytest

from gdparse.read import read
from gdparse.readers.pdflayout import Frame, PdfLine, Word, continues
from tests.fixtures.issue6.helpers import seed_pdf


@cache
def raw(seed_id: str):
    return read(seed_pdf(seed_id))


def test_running_header_footer_and_page_numbers_are_dropped() -> None:
    doc = raw("004")
    assert doc.pages == 26 and doc.format == "pdf"
    assert "Văn phòng UBND tỉnh - bản lưu" not in doc.text
    assert not [ln for ln in doc.text.split("\n") if ln.strip().isdigit()]


def test_page_starts_point_at_each_page() -> None:
    doc = raw("004")
    assert len(doc.page_starts) == 26 and doc.page_starts[0] == 0
    # The appendix table starts on page 10 and goes on over page 11: page 11 starts at a row.
    table_start = doc.text.find("TT\tMục tiêu, chỉ tiêu")
    assert doc.page_starts[9] < table_start < doc.page_starts[10]
    assert doc.text[doc.page_starts[10] - 1] == "\n" and "\t" in doc.text[doc.page_starts[10] :].split("\n")[0]
    assert "\n\n" not in doc.text[table_start : doc.page_starts[11]]


def test_wrapped_lines_are_joined_and_paragraphs_kept() -> None:
    text = raw("000").text
    assert (
        "Căn cứ Nghị định số 70/2008/NĐ-CP ngày 04 tháng 6 năm 2008 của Chính phủ Quy định chi tiết thi hành "
        "một số điều của Luật Bình đẳng giới;\n\n"
        in text
    )
    assert "**CHỦ TỊCH UBND TỈNH BẮC NINH**" in text or "CHỦ TỊCH UBND TỈNH BẮC NINH\n" in text


def test_bold_tables_and_footnotes() -> None:
    text = raw("004").text
    assert "**I. MỤC ĐÍCH, YÊU CẦU**" in text
    assert "TT\tMục tiêu, chỉ tiêu\tKết quả năm 2024\tĐơn vị tính" in text
    # Word repeats the header row on each page; it is read once per table, as in the source (three times).
    assert text.count("TT\tMục tiêu, chỉ tiêu") == 3
    assert "\n2.1.1.1\tTrong đó: Số nạn nhân" in text  # a number cut by a narrow column is rejoined
    assert "phù hợp, đạt mục tiêu đề ra" in text and "2025²" in text
    assert "\n¹ Nghị định 70/2008/NĐ-CP" in text


def _line(x0: float, x1: float, top: float, text: str, *, page: int = 1, bold: bool = False) -> PdfLine:
    words, x = [], x0
    for w in text.split():
        width = (x1 - x0) * len(w) / max(1, len(text))
        words.append(Word(w, x, x + width, bold))
        x += width + 3
    return PdfLine(page, x0, x1, top, top + 14, 14.0, tuple(words))


FRAME = Frame(left=85, right=552, gap=4.5, size=14)


@pytest.mark.parametrize(
    ("prev", "line", "joined"),
    [
        (
            _line(121, 552, 100, "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006 của Quốc"),
            _line(85, 300, 118.5, "hội khóa XI;"),
            True,
        ),
        (
            _line(121, 440, 100, "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11;"),
            _line(121, 500, 118.5, "Căn cứ Nghị định"),
            False,
        ),
        (
            _line(121, 552, 100, "a full line that ends a sentence right at the margin."),
            _line(121, 500, 118.5, "Next paragraph"),
            False,
        ),
        (
            _line(121, 552, 100, "a line full up to the margin, wrapped"),
            _line(85, 500, 130, "after a paragraph gap"),
            False,
        ),
        (_line(121, 552, 100, "a line full up to the margin then"), _line(85, 400, 118.5, "1. Mục đích"), False),
        (
            _line(121, 552, 100, "MỤC TIÊU VÀ CHỈ TIÊU ĐẾN NĂM 2030", bold=True),
            _line(85, 400, 118.5, "Các cơ quan"),
            False,
        ),
        (
            _line(91, 547, 100, "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU CỦA CHIẾN LƯỢC"),
            _line(283, 355, 118.5, "QUỐC GIA"),
            True,
        ),
        (_line(276, 362, 100, "QUYẾT ĐỊNH"), _line(210, 427, 118.5, "CHỦ TỊCH UBND TỈNH"), False),
        (
            _line(85, 552, 780, "a paragraph cut by the page", page=1),
            _line(85, 400, 60, "foot and going on", page=2),
            True,
        ),
    ],
)
def test_continues(prev: PdfLine, line: PdfLine, joined: bool) -> None:
    assert continues(prev, line, FRAME) is joined
