"""The fast paths of segmentation give the answers of the plain definitions they replace."""

from __future__ import annotations

import random
from pathlib import Path

import regex

from gdparse.knowledge.layout import layout_rules
from gdparse.lines import LINE_KINDS, _reference_markers, folded_whole
from gdparse.normalize import SUPERSCRIPT_DIGITS, normalize
from gdparse.rules import KIND_PREFIX, line_is, line_kinds
from gdparse.vietnamese import fold, fold_slice

SEEDS = sorted(Path(__file__).parent.parent.joinpath("corpora", "seeds").glob("*.txt"))


def _seed_lines() -> list[str]:
    lines = [ln for p in SEEDS for ln in normalize(p.read_text(encoding="utf-8")).text.split("\n") if ln.strip()]
    examples = [ex for rule in layout_rules().line_kinds.values() for ex in rule.examples]
    return lines + examples + [ex.upper() for ex in examples] + [ex.lower() for ex in examples]


def test_line_kinds_agree_with_line_is() -> None:
    for line in _seed_lines():
        folded = fold(line).strip()
        assert line_kinds(LINE_KINDS, line, folded) == {k for k in LINE_KINDS if line_is(k, line, folded)}


def test_each_layout_pattern_alone_agrees_with_the_prefix_dispatch() -> None:
    # Where a pattern matches a line, the line's first characters alone are a partial match of it.
    patterns = [regex.compile(p) for rule in layout_rules().line_kinds.values() for p in rule.patterns]
    for line in _seed_lines():
        folded = fold(line).strip()
        for pattern in patterns:
            if pattern.match(folded):
                assert pattern.match(folded[:KIND_PREFIX], partial=True)
                assert pattern.match(folded[0], partial=True)


def test_fold_slice_of_headings_equals_fold_of_the_slice() -> None:
    rng = random.Random(7)
    for p in SEEDS:
        text = normalize(p.read_text(encoding="utf-8")).text
        folded = folded_whole(text)
        for _ in range(300):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randrange(1, 80))
            assert fold_slice(text, folded, start, end) == fold(text[start:end])
    for tricky in ("Hoà\nqoà THUỶ (hoà):x-uỷ", "Hoà\nqoà ΣΑΣ hoà:x"):  # the second has a sigma: no slicing
        for start in range(len(tricky)):
            for end in range(start, len(tricky) + 1):
                assert fold_slice(tricky, folded_whole(tricky), start, end) == fold(tricky[start:end])


def test_reference_markers_equal_the_regex() -> None:
    pattern = regex.compile(rf"(?<=\S)[{SUPERSCRIPT_DIGITS}]+")
    rng = random.Random(3)
    alphabet = SUPERSCRIPT_DIGITS[:3] + " a\n\t\u3000"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert _reference_markers(text) == [m.span() for m in pattern.finditer(text)]
