"""``gdparse compare PATH… -o DIR``: comparison tables (CSV, Parquet), documents (JSON Lines)
and the responsibility graph (GraphML, node-link JSON) for other tools; or ``--diff OLD NEW``."""

from __future__ import annotations

import argparse
import sys

from gdparse.commands.corpus_input import load_corpus


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("compare", help="export comparison tables and the responsibility graph")
    p.add_argument("paths", nargs="+", metavar="PATH", help="plan files, folders, or .json/.jsonl of parsed plans")
    p.add_argument("-o", "--output", default="out/compare", metavar="DIR", help="output folder")
    p.add_argument("--format", action="append", choices=("csv", "parquet"), help="table format (repeatable; "
                   "default both)")
    p.add_argument("--as-written", action="store_true", help="keep predecessor agencies instead of mapping "
                   "them to their successors")
    p.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help="print the diff of two plans (id, id prefix "
                   "such as 000, or label) instead of exporting")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from gdparse.export import export_corpus

    corpus = load_corpus(args.paths, args.command)
    if corpus is None:
        return 1
    if args.diff:
        try:
            print(corpus.diff(*args.diff, map_successors=not args.as_written).summary())
        except KeyError as exc:
            print(f"gdparse compare: {exc.args[0]}", file=sys.stderr)
            return 2
        return 0
    written = export_corpus(corpus, args.output, args.format or ("csv", "parquet"), not args.as_written)
    for kind, paths in written.items():
        print(f"{kind}: {len(paths)} file(s) in {paths[0].parent}")
    return 1 if corpus.failures else 0
