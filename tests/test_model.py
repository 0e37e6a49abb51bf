"""The document model: immutability, evidence spans, JSON round trip, schema file current."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import gdparse
from gdparse.commands.schema import schema_text
from gdparse.model import PlanDocument, Section, Spanned
from tests.conftest import ROOT


def spanned_items(doc: PlanDocument):
    for name in (
        "sections",
        "footnotes",
        "tables",
        "citations",
        "objectives",
        "targets",
        "budgets",
        "responsibilities",
        "reporting",
    ):
        for item in getattr(doc, name):
            yield name, item
            for sub in getattr(item, "milestones", ()):
                yield name + ".milestones", sub
    for agency in doc.agencies:
        for mention in agency.mentions:
            yield "agencies.mentions", mention


def test_every_span_is_inside_the_text(seed_doc: PlanDocument) -> None:
    n = len(seed_doc.text)
    for name, item in spanned_items(seed_doc):
        assert isinstance(item, Spanned)
        assert 0 <= item.start <= item.end <= n, (name, item)


def test_json_round_trip_is_lossless(seed_doc: PlanDocument) -> None:
    again = PlanDocument.model_validate_json(gdparse.to_json(seed_doc))
    assert again == seed_doc


def test_models_are_frozen_and_strict() -> None:
    s = Section(id="s1", kind="other", start=0, end=1, level=0)
    with pytest.raises(ValidationError):
        s.start = 3  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Section(id="s1", kind="other", start=0, end=1, level=0, colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Section(id="s1", kind="other", start=5, end=1, level=0)


def test_top_level_contract() -> None:
    fields = set(PlanDocument.model_fields)
    assert {
        "schema_name",
        "schema_version",
        "source",
        "text",
        "metadata",
        "sections",
        "citations",
        "objectives",
        "targets",
        "budgets",
        "agencies",
        "responsibilities",
        "reporting",
        "warnings",
    } <= fields


def test_schema_file_is_current() -> None:
    committed = (ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "schemas/plan.schema.json is stale: run `gdparse schema -o schemas/plan.schema.json`"
    )
    assert json.loads(committed)["title"] == "PlanDocument"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "KẾ HOẠCH",
                "I. MỤC TIÊU",
                "1. Mục tiêu chung",
                "- Chỉ tiêu 1: đạt 60% vào năm 2025.",
                "Căn cứ Luật Bình đẳng giới;",
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Sở Nội vụ: chủ trì, phối hợp với Sở Y tế.",
                "Nơi nhận:",
                "- Như trên;",
                "KT. CHỦ TỊCH",
                "Nguyễn Văn An",
                "",
                "¹ Ghi chú.",
                "a\tb\tc",
            ]
        ),
        min_size=1,
        max_size=25,
    )
)
def test_round_trip_of_generated_documents(lines: list[str]) -> None:
    text = "\n".join(lines)
    if not text.strip():
        return
    doc = gdparse.parse_text(text)
    assert PlanDocument.model_validate_json(doc.model_dump_json()) == doc
    for _, item in spanned_items(doc):
        assert 0 <= item.start <= item.end <= len(doc.text)
