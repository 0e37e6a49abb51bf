"""``gdparse citations PATH…``: every citation of each document (one per line, or JSON lines)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gdparse.errors import GdparseError
from gdparse.pipeline import parse

_SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("citations", help="list the documents each plan cites, with their keys")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per citation")
    p.add_argument("--legal-basis", action="store_true", help="only the legal basis")
    p.set_defaults(func=run)


def _files(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _SUFFIXES and "gold" not in f.parts)
        else:
            out.append(p)
    return out


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in _files(args.paths):
        try:
            doc = parse(path)
        except GdparseError as exc:
            print(f"{path}: {exc.cause}", file=sys.stderr)
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
