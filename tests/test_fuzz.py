"""Mutation fuzzing of the seeds: no crash (only typed errors), spans inside the text, leaves
tiling the text, lossless JSON, and the deadline. CI runs a bounded number of cases; the long
campaign is ``python bench/fuzz_campaign.py --cases 5000``."""

from __future__ import annotations

import random

import pytest

import gdparse
from gdparse.errors import GdparseError
from gdparse.model import PlanDocument
from gdparse.pipeline import parse_raw
from gdparse.read import read_bytes
from tests.conftest import SEED_IDS, seed_path
from tests.fuzzing import mutate, mutate_bytes
from tests.test_model import spanned_items
from tests.test_segment import leaves_tile

CASES_PER_SEED = 8
DEADLINE = 30.0


def check(doc: PlanDocument) -> None:
    n = len(doc.text)
    for name, item in spanned_items(doc):
        assert 0 <= item.start <= item.end <= n, (name, item)
    assert leaves_tile(doc)
    assert PlanDocument.model_validate_json(doc.model_dump_json()) == doc


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("case", range(CASES_PER_SEED))
def test_text_mutations(seed_id: str, case: int) -> None:
    rng = random.Random(f"{seed_id}-{case}")
    text = mutate(seed_path(seed_id).read_text(encoding="utf-8"), rng, steps=rng.randint(1, 6))
    try:
        doc = gdparse.parse_text(text, deadline=DEADLINE)
    except GdparseError as exc:  # a typed error naming the cause is an acceptable outcome
        assert exc.cause and "Deadline" not in type(exc).__name__
        return
    check(doc)


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("case", range(3))
def test_byte_mutations(seed_id: str, case: int) -> None:
    rng = random.Random(f"bytes-{seed_id}-{case}")
    data = mutate_bytes(seed_path(seed_id).read_bytes(), rng)
    try:
        doc = parse_raw(read_bytes(data, "fuzz.txt"), deadline=DEADLINE)
    except GdparseError as exc:
        assert exc.path == "fuzz.txt" and exc.cause
        return
    check(doc)
