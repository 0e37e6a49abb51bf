"""``gdparse parse PATH… [-o DIR] [--format json|jsonl]``: parse files and folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gdparse.batch import expand_inputs, parse_many, safe_name, write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("parse", help="parse plan documents into JSON")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: print to stdout)")
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one file per document; jsonl: one line per document",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    files = expand_inputs(args.paths)
    if not files:
        print("gdparse parse: no input files found", file=sys.stderr)
        return 2
    out = Path(args.output) if args.output else None
    failed = 0
    lines: list[str] = []
    for path, doc, cause in parse_many(files, progress=not args.no_progress):
        if doc is None:
            failed += 1
            print(f"{path}: {cause}", file=sys.stderr)
            continue
        if args.format == "jsonl":
            lines.append(doc.model_dump_json())
        elif out is None:
            sys.stdout.write(doc.model_dump_json(indent=1) + "\n")
        else:
            write_atomic(out / safe_name(path, ".json"), doc.model_dump_json(indent=1))
    if args.format == "jsonl":
        data = "".join(line + "\n" for line in lines)
        if out is None:
            sys.stdout.write(data)
        else:
            write_atomic(out / "documents.jsonl", data)
    if out is not None:
        print(f"wrote {len(files) - failed} document(s) to {out}/", file=sys.stderr)
    return 1 if failed else 0
