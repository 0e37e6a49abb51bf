"""TCVN3 (ABC) and VNI text: conversion tables (data), round trips, detection in .txt and .docx."""

from __future__ import annotations

import unicodedata

import pytest

from gdparse.read import read_bytes
from gdparse.readers import legacy
from tests.conftest import SEEDS
from tests.fixtures.issue6.helpers import docx, p
from tests.legacy_docx import legacy_docx

LOWER = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
ALPHABET = LOWER + LOWER.upper()


@pytest.mark.parametrize("name", legacy.LEGACY_ENCODINGS)
def test_table_examples(name: str) -> None:
    table = legacy.table(name)
    assert table.version == 1 and table.examples
    for example in table.examples:
        assert legacy.to_unicode(example["legacy"], name) == example["unicode"]


@pytest.mark.parametrize("name", legacy.LEGACY_ENCODINGS)
def test_every_vietnamese_letter_has_one_code(name: str) -> None:
    values = list(legacy.table(name).map.values())
    assert len(values) == len(set(values))
    letters = set(LOWER) - set("abcdeghiklmnopqrstuvxy")
    assert letters <= set(values)


def test_vni_round_trip_of_the_whole_alphabet() -> None:
    encoded = legacy.from_unicode(ALPHABET, "vni")
    assert encoded.encode("cp1252")  # every code is a Windows-1252 character
    assert legacy.to_unicode(encoded, "vni") == ALPHABET


def test_tcvn3_round_trip_lowercase_and_capital_fonts() -> None:
    assert legacy.to_unicode(legacy.from_unicode(LOWER, "tcvn3"), "tcvn3") == LOWER
    # Toned capitals only exist through a capital font (.VnTimeH), which shows lowercase codes as capitals.
    assert legacy.to_unicode(legacy.from_unicode(LOWER.upper(), "tcvn3"), "tcvn3", capitals=True) == LOWER.upper()


@pytest.mark.parametrize("seed", SEEDS[:2] + SEEDS[3:4], ids=lambda s: s.name[:3])
@pytest.mark.parametrize("name", legacy.LEGACY_ENCODINGS)
@pytest.mark.parametrize("wrapping", ["bytes", "utf-8"])
def test_legacy_txt_files_are_detected_and_converted(seed, name: str, wrapping: str) -> None:
    # A lost footnote marker (U+FFFD) has no legacy code: a legacy file would show "?".
    text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8")).replace("\ufffd", "?")
    encoded = legacy.from_unicode(text, name)
    data = encoded.encode("cp1252") if wrapping == "bytes" else encoded.encode("utf-8")
    raw = read_bytes(data, "plan.txt")
    assert raw.encoding == name
    if name == "vni":
        assert raw.text == text
    else:  # TCVN3 has no toned capitals of its own: a plain .txt loses their case
        assert raw.text.lower() == text.lower()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name[:3])
def test_unicode_text_is_left_alone(seed) -> None:
    text = seed.read_text(encoding="utf-8")
    assert legacy.detect(text) is None


