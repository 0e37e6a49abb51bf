"""Plots of a corpus (matplotlib figures, no global state): targets against the national
strategy, who leads what in a plan, and responsibilities moving from a predecessor agency to
its successor. :func:`svg` renders a figure as inline SVG for the HTML report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib
import networkx as nx
from matplotlib.figure import Figure

from gdparse.graph import role_edges
from gdparse.knowledge.indicators import current_strategy

ROLE_STYLE = {"lead": ("#b2182b", "solid"), "coordinate": ("#2166ac", "dashed"),
              "implement": ("#4d9221", "dotted")}


def svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element: text kept as text, no date, stable ids."""
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "gdparse"}):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # the RDF metadata block only names the generator; drop it to keep the page free of links
    start, end = text.find("<metadata>"), text.find("</metadata>")
    return text[:start] + text[end + len("</metadata>"):] if start != -1 and end != -1 else text


def indicator_comparison(corpus, plans: Sequence[str] | None = None, year: int = 2030) -> Figure:
    """Each plan's level on the shared indicators of the latest strategy relative to the national
    level for ``year`` (1 = national; above 1 = more ambitious, whichever direction the indicator
    runs)."""
    df = corpus.targets()
    ids = [corpus.id_of(p) for p in plans] if plans else list(corpus.ids)
    df = df[df["chosen"] & (df["year"] == year) & df["plan_id"].isin(ids) & df["national_value"].notna()
            & (df["unit"] == df["national_unit"]) & (df["national_value"] != 0)]
    indicators = sorted(df["indicator_id"].unique(), key=_indicator_order)
    fig = Figure(figsize=(8, 0.35 * max(len(indicators), 4) + 1.2))
    ax = fig.subplots()
    ax.axvline(1.0, color="#888", linewidth=1)
    markers = "osD^v<>"
    for k, pid in enumerate(ids):
        sub = df[df["plan_id"] == pid]
        xs, ys = [], []
        for _, r in sub.iterrows():
            ratio = r["national_value"] / r["value"] if r["lower_is_better"] else r["value"] / r["national_value"]
            xs.append(ratio)
            ys.append(indicators.index(r["indicator_id"]) + (k - (len(ids) - 1) / 2) * 0.15)
        ax.scatter(xs, ys, marker=markers[k % len(markers)], label=corpus.labels[pid], zorder=3)
    ax.set_yticks(range(len(indicators)))
    ax.set_yticklabels([i.split("-", 1)[-1] for i in indicators])  # "NS2030-3.2" -> "3.2"
    ax.invert_yaxis()
    ax.set_xlabel(f"level relative to the national {year} value (>1 = more ambitious)")
    ax.set_ylabel(f"national indicator (Strategy {current_strategy()})")
    ax.set_title(f"Targets for {year} against the national strategy")
    ax.grid(axis="x", alpha=0.3)
    if ids:
        ax.legend(loc="lower right", fontsize="small")
    return fig


def _indicator_order(indicator_id: str) -> tuple:
    number = indicator_id.split("-", 1)[-1]
    head, _, tail = number.partition(".")
    digits = "".join(ch for ch in tail if ch.isdigit())
    return (int(head) if head.isdigit() else 0, int(digits) if digits else 0, tail)


def who_leads_what(graph: nx.MultiDiGraph, plan_id: str, roles: Sequence[str] = ("lead", "coordinate")) -> Figure:
    """Agencies (left) and the work they are given in one plan (right): objectives, targets or
    the whole plan; edge colour and style by role."""
    edges = [(a, item, d) for a, item, d in role_edges(graph, roles) if d.get("plan_id") == plan_id]
    agencies = sorted({a for a, _, _ in edges}, key=lambda n: graph.nodes[n]["label"])
    items = sorted({i for _, i, _ in edges}, key=lambda n: (graph.nodes[n]["kind"] != "plan", n))
    fig = Figure(figsize=(9, 0.32 * max(len(agencies), len(items), 6) + 1))
    ax = fig.subplots()
    ax.set_axis_off()
    if not edges:
        ax.text(0.5, 0.5, "no role assignments", ha="center")
        return fig
    pos = {n: (0.0, 1 - i / max(len(agencies) - 1, 1)) for i, n in enumerate(agencies)}
    pos.update({n: (1.0, 1 - i / max(len(items) - 1, 1)) for i, n in enumerate(items)})
    for a, item, d in edges:
        color, style = ROLE_STYLE.get(d["role"], ("#999", "solid"))
        ax.plot([pos[a][0], pos[item][0]], [pos[a][1], pos[item][1]], color=color, linestyle=style,
                linewidth=0.8, alpha=0.7)
    for n in agencies:
        ax.text(pos[n][0] - 0.02, pos[n][1], graph.nodes[n]["label"], ha="right", va="center", fontsize=7)
    for n in items:
        ax.text(pos[n][0] + 0.02, pos[n][1], _item_label(graph, n), ha="left", va="center", fontsize=7)
    ax.scatter([pos[n][0] for n in pos], [pos[n][1] for n in pos], s=12, color="#333", zorder=3)
    for role in roles:
        color, style = ROLE_STYLE.get(role, ("#999", "solid"))
        ax.plot([], [], color=color, linestyle=style, label=role)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.06), ncol=len(roles), fontsize="small", frameon=False)
    ax.set_xlim(-0.9, 1.7)
    return fig


def _item_label(graph: nx.MultiDiGraph, node: str) -> str:
    d = graph.nodes[node]
    if d["kind"] == "plan":
        return "(whole plan)"
    if d["kind"] == "target":
        return f"{d['label']} [{d.get('indicator_id') or 'no indicator'}]"
    text = d.get("label") or node
    return ("Mục tiêu " + (d.get("number") or "") + ": " + text)[:48]


def lineage_shift(corpus, predecessor: str = "province.so_lao_dong_tbxh", successor: str = "province.so_noi_vu",
                  roles: Sequence[str] | None = None) -> Figure:
    """Responsibilities held by a predecessor agency and by its successor in each plan, in order
    of year: how work moved (Sở Lao động - Thương binh và Xã hội -> Sở Nội vụ after 2025)."""
    df = corpus.responsibilities(map_successors=False)
    if roles is not None:
        df = df[df["role"].isin(list(roles))]
    plans = corpus.plans().sort_values(["year", "plan"])
    labels = list(plans["plan"])
    counts = {a: [int(((df["plan"] == p) & (df["agency_id"] == a)).sum()) for p in labels]
              for a in (predecessor, successor)}
    from gdparse.compare_base import agency_name

    fig = Figure(figsize=(8, 3.6))
    ax = fig.subplots()
    xs = range(len(labels))
    width = 0.38
    ax.bar([x - width / 2 for x in xs], counts[predecessor], width, label=agency_name(predecessor), color="#d6604d")
    ax.bar([x + width / 2 for x in xs], counts[successor], width, label=agency_name(successor), color="#4393c3")
    ax.set_xticks(list(xs))
    ax.set_xticklabels(labels, rotation=20, ha="right", fontsize=8)
    ax.set_ylabel("responsibilities")
    ax.set_title("Responsibilities by plan: predecessor and successor agency")
    after = [i for i, y in enumerate(plans["year"]) if y is not None and y >= 2025]
    if after:
        ax.axvline(after[0] - 0.5, color="#555", linestyle="--", linewidth=1)
        ax.text(after[0] - 0.45, ax.get_ylim()[1] * 0.92, "2025 restructuring", fontsize=7)
    ax.legend(fontsize="small")
    return fig
