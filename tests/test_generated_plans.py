"""Plan-like documents generated with known content: the extractor must find what was put in.

Random numbering schemes and headings, labelled targets with known values and years, and
implementation items naming agencies from the registry with known roles.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gdparse
from gdparse import registry
from tests.test_segment import leaves_tile

INDICATORS = [
    "tỷ lệ nữ giám đốc, chủ doanh nghiệp, hợp tác xã",
    "tỷ lệ lao động nữ làm công hưởng lương",
    "tỷ lệ dân số được tiếp cận kiến thức cơ bản về bình đẳng giới",
    "tỷ lệ nữ học viên được tuyển mới thuộc hệ thống giáo dục nghề nghiệp",
    "tỷ lệ cơ sở trợ giúp xã hội công lập triển khai các hoạt động trợ giúp",
]
DEPARTMENTS = [
    "province.so_noi_vu", "province.so_y_te", "province.so_tu_phap", "province.so_tai_chinh",
    "province.so_giao_duc_dao_tao", "province.cong_an_tinh",
]
OBJECTIVE_STYLES = ["Mục tiêu {n}: {title}", "2.{n}. Mục tiêu {n}: {title}"]
TARGET_STYLES = ["- Chỉ tiêu {m}: {phrase} đạt {v}% vào năm {y}.", "- Chỉ tiêu {m}: phấn đấu đến năm {y}, {phrase} đạt {v}%."]
TITLES = ["Trong lĩnh vực chính trị", "Trong lĩnh vực kinh tế, lao động", "Trong lĩnh vực y tế"]

target = st.tuples(st.sampled_from(INDICATORS), st.integers(10, 99), st.integers(2025, 2030))
objective = st.lists(target, min_size=1, max_size=3)


@st.composite
def plans(draw):
    objectives = draw(st.lists(objective, min_size=1, max_size=3))
    style = draw(st.sampled_from(OBJECTIVE_STYLES))
    target_style = draw(st.sampled_from(TARGET_STYLES))
    leads = draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=1, max_size=4, unique=True))
    partner = draw(st.sampled_from([d for d in DEPARTMENTS if d not in leads] or DEPARTMENTS))
    lines = ["KẾ HOẠCH", "Thực hiện công tác bình đẳng giới năm 2026", "", "I. MỤC TIÊU", "1. Mục tiêu chung",
             "Thu hẹp khoảng cách giới.", "2. Mục tiêu cụ thể"]
    expected = []
    for n, targets in enumerate(objectives, 1):
        lines.append(style.format(n=n, title=TITLES[(n - 1) % len(TITLES)]))
        for m, (phrase, v, y) in enumerate(targets, 1):
            lines.append(target_style.format(m=m, phrase=phrase, v=v, y=y))
            expected.append((float(v), y))
    lines.append("II. TỔ CHỨC THỰC HIỆN")
    agencies = registry.agencies()
    for k, lead in enumerate(leads, 1):
        lines.append(f"{k}. {agencies[lead].name}")
        lines.append(f"Chủ trì, phối hợp với {agencies[partner].name} thực hiện mục tiêu 1.")
    return "\n".join(lines), expected, leads, partner


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_extractor_finds_what_was_generated(plan) -> None:
    text, expected, leads, partner = plan
    doc = gdparse.parse_text(text)
    assert leaves_tile(doc)
    found = sorted((m.value, m.year) for t in doc.targets for m in t.milestones)
    assert found == sorted(expected)
    for t in doc.targets:
        for m in t.milestones:
            assert str(int(m.value)) in doc.quote(m)
    roles = {(r.agency_id, r.role) for r in doc.responsibilities}
    for lead in leads:
        assert (lead, "lead") in roles
    assert (partner, "coordinate") in roles or partner in leads
