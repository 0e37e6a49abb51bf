"""Objectives and targets on the five seeds: evidence spans, exclusions, gold scores, indicators."""

from __future__ import annotations

import json

import pytest
import regex

from gdparse.evaluation.targets import match_targets, score
from gdparse.extract.budgets import extract_budgets
from gdparse.extract.context import whole_text_context
from gdparse.extract.targets import extract_objectives_and_targets
from gdparse.model import PlanDocument, Source
from gdparse.pipeline import parse_text
from tests.conftest import ROOT, SEED_IDS, parsed

GOLD = {i: json.loads((ROOT / "corpora" / "gold" / f"{i}.json").read_text(encoding="utf-8")) for i in SEED_IDS}

# Numbers that are never targets (ANNOTATION.md §2), found independently of the extractor.
NOT_TARGETS = regex.compile(
    r"\d+(?:/\d{4})?/[\p{Lu}Đ][\p{Lu}Đ&-]*(?:/[\p{Lu}\d]+)*"  # document numbers 948/QĐ-UBND
    r"|\d{1,2}/\d{1,2}/\d{4}|ngày \d{1,2} tháng \d{1,2}(?: năm \d{4})?"  # dates
    r"|\d+ tuổi|từ \d+ đến \d+(?= được công nhận)"  # ages
    r"|\d+(?:[.,]\d+)* (?:tỷ|triệu) đồng"  # money
)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_spans_are_evidence(seed: str) -> None:
    doc = parsed(seed)
    assert doc.targets
    for t in doc.targets:
        assert doc.text[t.start:t.end] == t.text
        for m in t.milestones:
            assert t.start <= m.start <= m.end <= t.end or m.value is None
            quote = doc.text[m.start:m.end]
            if m.value is not None:
                number = f"{m.value:g}".replace(".", ",")
                words = {1.0: "một"}
                assert number.lstrip("0") in quote.replace(".", "").lstrip("0") or words.get(m.value, "?") in quote.lower(), \
                    (t.id, quote, m.value)
    for o in doc.objectives:
        assert doc.text[o.start:o.end]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_excluded_numbers_are_not_targets(seed: str) -> None:
    doc = parsed(seed)
    excluded = [(m.start(), m.end()) for m in NOT_TARGETS.finditer(doc.text)]
    assert seed != "000" or excluded  # the check has something to check
    for t in doc.targets:
        for m in t.milestones:
            if m.value is None:
                continue
            for s, e in excluded:
                assert not (s < m.end and m.start < e), (t.id, doc.text[m.start:m.end], doc.text[s:e])


@pytest.mark.parametrize("seed", SEED_IDS)
def test_gold_scores(seed: str) -> None:
    scores = {s.field: s for s in score(GOLD[seed], parsed(seed))}
    assert scores["objectives"].f1 == 1.0
    assert scores["value and year"].f1 >= 0.97
    assert scores["targets"].f1 >= 0.95


@pytest.mark.parametrize("seed", ["003", "004"])
def test_indicator_ids(seed: str) -> None:
    pairs = [(g, t) for g, t in match_targets(GOLD[seed]["targets"], parsed(seed)) if g]
    right = sum(1 for g, t in pairs if t is not None and t.indicator_id == g["indicator_id"])
    assert right / len(pairs) >= 0.9


def test_target_ids_follow_objective_and_number() -> None:
    doc = parsed("004")
    ids = {t.id for t in doc.targets}
    assert {"tgt-1-1", "tgt-3-2", "tgt-3-2a", "tgt-3-2b", "tgt-5-3b"} <= ids
    t = next(t for t in doc.targets if t.id == "tgt-3-2a")
    assert (t.objective_id, t.number, t.label) == ("obj-3", "2a", "Chỉ tiêu 2a")
    assert all(o.id == f"obj-{o.number}" for o in doc.objectives if not o.general)


def test_appendix_indicator_rows_are_not_targets() -> None:
    doc = parsed("004")
    assert not any(t.text.startswith("Các cơ quan quản lý nhà nước cấp tỉnh") for t in doc.targets)
    assert all(t.label for t in doc.targets)


def test_unlabelled_prose_targets_are_split_by_clause() -> None:
    doc = parsed("001")
    values = [[m.value for m in t.milestones] for t in doc.targets]
    assert [25.0] in values and [45.0] in values and [100.0] in values
    assert all(t.objective_id is None and t.label is None for t in doc.targets)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan in another shape: objectives as lettered headings, targets in bullets
        ("II. MỤC TIÊU\n1. Mục tiêu chung\nThu hẹp khoảng cách giới.\n2. Mục tiêu cụ thể\n"
         "a) Về chính trị\n- Phấn đấu đến năm 2030 có 80% cơ quan có lãnh đạo chủ chốt là nữ.\n"
         "b) Về y tế\n- Tỷ số giới tính khi sinh không quá 110 bé trai/100 bé gái vào năm 2030.\n"
         "III. NHIỆM VỤ, GIẢI PHÁP\n- Năm 2025 tổ chức 10 lớp tập huấn.\n",
         [("obj-1", 80.0, 2030), ("obj-2", 110.0, 2030)]),
        ("1. Truyền thông\n1.1. Mục tiêu: 90% người dân được tuyên truyền vào năm 2025.\n1.2. Nội dung: tổ chức 5 cuộc.\n",
         [(None, 90.0, 2025)]),
    ],
)
def test_other_layouts(text: str, expected: list[tuple]) -> None:
    doc = parse_text(text)
    got = [(t.objective_id, m.value, m.year) for t in doc.targets for m in t.milestones]
    assert got == expected


@pytest.mark.parametrize("text", ["", "\n\n", "Mục tiêu 1:\nChỉ tiêu 1:", "\t\t\n1\tChỉ tiêu 2:\t%\n", "% % 2030 năm"])
def test_odd_input_never_raises(text: str) -> None:
    doc = PlanDocument(source=Source(path="<odd>", sha256="0", format="txt"), text=text)
    ctx = whole_text_context(doc)
    doc = extract_budgets(extract_objectives_and_targets(doc, ctx), ctx)
    for t in doc.targets:
        assert doc.text[t.start:t.end] == t.text
