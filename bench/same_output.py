"""Check that a change leaves gdparse's output unchanged, document for document.

    python bench/same_output.py --save /tmp/before.json     # before the change
    python bench/same_output.py --check /tmp/before.json    # after: lists every case that differs
    python bench/same_output.py --check /tmp/before.json --show 003-m17   # and diffs one case

The cases: the five seeds as text, Markdown-free HTML and CRLF files, plus ``--mutants``
mutated copies of each (lines deleted, duplicated, swapped, noise injected, NFD, mojibake: the
mutations of tests/fuzzing.py, fixed by a seed so both runs see the same inputs). Each case is
recorded as the SHA-256 of its JSON (or the typed error it raised).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gdparse  # noqa: E402
from gdparse.errors import GdparseError  # noqa: E402
from tests.fuzzing import mutate  # noqa: E402

SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))


def cases(mutants: int) -> dict[str, tuple[str, str]]:
    """Case id -> (text, format)."""
    out: dict[str, tuple[str, str]] = {}
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        sid = seed.name[:3]
        out[sid] = (text, "txt")
        out[f"{sid}-crlf"] = (text.replace("\n", "\r\n"), "txt")
        out[f"{sid}-html"] = ("<html><body>" + "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
                              + "</body></html>", "html")
        for i in range(mutants):
            rng = random.Random(f"same-output-{sid}-{i}")
            out[f"{sid}-m{i}"] = (mutate(text, rng, steps=rng.randint(1, 6)), "txt")
    return out


def render(text: str, fmt: str) -> str:
    try:
        doc = gdparse.parse_text(text, path=f"case.{fmt}", format=fmt)
    except GdparseError as exc:
        return f"error {type(exc).__name__}: {exc}"
    return json.dumps(json.loads(doc.model_dump_json()), ensure_ascii=False, indent=1, sort_keys=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprints of every case here")
    group.add_argument("--check", type=Path, help="compare with fingerprints saved before")
    parser.add_argument("--mutants", type=int, default=40, help="mutated copies per seed (default 40)")
    parser.add_argument("--show", help="print a diff of this case against the saved output")
    args = parser.parse_args()
    all_cases = cases(args.mutants)
    outputs = {cid: render(text, fmt) for cid, (text, fmt) in all_cases.items()}
    prints = {cid: hashlib.sha256(out.encode()).hexdigest() for cid, out in outputs.items()}
    if args.save:
        args.save.write_text(json.dumps({"prints": prints, "outputs": outputs}, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(prints)} cases to {args.save}")
        return 0
    saved = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [cid for cid in prints if saved["prints"].get(cid) != prints[cid]]
    for cid in differ:
        print(f"differs: {cid}")
    if args.show:
        before = saved["outputs"].get(args.show, "").splitlines()
        after = outputs.get(args.show, "").splitlines()
        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(before, after, "before", "after", n=2))
    print(f"{len(prints) - len(differ)} of {len(prints)} cases identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
