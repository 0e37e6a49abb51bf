# ruff: noqa: E501  (the plan's paragraphs are kept one per line)
"""Capitals that TCVN3 cannot write: a plan keeps its type, title, period and headings."""

from __future__ import annotations

import pytest

import gdparse
from gdparse.lost_case import is_caps_line, lost_letters, recognition_line, recognition_text
from gdparse.normalize import normalize
from gdparse.pipeline import parse_raw
from gdparse.read import read_bytes
from gdparse.readers import legacy
from gdparse.vietnamese import fold
from tests.legacy_docx import legacy_docx

TCVN3_LOST = lost_letters("tcvn3")

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 15/KH-UBND
Hưng Yên, ngày 20 tháng 4 năm 2011

KẾ HOẠCH
THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI TỈNH HƯNG YÊN GIAI ĐOẠN 2011 - 2015

Căn cứ Quyết định số 2351/QĐ-TTg ngày 24 tháng 12 năm 2010 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia về bình đẳng giới giai đoạn 2011 - 2020;
Ủy ban nhân dân tỉnh Hưng Yên xây dựng Kế hoạch thực hiện như sau:

I. MỤC TIÊU
1. Mục tiêu chung
Đến năm 2020, về cơ bản bảo đảm bình đẳng thực chất giữa nam và nữ về cơ hội, sự tham gia và thụ hưởng trên các lĩnh vực chính trị, kinh tế, văn hóa và xã hội.
2. Mục tiêu cụ thể
Mục tiêu 1: Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo, phấn đấu đến năm 2020 thu hẹp khoảng cách giới trong lĩnh vực chính trị.
- Chỉ tiêu 1: Phấn đấu đến năm 2015 đạt 50% các sở, ban, ngành có lãnh đạo chủ chốt là nữ.
- Chỉ tiêu 2: Tỷ lệ nữ đại biểu Hội đồng nhân dân các cấp đạt từ 30% trở lên vào năm 2015.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch bình đẳng giới của địa phương.
2. Tăng cường công tác truyền thông nâng cao nhận thức về bình đẳng giới.
III. TỔ CHỨC THỰC HIỆN
1. Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành hướng dẫn, kiểm tra và tổng hợp báo cáo.
2. Ủy ban nhân dân các huyện, thành phố triển khai kế hoạch và báo cáo kết quả hằng năm.

