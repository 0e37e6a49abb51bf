# ruff: noqa: E501  (WordprocessingML snippets)
"""DOCX reader: numbering, bold, tables, footnotes, headers and footers, odd runs."""

from __future__ import annotations

import io

import pytest

from gdparse.read import read_bytes
from tests.fixtures.issue6.helpers import W_NS, docx, p, seed_docx

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?><w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:rPr><w:b/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61485;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles {W_NS}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:tblPr><w:tblBorders><w:top w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr></w:style>
</w:styles>"""


def num(level: int, num_id: int = 1) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def lines(data: bytes) -> list[str]:
    return [ln for ln in read_bytes(data, "plan.docx").text.split("\n") if ln]


def test_auto_numbering_is_written_out() -> None:
    data = docx(
        p("MỤC ĐÍCH", ppr=num(0)),
        p("Mục đích", ppr=num(1)),
        p("Nội dung thường."),
        p("Yêu cầu", ppr=num(1)),
        p("Chi tiết", ppr=num(2)),
        p("Chi tiết nữa", ppr=num(2)),
        p("điểm một", ppr=num(3)),
        p("điểm hai", ppr=num(3)),
        p("gạch đầu dòng", ppr=num(4)),
        p("MỤC TIÊU", ppr=num(0)),
        p("Mục tiêu chung", ppr=num(1)),
        p("Danh sách khác", ppr=num(1, num_id=2)),
        numbering=NUMBERING,
    )
    assert lines(data) == [
        "**I.** MỤC ĐÍCH",
        "1. Mục đích",
        "Nội dung thường.",
        "2. Yêu cầu",
        "2.1. Chi tiết",
        "2.2. Chi tiết nữa",
        "a) điểm một",
        "b) điểm hai",
        "- gạch đầu dòng",
        "**II.** MỤC TIÊU",
        "1. Mục tiêu chung",
        "5. Danh sách khác",
    ]


def test_numbering_and_bold_from_paragraph_styles() -> None:
    heading = '<w:pStyle w:val="Heading1"/>'
    sub = '<w:pStyle w:val="Heading2"/>'
    data = docx(p("MỤC TIÊU", ppr=heading), p("Mục tiêu chung", ppr=sub), numbering=NUMBERING, styles=STYLES)
    assert lines(data) == ["**I. MỤC TIÊU**", "1. **Mục tiêu chung**"]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        (
            '<w:r><w:rPr><w:b/></w:rPr><w:t>1. Mục đích:</w:t></w:r><w:r><w:t xml:space="preserve"> Tạo chuyển biến</w:t></w:r>',
            "**1. Mục đích:** Tạo chuyển biến",
        ),
        ('<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>không đậm</w:t></w:r>', "không đậm"),
        ("<w:r><w:t>ẩn</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ghi chú ẩn</w:t></w:r>", "ẩn"),
        (
            '<w:r><w:t>giữ</w:t></w:r><w:del><w:r><w:delText>xóa</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins>',
            "giữ thêm",
        ),
        ("<w:hyperlink><w:r><w:t>kontum.gov.vn</w:t></w:r></w:hyperlink>", "kontum.gov.vn"),
        (
            '<w:r><w:t>đạt 60%</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>',
            "đạt 60%²",
        ),
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>7</w:t></w:r>',
            "7",
        ),
    ],
)
def test_runs(runs: str, expected: str) -> None:
    assert lines(docx(f"<w:p>{runs}</w:p>")) == [expected]


def _table(rows: list[list[str]], borders: str, span_first: int = 1) -> str:
    out = [f"<w:tbl><w:tblPr>{borders}</w:tblPr>"]
    for i, row in enumerate(rows):
        cells = []
        for j, text in enumerate(row):
            span = (
                f'<w:tcPr><w:gridSpan w:val="{span_first}"/></w:tcPr>' if (i == 0 and j == 0 and span_first > 1) else ""
            )
            cells.append(f"<w:tc>{span}{p(text)}</w:tc>")
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return "".join(out) + "</w:tbl>"


def test_bordered_table_becomes_tab_separated_rows() -> None:
    borders = '<w:tblBorders><w:top w:val="single"/><w:insideV w:val="single"/></w:tblBorders>'
    table = _table([["TT", "Chỉ tiêu", "Đơn vị"], ["1", "Chỉ tiêu 1: đạt 60%", "Sở Nội vụ"]], borders)
    assert lines(docx(p("Phụ lục"), table)) == ["Phụ lục", "TT\tChỉ tiêu\tĐơn vị", "1\tChỉ tiêu 1: đạt 60%\tSở Nội vụ"]


def test_merged_cells_keep_the_columns() -> None:
    borders = '<w:tblStyle w:val="TableGrid"/>'
    table = _table([["Mục tiêu 1", ""], ["1", "Chỉ tiêu 1", "Sở Y tế"]], borders, span_first=2)
    assert lines(docx(table, styles=STYLES))[0] == "Mục tiêu 1\t\t"


def test_borderless_table_is_read_as_paragraphs() -> None:
    none = '<w:tblBorders><w:top w:val="nil"/><w:insideV w:val="none"/></w:tblBorders>'
    table = _table(
        [
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["Số: 12/KH-UBND", "Hà Nội, ngày 1 tháng 2 năm 2024"],
        ],
        none,
    )
    assert lines(docx(table)) == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/KH-UBND",
        "Hà Nội, ngày 1 tháng 2 năm 2024",
    ]


def test_footnotes_become_markers_and_bodies_at_the_end() -> None:
    text = read_bytes(seed_docx("004"), "seed004.docx").text
    assert "¹" in text and "\n¹ Nghị định 70/2008/NĐ-CP" in text
    body, _, notes = text.rpartition("\n\n")
    assert notes.startswith("¹ ") and notes.strip().count("\n") == 3  # four footnotes, one line each


def test_headers_and_footers_are_not_in_the_body() -> None:
    text = read_bytes(seed_docx("000"), "seed000.docx").text
    assert "Văn phòng UBND tỉnh - bản lưu" not in text
    assert text.startswith("**UỶ BAN NHÂN DÂN**")


def test_seed_003_headings_come_from_word_numbering() -> None:
    import zipfile

    from tests.fixtures.issue6.helpers import make_fixtures

    data = seed_docx("003")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:numPr>") > 30 and "I. MỤC ĐÍCH" not in xml  # the numbers are not typed
    text = read_bytes(data, "seed003.docx").text
    for heading in (
        "**I. MỤC ĐÍCH, YÊU CẦU**",
        "**II. MỤC TIÊU**",
        "**VI. TỔ CHỨC THỰC HIỆN**",
        "15. UBND các xã, phường",
    ):
        assert heading in text.replace("**15.** ", "15. "), heading
    assert make_fixtures.AUTO_NUMBERED == {"003"}


def test_a_document_written_by_python_docx() -> None:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("KẾ HOẠCH").runs[0].bold = True
    document.add_paragraph("Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;")
    table = document.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    for i, row in enumerate([["TT", "Chỉ tiêu", "Cơ quan"], ["1", "đạt 60%", "Sở Nội vụ"]]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.sections[0].header.paragraphs[0].text = "Đầu trang"
    buffer = io.BytesIO()
    document.save(buffer)
    assert lines(buffer.getvalue()) == [
        "**KẾ HOẠCH**",
        "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
        "TT\tChỉ tiêu\tCơ quan",
        "1\tđạt 60%\tSở Nội vụ",
    ]
