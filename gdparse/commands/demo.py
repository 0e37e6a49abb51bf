"""``gdparse demo [CORPUS] [-o DIR]``: the main job on a corpus folder.

Parses every plan under the folder, writes one JSON per document, a JSON Lines file and a
short summary (Markdown and CSV) into the output folder, then the comparison tables (CSV and
Parquet), the responsibility graph (GraphML, node-link JSON) and report.html, and prints where.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from gdparse.batch import expand_inputs, parse_many, safe_name, write_atomic
from gdparse.model import PlanDocument
from gdparse.terminal import warn

SUMMARY_COLUMNS = (
    "file",
    "province",
    "doc_type",
    "doc_number",
    "issued_date",
    "period",
    "sections",
    "objectives",
    "targets",
    "milestones",
    "budgets",
    "agencies",
    "responsibilities",
    "citations",
    "warnings",
)


def summary_row(path: Path, doc: PlanDocument) -> dict[str, object]:
    m = doc.metadata
    period = f"{m.period_start}-{m.period_end}" if m.period_start else ""
    return {
        "file": path.name,
        "province": m.province or "",
        "doc_type": m.doc_type or "",
        "doc_number": m.doc_number or "",
        "issued_date": m.issued_date or "",
        "period": period,
        "sections": len(doc.sections),
        "objectives": len(doc.objectives),
        "targets": len(doc.targets),
        "milestones": sum(len(t.milestones) for t in doc.targets),
        "budgets": len(doc.budgets),
        "agencies": len(doc.agencies),
        "responsibilities": len(doc.responsibilities),
        "citations": len(doc.citations),
        "warnings": len(doc.warnings),
    }


def summary_markdown(rows: list[dict[str, object]], failures: list[tuple[Path, str]]) -> str:
    out = ["# gdparse corpus summary", "", f"{len(rows)} document(s) parsed, {len(failures)} failed.", ""]
    out.append("| " + " | ".join(SUMMARY_COLUMNS) + " |")
    out.append("|" + "---|" * len(SUMMARY_COLUMNS))
    for row in rows:
        out.append("| " + " | ".join(str(row[c]) for c in SUMMARY_COLUMNS) + " |")
    for path, cause in failures:
        out.append(f"\n- failed: `{path}`: {cause}")
    return "\n".join(out) + "\n"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="parse a corpus folder and write outputs and a summary")
    p.add_argument("corpus", nargs="?", default="corpora", help="corpus folder (default: corpora)")
    p.add_argument("-o", "--output", default="out", metavar="DIR", help="output folder (default: out)")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus, out = Path(args.corpus), Path(args.output)
    files = expand_inputs([corpus], report=sys.stderr)  # gold annotations are JSON: not plans
    if not files:
        warn(f"gdparse demo: no documents under {corpus}")
        return 2
    rows, failures, docs = [], [], []
    for path, doc, cause in parse_many(files, progress=not args.no_progress):
        if doc is None:
            failures.append((path, cause or "unknown error"))
            warn(f"{path}: {cause}")
            continue
        docs.append(doc)
        rows.append(summary_row(path, doc))
        write_atomic(out / "json" / safe_name(path, ".json"), doc.model_dump_json(indent=1))
    write_atomic(out / "documents.jsonl", "".join(d.model_dump_json() + "\n" for d in docs))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(out / "summary.csv", buffer.getvalue())
    summary = summary_markdown(rows, failures)
    write_atomic(out / "summary.md", summary)
    print(summary)
    print(f"gdparse: parsed {len(docs)} of {len(files)} document(s); outputs in {out.resolve()}/")
    print(f"  {out}/json/*.json  one document each;  {out}/documents.jsonl;  {out}/summary.md, summary.csv")
    if docs:
        print(comparison_outputs(docs, out))
    return 1 if failures else 0


def comparison_outputs(docs: list[PlanDocument], out: Path) -> str:
    """Tables, graph and report of the corpus; a note instead when the compare extra is missing."""
    try:
        from gdparse.compare import Corpus
        from gdparse.export import write_tables
        from gdparse.graph import write_graphml, write_node_link
        from gdparse.report import render
    except ImportError as exc:
        return f"  comparison outputs skipped: {exc.name} is missing (pip install 'gdparse[compare]')"
    corpus = Corpus.from_documents(docs)
    tables = corpus.tables()
    write_tables(tables, out / "tables")
    graph = corpus.graph()
    write_graphml(graph, out / "responsibility_graph.graphml")
    write_node_link(graph, out / "responsibility_graph.json")
    write_atomic(out / "report.html", render(corpus))
    return (f"  {out}/tables/*.csv, *.parquet  {len(tables)} comparison tables (columns in tables/COLUMNS.md);\n"
            f"  {out}/responsibility_graph.graphml, .json;  {out}/report.html")
