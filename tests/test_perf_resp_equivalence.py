"""The fast paths of the responsibilities and reporting extractors give what the plain scans give."""

from __future__ import annotations

import random

from gdparse.extract import clauses, reporting, responsibilities
from gdparse.vietnamese import fold
from tests.fuzzing import pieces_and_spans

_FOLD_PIECES = ["Hoà", "hoà", "Thuỷ", "quý", "Oa", "a", " ", "\n", "–", "“", "Σ", "İ", "Sở", "\u00a0", "x", "1", "\t"]


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
