"""Normalisation: each case taken from the seeds, plus invariants."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gdparse.normalize import normalize
from gdparse.offsets import to_original
from gdparse.vietnamese import fold
from tests.conftest import seed_path


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # NFC: seed 000 mixes decomposed combining marks ("Uỷ" as U + y + combining hook).
        ("U\u1ef7 ban nh\u00e2n d\u00e2n", "Uỷ ban nhân dân"),
        ("Vie\u0302\u0323t Nam", "Việt Nam"),
        # Markdown emphasis and headings (seed 002).
        ("### **III. CÁC HOẠT ĐỘNG CHỦ YẾU**", "III. CÁC HOẠT ĐỘNG CHỦ YẾU"),
        ("**1. Mục đích:** Tạo bước chuyển biến", "1. Mục đích: Tạo bước chuyển biến"),
        ("*** Đề nghị Hội Liên hiệp phụ nữ tỉnh**", "* Đề nghị Hội Liên hiệp phụ nữ tỉnh"),
        ("(*phụ lục 01 kèm theo*)", "(phụ lục 01 kèm theo)"),
        # HTML tags (seeds 002 and 004).
        ("\t<i>Trong đó:</i> Nữ lãnh đạo\t\tngười", "\tTrong đó: Nữ lãnh đạo\t\tngười"),
        ("Lưu: VT, VX<sup>S</sup>.", "Lưu: VT, VXS."),
        ("Luật<sup>1</sup>.", "Luật¹."),
        # No-break spaces, tabs, trailing markdown line breaks, leading tabs (seed 000).
        ("\tUỶ BAN\u00a0NHÂN  DÂN  ", "UỶ BAN NHÂN DÂN"),
        ("**KẾ HOẠCH**  \n**tỉnh Hưng Yên**", "KẾ HOẠCH\ntỉnh Hưng Yên"),
        # A sentence cut by a page break (seed 003).
        ("từng bước xây dựng,\n\nhoàn thiện hệ thống", "từng bước xây dựng, hoàn thiện hệ thống"),
        # ... but not a heading followed by a lowercase line, nor a finished sentence.
        ("II. MỤC TIÊU\n\nbình thường.", "II. MỤC TIÊU\n\nbình thường."),
        ("Kết thúc.\n\nthấp", "Kết thúc.\n\nthấp"),
        # A lost footnote marker left ";" at a line start (seed 001).
        ("đạt 23,17%\n; tỷ lệ nữ", "đạt 23,17%; tỷ lệ nữ"),
        # CRLF and markdown tables.
        ("a\r\nb\rc", "a\nb\nc"),
        ("| TT | Chỉ tiêu |\n|---|---|\n| 1 | 60% |", "TT\tChỉ tiêu\n\n1\t60%"),
    ],
)
def test_normalize_cases(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_footnote_bodies_move_to_the_end_and_the_cut_sentence_joins() -> None:
    # Seed 004: a footnote body printed between the two halves of a sentence at a page foot.
    raw = (
        "thống kê các chỉ tiêu do\n\n¹ Nghị định 70/2008/NĐ-CP ngày 04/6/2008.\n\ncơ quan mình chủ trì.\n\nII. KẾT THÚC"
    )
    text = normalize(raw).text
    assert "các chỉ tiêu do cơ quan mình chủ trì." in text
    assert text.endswith("¹ Nghị định 70/2008/NĐ-CP ngày 04/6/2008.")


def test_html_document() -> None:
    raw = "<html><head><title>x</title></head><body><p>Căn cứ&nbsp;Luật</p><table><tr><td>1</td><td>60%</td></tr></table></body></html>"
    text = normalize(raw, is_html=True).text
    assert "Căn cứ Luật" in text
    assert "1\t60%" in text


@pytest.mark.parametrize("seed_id", ["000", "001", "002", "003", "004"])
def test_offset_map_recovers_the_original(seed_id: str) -> None:
    raw = seed_path(seed_id).read_text(encoding="utf-8")
    norm = normalize(raw)
    for new_start, old_start, length in norm.runs:
        assert norm.text[new_start : new_start + length] == raw[old_start : old_start + length]
    copied = sum(length for _, _, length in norm.runs)
    assert copied > 0.95 * len(norm.text)
    assert to_original(norm.runs, len(norm.text) // 2) < len(raw)


def test_seed_000_is_nfc_after_normalisation() -> None:
    raw = seed_path("000").read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw)
    assert unicodedata.is_normalized("NFC", normalize(raw).text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("Uỷ ban", "Ủy ban"),
        ("khoẻ", "khỏe"),
        ("Sở Lao động –Thương binh", "Sở Lao động -Thương binh"),
    ],
)
def test_tone_placement_folds_to_one_form(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert len(fold(a)) == len(a)


@pytest.mark.parametrize("word", ["hoàng", "quý", "toán", "quỷ", "thuyền"])
def test_fold_leaves_closed_syllables(word: str) -> None:
    assert fold(word) == word.lower()


_PIECES = (
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ")
    + list("AĂÂĐÊÔƠƯ.,;:-*#|\t\n\u00a0\u0300\u0301¹²")
    + ["**", "<i>", "</i>", "\n\n", "1. ", "II. "]
)
vietnamese = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(vietnamese)
@example("a\t\n\na")  # a row ending in an empty cell was joined to the next paragraph, then re-spaced
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize(raw).text
    assert normalize(once).text == once


@settings(max_examples=150, deadline=None)
@given(vietnamese)
def test_runs_copy_the_original_exactly(raw: str) -> None:
    norm = normalize(raw)
    for new_start, old_start, length in norm.runs:
        assert norm.text[new_start : new_start + length] == raw[old_start : old_start + length]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, 0), (4, 4), (5, 5), (7, 5), (8, 5), (11, 8), (12, 9), (19, 9), (20, 9), (22, 11), (30, 12)],
)
def test_original_offsets_map_to_the_nearest_normalised_position(offset: int, expected: int) -> None:
    from gdparse.offsets import to_normalized

    # Original 5..7 and 12..19 were rewritten away; runs copy 0..4, 8..11 and 20..22.
    assert to_normalized([(0, 0, 5), (5, 8, 4), (9, 20, 3)], offset) == expected
