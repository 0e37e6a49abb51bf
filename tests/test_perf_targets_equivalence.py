"""The shortcuts of the target extractors give what the plain computations give."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gdparse.extract import indicators
from gdparse.vietnamese import fold, fold_slice

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpora" / "seeds").glob("*.txt"))


def _plain_match(folded: str, strategy: str | None) -> tuple[str | None, float | None]:
    """match_indicator as a search of every cue group of the catalogue."""
    best = None
    for ind, groups in indicators._compiled_cues():
        hits = sum(1 for g in groups if g.search(folded))
        if not hits:
            continue
        score = hits / len(groups)
        if strategy and ind.strategy != strategy:
            score *= indicators.OTHER_STRATEGY_PENALTY
        key = (round(score, 4), hits, ind.id)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < indicators.THRESHOLD:
        return None, None
    return best[2], best[0]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_folded_slice_is_fold_of_slice(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8") + " Quả hoà QUÝ ΟΔΟΣ Σa"
    folded = fold(text)
    rng = random.Random(seed.name)
    for _ in range(2000):
        s = rng.randrange(len(text))
        e = rng.randrange(s, min(len(text), s + 300) + 1)
        assert fold_slice(text, folded, s, e) == fold(text[s:e])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_indicator_index_matches_plain_search(seed: Path) -> None:
    folded = fold(seed.read_text(encoding="utf-8"))
    rng = random.Random(seed.name)
    for line in folded.split("\n"):
        for strategy in (None, "2011-2020", "2021-2030"):
            assert indicators.match_folded(line, strategy) == _plain_match(line, strategy)
        assert indicators.groups_found(line) == indicators.groups_found_plain(line)
    for _ in range(200):
        s = rng.randrange(len(folded))
        piece = folded[s : s + rng.randrange(1, 400)]
        assert indicators.match_folded(piece) == _plain_match(piece, None)
        assert indicators.groups_found(piece) == indicators.groups_found_plain(piece)


@pytest.mark.step_failures
def test_a_milestone_that_fails_validation_fails_the_target_step(monkeypatch) -> None:
    """Milestones are validated by pydantic for the whole document: a bad one is the step's error."""
    from gdparse import parse
    from gdparse.extract import targets

    monkeypatch.setattr(targets, "milestone_fields", lambda *a, **k: [{"start": 5, "end": 2}])
    out = parse(SEEDS[0])
    failed = [w for w in out.warnings if w.code == "stage_failed"]
    assert [w.stage for w in failed] == ["extract.targets"]
    assert "span end 2 < start 5" in failed[0].message


def _plain_heading_like(text: str, line) -> bool:
    if line.in_table:
        return False
    if line.scheme not in (None, "bullet") and line.content_end - line.content_start < 120:
        return True
    letters = [c for c in text[line.content_start:line.content_end] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 3


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_heading_like_shortcut(seed: Path) -> None:
    from gdparse.extract.targets import heading_like
    from gdparse.lines import read_lines

    text = seed.read_text(encoding="utf-8")
    rng = random.Random(seed.name)
    lines = text.split("\n")
    extra = ["", "ab", "ABCD", "ABCDe", "12 34 AB", "ⓐⓑ ABCDEFGH", "Tổ chức ĐẢNG", "ĐẠI HỘI đại biểu PHỤ NỮ"]
    for _ in range(300):
        line = rng.choice(lines)
        cut = rng.randrange(len(line) + 1)
        extra += [line.upper(), line[:cut].upper() + line[cut:], line[:cut] + line[cut:].upper()]
    text = text + "\n" + "\n".join(extra)
    for line in read_lines(text, fold(text)):
        assert heading_like(text, line) == _plain_heading_like(text, line), text[line.start:line.end]
