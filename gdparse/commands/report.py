"""``gdparse report PATH… -o report.html``: one self-contained HTML page comparing plans."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gdparse.batch import write_atomic
from gdparse.commands.corpus_input import load_corpus


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="write one self-contained HTML report comparing plans")
    p.add_argument("paths", nargs="+", metavar="PATH", help="plan files, folders, or .json/.jsonl of parsed plans")
    p.add_argument("-o", "--output", default="report.html", metavar="FILE", help="HTML file (default: report.html)")
    p.add_argument("--year", type=int, default=2030, help="milestone year compared with the national strategy")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gdparse.report import render

    corpus = load_corpus(args.paths, args.command)
    if corpus is None:
        return 1
    if not len(corpus):
        print("gdparse report: no plan could be read", file=sys.stderr)
        return 2 if not corpus.failures else 1
    out = Path(args.output)
    write_atomic(out, render(corpus, year=args.year))
    print(f"gdparse: report on {len(corpus)} plan(s) in {out}")
    return 1 if corpus.failures else 0
