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


PHENOMENA = Path("tests/fixtures/phenomena")


def _duties(doc) -> list[tuple[str, str]]:
    return [(r.agency_id, r.role) for r in doc.responsibilities]


def test_an_article_label_alone_on_its_line_keeps_its_assignment():
    """d_label_alone.txt: "Điều 2." alone, "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính …" on the
    next line: the article is read whole, as the control (ok_decision_oneline.txt) is."""
    control = gdparse.parse(PHENOMENA / "ok_decision_oneline.txt")
    doc = gdparse.parse(PHENOMENA / "d_label_alone.txt")
    assert _duties(doc) == _duties(control) == [("province.so_y_te", "lead"), ("province.so_tai_chinh", "coordinate")]


def test_assignee_items_numbered_one_level_down():
    """r9.txt: the items of "II. TỔ CHỨC THỰC HIỆN" are numbered "1.1.", "1.2.", the agency alone on
    the heading line."""
    doc = gdparse.parse(PHENOMENA / "r9.txt")
    leads = [("province.so_y_te", "lead"), ("province.so_tu_phap", "lead")]
    assert [d for d in _duties(doc) if d[1] == "lead"] == leads


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # A number alone on a line is no item: the lines after it stay with the item above.
        ("1. Sở Y tế\n1.\nChủ trì kiểm soát mất cân bằng giới tính khi sinh.\n",
         [("province.so_y_te", "lead")]),
        # A numbered label names no assignee: no agency "Mục tiêu 2"; a bullet naming one assigns.
        ("1. Sở Y tế: chủ trì tuyên truyền.\n2. Mục tiêu 2: Về y tế\n- Sở Tư pháp: chủ trì trợ giúp pháp lý.\n",
         [("province.so_y_te", "lead"), ("province.so_tu_phap", "lead")]),
        # Items numbered "1)" are items too.
        ("1) Sở Y tế: chủ trì tuyên truyền.\n2) Sở Tư pháp: phối hợp.\n",
         [("province.so_y_te", "lead"), ("province.so_tu_phap", "coordinate")]),
    ],
)
def test_items_of_the_implementation_part(items: str, expected: list) -> None:
    doc = gdparse.parse_text(f"KẾ HOẠCH\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\nII. TỔ CHỨC THỰC HIỆN\n{items}")
    assert _duties(doc) == expected
    assert not [a for a in doc.agencies if not a.resolved]


def test_an_activity_assignee_line_is_read_where_the_line_says_it():
    """"- Cơ quan thực hiện: …" after a bullet, or after a number (a heading), is read; the words
    inside a sentence are not an assignee label."""
    doc = gdparse.parse_text("KẾ HOẠCH\nI. HOẠT ĐỘNG\n1. Tuyên truyền\n- Cơ quan thực hiện: Sở Y tế chủ trì.\n"
                             "1.2. Cơ quan thực hiện: Sở Tư pháp.\n"
                             "Hằng năm cơ quan thực hiện: Sở Nội vụ báo cáo.\n")
    assert _duties(doc) == [("province.so_y_te", "lead"), ("province.so_tu_phap", "implement")]


def test_footnotes_after_the_implementation_part_assign_nothing():
    """A plan that ends in its implementation part: the footnote bodies after it are no duties of the
    last item (the part ended at the next Roman heading or the end of the text)."""
    doc = gdparse.parse_text("KẾ HOẠCH\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Chủ trì tổng hợp¹.\n"
                             "¹ Nghị định 70/2008/NĐ-CP ngày 04/6/2008 của Chính phủ\n")
    assert [(r.agency_id, r.task) for r in doc.responsibilities] == [("province.so_noi_vu", "Chủ trì tổng hợp¹")]
