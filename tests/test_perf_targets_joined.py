"""Spans scanned joined (gdparse.extract.joined) find what scans of each span find."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gdparse.extract.joined import SEP, Joined
from gdparse.extract.milestones import milestone_fields, milestone_fields_of_spans
from gdparse.extract.quantities import NUMBER
from gdparse.extract.rules import compiled
from gdparse.vietnamese import fold

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpora" / "seeds").glob("*.txt"))


def _joined_patterns() -> list[regex.Pattern[str]]:
    rules = compiled()
    return [pat for _r, pat in rules.times] + [pat for _n, pat in rules.exclusions] + [
        rules.reference, NUMBER, rules.number_word]


# A lookbehind of one character; escapes; what could take or see the separator as no end does.
_LOOKBEHIND = regex.compile(r"\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\p\{L\}|\\d|[^\\()\[])\)")
_ESCAPE = regex.compile(r"\\.")
_CLASS = regex.compile(r"\[(?!\^)[^\]]*\]")
_RISKY = regex.compile(r"\[|\.|\^|\$|\(\?<[!=]")
_RISKY_ESCAPE = regex.compile(r"\\[WSDPBbAZz]")


@pytest.mark.parametrize("pattern", _joined_patterns(), ids=lambda p: p.pattern[:30])
def test_joined_patterns_neither_take_nor_see_the_separator(pattern: regex.Pattern[str]) -> None:
    source = pattern.pattern
    assert not _RISKY_ESCAPE.search(source)
    rest = _CLASS.sub("", _ESCAPE.sub("", _LOOKBEHIND.sub("", source)))  # a class left: a negated one
    assert not _RISKY.search(rest), source
    assert not pattern.search(SEP) and not pattern.flags & regex.DOTALL


def _random_spans(rng: random.Random, size: int) -> list[tuple[int, int]]:
    spans = []
    pos = rng.randrange(0, 50)
    while pos < size and len(spans) < 40:
        end = min(size, pos + rng.randrange(0, 400))
        spans.append((pos, end))
        pos = max(0, end + rng.choice([-20, -1, 0, 0, 1, 2, 30, 200]))  # overlapping, adjacent, apart
    return spans


def _per_span(scan, folded: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in scan(folded, s, e)] for s, e in spans]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_joined_scans_find_what_span_scans_find(seed: Path) -> None:
    folded = fold(seed.read_text(encoding="utf-8"))
    rules = compiled()
    scans = [pat.finditer for _r, pat in rules.times] + [ss.matches for ss in rules.time_starts if ss]
    scans += [pat.finditer for _n, pat in rules.exclusions] + [ss.matches for ss in rules.exclusion_stretches if ss]
    scans += [rules.reference.finditer, NUMBER.finditer]
    rng = random.Random(seed.name)
    for _ in range(20):
        spans = _random_spans(rng, len(folded))
        joined = Joined(folded, spans)
        for scan in scans:
            got = [[(s, e) for s, e, _m in found] for found in joined.scan(scan, folded)]
            assert got == _per_span(scan, folded, spans)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_milestones_of_spans_are_those_of_each_span(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    folded = fold(text)
    rng = random.Random(seed.name)
    for _ in range(15):
        spans = _random_spans(rng, len(text))
        flags = [rng.random() < 0.5 for _ in spans]
        assert milestone_fields_of_spans(text, folded, spans, flags) == [
            milestone_fields(text, folded, s, e, timeless=flag) for (s, e), flag in zip(spans, flags)]


_PIECES = ["5", "12", "2025", "2011 - 2015", "/", "15/12/2024", "948/QĐ-UBND", "tuổi", " ", "\n", ";", ".", ",",
           "%", "năm", "đến năm 2030", "hằng năm", "một", "hai cơ sở", "ít nhất", "từ 23", " xuống 18", "(TW 80)",
           "tỷ đồng", "giảm", "Chỉ tiêu 2:", "số 60", "ngày", "8 giờ 30 ngày", "so với năm 2010", "a", "Đạt", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), st.lists(st.integers(0, 200), max_size=12),
       st.lists(st.booleans(), min_size=12, max_size=12))
def test_milestones_of_spans_on_made_up_texts(pieces: list[str], cuts: list[int], flags: list[bool]) -> None:
    text = "".join(pieces)
    folded = fold(text)
    points = sorted(min(c, len(text)) for c in cuts)
    spans = list(zip(points[::2], points[1::2]))
    flags = flags[: len(spans)]
    assert milestone_fields_of_spans(text, folded, spans, flags) == [
        milestone_fields(text, folded, s, e, timeless=flag) for (s, e), flag in zip(spans, flags)]


def _plain_scan(text: str, folded: str) -> list:
    """lines.scan as a find per line, every line through the numbering pattern and _classify."""
    from gdparse.extract.lines import _NUMBERING, Line, _classify, _scheme, _table_line

    out, pos = [], 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        start, raw, pos = pos, text[pos:end], end + 1
        if "\t" in raw:
            line = _table_line(text, folded, start, end)
            out += [line] if line is not None else []
            continue
        cstart = start + len(raw) - len(raw.lstrip(" \t"))
        numbering = _NUMBERING.match(text, cstart, end)
        scheme = _scheme(numbering) if numbering else None
        if numbering:
            cstart = numbering.end()
            while cstart < end and text[cstart] in " \t":
                cstart += 1
        cend = start + len(raw.rstrip(" \t"))
        if cend <= cstart:
            continue
        kind, label_end, number = _classify(folded, cstart, cend)
        if kind != "blank":
            out.append(Line(start, end, cstart, cend, scheme, kind, label_end, number, False))
    return out


_LINE_PIECES = ["- ", "+ ", "a) ", "1. ", "II. ", "  ", "\t", "\n", "\n\n", "Chỉ tiêu 2: ", "Mục tiêu cụ thể:",
                "các mục tiêu", "đạt 50%", "Tỷ lệ", " ", "x", "• ", "– ", "I", "3", "ĐẢNG", "\n  \n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=60), st.sampled_from([1, 7, 1 << 16]))
def test_scan_is_the_plain_scan(pieces: list[str], block: int) -> None:
    from gdparse.extract import lines

    text = "".join(pieces)
    folded = fold(text)
    saved, lines._BLOCK_CHARS = lines._BLOCK_CHARS, block
    try:
        assert lines.scan(text, folded) == _plain_scan(text, folded)
    finally:
        lines._BLOCK_CHARS = saved


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_scan_of_seeds_is_the_plain_scan(seed: Path) -> None:
    from gdparse.extract import lines

    text = seed.read_text(encoding="utf-8")
    folded = fold(text)
    assert lines.scan(text, folded) == _plain_scan(text, folded)
    saved, lines._BLOCK_CHARS = lines._BLOCK_CHARS, 500
    try:
        assert lines.scan(text, folded) == _plain_scan(text, folded)
    finally:
        lines._BLOCK_CHARS = saved
