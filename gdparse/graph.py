"""Responsibility graph of one plan or of a set of plans (networkx ``MultiDiGraph``).

Nodes (attribute ``kind``):

- ``plan:<plan id>`` plans; ``agency:<registry id>`` agencies, shared across plans;
- ``objective:<plan id>/<objective id>`` and ``target:<plan id>/<target id>``;
- ``indicator:<catalogue id>`` national indicators; ``document:<citation key>`` cited documents.

Edges (attribute ``kind``): ``role`` agency -> target / objective / plan (attribute ``role``:
lead, coordinate …; to the plan when the text names no target or objective); ``reports_to``
agency -> agency; ``measures`` target -> indicator; ``cites`` plan -> document;
``has_objective`` plan -> objective; ``has_target`` objective (or plan) -> target;
``succeeded_by`` agency -> agency (2025 lineage). Every edge taken from the text carries its
evidence span (``start``, ``end``) and quote. Metrics are in :mod:`gdparse.graph_metrics`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from gdparse.citation_graph import generation
from gdparse.compare_base import (
    agency_name,
    map_agency,
    plan_id,
    plan_label,
    plan_year,
    responsibility_domain,
)
from gdparse.knowledge.agencies import agencies
from gdparse.knowledge.indicators import current_indicator, indicator
from gdparse.model import PlanDocument

QUOTE_LIMIT = 300  # edges carry the quote for readers of the GraphML; long clauses are cut


def plan_node(doc: PlanDocument) -> str:
    return f"plan:{plan_id(doc)}"


def agency_node(agency_id: str) -> str:
    return f"agency:{agency_id}"


def target_node(doc: PlanDocument, target_id: str) -> str:
    return f"target:{plan_id(doc)}/{target_id}"


def objective_node(doc: PlanDocument, objective_id: str) -> str:
    return f"objective:{plan_id(doc)}/{objective_id}"


def _quote(doc: PlanDocument, start: int, end: int) -> str:
    text = doc.text[start:end]
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


def _target_label(t) -> str:
    if t.label and (t.number is None or t.number in t.label):
        return t.label
    return f"Chỉ tiêu {t.number or t.id}"


def _add_agency(graph: nx.MultiDiGraph, agency_id: str, doc: PlanDocument | None, named: bool = True) -> str:
    node = agency_node(agency_id)
    entry = agencies().get(agency_id)
    found = next((a for a in doc.agencies if a.id == agency_id), None) if doc is not None else None
    if node not in graph:
        graph.add_node(
            node,
            kind="agency",
            agency_id=agency_id,
            label=agency_name(agency_id, doc),
            type=entry.type if entry else (found.type if found else "other"),
            level=entry.level if entry else (found.level if found else None),
            collective=bool(entry.collective if entry else (found.collective if found else False)),
            resolved=entry is not None,
            named=named,
        )
    elif named:
        graph.nodes[node]["named"] = True
    return node


def _agency_id_for(agency_id: str, doc: PlanDocument, map_successors: bool) -> tuple[str, str | None]:
    """The agency id to use and, when mapped to a successor, the id as written."""
    if not map_successors:
        return agency_id, None
    new, chain = map_agency(agency_id)
    return (new, agency_id) if chain else (agency_id, None)


def add_plan(graph: nx.MultiDiGraph, doc: PlanDocument, *, map_successors: bool = False) -> nx.MultiDiGraph:
    """A copy of ``graph`` with one more plan in it."""
    graph = graph.copy()
    pid, plan = plan_id(doc), plan_node(doc)
    meta = doc.metadata
    graph.add_node(plan, kind="plan", plan_id=pid, label=plan_label(doc), province=meta.province,
                   year=plan_year(doc), generation=generation(doc), title=meta.title, doc_number=meta.doc_number)
    for o in doc.objectives:
        node = objective_node(doc, o.id)
        graph.add_node(node, kind="objective", plan_id=pid, label=o.title or o.id, number=o.number,
                       domain=o.domain, general=o.general, start=o.start, end=o.end)
        graph.add_edge(plan, node, key="has_objective", kind="has_objective")
    objective_ids = {o.id for o in doc.objectives}
    for t in doc.targets:
        node = target_node(doc, t.id)
        graph.add_node(node, kind="target", plan_id=pid, label=_target_label(t),
                       text=t.text, indicator_id=t.indicator_id, domain=t.domain, start=t.start, end=t.end,
                       milestones=len(t.milestones))
        parent = objective_node(doc, t.objective_id) if t.objective_id in objective_ids else plan
        graph.add_edge(parent, node, key="has_target", kind="has_target")
        if t.indicator_id:
            ind = indicator(t.indicator_id)
            ind_node = f"indicator:{t.indicator_id}"
            if ind_node not in graph:
                graph.add_node(ind_node, kind="indicator", label=t.indicator_id,
                               description=ind.description if ind else None,
                               strategy=ind.strategy if ind else None, domain=ind.domain if ind else None,
                               current=current_indicator(t.indicator_id))
            graph.add_edge(node, ind_node, key="measures", kind="measures", score=t.indicator_score)
    targets = {t.id for t in doc.targets}
    for r in doc.responsibilities:
        used, written = _agency_id_for(r.agency_id, doc, map_successors)
        src = _add_agency(graph, used, doc)
        items = [target_node(doc, i) for i in r.target_ids if i in targets]
        items += [objective_node(doc, i) for i in r.objective_ids if i in objective_ids]
        for item in items or [plan]:
            graph.add_edge(src, item, key=f"{r.role}:{pid}:{r.start}", kind="role", role=r.role, plan_id=pid,
                           requested=r.requested, section_id=r.section_id, domain=responsibility_domain(doc, r),
                           mapped_from=written, start=r.start, end=r.end, quote=_quote(doc, r.start, r.end))
    for duty in doc.reporting:
        if duty.reporter_id is None or not duty.recipient_ids:
            continue
        src = _add_agency(graph, _agency_id_for(duty.reporter_id, doc, map_successors)[0], doc)
        dst = _add_agency(graph, _agency_id_for(duty.recipient_ids[0], doc, map_successors)[0], doc)
        graph.add_edge(src, dst, key=f"reports_to:{pid}:{duty.start}", kind="reports_to", plan_id=pid,
                       frequency=duty.frequency, deadline=duty.deadline, start=duty.start, end=duty.end,
                       quote=_quote(doc, duty.start, duty.end))
    for c in doc.citations:
        node = f"document:{c.key}"
        if node not in graph:
            graph.add_node(node, kind="document", label=c.number or c.title or c.key, doc_type=c.doc_type,
                           number=c.number, date=c.date, issuer=c.issuer, catalogue_id=c.catalogue_id)
        key = f"cites:{pid}"
        if graph.has_edge(plan, node, key):
            edge = graph.edges[plan, node, key]
            edge["count"] += 1
            edge["legal_basis"] = edge["legal_basis"] or c.legal_basis
        else:
            graph.add_edge(plan, node, key=key, kind="cites", plan_id=pid, count=1, legal_basis=c.legal_basis,
                           start=c.start, end=c.end, quote=_quote(doc, c.start, c.end))
    return _with_lineage(graph)


def _with_lineage(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Add ``succeeded_by`` edges from every named predecessor agency to its successor."""
    for _, data in list(graph.nodes(data=True)):
        if data.get("kind") != "agency":
            continue
        _, chain = map_agency(data["agency_id"])
        for change in chain:
            a = _add_agency(graph, change.predecessor, None, named=False)
            b = _add_agency(graph, change.successor, None, named=False)
            if not graph.has_edge(a, b, "succeeded_by"):
                graph.add_edge(a, b, key="succeeded_by", kind="succeeded_by", date=change.date.isoformat(),
                               change=change.kind, note=change.note)
    return graph


