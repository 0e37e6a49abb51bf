"""Exports for other tools: every comparison table as CSV and Parquet, documents as JSON Lines,
the responsibility graph as GraphML and node-link JSON, and the column dictionary
(:mod:`gdparse.knowledge.columns`) as ``COLUMNS.md`` next to the tables.

I/O lives here; the tables come from :class:`gdparse.compare.Corpus`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from gdparse.batch import write_atomic
from gdparse.errors import GdparseError
from gdparse.knowledge.columns import COLUMNS_FILE, column_dictionary
from gdparse.knowledge.loader import DATA_FOLDER
from gdparse.model import PlanDocument

FORMATS = ("csv", "parquet")


def undocumented(name: str, columns: Iterable[str]) -> list[str]:
    """Columns of table ``name`` that the dictionary does not describe."""
    doc = column_dictionary().tables.get(name)
    if doc is None:
        return list(columns)
    return [] if doc.other_columns else [c for c in columns if c not in doc.columns]


def check_documented(tables: Mapping[str, object]) -> None:
    """Raise naming the table and columns when an exported column is not in columns.yaml."""
    problems = []
    for name, frame in tables.items():
        missing = undocumented(name, list(frame.columns))
        if name not in column_dictionary().tables:
            problems.append(f"table {name!r} is not documented")
        elif missing:
            problems.append(f"{name}: {', '.join(missing)}")
    if problems:
        raise GdparseError(f"{DATA_FOLDER}/{COLUMNS_FILE}", "undocumented columns: " + "; ".join(problems))


def columns_markdown(names: Iterable[str] | None = None) -> str:
    """The dictionary as Markdown, one section per table."""
    tables = column_dictionary().tables
    out = ["# Columns of the exported tables", ""]
    for name in names or tables:
        doc = tables[name]
        out += [f"## {name}", "", doc.description, "", "| column | meaning |", "|---|---|"]
        out += [f"| `{c}` | {text} |" for c, text in doc.columns.items()]
        if doc.other_columns:
            out.append(f"| *(others)* | {doc.other_columns} |")
        out.append("")
    graph = column_dictionary().graph
    for part, attrs in (("nodes", graph.nodes), ("edges", graph.edges)):
        out += [f"## responsibility graph: {part}", "", "| attribute | meaning |", "|---|---|"]
        out += [f"| `{a}` | {text} |" for a, text in attrs.items()]
        out.append("")
    return "\n".join(out)


def _for_parquet(frame):
    """Parquet needs one type per column: object columns mixing types become text."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            kinds = {type(v) for v in frame[col].dropna()}
            if len(kinds) > 1:
                frame[col] = frame[col].map(lambda v: None if v is None else str(v))
    frame.columns = [str(c) for c in frame.columns]
    return frame


def write_tables(tables: Mapping[str, object], out_dir: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write each table as ``<name>.csv`` / ``<name>.parquet`` and ``COLUMNS.md``; checks first
    that every column is documented."""
    formats = tuple(formats)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise GdparseError(None, f"unknown table format(s): {', '.join(sorted(unknown))} (use csv, parquet)")
    check_documented(tables)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        if "csv" in formats:
            write_atomic(out_dir / f"{name}.csv", frame.to_csv(index=False))
            written.append(out_dir / f"{name}.csv")
        if "parquet" in formats:
            path = out_dir / f"{name}.parquet"
            _for_parquet(frame).to_parquet(path, index=False)
            written.append(path)
    write_atomic(out_dir / "COLUMNS.md", columns_markdown(tables))
    written.append(out_dir / "COLUMNS.md")
    return written


def write_jsonl(docs: Iterable[PlanDocument], path: str | Path) -> Path:
    """Documents as JSON Lines, one PlanDocument (the public JSON contract) per line."""
    path = Path(path)
    write_atomic(path, "".join(d.model_dump_json() + "\n" for d in docs))
    return path


def export_corpus(corpus, out_dir: str | Path, formats: Iterable[str] = FORMATS,
                  map_successors: bool = True) -> dict[str, list[Path]]:
    """Everything for a corpus into ``out_dir``: ``tables/`` (CSV, Parquet, COLUMNS.md),
    ``documents.jsonl``, ``responsibility_graph.graphml`` and ``responsibility_graph.json``."""
    from gdparse.graph import write_graphml, write_node_link

    out_dir = Path(out_dir)
    graph = corpus.graph()
    return {
        "tables": write_tables(corpus.tables(map_successors), out_dir / "tables", formats),
        "documents": [write_jsonl(corpus.documents, out_dir / "documents.jsonl")],
        "graph": [write_graphml(graph, out_dir / "responsibility_graph.graphml"),
                  write_node_link(graph, out_dir / "responsibility_graph.json")],
    }
