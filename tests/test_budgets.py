"""Budgets: funding sources of the budget section and money amounts in VND."""

from __future__ import annotations

import pytest

from gdparse.extract.budgets import amount_vnd
from gdparse.knowledge.budgets import budget_rules
from gdparse.pipeline import parse_text


@pytest.mark.parametrize(
    ("raw", "vnd"),
    [("8 tỷ đồng", 8e9), ("5 tỷ 800 triệu đồng", 5.8e9), ("150.000.000 đồng", 1.5e8), ("1,5 tỷ đồng", 1.5e9),
     ("200 triệu đồng", 2e8)],
)
def test_amount(raw: str, vnd: float) -> None:
    assert amount_vnd(raw) == vnd


def test_every_source_rule_has_examples() -> None:
    assert all(rule.examples for rule in budget_rules().sources)


def test_budget_section_and_amounts() -> None:
    text = ("KẾ HOẠCH\nI. MỤC TIÊU\nĐến năm 2025 đạt 60%.\nII. KINH PHÍ THỰC HIỆN\n"
            "Kinh phí thực hiện huy động từ các nguồn: Ngân sách Trung ương hỗ trợ 5 tỷ 800 triệu đồng; "
            "ngân sách tỉnh và các nguồn huy động hợp pháp khác.\nIII. TỔ CHỨC THỰC HIỆN\nSở Nội vụ chủ trì.\n")
    doc = parse_text(text)
    got = [(b.source, b.amount_vnd) for b in doc.budgets]
    assert ("central", None) in got and ("local", None) in got and ("mobilised", None) in got
    assert ("central", 5.8e9) in got
    for b in doc.budgets:
        assert doc.text[b.start:b.end]
    assert not any(m.value in (5.0, 800.0) for t in doc.targets for m in t.milestones)
