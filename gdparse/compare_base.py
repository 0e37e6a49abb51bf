"""Shared vocabulary of the comparison stage: plan identity, national levels, agency names and
successors, and the domain of a responsibility.

Pure functions over :class:`PlanDocument` and :mod:`gdparse.knowledge`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from gdparse.knowledge.agencies import LineageChange, agencies, successor_of
from gdparse.knowledge.indicators import (
    Indicator,
    NationalMilestone,
    catalogue,
    current_strategy,
    indicator,
    strategy_for_years,
)
from gdparse.model import PlanDocument, Responsibility

# ---------------------------------------------------------------- plans

def plan_id(doc: PlanDocument) -> str:
    """A short stable id: the source file's stem ("003_lang-son_2026_…")."""
    return PurePath(doc.source.path).stem or doc.source.sha256[:12]


def plan_year(doc: PlanDocument) -> int | None:
    """Year of issue, else the first year of the plan's period."""
    m = doc.metadata
    if m.issued_date and m.issued_date[:4].isdigit():
        return int(m.issued_date[:4])
    return m.period_start or m.period_end


def plan_label(doc: PlanDocument) -> str:
    """A readable label: "Lạng Sơn 2026"."""
    year = plan_year(doc)
    return f"{doc.metadata.province or 'unknown'} {year if year is not None else '?'}"


def plan_date(doc: PlanDocument) -> dt.date | None:
    """The date lineage is judged on: issue date, else 1 January of the plan's year."""
    m = doc.metadata
    if m.issued_date:
        parts = [int(p) for p in m.issued_date.split("-") if p.isdigit()]
        try:
            return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except (ValueError, IndexError):
            pass
    year = plan_year(doc)
    return dt.date(year, 1, 1) if year else None


def strategy_of(doc: PlanDocument) -> str:
    """The national strategy a plan follows, from the indicators its targets match."""
    votes = [indicator(t.indicator_id).strategy for t in doc.targets if t.indicator_id and indicator(t.indicator_id)]
    if votes:
        return max(sorted(set(votes)), key=votes.count)
    year = plan_year(doc)
    return strategy_for_years([year]) if year is not None else current_strategy()


# ---------------------------------------------------------------- national levels

def indicator_parts(indicator_id: str) -> tuple[str, ...]:
    """Parts of a combined indicator: "NS2030-3.2" -> ("NS2030-3.2a", "NS2030-3.2b"); () if none."""
    ids = [i.id for i in catalogue().indicators]
    return tuple(i for i in ids if len(i) == len(indicator_id) + 1 and i.startswith(indicator_id) and i[-1].isalpha())


def national_level(indicator_id: str, year: int | None) -> NationalMilestone | None:
    """The national milestone in force in ``year``: the one of that year, or a level held from an
    earlier year on ("from_year", "maintain"), or an annual one."""
    ind = indicator(indicator_id)
    if ind is None:
        return None
    exact = [m for m in ind.milestones if m.year == year and m.value is not None]
    if exact:
        return exact[0]
    for m in ind.milestones:
        if m.value is None:
            continue
        if m.recurrence == "annual" or m.direction == "maintain":
            return m
        if m.recurrence == "from_year" and year is not None and m.year is not None and m.year <= year:
            return m
    return None


def lower_is_better(ind: Indicator | None) -> bool:
    """Whether a lower value is the more ambitious one: a national bound from above ("<", "<="),
    or national values that fall over time (sex ratio at birth 111 -> 109)."""
    if ind is None:
        return False
    if any(m.comparator in ("<", "<=") or m.direction == "decrease" for m in ind.milestones):
        return True
    dated = sorted((m.year, m.value) for m in ind.milestones if m.year is not None and m.value is not None)
    return len(dated) > 1 and dated[-1][1] < dated[0][1]


STRICT_STEP = 1e-6  # "trên 60%" asks a little more than "60%"


def effective(value: float, comparator: str | None, lower_better: bool) -> float:
    """A level with its comparator folded in: a strict bound in the ambitious direction (">" when
    higher is better, "<" when lower is) counts as slightly beyond its value."""
    if comparator == ">" and not lower_better:
        return value + STRICT_STEP
    if comparator == "<" and lower_better:
        return value - STRICT_STEP
    return value


def ambition(value: float, reference: float, lower_better: bool) -> str:
    """"more", "less" or "same" ambitious than ``reference``."""
    if abs(value - reference) < STRICT_STEP / 2:
        return "same"
    return "more" if (value < reference) == lower_better else "less"


def format_milestone(value: float | None, unit: str | None, comparator: str | None, year: int | None,
                     recurrence: str | None = None) -> str:
    """A milestone as a short phrase: ">= 30 % by 2030", "100 % from 2025", "45 % annual"."""
    if value is None:
        level = "(no value)"
    else:
        number = f"{value:g}"
        sign = {"=": "", "approx": "~", "change": "change "}.get(comparator or "=", f"{comparator} ")
        level = f"{sign}{number}{'%' if unit == '%' else ' ' + unit if unit else ''}"
    when = ("annual" if recurrence == "annual" else f"from {year}" if recurrence == "from_year"
            else f"by {year}" if year else "")
    return f"{level} {when}".strip()


# ---------------------------------------------------------------- agencies

def agency_name(agency_id: str, doc: PlanDocument | None = None) -> str:
    """Canonical name from the registry, else from the document, else the id."""
    entry = agencies().get(agency_id)
    if entry is not None:
        return entry.name
    if doc is not None:
        found = next((a.name for a in doc.agencies if a.id == agency_id), None)
        if found:
            return found
    return agency_id.split(":", 1)[-1]


def map_agency(agency_id: str, on: dt.date | None = None) -> tuple[str, tuple[LineageChange, ...]]:
    """Successor of an agency (in force on ``on``, or today's) and the changes that led there."""
    if agency_id not in agencies():
        return agency_id, ()
    return successor_of(agency_id, on)


# ---------------------------------------------------------------- domains

def responsibility_domain(doc: PlanDocument, r: Responsibility) -> str:
    """Policy domain of a responsibility: the most frequent among its targets' (first on a tie),
    else among its objectives', else "general" (plan-wide work)."""
    targets = {t.id: t for t in doc.targets}
    objectives = {o.id: o for o in doc.objectives}
    for domains in ([targets[i].domain for i in r.target_ids if i in targets],
                    [objectives[i].domain for i in r.objective_ids if i in objectives]):
        domains = [d for d in domains if d != "other"]
        if domains:
            return max(dict.fromkeys(domains), key=domains.count)
    return "general"
