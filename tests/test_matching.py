"""gdparse.extract.matching: prefilters derived from the patterns, and the accelerated scan that
uses them finding exactly what the plain reference scan finds."""

from __future__ import annotations

import importlib
import pkgutil
import random

import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import gdparse.extract
from gdparse import link
from gdparse.extract import budgets, matching
from gdparse.extract.matching import LINE_START, LONG_SPAN, LiteralScan, PlainScan, Prefilter, derive, prefilter, scan
from gdparse.extract.rules import compiled
from gdparse.vietnamese import fold
from tests.conftest import ROOT

# (pattern, literals every match starts with one of, literals every match holds one of)
DERIVED = [
    ("abc", ("abc",), ("abc",)),
    (r"(?:kể\s*)?từ\s*năm", ("kể", "từ"), ("năm",)),  # an optional start: what follows it starts too
    (r"(?<!\p{L})(?:tỉnh|thành\s+phố)\s+", ("thành", "tỉnh"), ("thành", "tỉnh")),  # lookarounds take no text
    (r"[ab]c", ("ac", "bc"), ("ac", "bc")),  # a small class: its characters
    (r"\b(?:số|so)\s*\d", ("so", "số"), ("so", "số")),
    (r"\d+/\d+", (), ("/",)),  # no literal start, a needed one inside
    (r"a*bc", (), ("bc",)),
    (r"(?:x|y)+z", (), ("z",)),  # single letters start too many places to be worth a search
    (r"a|b", (), ("a", "b")),
    (r"(ab)\1", ("ab",), ("ab",)),  # what a back reference matches is not known, what comes before is
    (r"x(?i:abc)", (), ("x",)),  # the case-insensitive part gives nothing
    (r"\d{1,3}(?:\.\d{3})+\s*(?:đồng|vnđ)", (), ("vnđ", "đồng")),
]

# Patterns that yield no literal: what the derivation cannot be sure of.
UNDERIVED = [
    r"(?i)abc",  # case-insensitive
    r"(?r)abc",  # a reverse search
    r"[[:alpha:]]ab",  # a POSIX class, which re would read as a class and a literal
    r"(?:ab){e<=1}",  # fuzzy matching, which re would read as literals
    r"ab|",  # matches the empty string
    r"(?:ab)?(?:cd)?",
    r"(?=ab)\w+",  # a lookahead is no text of the match
    r"\d+",
]


@pytest.mark.parametrize(("pattern", "starts", "needs"), DERIVED)
def test_literals_are_derived_from_the_pattern(pattern: str, starts: tuple[str, ...], needs: tuple[str, ...]) -> None:
    assert prefilter(regex.compile(pattern)) == Prefilter(starts, needs)


@pytest.mark.parametrize("pattern", UNDERIVED)
def test_nothing_is_derived_where_the_pattern_does_not_allow_it(pattern: str) -> None:
    assert prefilter(regex.compile(pattern)) == Prefilter()
    assert type(scan(pattern)) is PlainScan


def test_a_case_insensitive_pattern_is_scanned_plainly() -> None:
    assert type(scan("abc", regex.I)) is PlainScan and type(scan("abc")) is LiteralScan


# --- the scans of the extractors, on real text ---------------------------------------------------


def _scans() -> list[PlainScan]:
    """Every scan the extractors hold: module constants and the compiled milestone rules."""
    found: list[PlainScan] = []
    for info in pkgutil.iter_modules(gdparse.extract.__path__):
        module = importlib.import_module(f"gdparse.extract.{info.name}")
        found += [v for v in vars(module).values() if isinstance(v, PlainScan)]
    rules = compiled()
    found += [s for _name, s in rules.directions] + [s for _r, s, _g in rules.times]
    found += [s for _name, s in rules.exclusions] + [rules.number_word_scan, budgets._compiled()[1]]
    found += [rules.level_verb, rules.condition, rules.condition_blocker, rules.reference, rules.number_word_cue]
    found += [s for _name, s in rules.comparators] + [s for _suffix, s in rules.per_period]
    found += list(link._reference_scans())
    return list({id(s): s for s in found}.values())


SCANS = _scans()
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "seeds").glob("*.txt"))]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "phenomena").glob("*.txt"))]


def _spans(found) -> list[tuple[int, int, tuple]]:
    return [(*m.span(), m.groups()) for m in found]


def test_the_extractors_scan_through_the_engine() -> None:
    # A scan the derivation can speed up, for every kind of hint the data files once carried.
    assert sum(isinstance(s, LiteralScan) and bool(s.literals.starts) for s in SCANS) >= 10
    assert sum(isinstance(s, LiteralScan) and bool(s.literals.needs) for s in SCANS) >= 20
    assert sum(isinstance(s, LiteralScan) and s.literals.line_start for s in SCANS) >= 5


