"""Targets aligned by national indicator: one row per milestone with the national level in force
that year, whether the province is more or less ambitious, and earlier or later.

Rows are plain dicts (columns documented in ``knowledge/data/columns.yaml``); :mod:`gdparse.compare`
makes them tables.
"""

from __future__ import annotations

from collections import defaultdict

from gdparse.compare_base import (
    ambition,
    effective,
    indicator_parts,
    lower_is_better,
    national_level,
    plan_id,
    plan_year,
)
from gdparse.knowledge.indicators import current_indicator, indicator
from gdparse.model import Milestone, PlanDocument, Target


def _year(doc: PlanDocument, m: Milestone) -> tuple[int | None, str]:
    """The milestone's deadline and where it came from: the text, or the plan's last year when
    the text sets a level without a year ("phấn đấu đạt 80%" in a 2026-2030 plan)."""
    if m.year is not None:
        return m.year, "text"
    if m.recurrence == "annual":
        return None, "annual"
    if doc.metadata.period_end is not None:
        return doc.metadata.period_end, "period_end"
    return None, "none"


def _assign_parts(doc: PlanDocument, t: Target) -> list[tuple[Milestone, str, bool]]:
    """(milestone, indicator id, split) for each milestone of a target. A combined indicator
    without national values of its own ("3.2" = "3.2a" + "3.2b") hands its k-th milestone of a
    year to its k-th part when the counts agree."""
    ind_id = t.indicator_id
    parts = indicator_parts(ind_id) if ind_id else ()
    combined = indicator(ind_id) if ind_id else None
    if not parts or (combined and combined.milestones):
        return [(m, ind_id, False) for m in t.milestones]
    by_year: dict[int | None, list[Milestone]] = defaultdict(list)
    for m in t.milestones:
        by_year[_year(doc, m)[0]].append(m)
    out = []
    for m in t.milestones:
        same_year = by_year[_year(doc, m)[0]]
        if len(same_year) == len(parts):
            out.append((m, parts[same_year.index(m)], True))
        else:
            out.append((m, ind_id, False))
    return out


def _national_year_reached(ind_id: str, value: float, lower_better: bool) -> int | None:
    """Earliest year by which the national strategy asks for ``value`` (effective) or better."""
    ind = indicator(ind_id)
    if ind is None:
        return None
    for m in sorted((m for m in ind.milestones if m.year is not None and m.value is not None), key=lambda m: m.year):
        if ambition(effective(m.value, m.comparator, lower_better), value, lower_better) in ("same", "more"):
            return m.year
    return None


def _timing(year: int | None, reached: int | None) -> str | None:
    if year is None or reached is None:
        return None
    return "earlier" if year < reached else "later" if year > reached else "same"


def milestone_rows(doc: PlanDocument, pid: str | None = None, label: str | None = None) -> list[dict]:
    """One row per milestone of every target with a national indicator (or none)."""
    pid = pid or plan_id(doc)
    rows = []
    for t in doc.targets:
        for m, ind_id, split in _assign_parts(doc, t):
            year, year_source = _year(doc, m)
            ind = indicator(ind_id) if ind_id else None
            lower = lower_is_better(ind)
            nat = national_level(ind_id, year) if ind_id else None
            comparable = nat is not None and m.value is not None and (nat.unit or None) == (m.unit or None) \
                and m.comparator != "change"
            level = effective(m.value, m.comparator, lower) if m.value is not None else None
            nat_level = effective(nat.value, nat.comparator, lower) if comparable else None
            reached = _national_year_reached(ind_id, level, lower) if ind_id and level is not None else None
            rows.append({
                "plan_id": pid, "plan": label or pid, "province": doc.metadata.province, "plan_year": plan_year(doc),
                "target_id": t.id, "target_label": t.label, "indicator_id": ind_id,
                "indicator_matched": t.indicator_id, "split_from_combined": split,
                "indicator_current": current_indicator(ind_id),
                "indicator": ind.description if ind else None, "strategy": ind.strategy if ind else None,
                "domain": t.domain, "year": year, "year_source": year_source, "recurrence": m.recurrence,
                "value": m.value, "value_high": m.value_high, "unit": m.unit, "comparator": m.comparator,
                "direction": m.direction, "lower_is_better": lower, "reference_value": m.reference_value,
                "reference_source": m.reference_source,
                "national_value": nat.value if nat else None, "national_comparator": nat.comparator if nat else None,
                "national_unit": nat.unit if nat else None,
                "delta_vs_national": round(m.value - nat.value, 4) if comparable else None,
                "vs_national": ambition(level, nat_level, lower) if comparable else None,
                "national_year_for_level": reached if comparable or reached else None,
                "timing_vs_national": _timing(year, reached) if m.comparator != "change" else None,
                "start": m.start, "end": m.end, "target_start": t.start, "target_end": t.end,
                "quote": doc.text[t.start:t.end],
            })
    return rows


def choose_rows(rows: list[dict]) -> list[dict]:
    """Mark one row per (plan, indicator, year) as ``chosen``: a plan that restates the national
    value next to its own ("đạt 90% (TW 80)") commits to its own, so rows quoting a reference
    value win, then rows matched directly (not split from a combined target), then text order."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r["indicator_id"] is not None and r["value"] is not None:
            groups[(r["plan_id"], r["indicator_id"], r["year"], r["recurrence"])].append(i)
    chosen = {min(ix, key=lambda i: (rows[i]["reference_value"] is None, rows[i]["split_from_combined"], i))
              for ix in groups.values()}
    return [{**r, "chosen": i in chosen, "alternatives": len(groups.get(
        (r["plan_id"], r["indicator_id"], r["year"], r["recurrence"]), [])) - 1 if i in chosen else None}
        for i, r in enumerate(rows)]


def rank_among_plans(rows: list[dict]) -> list[dict]:
    """Add ``rank_among_plans`` (1 = most ambitious) and ``plans_compared`` over chosen rows of
    the same indicator, year and unit."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.get("chosen") and r["comparator"] != "change":
            groups[(r["indicator_id"], r["year"], r["unit"])].append(i)
    rank: dict[int, tuple[int, int]] = {}
    for ix in groups.values():
        lower = rows[ix[0]]["lower_is_better"]
        level = {i: effective(rows[i]["value"], rows[i]["comparator"], lower) for i in ix}
        values = sorted(set(level.values()), reverse=not lower)
        for i in ix:
            rank[i] = (values.index(level[i]) + 1, len(ix))
    return [{**r, "rank_among_plans": rank[i][0] if i in rank else None,
             "plans_compared": rank[i][1] if i in rank else None} for i, r in enumerate(rows)]
