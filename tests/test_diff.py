"""Diff of two plans: Bắc Ninh 2011-2015 against Bắc Ninh 2024."""

from __future__ import annotations

from functools import cache

import pytest

from gdparse.diff import diff_plans, diff_targets
from gdparse.model import Milestone, PlanDocument, Source, Target
from tests.conftest import parsed


@cache
def bac_ninh():
    return diff_plans(parsed("000"), parsed("004"))


def _plan(*targets: Target) -> PlanDocument:
    return PlanDocument(source=Source(path="p.txt", sha256="0" * 64, format="txt"), text="x" * 200, targets=targets)


def _target(tid: str, indicator_id: str | None, value: float, year: int, text: str = "t") -> Target:
    return Target(id=tid, text=text, indicator_id=indicator_id, start=0, end=1,
                  milestones=(Milestone(value=value, unit="%", comparator="=", year=year, start=0, end=1),))


@pytest.mark.parametrize(("old", "new", "status"), [
    (_target("a", "NS2030-1.1", 60, 2025), _target("b", "NS2030-1.1", 60, 2025), "unchanged"),
    (_target("a", "NS2030-1.1", 60, 2025), _target("b", "NS2030-1.1", 75, 2030), "changed"),
    (_target("a", "NS2020-4.1", 113, 2015), _target("b", "NS2030-4.1", 109, 2030), "changed"),  # crosswalk
    (_target("a", None, 5, 2015, "Riêng A"), _target("b", None, 5, 2015, "riêng  a"), "unchanged"),  # same text
])
def test_alignment(old: Target, new: Target, status: str) -> None:
    assert [c.status for c in diff_targets(_plan(old), _plan(new))] == [status]


def test_unaligned_targets_are_added_and_removed() -> None:
    changes = diff_targets(_plan(_target("a", "NS2020-2.1", 45, 2015)), _plan(_target("b", "NS2030-2.2", 25, 2030)))
    assert sorted(c.status for c in changes) == ["added", "removed"]


def test_bac_ninh_diff_lists_what_changed() -> None:
    d = bac_ninh()
    counts = d.counts()
    assert counts["changed"] >= 5 and counts["added"] >= 5 and counts["removed"] >= 5
    by_ind = {c.indicator_id: c for c in d.targets if c.status == "changed"}
    srb = by_ind["NS2030-4.1"]
    assert srb.old_milestones == "<= 113 per 100 girls by 2015"
    assert "109 per 100 girls by 2030" in srb.new_milestones
    old_doc = parsed("000")
    assert old_doc.text[srb.old_span[0]:srb.old_span[1]] == srb.old_quote
    removed = {c.indicator_id for c in d.targets if c.status == "removed"}
    assert "NS2020-7.1" in removed  # state-management targets of 2011 are gone in 2024


def test_bac_ninh_responsibilities_moved_with_lineage() -> None:
    d = bac_ninh()
    assert any(r.moved for r in d.responsibilities)
    mapped = [m for r in d.responsibilities for m in r.mapped]
    assert "Sở Lao động - Thương binh và Xã hội -> Sở Nội vụ" in mapped
    unmapped = diff_plans(parsed("000"), parsed("004"), map_successors=False)
    assert not [m for r in unmapped.responsibilities for m in r.mapped]


def test_summary_and_frames() -> None:
    d = bac_ninh()
    text = d.summary()
    assert text.startswith("# Bắc Ninh 2011 -> Bắc Ninh 2024")
    assert "## Targets changed" in text and "## Targets removed" in text
    pytest.importorskip("pandas")
    frame = d.target_frame()
    assert len(frame) == len(d.targets) and {"old_start", "new_end"} <= set(frame.columns)
    assert d.responsibility_frame()["moved"].any()
