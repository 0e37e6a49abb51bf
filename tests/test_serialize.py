"""Chunked JSON writing gives exactly the bytes of ``model_dump_json``."""

from __future__ import annotations

import pydantic_core
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gdparse.serialize as serialize
from gdparse import parse_text
from gdparse.serialize import document_json_chunks
from tests.conftest import SEED_IDS, seed_path


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("indent", [None, 1, 2])
@pytest.mark.parametrize(
    ("small_list", "chunk_items", "chunk_bytes", "text_slice"),
    [(0, 1, 1, 1), (3, 7, 2000, 100), (16, serialize.CHUNK_ITEMS, serialize.CHUNK_BYTES, serialize.TEXT_SLICE)],
)
def test_chunks_join_to_the_document_json(
    seed_id: str, indent: int | None, small_list: int, chunk_items: int, chunk_bytes: int, text_slice: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = parse_text(seed_path(seed_id).read_text(encoding="utf-8"))
    for name, value in [("SMALL_LIST", small_list), ("CHUNK_ITEMS", chunk_items),
                        ("CHUNK_BYTES", chunk_bytes), ("TEXT_SLICE", text_slice)]:
        monkeypatch.setattr(serialize, name, value)
    chunks = list(document_json_chunks(doc, indent))
    assert b"".join(chunks) == doc.model_dump_json(indent=indent).encode("utf-8")
    if chunk_items == 1:
        assert len(chunks) > len(doc.text) + 100  # the text and long lists were really split


def test_chunk_sizes_follow_the_bytes_per_item(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse_text(seed_path(SEED_IDS[0]).read_text(encoding="utf-8"))
    monkeypatch.setattr(serialize, "CHUNK_BYTES", 2000)
    sizes = [len(chunk) for chunk in serialize._list_chunks(doc.sections)][1:-1]
    assert len(sizes) > 3 and max(sizes[1:]) < 4 * 2000


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.integers(1, 7))
def test_text_slices_escape_like_the_whole_text(text: str, text_slice: int) -> None:
    serialize_slice = serialize.TEXT_SLICE
    serialize.TEXT_SLICE = text_slice
    try:
        assert b"".join(serialize._text_chunks(text)) == pydantic_core.to_json(text)
    finally:
        serialize.TEXT_SLICE = serialize_slice


def test_indented_json_is_written_in_chunks_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """``parse --format json`` writes indented JSON: a huge document's must not be built whole."""
    doc = parse_text(seed_path(SEED_IDS[0]).read_text(encoding="utf-8"))
    monkeypatch.setattr(serialize, "CHUNK_BYTES", 2000)
    monkeypatch.setattr(serialize, "TEXT_SLICE", 1000)
    chunks = list(document_json_chunks(doc, indent=1))
    assert max(map(len, chunks)) < 20_000 < len(doc.model_dump_json(indent=1))
