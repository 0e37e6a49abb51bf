"""Chunked JSON writing gives exactly the bytes of ``model_dump_json``."""

from __future__ import annotations

import pytest

import gdparse.serialize as serialize
from gdparse import parse_text
from gdparse.serialize import document_json_chunks
from tests.conftest import SEED_IDS, seed_path


@pytest.mark.parametrize("seed_id", SEED_IDS)
@pytest.mark.parametrize("chunk_items", [1, 7, serialize.CHUNK_ITEMS])
def test_chunks_join_to_the_document_json(seed_id: str, chunk_items: int, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse_text(seed_path(seed_id).read_text(encoding="utf-8"))
    monkeypatch.setattr(serialize, "CHUNK_ITEMS", chunk_items)
    chunks = list(document_json_chunks(doc))
    assert b"".join(chunks) == doc.model_dump_json().encode("utf-8")
    if chunk_items == 1:
        assert len(chunks) > 100  # long lists were really split


def test_indented_json_is_whole() -> None:
    doc = parse_text("KẾ HOẠCH\nI. MỤC TIÊU\n1. Đạt 50% vào năm 2030.\n")
    assert b"".join(document_json_chunks(doc, indent=1)) == doc.model_dump_json(indent=1).encode("utf-8")
