"""``gdparse citations PATH…``: every citation of each document (one per line, or JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys

from gdparse.batch import expand_inputs, parse_many
from gdparse.terminal import warn


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("citations", help="list the documents each plan cites, with their keys")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per citation")
    p.add_argument("--legal-basis", action="store_true", help="only the legal basis")
    p.set_defaults(func=run)



def run(args: argparse.Namespace) -> int:
    status = 0
    files = expand_inputs(args.paths, report=sys.stderr)
    for path, doc, cause in parse_many(files, progress=False):
        if doc is None:
            warn(f"{path}: {cause}")
            status = 1
            continue
        for c in doc.citations:
            if args.legal_basis and not c.legal_basis:
                continue
            if args.json:
                print(json.dumps({"path": str(path), **c.model_dump(mode="json"), "quote": doc.quote(c)}, ensure_ascii=False))
            else:
                flag = "CC" if c.legal_basis else "  "
                print(f"{path}\t{flag}\t{c.key}\t{c.date or ''}\t{doc.quote(c)}")
    return status
