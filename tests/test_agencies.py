"""Agency mentions on the seeds: spans quote the text, enumerations resolve member by member."""

from pathlib import Path

import pytest

import gdparse
from gdparse.extract.agency_matcher import find_mentions

SEEDS = sorted(Path("corpora/seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def docs():
    return {p.name[:3]: gdparse.parse(p) for p in SEEDS}


def test_mentions_quote_the_text(docs):
    for doc in docs.values():
        assert doc.agencies
        for a in doc.agencies:
            for m in a.mentions:
                assert doc.text[m.start : m.end] == m.surface


def test_enumeration_resolves_each_member():
    text = "- Các Sở: Nội vụ; Tư pháp; Y tế; Giáo dục & Đào tạo; Kế hoạch & Đầu tư; Văn hóa-Thể thao & Du Lịch; Công an tỉnh;"
    ids = [f.agency_id for f in find_mentions(text, 2018)]
    assert ids == ["province.so_noi_vu", "province.so_tu_phap", "province.so_y_te", "province.so_giao_duc_dao_tao",
                   "province.so_ke_hoach_dau_tu", "province.so_van_hoa_tt_dl", "province.cong_an_tinh"]


def test_comma_list_of_departments():
    text = "Sở Thông tin và Truyền thông, Sở Văn hóa, Thể thao và Du lịch, Sở Tư pháp"
    assert [f.agency_id for f in find_mentions(text)] == [
        "province.so_thong_tin_truyen_thong", "province.so_van_hoa_tt_dl", "province.so_tu_phap"]


def test_similar_words_are_not_agencies():
    assert find_mentions("trong tổng số lao động nữ có việc làm") == []


def test_implementation_assignees_all_resolve(docs):
    for doc in docs.values():
        unresolved = [r for r in doc.responsibilities if r.agency_id.startswith("unresolved.")]
        assert unresolved == []


def test_unknown_assignee_kept_with_warning():
    doc = gdparse.parse_text("IV. TỔ CHỨC THỰC HIỆN\n1. Trung tâm Nghiên cứu Giới ABC\nChủ trì tổ chức hội thảo.\n")
    assert any(a.id.startswith("unresolved.") and not a.resolved for a in doc.agencies)
    assert any(w.code == "agency_unresolved" for w in doc.warnings)