@pytest.mark.parametrize(
    ("font", "written", "expected"),
    [
        (".VnTime", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        (".VnTimeH", "quyÕt ®Þnh", "QUYẾT ĐỊNH"),
        ("VNI-Times", "Keá hoaïch bình ñaúng giôùi", "Kế hoạch bình đẳng giới"),
        ("Times New Roman", "Kế hoạch", "Kế hoạch"),
    ],
)
def test_docx_runs_in_legacy_fonts(font: str, written: str, expected: str) -> None:
    rpr = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
    raw = read_bytes(docx(p("Số: 12/KH-UBND"), p(written, rpr=rpr)), "plan.docx")
    assert raw.text.split("\n\n")[1].strip() == expected
    assert ("legacy fonts" in " ".join(raw.notes)) == (font != "Times New Roman")


def test_docx_legacy_text_without_a_legacy_font_name() -> None:
    text = legacy.from_unicode(
        "Căn cứ Luật Bình đẳng giới; các sở, ban, ngành của tỉnh thực hiện kế hoạch năm 2024", "tcvn3"
    )
    raw = read_bytes(docx(p(text), p(text)), "plan.docx")
    assert raw.encoding == "tcvn3" and "Bình đẳng giới" in raw.text


# --- every letter through a Word run and a text file ----------------------------------------

# The letters each encoding writes with a code of its own: TCVN3 has no toned capitals (Ạ, Ế …).
TCVN3_CAPITALS = "".join(c for c in LOWER.upper() if c.isascii() or c in legacy.table("tcvn3").map.values())
SENTENCE = "Các sở, ban, ngành của tỉnh thực hiện kế hoạch bình đẳng giới năm 2024 và báo cáo kết quả: "


def _word_runs(encoded: str, font: str, caps: bool, split: bool) -> list:
    """A letter per run (Word splits runs at any change of formatting), or all in one run."""
    return [(c, font, caps) for c in encoded] if split else [(encoded, font, caps)]


@pytest.mark.parametrize("split", [False, True], ids=["one-run", "run-per-letter"])
@pytest.mark.parametrize("soft_hyphen_element", [True, False], ids=["softHyphen", "w:t"])
@pytest.mark.parametrize(
    ("name", "font", "caps", "written", "expected"),
    [
        pytest.param("tcvn3", ".VnTime", False, LOWER + TCVN3_CAPITALS, LOWER + TCVN3_CAPITALS, id="VnTime"),
        # A capital font shows every code, lowercase ones too, as a capital.
        pytest.param("tcvn3", ".VnTimeH", False, LOWER, LOWER.upper(), id="VnTimeH-lowercase-codes"),
        pytest.param("tcvn3", ".VnArialH", False, LOWER.upper(), LOWER.upper(), id="VnArialH-capital-codes"),
        # "All caps" formatting does the same in any font.
        pytest.param("tcvn3", ".VnTime", True, LOWER, LOWER.upper(), id="VnTime-all-caps"),
        pytest.param("vni", "VNI-Times", False, ALPHABET, ALPHABET, id="VNI-Times"),
        pytest.param("vni", "VNI-Times", True, LOWER, LOWER.upper(), id="VNI-Times-all-caps"),
        pytest.param("vni", "VNI-Helve", False, LOWER.upper(), LOWER.upper(), id="VNI-Helve-capitals"),
    ],
)
def test_docx_round_trip_of_every_letter(
    name: str, font: str, caps: bool, written: str, expected: str, soft_hyphen_element: bool, split: bool
) -> None:
    encoded = legacy.from_unicode(written, name)
    if name == "tcvn3" and "ư" in written:
        assert "\u00ad" in encoded  # TCVN3's "ư": the code Word stores as a soft hyphen
    body_font = {"tcvn3": ".VnTime", "vni": "VNI-Times"}[name]
    sentence = _word_runs(legacy.from_unicode(SENTENCE, name), body_font, False, split)
    paragraphs = [sentence, _word_runs(encoded, font, caps, split)]
    raw = read_bytes(legacy_docx(paragraphs, soft_hyphen_element=soft_hyphen_element), "plan.docx")
    assert raw.encoding == name
    assert raw.text.split("\n\n") == [SENTENCE.strip(), expected + "\n"]


def test_docx_soft_hyphen_in_tcvn3_text_under_another_font_name() -> None:
    # Detected from the text, not the font: the soft hyphens are read again as "ư".
    text = "Căn cứ Luật Bình đẳng giới, các sở, ban, ngành của tỉnh Hưng Yên thực hiện kế hoạch năm 2024"
    encoded = legacy.from_unicode(text, "tcvn3")
    raw = read_bytes(legacy_docx([[(encoded, "Times New Roman", False)]] * 2), "plan.docx")
    assert raw.encoding == "tcvn3"
    assert raw.text == f"{text}\n\n{text}\n"


def test_docx_soft_hyphen_in_unicode_text_is_dropped() -> None:
    # An optional hyphen is invisible: a Unicode document reads as before.
    raw = read_bytes(legacy_docx([[("bình đẳng gi\u00adới", "Times New Roman", False)]]), "plan.docx")
    assert raw.text == "bình đẳng giới\n" and raw.encoding is None


def test_docx_renders_auto_numbering_once_when_read_again_for_soft_hyphens() -> None:
    text = legacy.from_unicode("Các sở, ban, ngành của tỉnh Hưng Yên thực hiện kế hoạch bình đẳng giới", "tcvn3")
    numbered = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
    runs = text.replace("\u00ad", "</w:t></w:r><w:r><w:softHyphen/></w:r><w:r><w:t xml:space=\"preserve\">")
    raw = read_bytes(docx(p(runs, ppr=numbered), p(runs, ppr=numbered)), "plan.docx")
    assert [line.replace("*", "")[:3] for line in raw.text.split("\n\n")] == ["1. ", "2. "]
    assert "Hưng Yên" in raw.text and raw.encoding == "tcvn3"


@pytest.mark.parametrize(
    ("ascii_font", "high_font"), [("Times New Roman", ".VnTime"), (".VnTime", "Times New Roman"), (".VnTime", None)]
)
def test_docx_legacy_font_in_either_font_slot(ascii_font: str, high_font: str | None) -> None:
    # Word draws the legacy codes (0x80-0xFF) in the w:hAnsi font; writers set one slot or both.
    slots = f'w:ascii="{ascii_font}"' + (f' w:hAnsi="{high_font}"' if high_font else "")
    raw = read_bytes(docx(p("Hng Yªn", rpr=f"<w:rFonts {slots}/>").replace("Hng", "H\u00adng")), "plan.docx")
    assert raw.text == "Hưng Yên\n" and raw.encoding == "tcvn3"


@pytest.mark.parametrize("font", [".VnTime", ".VnTimeH", "VNI-Times"])
def test_docx_unicode_text_in_a_legacy_font_is_left_alone(font: str) -> None:
    # A Unicode run that kept a legacy font name: converting it would garble "bình" and "Hưng".
    text = "Kế hoạch bình đẳng giới tỉnh Hưng Yên"
    raw = read_bytes(docx(p(text, rpr=f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>')), "plan.docx")
    assert raw.text == text + "\n"


@pytest.mark.parametrize("name", legacy.LEGACY_ENCODINGS)
@pytest.mark.parametrize("wrapping", ["bytes", "utf-8"])
def test_txt_round_trip_of_every_letter(name: str, wrapping: str) -> None:
    text = SENTENCE + LOWER + "\n" + SENTENCE + ALPHABET + "\n"
    encoded = legacy.from_unicode(text, name)
    raw = read_bytes(encoded.encode("cp1252") if wrapping == "bytes" else encoded.encode("utf-8"), "plan.txt")
    assert raw.encoding == name
    if name == "vni":
        assert raw.text == text
    else:  # every letter with a code of its own comes back; toned capitals come back lowercase
        assert raw.text == text.translate({ord(c.upper()): c for c in legacy.lost_capitals("tcvn3")})
