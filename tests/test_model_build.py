"""gdparse.model_build: the stages' lists of models are built by pydantic's validation, in chunks,
and refuse what validation refuses (a float offset, an int id, a string for a tuple of ids)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from gdparse import lines, segment
from gdparse.extract import reporting, responsibilities
from gdparse.model import Section, Table
from gdparse.model_build import ModelListBuilder, build_in_chunks

# The builders the stages use.
SECTIONS, TABLES = segment._SECTIONS, lines._TABLES
RESPONSIBILITIES, DUTIES = responsibilities._RESPONSIBILITIES, reporting._DUTIES


def _section(**changes: object) -> dict:
    return {"id": "s1", "kind": "targets", "start": 0, "end": 5, "level": 0, **changes}


def _table(cell_end: int = 2) -> dict:
    return {"id": "tbl1", "start": 0, "end": 5, "section_id": None,
            "rows": [{"start": 0, "end": 5, "cells": [{"start": 0, "end": cell_end}, {"start": 3, "end": 5}]}]}


def _state(item: BaseModel) -> tuple:
    return type(item), list(item.__dict__.items()), item.model_fields_set


VALID = [
    (SECTIONS, [_section()]),
    (SECTIONS, [_section(page=1, heading="Mục tiêu", heading_start=0, heading_end=3, children=("s2",))]),
    (SECTIONS, [_section(start=4, end=4)]),
    (TABLES, [_table()]),
    (RESPONSIBILITIES, [
        {"agency_id": "a", "role": "lead", "requested": False, "task": "Chủ trì", "start": 0, "end": 7,
         "section_id": "s1"},
        {"agency_id": "b", "role": "coordinate", "requested": True, "task": "x", "start": 3, "end": 3,
         "section_id": None, "objective_ids": ("o1",), "target_ids": ()},
        {"agency_id": "c", "role": "lead", "task": "y", "start": 5, "end": 9, "section_id": "s2",
         "objective_ids": (), "target_ids": ("t1", "t2")},
    ]),
    (DUTIES, [
        {"reporter_id": "a", "recipient_ids": ("b", "c"), "frequency": "annual", "deadline": "15/12", "start": 0,
         "end": 9},
        {"reporter_id": None, "recipient_ids": ("b",), "frequency": None, "deadline": None, "start": 4, "end": 4},
    ]),
]

INVALID = [
    ("end before start", SECTIONS, [_section(start=5, end=4)]),
    ("negative start", SECTIONS, [_section(start=-1)]),
    ("unknown kind", SECTIONS, [_section(kind="preamble")]),
    ("negative level", SECTIONS, [_section(level=-1)]),
    ("page 0", SECTIONS, [_section(page=0)]),
    ("missing field", SECTIONS, [{"id": "s1", "start": 0, "end": 5, "level": 0}]),
    ("unhashable kind", SECTIONS, [_section(kind=["targets"])]),
    ("second row bad", SECTIONS, [_section(), _section(end=-3)]),
    ("cell end before start", TABLES, [_table(cell_end=-1)]),
    ("unknown role", RESPONSIBILITIES, [{"agency_id": "a", "role": "chair", "start": 0, "end": 3}]),
    ("float offset", SECTIONS, [_section(start=1.5)]),
    ("int agency id", RESPONSIBILITIES, [{"agency_id": 5, "role": "lead", "task": "x", "start": 0, "end": 3}]),
    ("string for a tuple of ids", RESPONSIBILITIES, [{"agency_id": "a", "role": "lead", "task": "x", "start": 0,
                                                      "end": 3, "objective_ids": "abc"}]),
]


@pytest.mark.parametrize(("builder", "rows"), VALID)
def test_valid_rows_are_built_as_validation_builds_them(builder: ModelListBuilder, rows: list[dict]) -> None:
    expected = builder.adapter.validate_python(rows)
    built = builder.build([dict(r) for r in rows])
    assert [_state(a) for a in built] == [_state(b) for b in expected]
    nested = [(a, b) for t, u in zip(built, expected) if isinstance(t, Table) for a, b in zip(t.rows, u.rows)]
    assert all(_state(a) == _state(b) and list(map(_state, a.cells)) == list(map(_state, b.cells)) for a, b in nested)


@pytest.mark.parametrize(("why", "builder", "rows"), INVALID, ids=[case[0] for case in INVALID])
def test_invalid_rows_raise_the_validation_error(why: str, builder: ModelListBuilder, rows: list[dict]) -> None:
    with pytest.raises(ValidationError):
        builder.build([dict(r) for r in rows])


def test_chunks_build_what_one_call_builds() -> None:
    rows = [_section(id=f"s{i}", start=i, end=i + 1) for i in range(10)]
    adapter = TypeAdapter(list[Section])
    fields = [dict(r) for r in rows]
    built = build_in_chunks(adapter, fields, chunk=3)
    assert [_state(a) for a in built] == [_state(b) for b in adapter.validate_python(rows)]
    assert fields == [None] * 10  # each chunk's dicts let go once built
