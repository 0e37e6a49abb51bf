"""Patterns skipped or narrowed by the words they need find what the plain scans find."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from gdparse.extract.budgets import _compiled, money_matches
from gdparse.extract.quantities import number_words_in
from gdparse.extract.rules import compiled
from gdparse.knowledge.budgets import budget_rules
from gdparse.knowledge.milestones import patterns_file
from gdparse.vietnamese import fold

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpora" / "seeds").glob("*.txt"))
_AMOUNTS = ["5 tỷ 800 triệu đồng", "150.000.000 đồng", "1.000 vnđ", "12 tỷ lệ 3 đồng", "3 tỷ  trọng 5 đồng",
            "7 đồngchí", "tỷ đồng 5 tỷ", "2,5 triệu\n đồng", "đồng 4 đồng", "99 nghìn tỷ đồng", "8 VND", "4,5 vnd."]


def _needing_rules():
    p = patterns_file()
    return [r for r in (*p.times, *p.exclusions) if r.needs]


@pytest.mark.parametrize("rule", _needing_rules(), ids=lambda r: r.name)
def test_needed_words_are_in_pattern_and_examples(rule) -> None:
    for need in rule.needs:
        assert need in rule.pattern
    for example in rule.examples:
        assert any(need in fold(example) for need in rule.needs), example


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_no_match_without_a_needed_word(seed: Path) -> None:
    """Windows of a plan that lack every needed word of a pattern hold no match of it."""
    folded = fold(seed.read_text(encoding="utf-8"))
    rules = compiled()
    patterns = [(pat, needs) for _r, pat, _g, needs in rules.times_with_groups]
    patterns += [(pat, needs) for (_n, pat), needs in zip(rules.exclusions, rules.exclusion_needs)]
    rng = random.Random(seed.name)
    for _ in range(300):
        s = rng.randrange(len(folded))
        e = min(len(folded), s + rng.randrange(1, 300))
        piece = folded[s:e]
        for pattern, needs in patterns:
            if needs and not any(need in piece for need in needs):
                assert pattern.search(folded, s, e) is None, (pattern.pattern, piece)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_money_stretches_find_what_the_whole_scan_finds(seed: Path) -> None:
    folded = fold(seed.read_text(encoding="utf-8"))
    money = _compiled()[1]
    rng = random.Random(seed.name)
    variants = [folded]
    for _ in range(200):
        i = rng.randrange(len(folded))
        variants.append(folded[:i] + rng.choice(["", " ", "x"]) + fold(rng.choice(_AMOUNTS))
                        + rng.choice(["", " ", "x", ".", "%"]) + folded[i:])
    for text in variants:
        assert [m.span() for m in money_matches(text)] == [m.span() for m in money.finditer(text)]


def test_money_examples_hold_needed_words_and_characters() -> None:
    rule = budget_rules().money
    chars = regex.compile(f"{rule.chars}*")
    for example in rule.examples:
        m = regex.compile(rule.pattern).search(fold(example))
        assert m is not None and chars.fullmatch(m.group())
        assert any(need in m.group() for need in rule.needs)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_number_words_by_string_search(seed: Path) -> None:
    folded = fold(seed.read_text(encoding="utf-8")) + " ba một hai.năm mười bốnx xba sáu, tám"
    pattern = compiled().number_word
    rng = random.Random(seed.name)
    for _ in range(2000):
        s = rng.randrange(len(folded))
        e = min(len(folded), s + rng.randrange(0, 400))
        assert number_words_in(folded, s, e) == [(*m.span(), m.group()) for m in pattern.finditer(folded, s, e)]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_exclusion_stretches_find_what_the_span_scan_finds(seed: Path) -> None:
    rules = compiled()
    narrowed = [(pat, scan) for (_n, pat), scan in zip(rules.exclusions, rules.exclusion_stretches) if scan]
    assert narrowed
    folded = fold(seed.read_text(encoding="utf-8"))
    rng = random.Random(seed.name)
    for _ in range(300):
        i = rng.randrange(len(folded))
        text = folded[:i] + rng.choice(["", " ", "x"]) + fold(rng.choice(_AMOUNTS)) + rng.choice(["", " x", "%"]) + folded[i:]
        s = max(0, i - rng.randrange(0, 200))
        e = min(len(text), i + rng.randrange(0, 200))
        for pattern, scan in narrowed:
            assert [m.span() for m in scan.matches(text, s, e)] == [m.span() for m in pattern.finditer(text, s, e)]


def test_exclusion_examples_hold_only_their_characters() -> None:
    for rule in patterns_file().exclusions:
        if rule.chars:
            chars = regex.compile(f"{rule.chars}*")
            for example in rule.examples:
                m = regex.compile(rule.pattern).search(fold(example))
                assert m is not None and chars.fullmatch(m.group())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_no_direction_cue_without_its_first_word(seed: Path) -> None:
    folded = fold(seed.read_text(encoding="utf-8"))
    rules = compiled()
    rng = random.Random(seed.name)
    for _ in range(500):
        s = rng.randrange(len(folded))
        window = folded[s : s + rng.randrange(1, 300)]
        for (_name, cue), needs in zip(rules.directions, rules.direction_needs):
            if cue.search(window):
                assert any(need in window for need in needs)
