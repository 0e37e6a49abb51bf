"""Patterns made accent-insensitive match the text where the original patterns match its stripped form."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from gdparse.extract import accent_free, clauses
from gdparse.knowledge.roles import roles_data
from gdparse.vietnamese import fold, strip_accents


def _stripped_characters():
    for code in range(sys.maxunicode + 1):
        if not 0xD800 <= code < 0xE000 and strip_accents(chr(code)) != chr(code):
            yield chr(code)


def test_every_character_that_strips_is_vietnamese_or_other_marked():
    other = accent_free.other_marked()
    stripped = list(_stripped_characters())
    assert {c for c in stripped if not other.fullmatch(c)} == set(accent_free.VIETNAMESE_MARKED)
    assert all(not other.fullmatch(chr(code)) for code in range(0x2400) if chr(code) not in stripped)


def test_stripping_keeps_space_and_word_classes():
    space, word = regex.compile(r"\s"), regex.compile(r"\w")
    for char in _stripped_characters():
        base = strip_accents(char)
        assert bool(space.match(char)) == bool(space.match(base)), char
        assert bool(word.match(char)) == bool(word.match(base)), char


_PIECES = ["chủ trì", "Chủ trì", "phối hợp với", "phoi hop", "phối kết hợp", "đề nghị", "Đề nghị", "de nghi", " ", ", ",
           " và ", "; ", "\u037e", "- ", "• ", ": ", ".", "\t", "\n", "theo chức năng, nhiệm vụ của mình,", "tham gia",
           "hằng năm,", "giao", "tổ chức", "tổ", "tổng hợp báo cáo", "báo cáo", "kiểm tra", "hoà", "x", "chủ", "phối",
           "đ", "d", "\u00a0", "ǹ", "ḿ", "1", "Ā"]
_PATTERNS = [r"a(?:b|c)?\s*[;,]", r"(?>de)\bnghi(?!\w)", r"(?P<w>to)(?: chuc)?", r"[\s\-+*•:.]*x{1,2}", r"(?<=,)\sva"]


def _samples(seed: int, count: int = 4000):
    rng = random.Random(seed)
    for _ in range(count):
        text = fold("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10))))
        start = rng.randint(0, len(text))
        yield text, start, rng.randint(start, len(text))


@pytest.mark.parametrize("source", _PATTERNS + ["grammar.verb_group", "grammar.request"])
def test_accent_insensitive_match_is_the_match_on_the_stripped_text(source):
    if source.startswith("grammar."):
        source = getattr(clauses.grammar(), source.split(".")[1]).pattern
    plain, folded = regex.compile(source), regex.compile(accent_free.accent_insensitive(source))
    other = accent_free.other_marked()
    for text, start, end in _samples(len(source)):
        if other.search(text, start, end):
            continue  # read through the key instead
        a, b = plain.match(strip_accents(text), start, end), folded.match(text, start, end)
        assert (a and a.span()) == (b and b.span()), (source, text, start, end)
        if a and "kw" in plain.groupindex:
            assert a.spans("kw") == b.spans("kw")


@pytest.mark.parametrize("source", [r"\p{L}", r"[^a]", r"[a-z]", r"(?i:a)", "á"])
def test_unsupported_syntax_is_refused(source):
    with pytest.raises(ValueError):
        accent_free.accent_insensitive(source)


def test_verb_group_is_keywords_joined_by_separators():
    """The verb group reads a separator before each keyword after the first; so does the plain form."""
    grammar = clauses.grammar()
    skip = "|".join(clauses._key(p) for p in roles_data().skip_prefixes)
    keyword, separator = grammar.keyword.pattern, clauses._separator(roles_data())
    plain = regex.compile(rf"{clauses._LEAD_IN}(?>(?:{skip})(?!\w)[\s,]*)*"
                          rf"(?:(?>(?P<kw>{keyword}))(?:(?>{separator})(?>(?P<kw>{keyword})))*)?")
    for text, start, end in _samples(9):
        key = strip_accents(text)
        a, b = plain.match(key, start, end), grammar.verb_group.match(key, start, end)
        assert (a.span(), a.spans("kw")) == (b.span(), b.spans("kw")), (text, start, end)
