"""A parse lets go of what it no longer needs while it still runs."""

from __future__ import annotations

import gc

import pytest

import gdparse.pipeline as pipeline
from gdparse.extract import Extractor
from gdparse.read import RawDocument, read_bytes
from tests.conftest import seed_path


def _live_raw_documents(path: str) -> list[RawDocument]:
    return [o for o in gc.get_objects() if isinstance(o, RawDocument) and o.path == path]


def test_the_decoded_original_is_let_go_once_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    path = "decoded-original-probe.txt"
    seen: list[int] = []

    def probe(doc, ctx):
        gc.collect()
        seen.append(len(_live_raw_documents(path)))
        return doc

    probe_step = Extractor("extract.citations", probe)
    monkeypatch.setattr(pipeline, "EXTRACTORS", [probe_step, *pipeline.EXTRACTORS, probe_step])
    data = seed_path("004").read_bytes()
    doc = pipeline.parse_raw(read_bytes(data, path))
    assert doc.targets and seen == [0, 0]


def test_a_caller_that_keeps_the_original_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    path = "kept-original-probe.txt"
    seen: list[int] = []
    probe = Extractor("extract.citations", lambda doc, ctx: seen.append(len(_live_raw_documents(path))) or doc)
    monkeypatch.setattr(pipeline, "EXTRACTORS", [probe])
    raw = read_bytes(b"K\xe1\xba\xbe HO\xe1\xba\xa0CH\n", path)
    pipeline.parse_raw(raw)
    assert seen == [1] and raw.text.startswith("KẾ")
