"""One self-contained HTML page about a corpus: the comparison tables, plots (inline SVG) and
the responsibility graph, every fact linked to its quote in an evidence list at the end.

No network: no scripts, styles or images from elsewhere. All document text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from gdparse import plots
from gdparse.compare import Corpus
from gdparse.compare_base import format_milestone
from gdparse.graph_metrics import concentration
from gdparse.knowledge.indicators import current_strategy

STYLE = """
body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.6rem 0 1.4rem;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f1f1} td.num{text-align:right} .more{background:#e3f4e3} .less{background:#fbe3e3}
figure{margin:1rem 0} figure svg{max-width:100%;height:auto} .muted{color:#666;font-size:.85rem}
li.ev{margin:.4rem 0} li.ev:target{background:#fff7cc} mark{background:#ffe28a}
"""


class Evidence:
    """Quotes referenced by the page, each with a stable anchor id."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.items: dict[str, tuple[str, int, int, int, int]] = {}

    def link(self, pid: str, start: int, end: int, text: str, context: tuple[int, int] | None = None) -> str:
        """``text`` as a link to the quote ``start:end`` of plan ``pid`` (shown inside ``context``)."""
        anchor = f"ev-{self.corpus.ids.index(pid)}-{start}-{end}"
        cs, ce = context or (start, end)
        self.items.setdefault(anchor, (pid, start, end, min(cs, start), max(ce, end)))
        quote = self.corpus.get(pid).text[start:end]
        return f'<a href="#{anchor}" title="{_e(quote[:300])}">{_e(text)}</a>'

    def render(self) -> str:
        out = ['<h2 id="evidence">Evidence</h2>', '<p class="muted">Each quote is the plan\'s normalised text '
               "at the given offsets; the fact is marked.</p><ol>"]
        for anchor, (pid, s, e, cs, ce) in sorted(self.items.items(), key=lambda kv: (kv[1][0], kv[1][1])):
            text = self.corpus.get(pid).text
            body = _e(text[cs:s]) + "<mark>" + _e(text[s:e]) + "</mark>" + _e(text[e:ce])
            out.append(f'<li class="ev" id="{anchor}"><b>{_e(self.corpus.labels[pid])}</b> '
                       f'<span class="muted">[{s}:{e}]</span><br>{body}</li>')
        out.append("</ol>")
        return "\n".join(out)


def _e(value: object) -> str:
    # Missing values from pandas tables (NaN, None) show as empty cells, not "nan".
    missing = value is None or (isinstance(value, float) and value != value)
    return html.escape("" if missing else str(value), quote=True)


def _num(value) -> str:
    if value is None or value != value:  # NaN
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """Cells are given as HTML (already escaped by the caller)."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _plans_section(corpus: Corpus) -> str:
    df = corpus.plans()
    rows = [[_e(r.plan), _e(r.province), _e(r.year), _e(r.generation), _e(r.doc_number or "—"),
             _e(r.targets), _e(r.responsibilities), f"<code>{_e(r.source_path)}</code>"] for r in df.itertuples()]
    return "<h2>Plans</h2>" + _table(
        ["plan", "province", "year", "generation", "number", "targets", "responsibilities", "source"], rows)


def _targets_section(corpus: Corpus, ev: Evidence, year: int) -> str:
    df = corpus.targets()
    strategy = current_strategy()
    ids = [pid for pid, s in zip(corpus.ids, corpus.plans()["strategy"]) if s == strategy]
    out = [f"<h2>Targets against the national strategy ({year})</h2>"]
    if not ids:
        return out[0] + f"<p>No plan of the {strategy} strategy.</p>"
    out.append(f"<figure>{plots.svg(plots.indicator_comparison(corpus, ids, year))}</figure>")
    chosen = df[df["chosen"] & (df["year"] == year)]
    matrix = corpus.indicator_matrix(year, ids)
    rows = []
    for ind_id, m in matrix.iterrows():
        if all(m[corpus.labels[p]] is None or m[corpus.labels[p]] != m[corpus.labels[p]] for p in ids):
            continue
        cells = [f"<code>{_e(ind_id)}</code>", _e(m["indicator"]), f'<td class="num">{_num(m["national"])}</td>']
        for pid in ids:
            hit = chosen[(chosen["plan_id"] == pid) & (chosen["indicator_id"] == ind_id)]
            if hit.empty:
                cells.append("<td></td>")
                continue
            r = hit.iloc[0]
            text = format_milestone(r["value"], r["unit"], r["comparator"], None, r["recurrence"])
            link = ev.link(pid, int(r["start"]), int(r["end"]), text, (int(r["target_start"]), int(r["target_end"])))
            cls = r["vs_national"] if r["vs_national"] in ("more", "less") else ""
            cells.append(f'<td class="num {cls}">{link}</td>')
        rows.append(cells)
    out.append('<p class="muted">Green: more ambitious than the national level; red: less. Each value links '
               "to its quote.</p>")
    out.append(_table(["indicator", "description", "national", *[corpus.labels[p] for p in ids]], rows))
    cov = corpus.coverage()
    rows = []
    for pid in corpus.ids:
        sub = cov[cov["plan_id"] == pid]
        counts = sub["status"].value_counts()
        dropped = ", ".join(sub[sub["status"] == "dropped"]["indicator_id"].astype(str))
        rows.append([_e(corpus.labels[pid]), _e(sub["strategy"].iloc[0] if len(sub) else ""),
                     _e(counts.get("adopted", 0)), _e(counts.get("dropped", 0)), _e(counts.get("added", 0)),
                     f'<span class="muted">{_e(dropped)}</span>'])
    out.append("<h3>Coverage of the national indicators</h3>")
    out.append(_table(["plan", "strategy", "adopted", "dropped", "added", "dropped indicators"], rows))
    return "\n".join(out)


def _responsibility_section(corpus: Corpus, ev: Evidence) -> str:
    graph = corpus.graph()
    out = ["<h2>Who leads what</h2>"]
    leads = corpus.lead_counts(map_successors=True).head(12)
    out.append("<h3>Agencies leading the most targets</h3>")
    out.append(_table(["agency", "targets led", "plans"],
                      [[_e(r.agency), _e(r.targets_led), _e(r.plans)] for r in leads.itertuples()]))
    hubs = corpus.coordination_hubs(map_successors=True).head(8)
    out.append("<h3>Hubs of coordination</h3>")
    out.append(_table(["agency", "partners", "shared items", "betweenness"],
                      [[_e(r.agency), _e(r.partners), _e(r.shared_items), _e(r.betweenness)]
                       for r in hubs.itertuples()]))
    out.append("<h3>Concentration of responsibility</h3>")
    rows = []
    for pid in corpus.ids:
        c = concentration(graph, pid)
        rows.append([_e(corpus.labels[pid]), _e(c["assignments"]), _e(c["agencies"]), _e(c["hhi"]),
                     _e(c["gini"]), _e(c["top1_share"]), _e(c["top_agency"])])
    out.append(_table(["plan", "assignments", "agencies", "HHI", "Gini", "top share", "busiest agency"], rows))
    no_lead = corpus.targets_without_lead()
    out.append(f"<h3>Targets without a lead agency ({len(no_lead)})</h3>")
    rows = []
    for r in no_lead.itertuples():
        doc = corpus.get(r.plan_id)
        t = next(t for t in doc.targets if t.id == r.target)
        rows.append([_e(corpus.labels[r.plan_id]), ev.link(r.plan_id, t.start, t.end, r.label or r.target),
                     f"<code>{_e(r.indicator_id or '')}</code>"])
    out.append(_table(["plan", "target", "indicator"], rows))
    out.append("<h3>Responsibility graph, plan by plan</h3>")
    for pid in corpus.ids:
        out.append(f"<figure><figcaption>{_e(corpus.labels[pid])}: lead and coordinating agencies and the "
                   f"work they are given</figcaption>{plots.svg(plots.who_leads_what(graph, pid))}</figure>")
    return "\n".join(out)


def _moves_section(corpus: Corpus, ev: Evidence) -> str:
    out = ["<h2>How responsibilities moved</h2>",
           f"<figure>{plots.svg(plots.lineage_shift(corpus))}</figure>"]
    resp = corpus.responsibilities(map_successors=True)
    mapped = resp[resp["mapped"]]
    if len(mapped):
        out.append(f"<h3>Agencies mapped to their successors ({len(mapped)} responsibilities)</h3>")
        rows = [[_e(r.plan), _e(r.lineage), _e(r.role), ev.link(r.plan_id, r.start, r.end, (r.task or r.quote)[:90])]
                for r in mapped.head(60).itertuples()]
        out.append(_table(["plan", "lineage", "role", "work"], rows))
    for old, new in corpus.successive_pairs():
        d = corpus.diff(old, new)
        c = d.counts()
        out.append(f"<h3>{_e(d.old)} → {_e(d.new)}</h3><p>{c['changed']} targets changed, {c['added']} added, "
                   f"{c['removed']} removed, {c['unchanged']} unchanged.</p>")
        rows = []
        for t in d.targets:
            if t.status == "unchanged":
                continue
            before = ev.link(old, *t.old_span, t.old_milestones or "(no value)") if t.old_span else ""
            after = ev.link(new, *t.new_span, t.new_milestones or "(no value)") if t.new_span else ""
            rows.append([_e(t.status), f"<code>{_e(t.indicator_id or '')}</code> {_e(t.indicator or '')}",
                         before, after])
        out.append(_table(["change", "indicator", d.old, d.new], rows))
        rows = [[_e(r.domain), _e(", ".join(r.lost)), _e(", ".join(r.gained)), _e(", ".join(r.mapped))]
                for r in d.responsibilities if r.moved or r.mapped]
        out.append(_table(["domain", "no longer", "now", "mapped by lineage"], rows))
    return "\n".join(out)


def render(corpus: Corpus, *, title: str = "gdparse: gender-equality plans compared", year: int = 2030) -> str:
    """The report as one HTML string."""
    ev = Evidence(corpus)
    body = [_plans_section(corpus), _targets_section(corpus, ev, year), _responsibility_section(corpus, ev),
            _moves_section(corpus, ev), ev.render()]
    return ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
            f"<h1>{_e(title)}</h1><p class=\"muted\">{len(corpus)} plan(s). Levels, roles and changes link to the "
            "words they come from (<a href=\"#evidence\">evidence</a>).</p>" + "\n".join(body) + "</body></html>\n")
