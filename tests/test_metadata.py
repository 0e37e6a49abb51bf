"""Document facts on the seeds (against the gold) and on short and messy texts."""

import json
from pathlib import Path

import pytest

import gdparse
from gdparse.evaluation.facts import score
from gdparse.extract.provinces import from_domain
from gdparse.knowledge.provinces import canonical_province, province_names, successor
from gdparse.webtext import repair_web_text

SEEDS = sorted(Path("corpora/seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_facts_match_gold(seed):
    doc = gdparse.parse(seed)
    gold = json.loads(Path(f"corpora/gold/{seed.name[:3]}.json").read_text(encoding="utf-8"))
    wrong = [s.field for s in score(gold, doc) if s.kind == "accuracy" and s.accuracy < 1]
    assert wrong == []
    for field, (start, end) in doc.metadata.evidence.items():
        assert 0 <= start < end <= len(doc.text), field


HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 1696/KH-UBND\nHà Giang, ngày 05 tháng 3 năm 2022\n\nKẾ HOẠCH\nThực hiện Chiến lược quốc gia về bình đẳng giới "
    "giai đoạn 2021 - 2030\n\nCăn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ;\n\nI. MỤC TIÊU\nNội dung.\n\n"
    "Nơi nhận:\n- Như trên;\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Gia Long\n"
)
EXPECTED = {"doc_number": "1696/KH-UBND", "doc_type": "ke_hoach", "province": "Hà Giang", "issued_date": "2022-03-05",
            "period_start": 2021, "period_end": 2030, "signer": "Hoàng Gia Long", "is_draft": False,
            "issuer": "Ủy ban nhân dân tỉnh Hà Giang"}

MESSY = {
    "navigation": "Trang chủ\nVăn bản pháp luật\nThuộc tính\nNgày ban hành: 05/03/2022\n" + HEADER,
    "broken_number": HEADER.replace("Số: 1696/KH-UBND", "Số:\n1696/KH-UBND"),
    "broken_place": HEADER.replace("Hà Giang, ngày", "Hà\nGiang, ngày"),
    "broken_issuer": HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH", "ỦY\nBAN NHÂN DÂN\nTỈNH", 1),
    "broken_date": HEADER.replace("ngày 03/3/2021", "ngày\n03/3/2021"),
    "lone_pipes": HEADER.replace("Số:", "|\n| |\nSố:"),
    "glued_words": HEADER.replace("Thực hiện Chiến lược", "Thựchiện Chiếnlược"),
}


def test_clean_header():
    meta = gdparse.parse_text(HEADER).metadata
    assert {k: getattr(meta, k) for k in EXPECTED} == EXPECTED


@pytest.mark.parametrize("case", sorted(MESSY))
def test_messy_portal_text(case):
    doc = gdparse.parse_text(repair_web_text(MESSY[case]))
    assert {k: getattr(doc.metadata, k) for k in EXPECTED} == EXPECTED
    assert [c.key for c in doc.citations] == ["nghi-quyet:28/NQ-CP:2021"]
    assert doc.citations[0].legal_basis and doc.citations[0].date == "2021-03-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số: /KH-UBND\nLạng Sơn, ngày tháng 4 năm 2026\nKẾ HOẠCH\nnăm 2026", {"doc_number": None, "is_draft": True, "issued_date": "2026-04"}),
        ("Kính gửi: Các sở\nĐề nghị góp ý vào dự thảo tại http://sldtbxh.kontum.gov.vn/x", {"doc_type": "cong_van", "province": "Kon Tum", "is_draft": True}),
        ("QUYẾT ĐỊNH\nBan hành Kế hoạch năm 2024\nĐiều 1. Ban hành.\nKẾ HOẠCH\n(Kèm theo Quyết định số 373/QĐ-UBND ngày 08 tháng 4 năm 2024 của Chủ tịch UBND tỉnh Bắc Ninh)",
         {"doc_type": "quyet_dinh", "doc_number": "373/QĐ-UBND", "issued_date": "2024-04-08", "issued_by_decision": None}),
        ("KẾ HOẠCH\nThực hiện công tác năm 2024\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 08/4/2024 của UBND tỉnh Bắc Ninh)",
         {"doc_type": "ke_hoach", "doc_number": None, "issued_by_decision": "12/QĐ-UBND", "period_start": 2024, "period_end": 2024}),
    ],
)
def test_facts_cases(text, expected):
    meta = gdparse.parse_text(text).metadata
    assert {k: getattr(meta, k) for k in expected} == expected


def test_odd_input_never_raises():
    for text in ("x", "Số:", "ngày tháng năm", "Căn cứ Luật", "| | |\n|", "TM. ỦY BAN NHÂN DÂN\n\n"):
        gdparse.parse_text(text)


def test_provinces_from_package():
    assert len(set(province_names())) == 63
    assert successor("Kon Tum") == "Quảng Ngãi" and successor("Bắc Ninh") == "Bắc Ninh"
    assert canonical_province("THÀNH PHỐ HỒ CHÍ MINH") == "Hồ Chí Minh"
    assert from_domain("mail: abc@snv.bacninh.gov.vn")[2] == "Bắc Ninh"
