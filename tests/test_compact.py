"""Sharing fields-sets between models changes nothing but memory."""

from __future__ import annotations

from pydantic import BaseModel

import gdparse.compact as compact
from gdparse import PlanDocument, parse_text
from gdparse.compact import share_field_sets
from tests.conftest import seed_path


def _models(root: object) -> list[BaseModel]:
    out, stack = [], [root]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            out.append(item)
            stack.extend(item.__dict__.values())
        elif isinstance(item, tuple):
            stack.extend(item)
    return out


def _fresh_copy(doc: PlanDocument) -> PlanDocument:
    """Models that nothing else has seen yet, as sharing requires."""
    return PlanDocument.model_validate_json(doc.model_dump_json())


def test_shared_sets_keep_the_document() -> None:
    doc = _fresh_copy(parse_text(seed_path("004").read_text(encoding="utf-8")))
    before = doc.model_dump_json()
    share_field_sets(doc)
    assert doc.model_dump_json() == before
    models = _models(doc)
    distinct = {id(m.__pydantic_fields_set__) for m in models}
    assert len(models) > 500 and len(distinct) < 60
    # A copy with an update gets its own set: the shared one is never changed in place.
    section = doc.sections[1]
    shared = set(section.__pydantic_fields_set__)
    section.model_copy(update={"heading": "x"})
    assert section.__pydantic_fields_set__ == shared


def test_big_documents_are_compacted_as_their_models_are_built(monkeypatch) -> None:
    text = seed_path("000").read_text(encoding="utf-8")
    plain = parse_text(text).model_dump_json()
    monkeypatch.setattr(compact, "COMPACT_MIN_CHARS", 1000)  # every stage asks compact.is_big
    doc = parse_text(text)
    mentions = [m for a in doc.agencies for m in a.mentions]
    for items in (doc.sections, doc.targets, doc.responsibilities, doc.reporting, doc.citations, mentions,
                  doc.source.offset_map):
        assert len({id(m.__pydantic_fields_set__) for m in items}) < len(items)
    assert doc.model_dump_json() == plain


def test_equal_small_values_are_shared_within_a_build(monkeypatch) -> None:
    monkeypatch.setattr(compact, "COMPACT_MIN_CHARS", 1000)
    doc = parse_text(seed_path("004").read_text(encoding="utf-8"))
    kinds = {s.kind for s in doc.sections}
    assert len({id(s.__dict__["kind"]) for s in doc.sections}) == len(kinds) < len(doc.sections)
    # Types are kept: a False is not made the shared 0, nor an offset a string.
    assert all(type(s.is_lead) is bool and type(s.start) is int for s in doc.sections)
    # A table's offsets: a row starts where its first cell does, with the same object.
    row = doc.tables[0].rows[0]
    assert row.__dict__["start"] is row.cells[0].__dict__["start"]


def test_sharing_is_kept_by_the_build_not_the_module() -> None:
    sharing = compact.Sharing()
    doc = _fresh_copy(parse_text(seed_path("004").read_text(encoding="utf-8")))
    sharing.share(doc.sections)
    assert sharing.strings and sharing.field_sets
    assert not [name for name, value in vars(compact).items()
                if isinstance(value, dict | set | list) and not name.startswith("__")]
