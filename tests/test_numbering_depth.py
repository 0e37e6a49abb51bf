"""Numbering of any depth a plan uses is read as headings; a deeper one is said, never cut silently."""

from __future__ import annotations

import pytest

import gdparse
from gdparse.headings import match_heading
from gdparse.model import WarningCode
from gdparse.numbering import MAX_NUMBER_DEPTH
from tests.test_segment import leaves_tile


def number(depth: int, last: int = 1) -> str:
    return ".".join(["2"] + ["1"] * (depth - 2) + [str(last)]) if depth > 1 else str(last)


def deep_plan(depth: int) -> str:
    """A plan whose specific targets sit ``depth`` levels down."""
    lines = ["KẾ HOẠCH", "Thực hiện công tác bình đẳng giới giai đoạn 2021-2025", "I. MỤC TIÊU",
             "1. Mục tiêu chung", "Bảo đảm bình đẳng giới thực chất.", "2. Mục tiêu cụ thể"]
    lines += [f"{number(d)}. Nhóm lĩnh vực cấp {d}" for d in range(2, depth)]
    lines += [f"{number(depth, 1)}. Tỷ lệ cơ quan có lãnh đạo chủ chốt là nữ đạt 60% vào năm 2025.",
              f"{number(depth, 2)}. Tỷ lệ nữ đại biểu Hội đồng nhân dân đạt 35% vào năm 2025.",
              "II. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì thực hiện."]
    return "\n".join(lines)


@pytest.mark.parametrize("depth", [5, 6, 7, 8, MAX_NUMBER_DEPTH])
def test_every_level_is_a_section_and_its_targets_are_read(depth: int) -> None:
    doc = gdparse.parse_text(deep_plan(depth))
    numbers = {s.number for s in doc.sections}
    assert {number(d) for d in range(2, depth + 1)} <= numbers
    assert number(depth, 2) in numbers
    deepest = [s for s in doc.sections if s.number == number(depth, 2)]
    assert deepest[0].scheme == f"arabic-{depth}" and deepest[0].kind == "objectives"
    assert sorted((m.value, m.year) for t in doc.targets for m in t.milestones) == [(35.0, 2025), (60.0, 2025)]
    assert not [w for w in doc.warnings if w.code == WarningCode.NUMBERING_TOO_DEEP]
    assert leaves_tile(doc)


def test_a_number_deeper_than_the_limit_is_text_with_a_warning() -> None:
    depth = MAX_NUMBER_DEPTH + 1
    doc = gdparse.parse_text(deep_plan(depth))
    warnings = [w for w in doc.warnings if w.code == WarningCode.NUMBERING_TOO_DEEP]
    assert [doc.text[w.start : w.end] for w in warnings] == [number(depth, 1), number(depth, 2)]
    assert not {number(depth, 1), number(depth, 2)} & {s.number for s in doc.sections}
    # The line is kept, inside the section above it, and its milestones are still read.
    assert sorted((m.value, m.year) for t in doc.targets for m in t.milestones) == [(35.0, 2025), (60.0, 2025)]
    assert leaves_tile(doc)


@pytest.mark.parametrize(
    ("line", "scheme", "number"),
    [
        ("1.2.3.4.5. Nội dung", "arabic-5", "1.2.3.4.5"),
        ("1.2.3.4.5.6. Nội dung", "arabic-6", "1.2.3.4.5.6"),
        ("1.2.3.4.5.6.7.8.9.10 Nội dung", "arabic-10", "1.2.3.4.5.6.7.8.9.10"),
        ("1.2.3.4.5.6.7.8.9.10.11. Nội dung", None, None),
    ],
)
def test_headings_of_each_depth(line: str, scheme: str | None, number: str | None) -> None:
    m = match_heading(line)
    assert (m.scheme, m.number) == (scheme, number) if m else scheme is None


def test_deep_row_numbers_in_a_table() -> None:
    m = match_heading("1.1.1.1.1.1\tTỷ lệ nữ\t60%", in_table=True)
    assert m is not None and m.number == "1.1.1.1.1.1" and m.scheme == "row-arabic-6"
