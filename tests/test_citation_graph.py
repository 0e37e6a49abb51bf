"""Citation graph across the seed plans and plan generations."""

from pathlib import Path

import pytest

import gdparse
from gdparse.citation_graph import build_graph, generation, implemented, implementers

SEEDS = sorted(Path("corpora/seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def docs():
    return [gdparse.parse(p) for p in SEEDS]


def test_generations(docs):
    assert [generation(d) for d in docs] == ["2011-2015", "2016-2020", "2011-2015", "2026-2030", "annual"]


def test_graph_edges(docs):
    graph = build_graph(docs)
    plans = implementers(graph, "nghi-quyet:28/NQ-CP:2021")
    assert [Path(p.split(":", 1)[1]).name[:3] for p in plans] == ["003", "004"]
    edge = graph.edges[f"plan:{SEEDS[0]}", "quyet-dinh:2351/QĐ-TTg:2010"]
    assert edge["legal_basis"] is True and edge["count"] == 1
    assert graph.nodes["nghi-dinh:48/2009/NĐ-CP:2009"]["catalogue_id"] == "ND-48/2009"
    assert "QD-1241/2011" in implemented(docs[2])


def test_generation_from_cited_strategy():
    doc = gdparse.parse_text("Căn cứ Quyết định số 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ;")
    assert generation(doc) == "2016-2020"
