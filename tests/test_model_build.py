"""gdparse.model_build: a list is built unchecked exactly when validation would accept it, and the
models are the validated ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError, field_validator

from gdparse import lines, segment
from gdparse.extract import reporting, responsibilities
from gdparse.model import Spanned, Table
from gdparse.model_build import ModelListBuilder, value_checker

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
]


@pytest.mark.parametrize(("builder", "rows"), VALID)
def test_valid_rows_are_built_unchecked_as_validation_builds_them(builder: ModelListBuilder, rows: list[dict]) -> None:
    assert builder.passes(rows)
    expected = builder.full.validate_python(rows)
    built = builder.build([dict(r) for r in rows])
    assert [_state(a) for a in built] == [_state(b) for b in expected]
    nested = [(a, b) for t, u in zip(built, expected) if isinstance(t, Table) for a, b in zip(t.rows, u.rows)]
    assert all(_state(a) == _state(b) and list(map(_state, a.cells)) == list(map(_state, b.cells)) for a, b in nested)


@pytest.mark.parametrize(("why", "builder", "rows"), INVALID, ids=[case[0] for case in INVALID])
def test_invalid_rows_raise_the_validation_error(why: str, builder: ModelListBuilder, rows: list[dict]) -> None:
    with pytest.raises(ValidationError):
        builder.build([dict(r) for r in rows])


def test_a_validator_the_checks_cannot_follow_is_refused() -> None:
    class Odd(Spanned):
        name: str

        @field_validator("name")
        @classmethod
        def _upper(cls, value: str) -> str:
            return value.upper()

    with pytest.raises(TypeError, match="Odd"):
        value_checker(Odd)


def test_a_constraint_the_checks_cannot_follow_is_refused() -> None:
    class Named(Spanned):
        name: str = Field(min_length=2)

    with pytest.raises(TypeError, match="Named.name"):
        value_checker(Named)


_kinds = st.sampled_from(["targets", "objectives", "other", "preamble", ""])
_numbers = st.integers(min_value=-3, max_value=8)
_sections = st.fixed_dictionaries(
    {"id": st.just("s1"), "kind": _kinds, "start": _numbers, "end": _numbers, "level": _numbers},
    optional={"page": st.none() | _numbers, "heading_start": st.none() | _numbers},
)
_cells = st.fixed_dictionaries({"start": _numbers, "end": _numbers}, optional={"page": st.none() | _numbers})
_rows = st.fixed_dictionaries({"start": _numbers, "end": _numbers, "cells": st.lists(_cells, max_size=3)})
_tables = st.fixed_dictionaries({"id": st.just("t"), "start": _numbers, "end": _numbers,
                                 "rows": st.lists(_rows, max_size=3)})


def _validates(builder: ModelListBuilder, rows: list[dict]) -> bool:
    try:
        builder.full.validate_python(rows)
    except ValidationError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.lists(_sections, max_size=3))
def test_section_checks_agree_with_validation(rows: list[dict]) -> None:
    assert SECTIONS.passes(rows) == _validates(SECTIONS, rows)


@settings(max_examples=300, deadline=None)
@given(st.lists(_tables, max_size=2))
def test_nested_table_checks_agree_with_validation(rows: list[dict]) -> None:
    assert TABLES.passes(rows) == _validates(TABLES, rows)
