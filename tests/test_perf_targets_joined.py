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
