"""Bounded work on pathological inputs: each finishes within its deadline, keeps its invariants,
and a deadline that is too short stops the work with a typed error."""

from __future__ import annotations

import pytest

import gdparse
from gdparse.errors import DeadlineExceededError
from tests.test_segment import leaves_tile


def nested_headings(levels: int) -> str:
    """Headings nested ``levels`` deep, cycling through every numbering scheme."""
    schemes = ["{r}. MỤC TIÊU", "{n}. Nội dung", "{n}.{n}. Nội dung", "{n}.{n}.{n}. Nội dung", "{a}) Nội dung",
               "Mục tiêu {n}: Trong lĩnh vực", "- Chỉ tiêu {n}: đạt {n}% vào năm 2030.", "* Nhóm giải pháp {n}", "Điều {n}. Nội dung"]
    romans = ["I", "II", "III", "IV", "V"]
    return "\n".join(
        schemes[d % len(schemes)].format(r=romans[d % 5], n=d % 9 + 1, a="abcde"[d % 5]) for d in range(levels)
    )


# name -> (text, deadline in seconds, format)
CASES = {
    "2000 nested heading levels": (nested_headings(2000), 60, "txt"),
    "one 5 MB line": ("Sở Nội vụ chủ trì, phối hợp đạt 50% vào năm 2030; " * 100_000, 120, "txt"),
    "100,000 bullets": ("- Tăng cường công tác tuyên truyền\n" * 100_000, 120, "txt"),
    "numbering without end": ("1." * 200_000 + "\n" + "1.1.1.1.1.1.1.1.1 " * 20_000, 60, "txt"),
    "unbalanced brackets and emphasis": ("((((" * 50_000 + "\n" + "**" * 100_001 + "\n" + "<" * 100_000, 60, "txt"),
    "spaces and tabs": (" " * 200_000 + "x\n" + "\t" * 100_000 + "y\n" + "\u00a0\t" * 50_000, 60, "txt"),
    "repeated agency names": ("Sở " * 200_000, 60, "txt"),
    "repeated numbers": ("đạt " * 50_000 + "50%" + " vào năm 2030" * 20_000, 60, "txt"),
    "200,000 blank lines before a capital": ("Dòng đầu\n" + "\n" * 200_000 + "Dòng sau", 60, "txt"),
    "1 MB of nested <div>": (
        "<html><body>" + "<div>" * 90_000 + "Nội dung" + "</div>" * 90_000 + "</body></html>", 60, "html"),
    "unclosed comments and scripts": ("a<!--" * 100_000 + "<script>" * 50_000 + "<div" * 100_000, 60, "html"),
    "a word of 1,000,000 letters": ("nghiêng" * 150_000, 60, "txt"),
    "a preamble of 20,000 laws": ("Căn cứ Luật Bình đẳng giới;\n" * 20_000, 60, "txt"),
    "tabs in the letterhead and a citation": (
        "Số" + "\t" * 3_990 + "x\nCăn cứ Nghị quyết" + "\t" * 100_000 + "số 123456789 của x\n", 60, "txt"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_pathological_input_finishes(name: str) -> None:
    text, deadline, fmt = CASES[name]
    doc = gdparse.parse_text(text, path=f"input.{fmt}", format=fmt, deadline=deadline)
    assert leaves_tile(doc)
    assert max((s.level for s in doc.sections), default=0) < 100  # nesting is bounded by the schemes


def test_deadline_stops_long_work() -> None:
    with pytest.raises(DeadlineExceededError) as info:
        gdparse.parse_text("- Tăng cường\n" * 300_000, path="long.txt", deadline=0.5)
    assert info.value.path == "long.txt" and "0.5 s" in info.value.cause
