"""The one numbering grammar (gdparse.numbering), table-driven: every scheme, every depth, stacks,
table rows, and what is no number."""

from __future__ import annotations

import random

import pytest

from gdparse import numbering
from gdparse.knowledge.labels import labels_file
from gdparse.numbering import MAX_NUMBER_DEPTH, Numbering, number_value, numbering_at, row_number


def _arabic(depth: int) -> str:
    return ".".join(str(i) for i in range(1, depth + 1))


# (line, scheme, content start, lead scheme, lead number)
CASES = [
    ("I. MỤC TIÊU", "roman", 3, "roman", "I"),
    ("XXIV. PHỤ LỤC", "roman", 6, "roman", "XXIV"),
    ("IV) Tổ chức", "roman", 4, "roman", "IV"),
    ("IV - Tổ chức", "roman", 5, "roman", "IV"),
    ("IV – Tổ chức", "roman", 5, "roman", "IV"),
    ("II: Nội dung", "roman", 4, "roman", "II"),
    ("I/ MỤC ĐÍCH", "roman", 3, "roman", "I"),
    ("II.MỤC TIÊU", "roman", 3, "roman", "II"),  # a missing space is still a number
    ("1. Mục đích", "arabic-1", 3, "arabic-1", "1"),
    ("12. Sở Y tế", "arabic-1", 4, "arabic-1", "12"),
    ("1) Đối tượng", "arabic-1)", 3, "arabic-1)", "1"),
    ("2.1. Mục tiêu 1", "arabic-2", 5, "arabic-2", "2.1"),
    ("2.1 Chỉ tiêu", "arabic-2", 4, "arabic-2", "2.1"),  # a dotted number needs no closer before a space
    ("1.Tỷ lệ", "arabic-1", 2, "arabic-1", "1"),
    ("a) Về chính trị", "letter", 3, "letter", "a"),
    ("đ. Nội dung", "letter", 3, "letter", "đ"),
    ("- Tuyên truyền", "bullet", 2, "bullet", None),
    ("-Tuyên truyền", "bullet", 1, "bullet", None),
    ("+ Tuyên truyền", "bullet", 2, "bullet", None),
    ("• Tuyên truyền", "bullet", 2, "bullet", None),
    ("* Đề nghị", "bullet", 2, "bullet", None),
    ("– Chỉ tiêu 1: đạt", "bullet", 2, "bullet", None),  # an en dash is a bullet
    ("- - Chỉ tiêu 1: đạt", "bullet", 4, "bullet", None),  # bullets stack
    ("- a) Về chính trị", "letter", 5, "bullet", None),  # the strongest element is the line's scheme
    ("1. - Tuyên truyền", "arabic-1", 5, "arabic-1", "1"),
    ("I.1. Tổ chức", "roman", 5, "roman", "I"),
    ("PHẦN I. CĂN CỨ", "part", 8, "part", "I"),
    ("Phần thứ nhất: KẾT QUẢ", "part", 15, "part", "thứ nhất"),
    ("CHƯƠNG 2 Tổ chức", "part", 9, "part", "2"),
    ("-", "bullet", 1, "bullet", None),
    *[(f"{_arabic(d)}. Nội dung", f"arabic-{d}", len(_arabic(d)) + 2, f"arabic-{d}", _arabic(d))
      for d in range(1, MAX_NUMBER_DEPTH + 1)],
]


@pytest.mark.parametrize(("line", "scheme", "end", "lead", "number"), CASES)
def test_numbering(line: str, scheme: str, end: int, lead: str, number: str | None) -> None:
    found = numbering_at(line)
    assert found is not None
    assert (found.scheme, found.end, found.lead_scheme, found.lead_number) == (scheme, end, lead, number)


@pytest.mark.parametrize(
    "line",
    [
        "Các sở, ban, ngành",
        "2.000 người được tập huấn",  # a number, not a numbering
        "1.5% phụ nữ",
        "2020 là năm bản lề",
        "V/v triển khai kế hoạch",  # về việc
        "IV-Tổ chức",  # a dash after a Roman number needs a space
        "C. Nội dung",  # no Roman number of a plan
        _arabic(MAX_NUMBER_DEPTH + 1) + ". Nội dung",  # deeper than the grammar reads
        "phần I của kế hoạch",  # a part word is written capitalised or in capitals
        "",
    ],
)
def test_no_numbering(line: str) -> None:
    assert numbering_at(line) is None


def test_numbering_from_a_position() -> None:
    assert numbering_at("  2.1. Nội dung", 2) == Numbering("arabic-2", 7, "arabic-2", "2.1", 7)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("IV", ("row-roman", "IV")),
        (" II. ", ("row-roman", "II")),
        ("1", ("row-arabic-1", "1")),
        ("2.1.1", ("row-arabic-3", "2.1.1")),
        ("3.", ("row-arabic-1", "3")),
        (_arabic(MAX_NUMBER_DEPTH), (f"row-arabic-{MAX_NUMBER_DEPTH}", _arabic(MAX_NUMBER_DEPTH))),
        (".", None),
        ("", None),
        ("TT", None),
        ("Chỉ tiêu 1", None),
        ("1a", None),
    ],
)
def test_row_numbers(cell: str, expected: tuple[str, str] | None) -> None:
    assert row_number(cell) == expected


@pytest.mark.parametrize(("number", "value"), [("1", 1), ("12", 12), ("IV", 4), ("IX", 9), ("XIV", 14),
                                                ("XXXIX", 39), ("thứ nhất", None), ("2.1", None), ("", None)])
def test_number_values(number: str, value: int | None) -> None:
    assert number_value(number) == value


def test_bullets_are_the_data_files() -> None:
    data = labels_file()
    assert numbering.bullets() == frozenset(data.bullets) and numbering.star() == data.star
    for bullet in data.bullets:
        assert numbering_at(f"{bullet} Tuyên truyền") == Numbering("bullet", 2, "bullet", None, 2)


def test_the_first_character_gate_never_refuses_a_number() -> None:
    """A line is parsed only when its first character can start an element or a part (a partial match
    of the grammar itself): every line the element pattern matches passes the gate, and the
    single-bullet shortcut reads what the pattern reads."""
    grammar = numbering._grammar()
    rng = random.Random(4)
    alphabet = "-+•*– \tIVX1.2)(:/aáđbĐxyPhầnCương"
    for _ in range(20000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 10)))
        if grammar.element.match(line):
            assert numbering._starts_element(line[0]), line
        found = numbering_at(line)
        if found is not None and found.scheme == "bullet" and found.lead_end == found.end:
            m = grammar.element.match(line)
            assert m is not None and m.group("bullet") and m.end() == found.end, line
