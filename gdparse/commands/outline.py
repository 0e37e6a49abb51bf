"""``gdparse outline FILE``: the section tree with kinds, like ``tree``."""

from __future__ import annotations

import argparse
import sys

from gdparse.errors import GdparseError
from gdparse.outline import outline
from gdparse.pipeline import parse
from gdparse.terminal import warn


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("outline", help="print the section tree of a document")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--width", type=int, default=110, help="shorten lines to this width")
    p.add_argument("--leads", action="store_true", help="also show the lead leaves")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        doc = parse(args.file)
    except GdparseError as exc:
        warn(f"{args.file}: {exc.cause}")
        return 1
    print(outline(doc, width=args.width, show_leads=args.leads))
    for w in doc.warnings:
        if w.stage in ("read", "segment"):
            print(f"warning [{w.code}]: {w.message}", file=sys.stderr)
    return 0
