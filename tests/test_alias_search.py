"""The one-pass alias search (gdparse.alias_search) finds exactly what the plain token-by-token
reading (gdparse.extract.agency_matcher.alias_mentions_plain) finds: every alias at every token,
longest first like spaCy's filter_spans, province names absorbed."""

from __future__ import annotations

import random

import pytest

from gdparse.extract import agency_matcher
from gdparse.vietnamese import fold
from tests.conftest import SEED_IDS, parsed


def reference_mentions(text: str, year: int | None) -> list[tuple[str, int, int]]:
    return [(f.agency_id, f.start, f.end) for f in agency_matcher.alias_mentions_plain(text, year)]


def found(text: str, year: int | None) -> list[tuple[str, int, int]]:
    return [(f.agency_id, f.start, f.end) for f in agency_matcher._alias_mentions(text, fold(text), year, 0)]


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seed_matches_the_reference(seed_id: str) -> None:
    text = parsed(seed_id).text
    assert found(text, 2020) == reference_mentions(text, 2020)


def test_awkward_lines_match_the_reference() -> None:
    # Acronym runs, dropped words, odd characters (combining marks, superscripts, non-BMP letters,
    # the placeholder), line breaks, other characters before a word and province names in every
    # position.
    pieces = ["Sở LĐ-TB&XH", "UBND tỉnh", "Bắc Ninh", "tinh", "và", "Ủy ban nhân dân (UBND) tỉnh", "Hội LHPN",
              "Sở Văn hóa, Thể thao và Du lịch", "Cục Thống kê", "\u0301", "²", "𝐀", "\x01", "Bộ", "-", "&", "/",
              "\n", ";", ".", "QĐ-UBND", "Sở Y tế", "Lạng Sơn", "BHXH", "Công an tỉnh", "Trung tâm",
              "(", ")", "\t", '"', "–", "…", "\u00a0", "_", "1"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "", ", ", "\n"]) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.2:
            text = text.upper()
        assert found(text, 2018) == reference_mentions(text, 2018), text


def test_footnote_marks_part_words_as_a_blank_does() -> None:
    # Superscript digits are word characters to ``re`` only: the view blanks them.
    for text in ["Sở Y tế²", "UBND tỉnh Bắc Ninh¹ và Sở LĐ-TB&XH³", "²Sở Nội vụ\nCông an tỉnh⁴Lạng Sơn", "Bộ¹²Y tế"]:
        assert found(text, 2020) == reference_mentions(text, 2020), text
        assert found(text, 2020), text