def build_graph(docs: PlanDocument | Iterable[PlanDocument], *, map_successors: bool = False) -> nx.MultiDiGraph:
    """The responsibility graph of one plan or of several.

    With ``map_successors`` every agency is replaced by its current successor (Sở Lao động -
    Thương binh và Xã hội -> Sở Nội vụ) and each mapped edge keeps the id as written in
    ``mapped_from``; without it, predecessors stay and ``succeeded_by`` edges show the lineage.
    """
    if isinstance(docs, PlanDocument):
        docs = [docs]
    graph = nx.MultiDiGraph(map_successors=map_successors)
    for doc in docs:
        graph = add_plan(graph, doc, map_successors=map_successors)
    return graph


def nodes_of_kind(graph: nx.MultiDiGraph, kind: str) -> list[str]:
    return [n for n, k in graph.nodes(data="kind") if k == kind]


def role_edges(graph: nx.MultiDiGraph, roles: Iterable[str] | None = None) -> list[tuple[str, str, dict]]:
    """Role edges (agency, item, attributes), optionally only the given roles."""
    wanted = set(roles) if roles is not None else None
    return [(u, v, d) for u, v, d in graph.edges(data=True)
            if d.get("kind") == "role" and (wanted is None or d.get("role") in wanted)]


# ---------------------------------------------------------------- export

def _scalar_attrs(attrs: dict) -> dict:
    """GraphML takes str, int, float and bool only: drop None, keep the rest as is."""
    return {k: v for k, v in attrs.items() if v is not None and isinstance(v, str | int | float | bool)}


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML can hold (None dropped)."""
    out = nx.MultiDiGraph(**_scalar_attrs(graph.graph))
    for n, d in graph.nodes(data=True):
        out.add_node(n, **_scalar_attrs(d))
    for u, v, k, d in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **_scalar_attrs(d))
    return out


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graphml_ready(graph), path, encoding="utf-8")
    return path


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link data (``nodes``, ``edges``), JSON-serialisable."""
    return nx.node_link_data(graph, edges="edges")


def write_node_link(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return path
