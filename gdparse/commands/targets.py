"""``gdparse targets PATH… [--format table|csv|json]``: one row per milestone."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from gdparse.batch import expand_inputs, parse_many
from gdparse.model import PlanDocument
from gdparse.terminal import warn

COLUMNS = ("plan", "province", "objective", "target", "indicator", "value", "unit", "comparator", "year",
           "quote")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("targets", help="list the targets of plans, one row per milestone")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=run)


def rows(doc: PlanDocument, plan: str) -> list[dict]:
    """One row per milestone; a target without milestones gives one row without a value."""
    objectives = {o.id: o for o in doc.objectives}
    out = []
    for t in doc.targets:
        obj = objectives.get(t.objective_id or "")
        objective = ("general" if obj.general else obj.number) if obj else None
        for m in t.milestones or (None,):
            value = None if m is None else m.value
            if m is not None and m.value_high is not None:
                value = f"{_fmt(m.value)}-{_fmt(m.value_high)}"
            year = None if m is None else (m.year if m.recurrence != "annual" else "annual")
            if m is not None and m.recurrence == "from_year":
                year = f"{m.year}+"
            out.append({
                "plan": plan,
                "province": doc.metadata.province,
                "objective": objective,
                "target": t.label or t.id,
                "indicator": t.indicator_id or t.indicator,
                "value": _fmt(value) if isinstance(value, float) else value,
                "unit": None if m is None else m.unit,
                "comparator": None if m is None else (
                    f"change:{m.direction}" if m.comparator == "change" else m.comparator),
                "year": year,
                "quote": doc.text[m.start:m.end] if m is not None else doc.text[t.start:t.end],
            })
    return out


def _fmt(x: float | None) -> str | None:
    if x is None:
        return None
    return str(int(x)) if float(x).is_integer() else str(x)


def run(args: argparse.Namespace) -> int:
    files = expand_inputs(args.paths, report=sys.stderr)
    if not files:
        print("no input files", file=sys.stderr)
        return 2
    all_rows: list[dict] = []
    failed = False
    for path, doc, cause in parse_many(files):
        if doc is None:
            warn(f"{path}: {cause}")
            failed = True
            continue
        all_rows.extend(rows(doc, path.name))
    if args.format == "json":
        print(json.dumps(all_rows, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(all_rows)
        sys.stdout.write(buf.getvalue())
    else:
        print(_table(all_rows))
    return 1 if failed else 0


def _table(data: list[dict], width: int = 60) -> str:
    header = list(COLUMNS)
    cells = [[("" if r[c] is None else str(r[c])).replace("\n", " ")[:width] for c in header] for r in data]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines)
