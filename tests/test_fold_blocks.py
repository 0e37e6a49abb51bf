"""Folding a huge text block by block gives the fold of the whole text."""

from __future__ import annotations

import pytest

import gdparse.vietnamese as vietnamese
from tests.conftest import SEED_IDS, seed_path


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("block", [50, 333, 4096])
def test_blocks_fold_like_the_whole(seed_id: str, block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = seed_path(seed_id).read_text(encoding="utf-8")
    monkeypatch.setattr(vietnamese, "FOLD_BLOCK_CHARS", block)
    assert vietnamese.fold(text) == vietnamese._fold(text)


@pytest.mark.parametrize("odd", ["İstanbul\n", "ΟΔΟΣ\n", "HOÀ BÌNH\nthuỷ lợi\n", "ＡＢＣ\n"])
def test_blocks_with_context_dependent_letters(odd: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = odd + seed_path("000").read_text(encoding="utf-8")[:20000] + "\n" + odd
    monkeypatch.setattr(vietnamese, "FOLD_BLOCK_CHARS", 100)
    assert vietnamese.fold(text) == vietnamese._fold(text)


def test_line_blocks_tile_the_text() -> None:
    text = "ab\ncd\n\nefg\nh"
    blocks = vietnamese.line_blocks(text, 2)
    assert "".join(text[a:b] for a, b in blocks) == text
    assert all(text[b - 1] == "\n" for _, b in blocks[:-1])
