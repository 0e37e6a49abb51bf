"""The fast paths of the citation extractor find what the plain patterns find: titles read without
the lazy 300-character scan, symbol and abbreviation anchors found from single characters."""

from __future__ import annotations

import random

import regex

from gdparse.extract import anchors, citation_details, citations

_TITLE_PIECES = (*citation_details.TITLE_WORDS, "“", "”", " ", " ", "  ", ",", ", ", ". ", ".", ";", "\n", "\t",
                 ", căn cứ", ", thực hiện", "việc", "abc", "x" * 40, "y" * 150, "z" * 280)


def test_title_at_matches_the_lazy_pattern() -> None:
    rng = random.Random(7)
    for _ in range(4000):
        text = "".join(rng.choice(_TITLE_PIECES) for _ in range(rng.randint(1, 12)))
        for pos in range(min(len(text), 4)):
            fast, slow = citation_details.title_at(text, pos), citation_details.TITLE.match(text, pos)
            assert (fast and fast.span("t")) == (slow and slow.span("t")), (text, pos)


def _symbol_reference(text: str) -> list[int]:
    return [m.start() for m in regex.finditer(r"(?<!\d)\d{1,6}[a-zđ]?[ ]?[/-]", text)]


def test_symbol_and_abbreviation_starts() -> None:
    rng = random.Random(11)
    pieces = ("1", "12", "1234567", "٣", "a", "đ", "Đ", " ", "/", "-", "NQ", "QĐ", "NĐ", "CT", "KH", "TT", "CV",
              "N", "Q", "T", "x", "\n", "KHH", "TTLT", "L", "LT")
    words = citations._ABBREVIATIONS
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        assert anchors.symbol_starts(text) == _symbol_reference(text), text
        exact = sorted({m.start() for w in words for m in regex.finditer(f"(?={regex.escape(w)})", text)})
        assert anchors.last_char_starts(text, words) == exact, text


def test_type_word_precheck_is_necessary() -> None:
    rng = random.Random(5)
    pieces = ("quyết định", "nghị quyết", "báo cáo", "luật", "số", "so", "số hiệu", " ", "  ", "\n", ":", "\t",
              "x", "a", "ư", "1", "12/", "(")
    for _ in range(5000):
        folded = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for q in range(len(folded) + 1):
            if citations._TYPE_WORD_BEFORE.match(folded, 0, q) is not None:
                assert citations._may_follow_type_word(folded, q), (folded, q)


def test_line_starts_match_a_multiline_scan() -> None:
    rng = random.Random(3)
    pieces = ("căn cứ", "thực hiện", "i.", "1. ", "phần\n i. ", "điều 1: ", "- ", "\n", " ", "\t", "x", "căn cứx")
    cases = ((citations._PREAMBLE_LINE_AT, citations._PREAMBLE_LINE_NL, citations._PREAMBLE_LINE, False),
             (citations._PREAMBLE_LINE_AT, citations._PREAMBLE_LINE_NL, citations._PREAMBLE_LINE, True))
    for _ in range(3000):
        folded = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        endpos = rng.randint(0, len(folded))
        for at, nl, pattern, first_only in cases:
            expected = [m.start() for m in regex.compile("(?m)^" + pattern).finditer(folded, 0, endpos)]
            got = citations._line_starts(at, nl, folded, endpos, first_only)
            assert got == (expected[:1] if first_only else expected), (folded, endpos)


def test_anchored_word_starts_are_the_word_starts() -> None:
    rng = random.Random(9)
    words = ("hiến pháp", "pháp lệnh", "bộ luật", "luật")
    anchors_ = anchors.word_anchors(words)
    pieces = (*words, "pháp", "biện pháp", "pháp luật", "bộ", " ", "x", "hiến")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})
        assert anchors.anchored_word_starts(text, anchors_) == expected, text


def test_line_search_matches_a_multiline_search() -> None:
    rng = random.Random(13)
    bodies = (r"[ \t#*]*(?P<t>kế hoạch|báo cáo)(?:[ \t]+(?:hành động))?[ \t*:]*$", r"[ \t]*kính\s+gửi\s*:")
    pieces = ("kế hoạch", "báo cáo", " hành động", "kính gửi", "kính\ngửi", ":", "\n", " ", "*", "#", "x", "\t")
    for body in bodies:
        search, plain = anchors.LineSearch(body), regex.compile("(?m)^" + body)
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
            endpos = rng.randint(0, len(text))
            expected, got = plain.search(text, 0, endpos), search.search(text, 0, endpos)
            assert (got is None) == (expected is None), (text, endpos)
            if got is not None:
                groups = [got[1].span(g) for g in plain.groupindex]
                assert (got[0], got[1].end(), groups) == (expected.start(), expected.end(),
                                                          [expected.span(g) for g in plain.groupindex])
