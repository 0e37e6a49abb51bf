"""Regression: a list of reports whose recipient comes in a closing sentence ("Các báo cáo nêu
trên gửi về …", "Báo cáo gửi về …"), and report titles that are not recipients (seeds 000, 004)."""

from __future__ import annotations

import gdparse

PLAN = """KẾ HOẠCH
Thực hiện công tác bình đẳng giới năm 2024
I. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Chủ trì, phối hợp với Sở Y tế triển khai Kế hoạch.
II. CHẾ ĐỘ THÔNG TIN, BÁO CÁO
1. Báo cáo kết quả thực hiện Chương trình trước ngày 25 tháng 12.
2. Báo cáo chuyên đề về hoạt động của Ban vì sự tiến bộ của phụ nữ: định kỳ 6 tháng trước ngày 05 tháng 6.
3. Báo cáo kết quả tự kiểm tra trước ngày 05 tháng 12 năm 2024.
Các báo cáo nêu trên gửi về Sở Nội vụ để tổng hợp báo cáo UBND tỉnh.
"""


def test_listed_reports_take_the_closing_recipient() -> None:
    doc = gdparse.parse_text(PLAN)
    first = {(d.frequency, d.deadline) for d in doc.reporting if d.recipient_ids == ("province.so_noi_vu",)}
    assert {("annual", "25/12"), ("semiannual", "5/6"), (None, "5/12")} <= first
    # The subject of a report ("Ban vì sự tiến bộ …") is not where it goes.
    assert not any("province.ban_vstbpn_tinh" in d.recipient_ids for d in doc.reporting)
    onward = [d for d in doc.reporting if d.reporter_id == "province.so_noi_vu"]
    assert any("province.ubnd_tinh" in d.recipient_ids for d in onward)
