"""Responsibility graph: nodes and edges from the seeds, lineage, metrics, GraphML and node-link export."""

from __future__ import annotations

import json
from functools import cache

import networkx as nx
import pytest

from gdparse.graph import build_graph, graphml_ready, node_link, plan_node, role_edges, write_graphml
from gdparse.graph_metrics import (
    concentration,
    coordination_graph,
    coordination_hubs,
    lead_counts,
    target_leads,
    targets_without_lead,
)
from gdparse.model import PlanDocument, Responsibility, Source, Target
from tests.conftest import SEED_IDS, parsed


@cache
def seeds_graph(map_successors: bool = False) -> nx.MultiDiGraph:
    return build_graph([parsed(i) for i in SEED_IDS], map_successors=map_successors)


def _doc(text: str, targets=(), responsibilities=()) -> PlanDocument:
    source = Source(path="mini.txt", sha256="0" * 64, format="txt")
    return PlanDocument(source=source, text=text, targets=tuple(targets), responsibilities=tuple(responsibilities))


def test_node_kinds_cover_the_issue() -> None:
    kinds = {k for _, k in seeds_graph().nodes(data="kind")}
    assert kinds == {"plan", "agency", "objective", "target", "indicator", "document"}


def test_edge_kinds_cover_the_issue() -> None:
    kinds = {k for *_, k in seeds_graph().edges(data="kind")}
    assert {"role", "reports_to", "measures", "cites", "has_target", "succeeded_by"} <= kinds


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_role_edge_quotes_its_responsibility(seed: str) -> None:
    doc = parsed(seed)
    graph = build_graph(doc)
    edges = role_edges(graph)
    assert edges, f"seed {seed} gives no role edges"
    for _, _, d in edges:
        assert doc.text[d["start"]:d["end"]].startswith(d["quote"].rstrip("…"))


def test_one_plan_graph_has_one_plan_node_and_is_new_object() -> None:
    doc = parsed("003")
    g1 = build_graph(doc)
    g2 = build_graph([doc, parsed("004")])
    assert [n for n, k in g1.nodes(data="kind") if k == "plan"] == [plan_node(doc)]
    assert g1.number_of_nodes() < g2.number_of_nodes()


def test_lineage_edge_from_labour_department_to_home_affairs() -> None:
    g = seeds_graph()
    edge = g.get_edge_data("agency:province.so_lao_dong_tbxh", "agency:province.so_noi_vu")
    assert edge and edge["succeeded_by"]["date"].startswith("2025")


def test_mapping_successors_removes_predecessor_roles_and_marks_them() -> None:
    g = seeds_graph(True)
    assert not [e for e in role_edges(g) if e[0] == "agency:province.so_lao_dong_tbxh"]
    mapped = [d for a, _, d in role_edges(g) if a == "agency:province.so_noi_vu" and d["mapped_from"]]
    assert mapped and all(d["mapped_from"] == "province.so_lao_dong_tbxh" for d in mapped)


def test_lead_of_an_objective_leads_its_targets() -> None:
    text = "Mục tiêu 1. Chỉ tiêu 1: đạt 50%. Sở Nội vụ chủ trì thực hiện mục tiêu 1."
    from gdparse.model import Objective

    doc = _doc(text, [Target(id="tgt-1-1", objective_id="obj-1", text="Chỉ tiêu 1: đạt 50%.", start=12, end=32)],
               [Responsibility(agency_id="province.so_noi_vu", role="lead", objective_ids=("obj-1",), start=33,
                               end=len(text))])
    doc = doc.model_copy(update={"objectives": (Objective(id="obj-1", number="1", start=0, end=11),)})
    g = build_graph(doc)
    assert target_leads(g) == {"target:mini/tgt-1-1": ["agency:province.so_noi_vu"]}
    assert target_leads(g, via_objectives=False) == {"target:mini/tgt-1-1": []}
    assert lead_counts(g)[0]["targets_led"] == 1
    assert targets_without_lead(g, via_objectives=False)[0]["target"] == "tgt-1-1"


def test_lead_counts_on_bac_ninh_2024() -> None:
    rows = lead_counts(build_graph(parsed("004")))
    assert rows[0]["agency_id"] == "province.so_lao_dong_tbxh"
    assert rows[0]["targets_led"] >= 5
    assert [r["targets_led"] for r in rows] == sorted((r["targets_led"] for r in rows), reverse=True)


def test_coordination_joins_lead_and_coordinators_of_one_item() -> None:
    text = "Sở Y tế chủ trì, phối hợp với Công an tỉnh và Sở Tư pháp."
    doc = _doc(text, [], [
        Responsibility(agency_id="province.so_y_te", role="lead", section_id="s1", start=0, end=len(text)),
        Responsibility(agency_id="province.cong_an_tinh", role="coordinate", section_id="s1", start=0, end=len(text)),
        Responsibility(agency_id="province.so_tu_phap", role="coordinate", section_id="s1", start=0, end=len(text)),
        Responsibility(agency_id="province.so_tai_chinh", role="coordinate", section_id="s2", start=0, end=5),
    ])
    g = build_graph(doc)
    coord = coordination_graph(g)
    assert set(coord.edges) == {("agency:province.so_y_te", "agency:province.cong_an_tinh"),
                                ("agency:province.so_y_te", "agency:province.so_tu_phap")}
    assert coordination_hubs(g)[0]["agency_id"] == "province.so_y_te"


@pytest.mark.parametrize(("counts", "hhi", "top1"), [
    ((1,), 1.0, 1.0),
    ((1, 1), 0.5, 0.5),
    ((3, 1), 0.625, 0.75),
])
def test_concentration(counts: tuple[int, ...], hhi: float, top1: float) -> None:
    agencies = ["province.so_y_te", "province.so_tu_phap"]
    resp = [Responsibility(agency_id=agencies[i], role="implement", start=k, end=k + 1)
            for i, n in enumerate(counts) for k in range(i * 10, i * 10 + n)]
    c = concentration(build_graph(_doc("x" * 40, [], resp)))
    assert (c["hhi"], c["top1_share"], c["assignments"]) == (hhi, top1, sum(counts))


def test_graphml_round_trip(tmp_path) -> None:
    g = seeds_graph()
    path = write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes["agency:province.so_noi_vu"]["label"] == "Sở Nội vụ"
    assert all(v is not None for _, d in graphml_ready(g).nodes(data=True) for v in d.values())


def test_node_link_is_json() -> None:
    data = json.loads(json.dumps(node_link(seeds_graph()), default=str))
    assert {"nodes", "edges"} <= set(data)
    assert any(n["id"] == "indicator:NS2030-4.1" for n in data["nodes"])
