"""Golden outline per seed. Regenerate on purpose with ``pytest --regen-golden`` (or
GDPARSE_REGEN_GOLDEN=1): the run rewrites tests/golden/ and then fails, so the flag cannot be
left on by accident."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdparse.outline import outline
from tests.conftest import SEED_IDS, parsed

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_outline_matches_golden(seed_id: str, regen_golden: bool) -> None:
    current = outline(parsed(seed_id), width=120) + "\n"
    golden = GOLDEN / f"{seed_id}.outline.txt"
    if regen_golden:
        golden.write_text(current, encoding="utf-8")
        pytest.fail(f"regenerated {golden.name}; run again without --regen-golden / GDPARSE_REGEN_GOLDEN")
    assert golden.exists(), f"no golden file {golden}: run pytest --regen-golden once"
    assert current == golden.read_text(encoding="utf-8")
