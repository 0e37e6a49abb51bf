"""TCVN3 (ABC) and VNI text: conversion tables (data), round trips, detection in .txt and .docx."""

from __future__ import annotations

import unicodedata

import pytest

from gdparse.read import read_bytes
from gdparse.readers import legacy
from tests.conftest import SEEDS
from tests.fixtures.issue6.helpers import docx, p

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
