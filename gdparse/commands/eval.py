"""``gdparse eval [CORPUS]``: precision, recall and F1 per field against corpora/gold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gdparse.evaluation.run import evaluate, format_table, replace_marked
from gdparse.terminal import warn


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("eval", help="score the extractor against the gold annotations")
    p.add_argument(
        "corpus", nargs="?", default="corpora", help="folder with the documents and gold/ (default: corpora)"
    )
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--update-readme", metavar="README", help="rewrite the table between the eval-table markers")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not (corpus / "gold").is_dir():
        warn(f"gdparse eval: no gold/ folder in {corpus}")
        return 2
    totals, missing = evaluate(corpus)
    if args.json:
        data = {
            area: {
                f: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "kind": s.kind,
                }
                for f, s in fields.items()
            }
            for area, fields in totals.items()
        }
        print(json.dumps(data, indent=1))
    else:
        print(format_table(totals))
    if args.update_readme:
        path = Path(args.update_readme)
        path.write_text(replace_marked(path.read_text(encoding="utf-8"), format_table(totals)), encoding="utf-8")
        warn(f"updated the table in {path}")
    for area in missing:
        print(f"note: no scorer for area '{area}'", file=sys.stderr)
    return 0
