"""The citation extractor's one accelerated scan: type words found from the numbers after them
(:func:`gdparse.extract.citations.typed_numbers`) find what the plain scan of every type word
finds (:func:`gdparse.extract.citations.typed_numbers_plain`)."""

from __future__ import annotations

import random

import pytest
import regex

from gdparse.extract import anchors, citations
from gdparse.vietnamese import fold
from tests.conftest import ROOT

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "seeds").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "phenomena").glob("*.txt"))]
_PIECES = ("Quyết định", "quyết định", "QUYẾT ĐỊNH", "Nghị quyết", "Báo cáo", "Luật", "Kế hoạch", "số", "so",
           "số hiệu", "Số", " ", "  ", "\n", ":", "\t", "x", "a", "ư", "1", "12", "12/", "948/QĐ-UBND", "11-NQ/TW",
           "2011", "(", ", ", "٣", "Đ", "a/", "12 /", " - ")


def _found(pairs) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), after.span()) for m, after in pairs]


def _check(text: str) -> None:
    folded = fold(text)
    assert _found(citations.typed_numbers(text, folded)) == _found(citations.typed_numbers_plain(text, folded))


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_type_words_found_from_numbers_are_those_of_the_plain_scan(index: int) -> None:
    text = TEXTS[index]
    _check(text)
    rng = random.Random(index)
    for _ in range(20):  # pieces of a plan: a cut may fall inside a word or a symbol
        start = rng.randrange(len(text))
        _check(text[start : start + rng.randrange(1, 2000)])


def test_type_words_found_from_numbers_on_made_up_texts() -> None:
    rng = random.Random(17)
    for _ in range(3000):
        _check("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))))


def _symbol_reference(text: str) -> list[int]:
    return [m.start() for m in regex.finditer(r"(?<!\d)\d{1,6}[a-zđ]?[ ]?[/-]", text)]


def test_symbol_starts() -> None:
    rng = random.Random(11)
    pieces = ("1", "12", "1234567", "٣", "a", "đ", "Đ", " ", "/", "-", "NQ", "QĐ", "x", "\n")
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert anchors.symbol_starts(text) == _symbol_reference(text), text


def test_type_word_precheck_is_necessary() -> None:
    rng = random.Random(5)
    pieces = ("quyết định", "nghị quyết", "báo cáo", "luật", "số", "so", "số hiệu", " ", "  ", "\n", ":", "\t",
              "x", "a", "ư", "1", "12/", "(")
    for _ in range(5000):
        folded = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for q in range(len(folded) + 1):
            if citations._TYPE_WORD_BEFORE.match(folded, 0, q) is not None:
                assert citations._may_follow_type_word(folded, q), (folded, q)
