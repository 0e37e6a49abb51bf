"""The spaCy component: registered, spans aligned with the Doc's text, displacy renders them."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy import displacy

from gdparse.spacy_component import SECTIONS_KEY, SPANS_KEY, blank
from tests.conftest import parsed, seed_path


@pytest.fixture(scope="module")
def doc():
    return blank()(parsed("003").text[1990:4200])


def test_spans_and_entities(doc) -> None:
    labels = {s.label_ for s in doc.spans[SPANS_KEY]}
    assert labels == {"TARGET", "AGENCY"}
    targets = [s for s in doc.spans[SPANS_KEY] if s.label_ == "TARGET"]
    assert len(targets) >= 10 and targets[0].text.startswith("Chỉ tiêu")
    assert any(s.kb_id_ == "NS2030-4.1" for s in targets)
    assert {e.label_ for e in doc.ents} == {"AGENCY"}
    assert doc._.gdparse.targets


def test_sections_tile_by_kind(doc) -> None:
    kinds = {s.label_ for s in doc.spans[SECTIONS_KEY]}
    assert "targets" in kinds or "objectives" in kinds


def test_offsets_map_back_when_text_was_normalised() -> None:
    raw = seed_path("000").read_text(encoding="utf-8")  # decomposed marks and tabs: normalisation edits it
    d = blank()(raw)
    assert d._.gdparse.text != raw
    for span in [s for s in d.spans[SPANS_KEY] if s.label_ == "AGENCY"][:20]:
        assert span.kb_id_ and span.text.strip()


def test_displacy_renders_spans(doc) -> None:
    html = displacy.render(doc, style="span", options={"spans_key": SPANS_KEY}, page=False)
    assert "TARGET" in html and "AGENCY" in html


def test_factory_available_in_a_fresh_process() -> None:
    """Through the spacy_factories entry point, without importing gdparse first."""
    code = "import spacy; nlp = spacy.blank('xx'); nlp.add_pipe('gdparse'); print(nlp.pipe_names)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "gdparse" in out.stdout


def test_registered_factory() -> None:
    assert "gdparse" in spacy.registry.factories