@pytest.mark.parametrize("index", range(len(SCANS)), ids=[s.pattern.pattern[:40] for s in SCANS])
def test_each_scan_finds_what_the_plain_scan_finds(index: int) -> None:
    fast = SCANS[index]
    plain = PlainScan(fast.pattern)
    rng = random.Random(index)
    for text in TEXTS:
        for variant in (text, fold(text)):
            assert _spans(fast.finditer(variant)) == _spans(plain.finditer(variant))
            for _ in range(8):  # random windows: lookarounds see past their ends
                start = rng.randrange(len(variant) + 1)
                end = rng.randrange(start, min(len(variant), start + 3000) + 1)
                assert _spans(fast.finditer(variant, start, end)) == _spans(plain.finditer(variant, start, end))
                first = fast.search(variant, start, end)
                assert (first and first.span()) == next((m.span() for m in plain.finditer(variant, start, end)), None)


# --- random patterns and texts: a derived literal never drops a match -------------------------------

_ALPHABET = "ab/-.xyz 1\n\n"
_literal = st.sampled_from(["a", "b", "ab", "ba", "/", "-", "xyz", "x", "1", " ", r"\.", r"\n"])
_atom = st.one_of(_literal, st.sampled_from([r"\d", r"\s", r"\w", ".", "[ab]", "[/-]", "[^a]", r"\p{L}", "[a-c]"]))


def _patterns() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=1, max_size=4).map("".join),
            st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            st.tuples(inner, st.sampled_from(["?", "*", "+", "{0,2}", "{2}", "*+", "??", "{1,3}"])).map(
                lambda p: f"(?:{p[0]}){p[1]}"),
            inner.map(lambda p: f"({p})"),
            inner.map(lambda p: f"(?>{p})"),
            st.tuples(st.sampled_from(["(?=", "(?!", "(?<=", "(?<!"]), inner).map(lambda p: f"{p[0]}{p[1]})"),
            st.sampled_from([r"\b", "^", "$", r"(?m:^)"]),
        )

    return st.recursive(_atom, extend, max_leaves=8)


def _starts_with(text: str, m: regex.Match[str], literal: str) -> bool:
    """Whether a match starts with a derived start literal (a line start, then text, or text)."""
    if literal.startswith(LINE_START):
        return text[m.start() - 1 : m.start()] in ("", "\n") and m.group().startswith(literal[1:])
    return m.group().startswith(literal)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_patterns(), _patterns().map(lambda p: "(?m)^" + p)), st.text(alphabet=_ALPHABET, max_size=40),
       st.integers(0, 40), st.integers(0, 40))
def test_derived_literals_never_rule_out_a_match(source: str, text: str, start: int, length: int) -> None:
    try:
        pattern = regex.compile(source)
    except regex.error:
        assume(False)
        return
    start = min(start, len(text))
    end = min(len(text), start + length)
    matches = list(pattern.finditer(text, start, end))
    starts, needs, line_start = derive(pattern)
    for m in matches:
        assert starts is None or any(_starts_with(text, m, literal) for literal in starts), (source, text, m)
        assert needs is None or any(n in m.group() for n in needs), (source, text, m)
        assert not line_start or (m.end() > m.start() and text[m.start() - 1 : m.start()] in ("", "\n"))
    # The accelerated scan, with every derived literal (not only those worth a search), finds the
    # same, on short spans and as on long ones.
    literals = Prefilter(tuple(sorted(starts or ())), tuple(sorted(needs or ())), line_start)
    for long_span in (matching.LONG_SPAN, 0):
        matching.LONG_SPAN = long_span
        try:
            assert _spans(LiteralScan(pattern, literals).finditer(text, start, end)) == _spans(matches)
            assert _spans(matching.scan(pattern).finditer(text, start, end)) == _spans(matches)
        finally:
            matching.LONG_SPAN = LONG_SPAN


@pytest.mark.parametrize(("pattern", "text"), [
    (r"(?m)^a\n", "a\na\nb\na\n"),  # a match that takes its line break: the next line starts right after it
    (r"(?m)^\w+\s*", "ab\n\ncd ef\n x\ny"),  # blank lines and a leading space
    (r"(?m)^[ab]+$", "ab\nba\n\nxab\nab"),
])
@pytest.mark.parametrize("start", [0, 1, 2, 3])
def test_line_scans_find_every_line_match(monkeypatch: pytest.MonkeyPatch, pattern: str, text: str, start: int) -> None:
    monkeypatch.setattr(matching, "LONG_SPAN", 0)
    compiled_pattern = regex.compile(pattern)
    assert prefilter(compiled_pattern).line_start
    expected = _spans(compiled_pattern.finditer(text, start))
    assert expected and _spans(scan(compiled_pattern).finditer(text, start)) == expected
