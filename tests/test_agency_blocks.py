"""Regression: agency matching in line-aligned blocks (bounded memory) finds exactly what matching
the whole text finds."""

from __future__ import annotations

import pytest

from gdparse.extract import agency_matcher
from gdparse.vietnamese import line_blocks
from tests.conftest import SEED_IDS, parsed


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_blocks_give_the_same_mentions(seed_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = parsed(seed_id).text
    whole = agency_matcher.find_mentions(text, 2020)
    monkeypatch.setattr(agency_matcher, "BLOCK_CHARS", 300)
    blocks: list[tuple[int, int]] = []

    def recorded(*args: object) -> list[tuple[int, int]]:
        blocks.extend(found := line_blocks(*args))
        return found

    monkeypatch.setattr(agency_matcher, "line_blocks", recorded)
    assert agency_matcher.find_mentions(text, 2020) == whole
    assert len(blocks) > 10  # the matcher itself read the text in many blocks
