"""The section tree on the seeds and on generated documents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gdparse
from gdparse.model import PlanDocument
from tests.conftest import SEED_IDS, parsed


def leaves_tile(doc: PlanDocument) -> bool:
    """Every character belongs to exactly one leaf section."""
    leaves = sorted((s.start, s.end) for s in doc.sections if not s.children)
    pos = 0
    for start, end in leaves:
        if start != pos or end < start:
            return False
        pos = end
    return pos == len(doc.text)


def test_leaves_tile_the_text(seed_doc: PlanDocument) -> None:
    assert leaves_tile(seed_doc)


def test_tree_is_consistent(seed_doc: PlanDocument) -> None:
    by_id = {s.id: s for s in seed_doc.sections}
    for s in seed_doc.sections:
        for child in s.children:
            assert by_id[child].parent == s.id
            assert s.start <= by_id[child].start <= by_id[child].end <= s.end
            assert by_id[child].level == s.level + 1
        if s.heading is not None:
            assert seed_doc.text[s.heading_start : s.heading_end] == s.heading


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_each_seed_has_the_main_sections(seed_id: str) -> None:
    kinds = {s.kind for s in parsed(seed_id).sections if s.heading}
    assert {"objectives", "implementation"} <= kinds or {"appendix", "implementation"} <= kinds
    assert kinds & {"solutions"}


def test_seed_000_objectives_and_targets() -> None:
    doc = parsed("000")
    objectives = [s for s in doc.sections if s.scheme == "label-muc-tieu"]
    targets = [s for s in doc.sections if s.scheme == "label-chi-tieu"]
    assert [s.number for s in objectives] == [str(n) for n in range(1, 8)]
    assert all(s.kind == "objectives" for s in objectives)
    assert len(targets) == 21 and all(s.kind == "targets" for s in targets)
    by_id = {s.id: s for s in doc.sections}
    assert all(by_id[t.parent].scheme == "label-muc-tieu" for t in targets)


def test_decision_and_plan_parts() -> None:
    for seed_id, kinds in (
        ("000", ["decision", "plan"]),
        ("004", ["decision", "plan", "appendix", "appendix", "footnotes"]),
    ):
        tops = [s.kind for s in parsed(seed_id).sections if s.parent is None]
        assert tops == kinds
    articles = [s for s in parsed("000").sections if s.scheme == "label-dieu"]
    assert [s.number for s in articles] == ["1", "2", "3"] and all(s.kind == "decision" for s in articles)


def test_blocks_of_a_decision() -> None:
    doc = parsed("004")
    first = [doc.section(c) for c in doc.sections[0].children]
    assert [s.kind for s in first] == ["title", "legal_basis", "decision", "recipients", "signature"]


def test_seed_001_keeps_repeated_and_skipped_numbers() -> None:
    doc = parsed("001")
    codes = [w.code for w in doc.warnings if w.stage == "segment"]
    assert "repeated_number" in codes and "skipped_number" in codes
    romans = [s.number for s in doc.sections if s.scheme == "roman"]
    assert romans == ["I", "II", "II", "III", "IV", "V"]


def test_seed_002_activities_and_their_lines() -> None:
    doc = parsed("002")
    lines = {(s.number, s.kind) for s in doc.sections if s.number and s.number.count(".") == 1}
    assert {("1.1", "objectives"), ("1.3", "implementation"), ("2.3", "implementation")} <= lines


def test_appendix_table_rows_are_sections_and_a_table() -> None:
    doc = parsed("004")
    rows = [s for s in doc.sections if s.scheme and s.scheme.startswith("row-")]
    assert any(s.kind == "targets" and s.heading.startswith("Chỉ tiêu 2a") for s in rows)
    assert [s.kind for s in rows if s.scheme == "row-roman"] == ["objectives"] * 6
    table = doc.tables[0]
    header = [doc.text[c.start : c.end] for c in table.rows[0].cells]
    assert header[:2] == ["TT", "Mục tiêu, chỉ tiêu"]


def test_footnotes() -> None:
    doc = parsed("004")
    assert [f.marker for f in doc.footnotes] == ["¹", "²", "³", "⁴"]
    first = doc.footnotes[0]
    assert doc.text[first.start : first.end].startswith("¹ Nghị định 70/2008/NĐ-CP")
    assert doc.text[first.ref_start - 4 : first.ref_end] == "Luật¹"
    assert [f.marker for f in parsed("001").footnotes] == ["\ufffd", "\ufffd"]


def test_not_a_plan_gives_a_warning() -> None:
    doc = gdparse.parse_text("Hôm nay trời đẹp. Chúng tôi đi chơi công viên.")
    assert "no_numbered_sections" in [w.code for w in doc.warnings]
    assert leaves_tile(doc)


ROMANS = ["I", "II", "III", "IV", "V", "VI"]
HEADINGS = [
    "MỤC ĐÍCH, YÊU CẦU",
    "MỤC TIÊU",
    "NHIỆM VỤ, GIẢI PHÁP",
    "KINH PHÍ THỰC HIỆN",
    "TỔ CHỨC THỰC HIỆN",
    "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
]
BODY = st.sampled_from(
    [
        "- Tăng cường công tác tuyên truyền về bình đẳng giới.",
        "Phấn đấu đến năm 2030 đạt 75% các sở có lãnh đạo chủ chốt là nữ.",
        "- Chỉ tiêu 1: tỷ lệ nữ giám đốc đạt 30% vào năm 2030.",
        "Mục tiêu 2: Trong lĩnh vực kinh tế, lao động",
        "a) Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp.",
        "* Nhóm giải pháp thực hiện Mục tiêu 1",
        "",
        "Căn cứ Luật Bình đẳng giới;",
    ]
)


@st.composite
def plan_documents(draw) -> str:
    """Plan-like documents: a title, Roman sections, Arabic items, bodies of mixed lines."""
    lines = ["KẾ HOẠCH", "Thực hiện công tác bình đẳng giới năm 2026", ""]
    for r in range(draw(st.integers(0, 6))):
        lines.append(f"{ROMANS[r]}. {HEADINGS[r]}")
        for n in range(draw(st.integers(0, 3))):
            if draw(st.booleans()):
                lines.append(f"{n + 1}. Sở {draw(st.sampled_from(['Nội vụ', 'Y tế', 'Tài chính']))}")
            lines.extend(draw(st.lists(BODY, max_size=3)))
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(plan_documents())
def test_generated_documents_tile_and_nest(text: str) -> None:
    doc = gdparse.parse_text(text)
    assert leaves_tile(doc)
    romans = [s for s in doc.sections if s.scheme == "roman"]
    assert [s.number for s in romans] == [ln.split(".")[0] for ln in text.split("\n") if ln.split(".")[0] in ROMANS]
    plan = doc.sections[0]
    assert plan.kind == "plan" and all(s.parent == plan.id for s in romans)
    items = [s for s in doc.sections if s.scheme == "arabic-1" and s.heading and s.heading.startswith("Sở ")]
    assert len(items) == sum(1 for ln in text.split("\n") if ln[1:6] == ". Sở ")


@pytest.mark.parametrize(
    ("stray", "why"),
    [("3. Sở Giáo dục - Đào tạo", "an Arabic heading before the first Roman one"),
     ("Mục tiêu 1:", "a label heading before the first Roman one"),
     ("a) Về chính trị", "a letter heading before the first Roman one")],
)
def test_a_roman_heading_nests_under_no_other_heading(stray: str, why: str) -> None:
    """A stray heading before "I." (a line moved by a page break or a copy) held every Roman part,
    and its number ended the Roman part its like followed ("1." after "II. TỔ CHỨC THỰC HIỆN")."""
    doc = gdparse.parse_text(f"KẾ HOẠCH\n{stray}\nI. MỤC TIÊU\n1. Mục tiêu chung\nII. TỔ CHỨC THỰC HIỆN\n"
                             "1. Sở Y tế: chủ trì.\n2. Sở Nội vụ: phối hợp.\n")
    by_id = {s.id: s for s in doc.sections}
    romans = [s for s in doc.sections if s.scheme == "roman"]
    assert [by_id[s.parent].kind for s in romans] == ["plan", "plan"], why
    implementation = romans[1]
    assert [by_id[c].number for c in implementation.children if not by_id[c].is_lead] == ["1", "2"], why
    assert leaves_tile(doc)


def test_a_roman_heading_in_a_table_stays_with_its_rows() -> None:
    doc = gdparse.parse_text("KẾ HOẠCH\nTT\tChỉ tiêu\n1\tChỉ tiêu 1: đạt 50%\nIII. Kiến nghị\n2\tChỉ tiêu 2: đạt 60%\n")
    by_id = {s.id: s for s in doc.sections}
    (stray,) = [s for s in doc.sections if s.number == "III"]
    assert by_id[stray.parent].scheme == "row-arabic-1"
    assert [s.parent for s in doc.sections if s.number in ("1", "2")] == [by_id[stray.parent].parent] * 2
