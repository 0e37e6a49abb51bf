"""The fast paths of the responsibilities and reporting extractors give what the plain scans give."""

from __future__ import annotations

import random

from gdparse.extract import clauses, reporting, responsibilities
from gdparse.vietnamese import fold
from tests.fuzzing import pieces_and_spans

_SENTENCE_PIECES = ["\n", " ", "\t", ".", ". ", ".\n", " A", "B", "báo cáo", "Báo cáo", "x", "abc def", "\n\n",
                    "-", "• ", "  Đ", ". Sở", "gửi"]
_SCHEDULE_PIECES = [" ", "\n", "6", "sáu", "tháng", "hằng", "hàng", "quý", "năm", "theo", "một", "cả", "mỗi",
                    "báo cáo", "đột xuất", "trước", "chậm nhất", "ngày", "cuối", "15", "/", "12", "x"]
_FOLD_PIECES = ["Hoà", "hoà", "Thuỷ", "quý", "Oa", "a", " ", "\n", "–", "“", "Σ", "İ", "Sở", "\u00a0", "x", "1", "\t"]


def test_report_sentences_are_the_sentences_holding_the_word():
    def about_reports(text, matches):
        folded = fold(text)
        spans = []
        for m in matches:
            s, e = m.start(), m.end()
            while s < e and text[s] in " \t-+*•":
                s += 1
            if e - s >= 10 and reporting._REPORT_WORD in folded[s:e]:
                spans.append((s, e))
        return spans

    for text, start, end in pieces_and_spans(_SENTENCE_PIECES, 3, longest=40):
        fast = reporting._report_lines_sentences(text, fold(text), start, end)
        assert about_reports(text, fast) == \
            about_reports(text, reporting._SENTENCE.finditer(text, start, end)), (text, start, end)


def test_frequencies_and_deadlines_are_finditer():
    for text, start, end in pieces_and_spans(_SCHEDULE_PIECES, 4):
        assert [(m.span(), m.lastgroup) for m in reporting._frequencies(text, start, end)] == \
            [(m.span(), m.lastgroup) for m in reporting._FREQUENCY.finditer(text, start, end)], text
        assert [m.span() for m in reporting._deadlines(text, start, end)] == \
            [m.span() for m in reporting._DEADLINE.finditer(text, start, end)], text


def test_folded_slices_are_folded_slices():
    for text, start, end in pieces_and_spans(_FOLD_PIECES, 5):
        slices = clauses.FoldedSlices(text, fold(text))
        assert slices.fold(start, end) == fold(text[start:end]), (text, start, end)
        assert slices.key(start, end) == clauses._key(text[start:end]), (text, start, end)
        assert slices.fold_split(start, end, "\t") == [fold(p) for p in text[start:end].split("\t")]


def test_keyword_trie_prefers_the_longest_keyword():
    grammar = clauses.grammar()
    for keyword in grammar.role_of:
        for tail in ("", " ", ", x", "x"):
            text = keyword + tail
            longest = max((k for k in grammar.role_of if text.startswith(k) and not text[len(k):][:1].isalnum()),
                          key=len, default=None)
            m = grammar.keyword.match(text)
            assert (m.group() if m else None) == longest, text


_CLAUSE_PIECES = ["Chủ trì", "chủ trì", "phối hợp với", "Phối kết hợp", " ", ", ", " và ", "; ", "- ", "• ", "* ", ": ",
                  ". ", "\t", "Theo chức năng, nhiệm vụ", "tham gia", "Hằng năm,", "giao", "Đề nghị", "đề nghị", "1. ",
                  "Sở Tư pháp", "tuyên truyền", "xây dựng", "tổ chức", "tổ", "Tổng hợp báo cáo", "báo cáo", "kiểm tra",
                  "Hoà", "Σ", "x", "chủ", "phối", "đề", "đ", "d", "\u00a0", "“", "–",
                  "ǹ", "ḿ", "\u037e", "Ā", "ĐỀ NGHỊ"]


def test_clause_head_tests_agree_with_the_whole_key():
    for text, start, end in pieces_and_spans(_CLAUSE_PIECES, 6, longest=12):
        slices = clauses.FoldedSlices(text, fold(text))
        key = slices.key(start, end)
        assert slices.leading_roles(start, end) == clauses.leading_roles_of_key(key), (text, start, end)
        assert slices.is_request(start, end) == clauses.is_request_key(key), (text, start, end)


def test_header_cell_is_the_first_cell_that_names_the_unit():
    pieces = ["đơn vị", "cơ quan", " ", "\t", "chủ trì", "thực hiện", "phụ trách", "x", "tt", "\n"]
    for text, _, _ in pieces_and_spans(pieces, 7, longest=12):
        cells = fold(text).split("\t")
        expected = next((i for i, c in enumerate(cells) if responsibilities._TABLE_AGENCY_HEADER.search(c)), None)
        assert responsibilities._header_cell(cells) == expected, text


def test_subjects_at_a_sentence_are_those_of_the_spans_holding_it():
    from types import SimpleNamespace

    rng = random.Random(8)
    for _ in range(500):
        items = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 40)
            items.append(SimpleNamespace(start=start, end=start + rng.randint(0, 15), agency_id=rng.choice("abcd")))
        index = reporting._Index(SimpleNamespace(agencies=(), responsibilities=tuple(items)))
        by_span = {(r.start, r.end): r.agency_id for r in items}
        for offset in range(0, 60):
            assert index._subjects_at(offset) == [a for (s, e), a in by_span.items() if s <= offset < e], (items, offset)
