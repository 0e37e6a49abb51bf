"""Responsibilities: roles from leading verbs, coordinators, requests, target-level links (seed 003)."""

from pathlib import Path

import pytest

import gdparse
from gdparse.extract.clauses import leading_roles

SEED_003 = next(Path("corpora/seeds").glob("003_*.txt"))


@pytest.fixture(scope="module")
def doc003():
    return gdparse.parse(SEED_003)


@pytest.mark.parametrize(
    ("clause", "roles"),
    [
        ("Chủ trì, phối hợp với Sở Tư pháp", ["lead", "coordinate"]),
        ("Hướng dẫn, kiểm tra, đôn đốc thực hiện mục tiêu 2", ["monitor"]),
        ("Tổ chức thực hiện, theo dõi và báo cáo kết quả", ["implement", "monitor", "report"]),
        ("Phối hợp thực hiện, theo dõi", ["coordinate"]),
        ("Theo chức năng nhiệm vụ chủ trì, phối hợp với các đơn vị", ["lead", "coordinate"]),
        ("Hướng dẫn, bảo đảm bố trí kinh phí", ["monitor", "fund"]),
        ("Tham mưu giúp UBND tỉnh", ["advise"]),
        ("Xây dựng kế hoạch", []),
    ],
)
def test_leading_roles(clause, roles):
    assert leading_roles(clause)[0] == roles


def _targets(doc, agency, role):
    numbers = {t.id: (next(o.number for o in doc.objectives if o.id == t.objective_id), t.number) for t in doc.targets}
    return {numbers[t] for r in doc.responsibilities if r.agency_id == agency and r.role == role for t in r.target_ids}


def test_seed003_target_level_assignments(doc003):
    assert {("2", "1"), ("5", "4"), ("6", "1"), ("6", "2")} <= _targets(doc003, "province.so_noi_vu", "implement")
    assert any("obj-1" in r.objective_ids for r in doc003.responsibilities if r.agency_id == "province.so_noi_vu")
    assert _targets(doc003, "province.so_giao_duc_dao_tao", "report") == {("5", "1"), ("5", "2"), ("5", "3")}
    assert ("3", "2") in _targets(doc003, "province.cong_an_tinh", "coordinate")
    assert ("2", "3") in _targets(doc003, "province.thong_ke_tinh", "coordinate")


def test_requested_bodies(doc003):
    requested = {r.agency_id for r in doc003.responsibilities if r.requested}
    assert {"province.ubmttq_tinh", "province.ban_tuyen_giao_dan_van_tinh_uy", "province.hoi_lhpn_tinh"} <= requested
    assert "province.so_noi_vu" not in requested


def test_evidence_is_exact(doc003):
    for r in doc003.responsibilities:
        assert doc003.text[r.start : r.end] == r.task


def test_activity_line_gives_lead_and_coordinators():
    doc = gdparse.parse_text("1.3. Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tư pháp, Hội Nông dân tỉnh.\n")
    got = {(r.agency_id, r.role) for r in doc.responsibilities}
    assert got == {("province.so_y_te", "lead"), ("province.so_tu_phap", "coordinate"), ("province.hoi_nong_dan_tinh", "coordinate")}
