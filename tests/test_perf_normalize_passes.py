"""Fast scans of the normalisation passes against the plain patterns they stand for."""

from __future__ import annotations

import re
import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gdparse import markdown_marks as M
from gdparse import normalize as N
from gdparse import webtext as W
from gdparse.offsets import drop_overlaps
from gdparse.vietnamese import fold, strip_accents


def _texts(*pieces: str, max_size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def _reference_page_breaks(text: str) -> list[N.Edit]:
    edits = []
    for m in N._PAGE_CUT.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        before = line.rstrip()
        if (before.strip(N._FOOTNOTE_MARKS) and before[-1] not in N._TERMINAL and not line.endswith("\t")
                and not N._looks_like_heading(before) and not N._caps_but_lost(text, m.end())):
            edits.append((m.start(), m.end(), " "))
    edits += [(m.start(), m.end(), "") for m in N._LEADING_PUNCT.finditer(text)]
    return drop_overlaps(sorted(edits))


def _reference_broken_lines(text: str) -> list[N.Edit]:
    edits = []
    for m in W._LINE_BREAK.finditer(text):
        a, b = m.group("a"), m.group("b")
        if len(a) > 10:
            continue
        last = fold(a.strip("*"))
        if last.rstrip(":.") not in W._CONNECTOR_WORDS and last not in W._phrase_firsts():
            continue
        nl = text.index("\n", m.end("a"))
        before = text[max(0, nl - 30) : nl]
        pair = f"{last} {fold(W._TRAILING_PUNCT.sub('', b.strip('*')))}"
        line_a = text[text.rfind("\n", 0, nl) + 1 : nl].split()
        phrase = (pair in W._BIGRAMS or pair in W._province_pairs()) and (len(line_a) <= 4 or b[:1].islower())
        if phrase or any(end.search(before) and nxt.match(b) for end, nxt in W._CONNECTORS):
            edits.append((nl - len(before) + len(before.rstrip(" \t")), m.start("b"), " "))
    return sorted(set(edits))


def _reference_broken_symbols(text: str) -> list[N.Edit]:
    edits = []
    for newline in re.finditer("\n", text):
        end = newline.start()
        while end and text[end - 1] in " \t":
            end -= 1
        if end and (text[end - 1] in "/-" or text[end - 1].isdecimal() or text[end - 1] > "\uffff"):
            if m := W._SYMBOL_BREAK.match(text, end):
                edits.append((m.start(), m.end(), ""))
    return edits


def _reference_glued_candidates(text: str) -> set[str]:
    return {w for w in W._TOKEN.findall(text) if not w.isascii()}


def _reference_nfc(text: str) -> list[N.Edit]:
    marks = "".join(sorted(c for c in set(text) if N._MARK.match(c)))
    if not marks:
        return []
    edits = []
    for m in re.finditer(f"[{re.escape(marks)}]+", text):
        run = text[m.start() - 1 : m.end()] if m.start() else ""
        if run and unicodedata.normalize("NFC", run) != run:
            edits.append((m.start() - 1, m.end(), unicodedata.normalize("NFC", run)))
    return edits


_BREAKS = _texts("\n", "\n", " ", "\t", "a", "B", "é", "Đ", ";", ",", "*", "**", "__", "x.", "¹", "HOÀ")
_LINES = _texts("\n", "\n", " ", "\t", "Số", "số:", "ngày", "tháng", "năm", "2021", "03/3", "/QĐ", "ỦY", "BAN",
                "ban", "nhân", "Hà", "Nội", "**", ":", ".", "\u00a0", "\u2003", "\x1c", "(", "xxxxxxxxxxxx")
_SYMBOLS = _texts("\n", " ", "\t", "1", "2/", "/", "-", "QĐ", "TTg", "a", "\U0001d7ce", "١", "x")
_BOLD = _texts("*", "**", "***", " ", "\n", "a", "b c", "\u00a0", "\u2003", "\x1c", "é", "x" * 150, "\t")
_GLUED = _texts("Kế", "hoạch", "đồng", "nhân", " ", "\n", "quả", "thực", "Bố", "trí", "ʻ", "\u212a", "Σ", "İ", "*",
                "ontu", "abc", "-", "1")
_MARKED = _texts("a", "e", "o", "\u0301", "\u0300", "\u0323", "\u0358", "\u20d7", "\u093c", "\u0302", "ê", " ", "\n",
                 "\u1ec7", "\u0338", "=", "\u0345", "ά", "…", max_size=12)


@settings(max_examples=300, deadline=None)
@given(_BREAKS)
def test_page_breaks(text: str) -> None:
    assert N.join_page_breaks(text) == _reference_page_breaks(text)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_broken_lines(text: str) -> None:
    assert W.join_broken_lines(text) == _reference_broken_lines(text)


@settings(max_examples=300, deadline=None)
@given(_SYMBOLS)
def test_broken_symbols(text: str) -> None:
    assert W.join_broken_symbols(text) == _reference_broken_symbols(text)


@settings(max_examples=300, deadline=None)
@given(_BOLD)
def test_bold_spans(text: str) -> None:
    expected = [(m.start(), m.start(1), m.end(1), m.end()) for m in M._MD_BOLD.finditer(text)]
    assert M._bold_spans(text) == expected


@settings(max_examples=300, deadline=None)
@given(_GLUED)
def test_glued_word_candidates(text: str) -> None:
    candidates = W._glue_candidates(text)
    reference = _reference_glued_candidates(text)
    assert candidates <= reference
    for token in reference - candidates:  # left out only what cannot split
        assert W._is_syllable(token) or not W._split(token)


@settings(max_examples=300, deadline=None)
@given(_MARKED)
def test_nfc(text: str) -> None:
    if N._has_any(text, N._COMMON_MARKS) or not unicodedata.is_normalized("NFC", text):
        assert N.nfc(text) == _reference_nfc(text)


def test_navigation_from_the_head() -> None:
    navigation = "Trang chủ\nVăn bản pháp luật\nThuộc tính\n"
    for text in ("UBND TỈNH X\n" + "nội dung\n" * 200, "\n\n" + navigation + "ỦY BAN NHÂN DÂN\n" + "x\n" * 600,
                 "x\n" * 600 + navigation + "ỦY BAN NHÂN DÂN\n", navigation * 40 + "Số: 1\n" + "y\n" * 600):
        folded = fold(text[: W._NAVIGATION_SPAN + 2])
        start = W._DOC_START.search(folded, 0, W._NAVIGATION_SPAN)
        keep = start is None or start.start() == 0 or len(W._BOILERPLATE.findall(folded, 0, start.start())) < 2
        assert W.drop_navigation(text) == ([] if keep else [(0, start.start(), "")])


def test_letters_with_ascii_bases_are_in_the_basic_plane() -> None:
    letter = regex.compile(r"\p{L}")
    for code in range(0x10000, 0x110000):
        char = chr(code)
        if char.isalpha() or letter.match(char):
            assert not W._folded_base(char).isascii()


def test_folded_base_is_strip_of_fold() -> None:
    for code in range(0x10000):
        char = chr(code)
        if char.isalpha():
            assert W._folded_base(char) == strip_accents(fold(char))
