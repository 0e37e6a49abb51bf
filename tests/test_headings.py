"""Heading recognition, table-driven: (line, scheme, number, heading text) or no heading."""

from __future__ import annotations

import pytest

from gdparse.headings import match_heading

CASES = [
    ("I. MỤC TIÊU:", "roman", "I", "MỤC TIÊU"),
    ("IV. TỔ CHỨC THỰC HIỆN", "roman", "IV", "TỔ CHỨC THỰC HIỆN"),
    ("PHẦN I. CĂN CỨ", "part", "I", "CĂN CỨ"),
    ("Phần thứ nhất: KẾT QUẢ", "part", "thứ nhất", "KẾT QUẢ"),
    ("1. Mục tiêu tổng quát", "arabic-1", "1", "Mục tiêu tổng quát"),
    ("2.1. Mục tiêu 1: Trong lĩnh vực chính trị", "arabic-2", "2.1", "Mục tiêu 1: Trong lĩnh vực chính trị"),
    (
        "4.1.2. Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì phối hợp với các cơ quan, đơn vị, địa phương liên quan và nhiều cơ quan khác nữa để triển khai.",
        "arabic-3",
        "4.1.2",
        "Cơ quan thực hiện",
    ),
    ("1) Đối tượng", "arabic-1)", "1", "Đối tượng"),
    ("a) Sở Nội vụ", "letter", "a", "Sở Nội vụ"),
    ("Mục tiêu 1: Tăng cường sự tham gia của phụ nữ", "label-muc-tieu", "1", "Tăng cường sự tham gia của phụ nữ"),
    (
        "- Chỉ tiêu 2: Tỷ lệ nữ làm chủ doanh nghiệp đạt 30% vào năm 2015.",
        "label-chi-tieu",
        "2",
        "Tỷ lệ nữ làm chủ doanh nghiệp đạt 30% vào năm 2015.",
    ),
    ("Chỉ tiêu: phấn đấu đến năm 2030, đạt 75%", "label-chi-tieu", None, "phấn đấu đến năm 2030, đạt 75%"),
    ("Điều 1. Phê duyệt Kế hoạch hành động", "label-dieu", "1", "Phê duyệt Kế hoạch hành động"),
    ("* Nhóm các giải pháp để thực hiện mục tiêu 1", "label-nhom", None, "Nhóm các giải pháp để thực hiện mục tiêu 1"),
    ("* Đề nghị Hội Liên hiệp phụ nữ tỉnh", "star", None, "Đề nghị Hội Liên hiệp phụ nữ tỉnh"),
    # One numbering and one label grammar for segment and extract (gdparse.numbering, gdparse.labels).
    ("I/ MỤC ĐÍCH, YÊU CẦU", "roman", "I", "MỤC ĐÍCH, YÊU CẦU"),
    ("IV – TỔ CHỨC THỰC HIỆN", "roman", "IV", "TỔ CHỨC THỰC HIỆN"),
    ("2.1 Chỉ tiêu cụ thể", "arabic-2", "2.1", "Chỉ tiêu cụ thể"),
    ("– Chỉ tiêu 1: Đến năm 2025 đạt 50%", "label-chi-tieu", "1", "Đến năm 2025 đạt 50%"),
    ("- - Chỉ tiêu 2: Đạt 60%", "label-chi-tieu", "2", "Đạt 60%"),
    ("Chỉ tiêu số 3. Đến năm 2025 có 30% nữ", "label-chi-tieu", "3", "Đến năm 2025 có 30% nữ"),
    ("Chỉ tiêu 1.2 - Đạt 90%", "label-chi-tieu", "1.2", "Đạt 90%"),
    ("Mục tiêu 2 – Về kinh tế", "label-muc-tieu", "2", "Về kinh tế"),
    ("ĐIỀU 2: Tổ chức thực hiện", "label-dieu", "2", "Tổ chức thực hiện"),
    ("PHẦN II THỰC HIỆN", "part", "II", "THỰC HIỆN"),
    ("CHƯƠNG 2. Tổ chức", "part", "2", "Tổ chức"),
]


@pytest.mark.parametrize(("line", "scheme", "number", "heading"), CASES)
def test_headings(line: str, scheme: str, number: str | None, heading: str) -> None:
    m = match_heading(line)
    assert m is not None
    assert (m.scheme, m.number, line[m.text_start : m.text_end]) == (scheme, number, heading)


@pytest.mark.parametrize(
    "line",
    [
        "2020 là năm bản lề",  # a year, not a number
        "1. thực hiện tiếp nội dung trên",  # numbered item continuing a sentence (lowercase)
        "- Tăng cường sự lãnh đạo của cấp ủy.",  # a plain bullet
        "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
        "* Tăng cường công tác thanh tra, kiểm tra tình hình thực hiện các quy định của pháp luật.",
        "100% xã, phường có tin bài",
        "2.000 người được tập huấn",  # a number, not a numbering
        "V/v triển khai Kế hoạch",
        "- Điều 1. Phê duyệt",  # an article is no bullet
        "Chỉ tiêu 1 đạt 50%",  # a label ends in ":", "." or "-"
        "  1. Mục đích",  # an indented line
    ],
)
def test_not_headings(line: str) -> None:
    assert match_heading(line) is None


def test_bold_lead_in_is_the_heading() -> None:
    line = "1. Sở Lao động - Thương binh và Xã hội: Chủ trì, phối hợp với các sở, ngành liên quan"
    m = match_heading(line, bold_end=line.index(":") + 1)
    assert line[m.text_start : m.text_end] == "Sở Lao động - Thương binh và Xã hội"


def test_bold_number_alone() -> None:
    line = "11. Đề nghị Ủy ban MTTQ tỉnh, Hội Liên hiệp Phụ nữ tỉnh đẩy mạnh công tác tuyên truyền"
    assert match_heading(line, bold_end=3).number == "11"


@pytest.mark.parametrize("bullet", ["-", "+", "•", "*", "–"])
def test_a_bullet_led_by_a_bold_label_is_a_heading(bullet: str) -> None:
    line = f"{bullet} Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ban, ngành."
    m = match_heading(line, bold_end=line.index(":") + 1)
    assert m is not None and (m.scheme, line[m.text_start : m.text_end]) == ("bullet-bold", "Cơ quan thực hiện")


def test_table_rows() -> None:
    assert match_heading("2.1.1\tTổng số nạn nhân", in_table=True).scheme == "row-arabic-3"
    assert match_heading("IV\tMục tiêu 4: Trong lĩnh vực y tế", in_table=True).scheme == "row-roman"
    assert match_heading("\tTrong đó: số nạn nhân", in_table=True) is None
