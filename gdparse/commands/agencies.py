"""``gdparse agencies PATH…``: one row per responsibility (agency, role, objectives/targets, task).
``gdparse agencies --registry``: the agency registry, with successors after the 2025 restructuring."""

from __future__ import annotations

import argparse
import json
import sys

from gdparse.batch import expand_inputs, parse_many
from gdparse.knowledge.agencies import agencies, successor_of
from gdparse.terminal import warn


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("agencies", help="who is responsible for what, or the agency registry")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    p.add_argument("--registry", action="store_true", help="print the agency registry instead")
    p.add_argument("--json", action="store_true", help="one JSON object per row")
    p.set_defaults(func=run)



def _registry(as_json: bool) -> int:
    for entry in agencies().values():
        successor, chain = successor_of(entry.id)
        row = {"id": entry.id, "name": entry.name, "type": entry.type, "level": entry.level,
               "collective": entry.collective, "aliases": list(entry.aliases),
               "successor": successor if chain else None,
               "since": chain[-1].date.isoformat() if chain else None}
        if as_json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            mapped = f"\t-> {successor} ({row['since']})" if chain else ""
            print(f"{entry.id}\t{entry.type}\t{entry.level}\t{entry.name}{mapped}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.registry:
        return _registry(args.json)
    if not args.paths:
        print("gdparse agencies: give PATH… or --registry", file=sys.stderr)
        return 2
    status = 0
    files = expand_inputs(args.paths, report=sys.stderr)
    for path, doc, cause in parse_many(files, progress=False):
        if doc is None:
            warn(f"{path}: {cause}")
            status = 1
            continue
        names = {a.id: a.name for a in doc.agencies}
        for r in doc.responsibilities:
            refs = ",".join(r.objective_ids + r.target_ids)
            if args.json:
                print(json.dumps({"path": str(path), **r.model_dump(mode="json"), "agency": names.get(r.agency_id),
                                  "quote": doc.quote(r)}, ensure_ascii=False))
            else:
                flag = " (đề nghị)" if r.requested else ""
                task = " ".join(doc.quote(r).split())[:120]
                print(f"{path}\t{r.agency_id}\t{r.role}{flag}\t{refs}\t{task}")
    return status
