"""Reporting duties: chain of recipients, frequency and deadlines."""

import gdparse

TEXT = (
    "V. CHẾ ĐỘ THÔNG TIN, BÁO CÁO\n"
    "Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố thực hiện chế độ báo cáo định kỳ 6 tháng "
    "(trước ngày 10/6), một năm (trước ngày 10/12 hàng năm) gửi về Sở Lao động - Thương binh và Xã hội để "
    "tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội.\n"
)


def test_chain_frequency_deadline():
    doc = gdparse.parse_text(TEXT)
    duties = {(d.reporter_id, d.recipient_ids, d.frequency, d.deadline) for d in doc.reporting}
    assert ("district.ubnd_huyen", ("province.so_lao_dong_tbxh",), "semiannual", "10/6") in duties
    assert ("collective.cac_so_ban_nganh", ("province.so_lao_dong_tbxh",), "annual", "10/12") in duties
    assert ("province.so_lao_dong_tbxh", ("province.ubnd_tinh", "central.bo_lao_dong_tbxh"), "annual", "10/12") in duties
    for d in doc.reporting:
        assert "báo cáo" in doc.text[d.start : d.end]


def test_via_makes_the_intermediary_first():
    doc = gdparse.parse_text("VI. TỔ CHỨC THỰC HIỆN\n10. UBND các huyện: thực hiện chế độ báo cáo hàng năm về UBND tỉnh (qua Sở Nội vụ).\n")
    hops = {(d.reporter_id, d.recipient_ids) for d in doc.reporting}
    assert ("province.so_noi_vu", ("province.ubnd_tinh",)) in hops
