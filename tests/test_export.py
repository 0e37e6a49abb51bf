"""Exports: every column documented, CSV and Parquet readable and equal, JSON Lines, GraphML."""

from __future__ import annotations

from functools import cache

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from gdparse.compare import Corpus  # noqa: E402
from gdparse.errors import GdparseError  # noqa: E402
from gdparse.export import (  # noqa: E402
    check_documented,
    columns_markdown,
    export_corpus,
    undocumented,
    write_tables,
)
from gdparse.knowledge.columns import column_dictionary  # noqa: E402
from gdparse.model import PlanDocument  # noqa: E402
from tests.conftest import seed_corpus  # noqa: E402


def corpus() -> Corpus:
    return seed_corpus()


@cache
def tables() -> dict:
    return corpus().tables()


def test_every_exported_column_is_documented() -> None:
    for name, frame in tables().items():
        assert not frame.empty, name
        assert undocumented(name, frame.columns) == [], name


def test_every_documented_table_is_exported() -> None:
    assert set(column_dictionary().tables) == set(tables())


def test_documented_columns_exist() -> None:
    """The dictionary describes no column that the tables no longer have."""
    for name, doc in column_dictionary().tables.items():
        stale = set(doc.columns) - set(tables()[name].columns)
        assert not stale, f"{name}: {stale}"


def test_undocumented_column_names_file_and_column() -> None:
    frame = pd.DataFrame({"plan_id": ["x"], "mystery": [1]})
    with pytest.raises(GdparseError, match=r"columns\.yaml.*plans: mystery"):
        check_documented({"plans": frame})


def test_csv_and_parquet_round_trip(tmp_path) -> None:
    written = write_tables({k: tables()[k] for k in ("targets", "responsibilities", "indicator_matrix_2030")},
                           tmp_path)
    assert (tmp_path / "COLUMNS.md").exists() and len(written) == 7
    for name in ("targets", "responsibilities"):
        csv = pd.read_csv(tmp_path / f"{name}.csv")
        parquet = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(csv.columns) == list(parquet.columns) == list(tables()[name].columns)
        assert len(csv) == len(parquet) == len(tables()[name])
    quotes = pd.read_parquet(tmp_path / "responsibilities.parquet")["quote"]
    assert quotes.str.contains("Sở Nội vụ").any()


def test_unknown_format_is_refused(tmp_path) -> None:
    with pytest.raises(GdparseError, match="xlsx"):
        write_tables({}, tmp_path, ["xlsx"])


def test_export_corpus_writes_everything(tmp_path) -> None:
    small = corpus().select(["003", "004"])
    export_corpus(small, tmp_path)
    lines = (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [PlanDocument.model_validate_json(line).text for line in lines] == [d.text for d in small.documents]
    assert (tmp_path / "responsibility_graph.graphml").read_text(encoding="utf-8").startswith("<?xml")
    assert (tmp_path / "responsibility_graph.json").stat().st_size > 1000
    assert {p.name for p in (tmp_path / "tables").glob("*.parquet")} == {f"{n}.parquet" for n in tables()}


def test_columns_markdown_lists_every_table() -> None:
    text = columns_markdown()
    for name in column_dictionary().tables:
        assert f"## {name}" in text


@pytest.mark.parametrize("map_successors", [False, True])
def test_every_graph_attribute_is_documented(map_successors: bool) -> None:
    graph = corpus().graph(map_successors)
    docs = column_dictionary().graph
    node_attrs = {k for _, d in graph.nodes(data=True) for k in d}
    edge_attrs = {k for *_, d in graph.edges(data=True) for k in d}
    assert node_attrs - set(docs.nodes) == set()
    assert edge_attrs - set(docs.edges) == set()
    assert "## responsibility graph: edges" in columns_markdown()


@pytest.mark.parametrize("example", column_dictionary().examples, ids=lambda e: f"{e.table}.{e.column}")
def test_column_examples(example) -> None:
    assert example.value in set(tables()[example.table][example.column].dropna().astype(str))
