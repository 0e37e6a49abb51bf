"""A long fuzzing campaign over the seeds: ``python bench/fuzz_campaign.py --cases 5000 [--seed 1]``.

Reports how many cases ran, how many ended in a typed error (acceptable), and every crash,
broken invariant or deadline overrun with the seed that reproduces it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gdparse  # noqa: E402
from gdparse.errors import DeadlineExceededError, GdparseError  # noqa: E402
from tests.fuzzing import mutate  # noqa: E402
from tests.test_fuzz import check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--deadline", type=float, default=30.0)
    args = parser.parse_args()
    seeds = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    typed = failures = 0
    start = time.time()
    for case in range(args.cases):
        key = f"{args.seed}-{case}"
        rng = random.Random(key)
        text = mutate(texts[case % len(texts)], rng, steps=rng.randint(1, 8))
        try:
            check(gdparse.parse_text(text, deadline=args.deadline))
        except DeadlineExceededError as exc:
            failures += 1
            print(f"case {key}: deadline: {exc}")
        except GdparseError:
            typed += 1
        except Exception as exc:  # noqa: BLE001 - a campaign reports every failure and goes on
            failures += 1
            print(f"case {key}: {type(exc).__name__}: {exc}")
    print(f"{args.cases} cases in {time.time() - start:.0f} s: {typed} typed errors, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