Nơi nhận:
- Bộ LĐ-TB&XH;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Thành
"""
TITLE = "KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI TỈNH HƯNG YÊN GIAI ĐOẠN 2011 - 2015"
HEADINGS = [  # (number, scheme, heading) of the numbered sections
    ("I", "roman", "MỤC TIÊU"),
    ("1", "arabic-1", "Mục tiêu chung"),
    ("2", "arabic-1", "Mục tiêu cụ thể"),
    ("1", "label-muc-tieu", None),
    ("1", "label-chi-tieu", None),
    ("2", "label-chi-tieu", None),
    ("II", "roman", "NHIỆM VỤ VÀ GIẢI PHÁP"),
    ("1", "arabic-1", "Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch bình đẳng giới của địa phương"),
    ("2", "arabic-1", "Tăng cường công tác truyền thông nâng cao nhận thức về bình đẳng giới"),
    ("III", "roman", "TỔ CHỨC THỰC HIỆN"),
    ("1", "arabic-1", None),
    ("2", "arabic-1", None),
]


def _txt(encoding: str) -> bytes:
    encoded = legacy.from_unicode(PLAN, "tcvn3")
    return encoded.encode("cp1252") if encoding == "cp1252" else encoded.encode("utf-8")


def _docx(caps_font: str) -> bytes:
    """The plan in .VnTime; lines in capitals in ``caps_font`` (written with lowercase codes if it
    is a capital font, as such fonts are used)."""
    paragraphs = []
    for line in PLAN.strip().split("\n"):
        caps_line = line.isupper() and caps_font.endswith("H")
        written = legacy.from_unicode(line.lower() if caps_line else line, "tcvn3")
        paragraphs.append([(written, caps_font if caps_line else ".VnTime", False)])
    return legacy_docx(paragraphs)


INPUTS = {
    "txt-cp1252": lambda: read_bytes(_txt("cp1252"), "plan.txt"),
    "txt-utf8": lambda: read_bytes(_txt("utf-8"), "plan.txt"),
    "docx-VnTime": lambda: read_bytes(_docx(".VnTime"), "plan.docx"),
    "docx-VnTimeH": lambda: read_bytes(_docx(".VnTimeH"), "plan.docx"),
}


def _numbered(doc) -> list[tuple]:
    return [(s.number, s.scheme, s.heading) for s in doc.sections if s.scheme]


@pytest.mark.parametrize("source", INPUTS)
def test_tcvn3_plan_keeps_type_title_period_and_headings(source: str) -> None:
    raw = INPUTS[source]()
    assert raw.encoding == "tcvn3" and "Hưng Yên" in raw.text
    caps_known = source == "docx-VnTimeH"
    # The encoding's effect: toned capitals come back lowercase unless a capital font shows them.
    assert ("KẾ HOẠCH\n" in raw.text) == caps_known
    assert ("Kế HOạCH\n" in raw.text) == (not caps_known)
    assert ("1. ủy ban nhân dân" in raw.text) and ("I. MụC TIÊU" in raw.text) == (not caps_known)

    doc = parse_raw(raw)
    meta = doc.metadata
    assert (meta.doc_type, meta.period_start, meta.period_end) == ("ke_hoach", 2011, 2015)
    assert meta.title is not None and fold(meta.title) == fold(TITLE)
    assert (meta.title == TITLE) == caps_known  # real capitals only where the font is known
    assert (meta.province, meta.issuer) == ("Hưng Yên", "Ủy ban nhân dân tỉnh Hưng Yên")
    assert meta.evidence["issuer"][0] == 0  # from the letterhead
    assert meta.signer == "Nguyễn Văn Thành"
    numbered = _numbered(doc)
    assert [(n, s) for n, s, _ in numbered] == [(n, s) for n, s, _ in HEADINGS]
    for (_, _, heading), (_, _, expected) in zip(numbered, HEADINGS):
        assert expected is None or fold(heading) == fold(expected)
    # The same sections, targets and responsibilities as the plan in Unicode.
    unicode_doc = gdparse.parse_text(PLAN, "plan.txt")
    assert [(s.kind, s.number, s.scheme, s.level) for s in doc.sections] == [
        (s.kind, s.number, s.scheme, s.level) for s in unicode_doc.sections
    ]
    assert len(doc.targets) == len(unicode_doc.targets) == 2
    assert [(r.agency_id, r.role) for r in doc.responsibilities] == [
        (r.agency_id, r.role) for r in unicode_doc.responsibilities
    ]


def test_unicode_text_is_recognised_by_its_own_case() -> None:
    # The same mixed-case lines in a Unicode file are not lines in capitals: no title there.
    mixed = legacy.to_unicode(legacy.from_unicode(PLAN, "tcvn3"), "tcvn3")
    doc = gdparse.parse_text(mixed, "plan.txt")
    assert doc.source.encoding != "tcvn3"
    assert doc.metadata.title is None and doc.metadata.period_end == 2020  # from "đến năm 2020"
    assert not any(fold(s.heading or "").startswith("ủy ban") for s in doc.sections)


@pytest.mark.parametrize(
    ("decoded", "recognised"),
    [
        ("Kế HOạCH", "KẾ HOẠCH"),
        ("QUYếT ĐịNH:", "QUYẾT ĐỊNH:"),
        ("I. MụC TIÊU", "I. MỤC TIÊU"),
        ("PHầN I. MụC ĐíCH, YÊU CầU", "PHẦN I. MỤC ĐÍCH, YÊU CẦU"),
        ("Uỷ BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"),  # "NHÂN" is a syllable in capitals
        ("ủY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("KT. CHủ TịCH", "KT. CHỦ TỊCH"),
        ("**Đề áN**", "**ĐỀ ÁN**"),
        ("1. ủy ban nhân dân các huyện", "1. Ủy ban nhân dân các huyện"),  # a heading's first letter
        ("2.1. ấp, bản", "2.1. Ấp, bản"),
        ("II. ủy ban", "II. Ủy ban"),
        # Left alone: no word proves capitals, an ordinary lowercase letter, not a Roman/Arabic heading.
        ("Số: 15/KH-UBND", "Số: 15/KH-UBND"),
        ("- Bộ LĐ-TB&XH;", "- Bộ LĐ-TB&XH;"),
        ("Bộ Y Tế", "Bộ Y Tế"),
        ("Kế hoạch thực hiện", "Kế hoạch thực hiện"),
        ("Kế HOạCH của tỉnh", "Kế HOạCH của tỉnh"),
        ("a) ở các xã", "a) ở các xã"),
        ("ở các xã, phường", "ở các xã, phường"),
        ("2015. ở các xã", "2015. ở các xã"),
    ],
)
def test_recognition_line(decoded: str, recognised: str) -> None:
    assert recognition_line(decoded, TCVN3_LOST) == recognised
    assert len(recognised) == len(decoded)


@pytest.mark.parametrize("encoding", [None, "utf-8", "cp1258", "vni", ""])
def test_encodings_that_keep_capitals_lose_none(encoding: str | None) -> None:
    assert lost_letters(encoding) == frozenset()
    assert recognition_text("Kế HOạCH\n1. ủy ban", lost_letters(encoding)) == "Kế HOạCH\n1. ủy ban"


@pytest.mark.parametrize("encoding", ["tcvn3", "tcvn3+vni"])
def test_tcvn3_loses_its_toned_capitals(encoding: str) -> None:
    lost = lost_letters(encoding)
    assert len(lost) == 60 and {"ạ", "ế", "ủ", "ỵ"} <= lost  # 12 vowels, 5 tones
    assert not {"ă", "â", "ê", "ô", "ơ", "ư", "đ", "a"} & lost  # these have capitals of their own
    assert recognition_text("Kế HOạCH\nI. MụC TIÊU\nHà Nội", lost) == "KẾ HOẠCH\nI. MỤC TIÊU\nHà Nội"


def test_page_break_does_not_join_a_letterhead_in_lost_capitals() -> None:
    # "ủY BAN NHÂN DÂN" starts lowercase only because TCVN3 lost the capital: not a continuation.
    text = "Nguyễn Văn Thành\n\nủY BAN NHÂN DÂN\nTỉNH HƯNG YÊN\n\nđến các xã"
    assert normalize(text).text == "Nguyễn Văn Thành\n\nủY BAN NHÂN DÂN\nTỉNH HƯNG YÊN đến các xã"
    assert is_caps_line("ủY BAN NHÂN DÂN", lost_letters("tcvn3"))
