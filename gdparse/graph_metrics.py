"""Questions answered on a responsibility graph (:mod:`gdparse.graph`).

- who leads what: :func:`target_leads`, :func:`lead_counts`, :func:`targets_without_lead`;
- who is the hub of coordination: :func:`coordination_graph`, :func:`coordination_hubs`;
- how concentrated responsibility is: :func:`concentration` (Herfindahl index, Gini, top shares).

Each returns plain lists and dicts (sorted, deterministic); :mod:`gdparse.compare` turns them
into tables.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from gdparse.graph import nodes_of_kind, role_edges

LEAD_ROLES = ("lead",)


def target_leads(graph: nx.MultiDiGraph, roles: Iterable[str] = LEAD_ROLES,
                 via_objectives: bool = True) -> dict[str, list[str]]:
    """Target node -> agency nodes holding one of ``roles`` on it.

    With ``via_objectives`` a role on an objective counts for each of its targets (the text
    "chủ trì thực hiện mục tiêu 2" gives the lead of all targets of objective 2).
    """
    roles = tuple(roles)
    leads: dict[str, set[str]] = {t: set() for t in nodes_of_kind(graph, "target")}
    for agency, item, _ in role_edges(graph, roles):
        kind = graph.nodes[item].get("kind")
        if kind == "target":
            leads[item].add(agency)
        elif kind == "objective" and via_objectives:
            for _, child, d in graph.out_edges(item, data=True):
                if d.get("kind") == "has_target":
                    leads[child].add(agency)
    return {t: sorted(a) for t, a in sorted(leads.items())}


def lead_counts(graph: nx.MultiDiGraph, roles: Iterable[str] = LEAD_ROLES,
                via_objectives: bool = True) -> list[dict]:
    """Agencies by the number of targets they lead (most first)."""
    counts: Counter[str] = Counter()
    plans: dict[str, set[str]] = defaultdict(set)
    for target, agencies in target_leads(graph, roles, via_objectives).items():
        for a in agencies:
            counts[a] += 1
            plans[a].add(graph.nodes[target]["plan_id"])
    return [{"agency_id": graph.nodes[a]["agency_id"], "agency": graph.nodes[a]["label"], "targets_led": n,
             "plans": len(plans[a])}
            for a, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def targets_without_lead(graph: nx.MultiDiGraph, roles: Iterable[str] = LEAD_ROLES,
                         via_objectives: bool = True) -> list[dict]:
    """Targets that no agency leads, with their plan, label and indicator."""
    out = []
    for target, agencies in target_leads(graph, roles, via_objectives).items():
        if not agencies:
            d = graph.nodes[target]
            out.append({"plan_id": d["plan_id"], "target": target.split("/", 1)[1], "label": d.get("label"),
                        "indicator_id": d.get("indicator_id"), "text": d.get("text")})
    return out


def _work_item(graph: nx.MultiDiGraph, item: str, data: dict) -> tuple:
    """What two agencies share when they work together: a target, an objective, or (for
    plan-wide work) the section the assignment is written in."""
    if graph.nodes[item].get("kind") == "plan":
        return (item, data.get("section_id"))
    return (item, None)


def coordination_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected agency graph: an edge joins a lead and a coordinating agency on the same work
    item (target, objective or section); ``weight`` counts the shared items."""
    by_item: dict[tuple, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for agency, item, d in role_edges(graph, ("lead", "coordinate")):
        by_item[_work_item(graph, item, d)][d["role"]].add(agency)
    out = nx.Graph()
    for roles in by_item.values():
        for lead in roles.get("lead", ()):
            for other in roles.get("coordinate", ()):
                if lead == other:
                    continue
                for n in (lead, other):
                    out.add_node(n, label=graph.nodes[n]["label"], agency_id=graph.nodes[n]["agency_id"])
                w = out.edges[lead, other]["weight"] + 1 if out.has_edge(lead, other) else 1
                out.add_edge(lead, other, weight=w)
    return out


def coordination_hubs(graph: nx.MultiDiGraph) -> list[dict]:
    """Agencies by their place in coordination (most central first): partners, shared items
    (weighted degree) and betweenness centrality of the coordination graph."""
    coord = coordination_graph(graph)
    if coord.number_of_nodes() == 0:
        return []
    between = nx.betweenness_centrality(coord)
    rows = [{"agency_id": coord.nodes[n]["agency_id"], "agency": coord.nodes[n]["label"],
             "partners": coord.degree(n), "shared_items": coord.degree(n, weight="weight"),
             "betweenness": round(between[n], 4)} for n in coord.nodes]
    return sorted(rows, key=lambda r: (-r["shared_items"], -r["betweenness"], r["agency_id"]))


def _gini(values: list[int]) -> float:
    values = sorted(values)
    n, total = len(values), sum(values)
    if n == 0 or total == 0:
        return 0.0
    cum = sum((i + 1) * v for i, v in enumerate(values))
    return (2 * cum) / (n * total) - (n + 1) / n


def concentration(graph: nx.MultiDiGraph, plan_id: str | None = None,
                  roles: Iterable[str] | None = None) -> dict:
    """How concentrated responsibility is among agencies (in one plan, or all).

    ``hhi`` is the Herfindahl-Hirschman index of agencies' shares of role assignments (1 = one
    agency holds everything, 1/n = equal shares); ``gini`` the Gini coefficient; ``top1_share``
    and ``top3_share`` the shares of the one and three busiest agencies.
    """
    counts: Counter[str] = Counter()
    seen: set[tuple] = set()
    for agency, _, d in role_edges(graph, roles):
        if plan_id is not None and d.get("plan_id") != plan_id:
            continue
        # one assignment counts once even when it names several targets
        key = (agency, d.get("plan_id"), d.get("start"), d.get("role"))
        if key not in seen:
            seen.add(key)
            counts[agency] += 1
    total = sum(counts.values())
    ranked = sorted(counts.values(), reverse=True)
    top = counts.most_common(1)[0][0] if counts else None
    return {
        "plan_id": plan_id or "all",
        "assignments": total,
        "agencies": len(counts),
        "hhi": round(sum((c / total) ** 2 for c in ranked), 4) if total else 0.0,
        "gini": round(_gini(ranked), 4),
        "top1_share": round(ranked[0] / total, 4) if total else 0.0,
        "top3_share": round(sum(ranked[:3]) / total, 4) if total else 0.0,
        "top_agency": graph.nodes[top]["label"] if top else None,
    }
