"""Citation graph across plans: which plans implement which national documents.

Nodes are plans (``plan:<path>``) and cited documents (their citation key). An edge plan ->
document carries ``legal_basis`` (True if any citation of it is in the plan's preamble) and the
citation count. Each plan gets a generation (national_documents.yaml): 2006-2010, 2011-2015,
2016-2020, 2021-2030, 2026-2030 or annual.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from gdparse.knowledge.documents import generation_of_start, national_catalogue
from gdparse.model import PlanDocument

GENERATIONS = (*(g.name for g in national_catalogue().generations), "annual")
_IMPLEMENTED_ROLES = ("strategy", "programme", "scheme")


def _by_period(start: int | None, end: int | None) -> str | None:
    if start is not None and end is not None and start == end:
        return "annual"
    year = start if start is not None else (end - 1 if end is not None else None)
    if year is None:
        return None
    return generation_of_start(year)


def generation(doc: PlanDocument) -> str | None:
    """The plan generation from its period, else from the national strategy or programme it cites."""
    meta = doc.metadata
    by_period = _by_period(meta.period_start, meta.period_end)
    if by_period is not None:
        return by_period
    catalogue = {d.id: d for d in national_catalogue().documents}
    periods = [catalogue[c.catalogue_id].period for c in doc.citations
               if c.catalogue_id and catalogue[c.catalogue_id].role in _IMPLEMENTED_ROLES and catalogue[c.catalogue_id].period]
    if periods:
        start, end = max(periods)  # the most recent national document sets the generation
        return _by_period(start, end)
    return None


def implemented(doc: PlanDocument) -> list[str]:
    """Catalogue ids of the national strategies, programmes and schemes the plan cites."""
    catalogue = {d.id: d for d in national_catalogue().documents}
    ids = [c.catalogue_id for c in doc.citations if c.catalogue_id and catalogue[c.catalogue_id].role in _IMPLEMENTED_ROLES]
    return list(dict.fromkeys(ids))


def build_graph(docs: Iterable[PlanDocument]) -> nx.DiGraph:
    """A directed graph plan -> cited document over all ``docs``."""
    graph = nx.DiGraph()
    catalogue = {d.key: d for d in national_catalogue().documents}
    for doc in docs:
        plan = f"plan:{doc.source.path}"
        meta = doc.metadata
        graph.add_node(plan, kind="plan", title=meta.title, province=meta.province, number=meta.doc_number,
                       date=meta.issued_date, generation=generation(doc))
        for c in doc.citations:
            if c.key not in graph:
                entry = catalogue.get(c.key)
                graph.add_node(c.key, kind="document", doc_type=c.doc_type, number=entry.number if entry else c.number,
                               date=entry.date if entry else c.date, issuer=entry.issuer if entry else c.issuer,
                               role=entry.role if entry else None, catalogue_id=entry.id if entry else None)
            if graph.has_edge(plan, c.key):
                edge = graph.edges[plan, c.key]
                edge["count"] += 1
                edge["legal_basis"] = edge["legal_basis"] or c.legal_basis
            else:
                graph.add_edge(plan, c.key, count=1, legal_basis=c.legal_basis)
    return graph


def implementers(graph: nx.DiGraph, key: str) -> list[str]:
    """Plans that cite the document ``key`` (e.g. "nghi-quyet:28/NQ-CP:2021")."""
    return sorted(p for p in graph.predecessors(key) if graph.nodes[p].get("kind") == "plan") if key in graph else []
