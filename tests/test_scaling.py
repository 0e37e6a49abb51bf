"""No stage is worse than linear, and a streamed batch does not grow with its length.

Work is counted (function calls under cProfile, bytes under tracemalloc), not timed, so these
checks do not depend on the machine or its load.
"""

from __future__ import annotations

import cProfile
import pstats
import tracemalloc
from pathlib import Path

from gdparse.batch import run_batch
from gdparse.pipeline import parse_text
from tests.conftest import seed_path

SEED = seed_path("002").read_text(encoding="utf-8")


def _calls(copies: int) -> int:
    text = "\n\n".join([SEED] * copies)
    profile = cProfile.Profile()
    profile.runcall(parse_text, text)
    return pstats.Stats(profile).total_calls


def test_work_grows_linearly_with_document_size() -> None:
    parse_text(SEED)  # registries and matchers are built once, outside the count
    small, large = _calls(2), _calls(16)
    # Eight times the text: about eight times the calls. The counts are exact, so the margin is
    # small: one quadratic scan over the responsibilities found so far gave 9.7.
    assert large / small < 8 * 1.1, (small, large)


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_linearly_with_document_size() -> None:
    parse_text(SEED)
    one = _peak(lambda: parse_text(SEED))
    eight = _peak(lambda: parse_text("\n\n".join([SEED] * 8)))
    assert eight < 8 * 1.3 * one, (one, eight)
    assert eight < 200 * len(SEED.encode("utf-8")) * 8  # bytes of memory per byte of input, with room


def test_a_streamed_batch_does_not_accumulate(tmp_path: Path) -> None:
    files = []
    for i in range(16):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(SEED + f"\n\nBản sao số {i}.\n", encoding="utf-8")
        files.append(str(path))

    def consume(paths: list[str]) -> None:
        for result in run_batch(paths, jobs=1):
            assert result.ok  # then dropped, as a sink does after writing it

    consume(files[:1])  # warm caches
    few, many = _peak(lambda: consume(files[:4])), _peak(lambda: consume(files))
    assert many < 1.5 * few, (few, many)
