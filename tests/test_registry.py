"""The agency registry and lineage: shape, every example resolves, lineage maps across 2025."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdparse import registry
from gdparse.extract.agency_matcher import find_mentions, resolve_name
from gdparse.knowledge.agencies import agencies, lineage, successor_of
from gdparse.knowledge.provinces import successor

EXAMPLES = [(e.id, ex) for e in agencies().values() for ex in e.examples]


def test_ids_unique_and_level_prefixed():
    ids = list(agencies())
    assert len(ids) == len(set(ids)) > 50
    assert all(i.split(".")[0] in {"central", "province", "district", "commune", "collective"} for i in ids)


@pytest.mark.parametrize(("agency_id", "example"), EXAMPLES)
def test_every_example_resolves(agency_id, example):
    assert resolve_name(example, 2020 if agency_id != "province.thong_ke_tinh" else 2026) == agency_id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sở LĐ - TB & XH", "province.so_lao_dong_tbxh"),
        ("Hội Liên hiệp phụ nữ tỉnh", "province.hoi_lhpn_tinh"),
        ("Báo Bắc Ninh", "province.bao_tinh"),
        ("Sở Lao động Thương binh Xã hôi", "province.so_lao_dong_tbxh"),  # typo: fuzzy
        ("Hội đồng Anh", None),
    ],
)
def test_resolve_variants(name, expected):
    assert resolve_name(name, 2020) == expected


def test_name_shared_across_periods_uses_the_year():
    assert resolve_name("Cục Thống kê", 2018) == "province.cuc_thong_ke"
    assert resolve_name("Cục Thống kê", 2026) == "central.cuc_thong_ke"


@pytest.mark.parametrize("change", lineage(), ids=lambda c: c.predecessor)
def test_lineage_examples_map_to_successor(change):
    for example in change.examples:
        assert resolve_name(example, 2020) == change.predecessor
    successor, chain = successor_of(change.predecessor)
    assert chain and chain[0] == change and successor in agencies()


def test_successor_respects_date_and_says_it_mapped():
    assert successor_of("province.so_lao_dong_tbxh", dt.date(2024, 1, 1)) == ("province.so_lao_dong_tbxh", ())
    assert successor_of("province.so_noi_vu") == ("province.so_noi_vu", ())


@pytest.mark.parametrize(
    ("old", "new"),
    [("Kon Tum", "Quảng Ngãi"), ("Bắc Giang", "Bắc Ninh"), ("Lạng Sơn", "Lạng Sơn"), ("Hà Giang", "Tuyên Quang"),
     ("Thừa Thiên Huế", "Huế"), ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh")],
)
def test_province_merger(old, new):
    assert successor(old) == new


def test_sixty_three_former_provinces_known():
    assert len(set(registry.provinces().values())) >= 63


@given(st.text(max_size=200))
def test_matcher_never_raises_and_spans_are_in_range(text):
    for f in find_mentions(text):
        assert 0 <= f.start < f.end <= len(text)
