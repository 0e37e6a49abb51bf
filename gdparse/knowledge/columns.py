"""The column dictionary of the comparison tables and the graph export (``columns.yaml``): what
each column means, written next to the exported tables."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import KnowledgeError, Schema, load

COLUMNS_FILE = "columns.yaml"


class TableDoc(Schema):
    description: str
    columns: dict[str, str]
    other_columns: str | None = None


class GraphDoc(Schema):
    nodes: dict[str, str]
    edges: dict[str, str]


class ColumnExample(Schema):
    table: str
    column: str
    value: str


class ColumnDictionary(Schema):
    version: int
    examples: tuple[ColumnExample, ...] = Field(min_length=1)
    tables: dict[str, TableDoc]
    graph: GraphDoc


@cache
def column_dictionary() -> ColumnDictionary:
    """The column dictionary, validated (every description non-empty)."""
    data = load(COLUMNS_FILE, ColumnDictionary)
    for name, table in data.tables.items():
        for column, text in table.columns.items():
            if not text.strip():
                raise KnowledgeError(COLUMNS_FILE, f"{name}.{column} has an empty description")
    return data
