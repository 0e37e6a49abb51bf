"""Objective/target references: parsing, linking by the link stage, and graceful degradation
without extracted targets."""

import pytest

import gdparse
import gdparse.pipeline as pipeline
from gdparse.extract import EXTRACTORS
from gdparse.extract.context import whole_text_context
from gdparse.link import link, parse_references
from gdparse.read import read_bytes


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("thực hiện mục tiêu 2 đạt", [("2", None)]),
        ("chỉ tiêu 1 của Mục tiêu 2", [("2", "1")]),
        ("các chỉ tiêu 1, 2, 3 của Mục tiêu 5", [("5", "1"), ("5", "2"), ("5", "3")]),
        ("Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2; chỉ tiêu 4 của Mục tiêu 5", [("1", None), ("2", "1"), ("5", "4")]),
        ("chỉ tiêu 1, 2 của **Mục tiêu 6**", [("6", "1"), ("6", "2")]),
        ("các mục tiêu, chỉ tiêu về bình đẳng giới", []),
    ],
)
def test_parse_references(text, refs):
    assert parse_references(text) == refs


def test_unlinked_numbers_kept_in_a_warning():
    from gdparse.extract.responsibilities import extract_responsibilities

    doc = gdparse.parse_text("VI. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Theo dõi chỉ tiêu 9 của Mục tiêu 9.\n")
    assert any(w.code == "reference_unlinked" and "Mục tiêu 9" in w.message for w in doc.warnings)
    assert extract_responsibilities(doc.model_copy(update={"responsibilities": ()}),
                                    whole_text_context(doc)).responsibilities


_OBJECTIVES = ("KẾ HOẠCH\nI. MỤC TIÊU\nMục tiêu 1: Về chính trị\n"
               "Chỉ tiêu 1: Đến năm 2025 đạt 50% xã có lãnh đạo chủ chốt là nữ.\n")
_TABLE = ("III. PHỤ LỤC\nTT\tNội dung\tĐơn vị chủ trì\n1\tMục tiêu 1\t\n2\tChỉ tiêu 1\tSở Y tế\n"
          "3\tChỉ tiêu 8\tSở Tư pháp\n")


@pytest.mark.parametrize(
    ("plan", "unlinked"),
    [
        # One agency, one role: the extractor warned, and the link stage again.
        (_OBJECTIVES + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì thực hiện chỉ tiêu 9 của Mục tiêu 7.\n",
         ["chỉ tiêu 9 của Mục tiêu 7"]),
        # Two agencies or two roles on one clause: one warning, not one per duty.
        (_OBJECTIVES + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ, Sở Y tế: chủ trì thực hiện chỉ tiêu 9 của Mục tiêu 7.\n",
         ["chỉ tiêu 9 của Mục tiêu 7"]),
        (_OBJECTIVES + "II. TỔ CHỨC THỰC HIỆN\n"
                       "1. Sở Nội vụ: chủ trì, kiểm tra việc thực hiện chỉ tiêu 9 của Mục tiêu 7.\n",
         ["chỉ tiêu 9 của Mục tiêu 7"]),
        # No objectives or targets extracted at all.
        ("KẾ HOẠCH\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì, phối hợp với Sở Y tế thực hiện Mục tiêu 1.\n",
         ["Mục tiêu 1"]),
        # A table row about a target that was not extracted.
        (_OBJECTIVES + _TABLE, ["chỉ tiêu 8 của Mục tiêu 1"]),
    ],
    ids=["one-duty", "two-agencies", "two-roles", "nothing-extracted", "table-row"],
)
def test_each_unresolved_reference_is_warned_once(plan: str, unlinked: list[str]) -> None:
    doc = gdparse.parse_text(plan)
    warnings = [w for w in doc.warnings if w.code == "reference_unlinked"]
    assert [w.message.split(": ", 1)[1] for w in warnings] == unlinked
    assert all(w.stage == "link" for w in warnings)


def test_the_link_stage_does_the_linking() -> None:
    plan = (_OBJECTIVES + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì thực hiện chỉ tiêu 1 của Mục tiêu 1.\n"
            "2. Sở Tư pháp: phối hợp thực hiện Mục tiêu 1.\n" + _TABLE)
    doc, ctx = pipeline.raw_to_document(read_bytes(plan.encode(), "plan.txt"))
    for extractor in EXTRACTORS:
        doc = extractor.run(doc, ctx)
    assert doc.responsibilities
    assert not any(r.objective_ids or r.target_ids for r in doc.responsibilities)  # extraction names none
    linked = link(doc, ctx)
    ids = {(r.agency_id, doc.text[r.start:r.end]): (r.objective_ids, r.target_ids) for r in linked.responsibilities}
    assert ids == {
        ("province.so_noi_vu", "chủ trì thực hiện chỉ tiêu 1 của Mục tiêu 1"): ((), ("tgt-1-1",)),
        ("province.so_tu_phap", "phối hợp thực hiện Mục tiêu 1"): (("obj-1",), ()),
        ("province.so_y_te", "Sở Y tế"): ((), ("tgt-1-1",)),  # from the row's label
        ("province.so_tu_phap", "Sở Tư pháp"): ((), ()),  # its row's target 8 is not extracted
    }
