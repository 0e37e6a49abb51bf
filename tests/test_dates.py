"""Vietnamese dates in every written form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdparse.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Bắc Ninh, ngày 08 tháng 8 năm 2011", "2011-08-08"),
        ("NGÀY 08 THÁNG 8 NĂM 2011", "2011-08-08"),
        ("Lạng Sơn, ngày tháng 4 năm 2026", "2026-04"),
        ("ngày ... tháng ... năm 2026", "2026"),
        ("ngày 03/3/2021", "2021-03-03"),
        ("ngày 19/05/2009", "2009-05-19"),
        ("ngày 08-8-2011", "2011-08-08"),
        ("ngày 08.8.2011", "2011-08-08"),
        ("ngày\n03/3/2021", "2021-03-03"),
        ("ngày 08 tháng 4 năm\n2024", "2024-04-08"),
        ("tháng 4/2026", "2026-04"),
        ("Văn bản 1563/UBND-KGVX, ngày 18/06/2018", "2018-06-18"),
    ],
)
def test_written_forms(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["ngày 31/02/2021", "8/54 đồng chí", "50/100.000 trẻ", "trước ngày 10/6", "năm 2024"])
def test_not_dates(text):
    assert find_dates(text) == []


@given(st.dates(), st.sampled_from(["ngày {d:02d} tháng {m} năm {y}", "{d}/{m}/{y}", "ngày {d:02d}/{m:02d}/{y}"]))
def test_roundtrip_and_span(date, pattern):
    if not 1945 <= date.year <= 2100:
        return
    text = "Căn cứ " + pattern.format(d=date.day, m=date.month, y=date.year) + ";"
    found = find_dates(text)
    assert [d.iso for d in found] == [date.isoformat()]
    assert text[found[0].start : found[0].end].endswith(str(date.year))
