"""Diff of two plans: targets added, removed or changed, and responsibilities moved.

Targets are aligned by national indicator, carried across strategy generations by the indicator
crosswalk (:mod:`gdparse.knowledge.indicators`: a 2011-2015 plan's NS2020-4.1 meets a 2024 plan's
NS2030-4.1); targets without an indicator are aligned by identical text. Responsibilities are
compared per policy domain: the agencies holding the given roles in each plan, with
predecessors mapped to successors on request (and each mapping marked).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from gdparse.compare_base import (
    agency_name,
    format_milestone,
    map_agency,
    plan_label,
    responsibility_domain,
)
from gdparse.knowledge.indicators import current_indicator, indicator
from gdparse.model import PlanDocument, Target
from gdparse.vietnamese import fold


@dataclass(frozen=True)
class TargetChange:
    """One aligned pair of targets, or a target on one side only."""

    status: str  # added | removed | changed | unchanged
    indicator_id: str | None  # the 2021-2030 id both sides are aligned on
    indicator: str | None
    old_target_id: str | None
    new_target_id: str | None
    old_milestones: str | None
    new_milestones: str | None
    old_quote: str | None
    new_quote: str | None
    old_span: tuple[int, int] | None
    new_span: tuple[int, int] | None


@dataclass(frozen=True)
class ResponsibilityMove:
    """Agencies holding ``roles`` in one policy domain, before and after."""

    domain: str
    old_agencies: tuple[str, ...]
    new_agencies: tuple[str, ...]
    lost: tuple[str, ...]  # held it before, not after
    gained: tuple[str, ...]  # hold it after, not before
    mapped: tuple[str, ...]  # old agencies renamed by lineage ("Sở LĐTBXH -> Sở Nội vụ")

    @property
    def moved(self) -> bool:
        return bool(self.lost or self.gained)


@dataclass(frozen=True)
class PlanDiff:
    old: str
    new: str
    roles: tuple[str, ...]
    map_successors: bool
    targets: tuple[TargetChange, ...]
    responsibilities: tuple[ResponsibilityMove, ...]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in ("added", "removed", "changed", "unchanged")}
        for t in self.targets:
            out[t.status] += 1
        out["domains_moved"] = sum(1 for r in self.responsibilities if r.moved)
        return out

    def target_frame(self):
        """One row per target change; spans as start/end columns."""
        import pandas as pd

        rows = []
        for t in self.targets:
            row = {"old_plan": self.old, "new_plan": self.new, **t.__dict__}
            for side in ("old", "new"):
                span = row.pop(f"{side}_span")
                row[f"{side}_start"], row[f"{side}_end"] = span if span else (None, None)
            rows.append(row)
        return pd.DataFrame(rows)

    def responsibility_frame(self):
        """One row per policy domain; agency lists joined by "; "."""
        import pandas as pd

        return pd.DataFrame([{"old_plan": self.old, "new_plan": self.new, "roles": "/".join(self.roles),
                              **{k: "; ".join(v) if isinstance(v, tuple) else v for k, v in r.__dict__.items()},
                              "moved": r.moved} for r in self.responsibilities])

    def summary(self) -> str:
        """The diff as Markdown, for a person."""
        c = self.counts()
        lines = [f"# {self.old} -> {self.new}", "",
                 f"Targets: {c['changed']} changed, {c['added']} added, {c['removed']} removed, "
                 f"{c['unchanged']} unchanged. Domains where responsibility moved ({'/'.join(self.roles)}): "
                 f"{c['domains_moved']}.", ""]
        for status in ("changed", "added", "removed"):
            items = [t for t in self.targets if t.status == status]
            if items:
                lines.append(f"## Targets {status}")
                for t in items:
                    head = t.indicator_id or "(no national indicator)"
                    if status == "changed":
                        lines.append(f"- {head} {t.indicator or ''}: {t.old_milestones} -> {t.new_milestones}")
                    else:
                        quote = t.new_quote if status == "added" else t.old_quote
                        lines.append(f"- {head}: {(quote or '')[:120]}")
                lines.append("")
        moves = [r for r in self.responsibilities if r.moved or r.mapped]
        if moves:
            lines.append("## Responsibilities by domain")
            for r in moves:
                parts = []
                if r.lost:
                    parts.append("no longer: " + ", ".join(r.lost))
                if r.gained:
                    parts.append("now: " + ", ".join(r.gained))
                if r.mapped:
                    parts.append("mapped by lineage: " + ", ".join(r.mapped))
                lines.append(f"- {r.domain}: " + "; ".join(parts))
        return "\n".join(lines) + "\n"


def _milestones(t: Target) -> str:
    return "; ".join(format_milestone(m.value, m.unit, m.comparator, m.year, m.recurrence) for m in t.milestones)


def _levels(t: Target) -> tuple:
    return tuple((m.value, m.unit, m.comparator, m.year, m.recurrence) for m in t.milestones)


def _key(t: Target) -> str:
    if t.indicator_id:
        return "ind:" + current_indicator(t.indicator_id)
    return "text:" + " ".join(fold(t.text).split())


def _change(status: str, key: str, old: Target | None, new: Target | None) -> TargetChange:
    ind_id = key[4:] if key.startswith("ind:") else None
    ind = indicator(ind_id) if ind_id else None
    return TargetChange(
        status=status, indicator_id=ind_id, indicator=ind.description if ind else None,
        old_target_id=old.id if old else None, new_target_id=new.id if new else None,
        old_milestones=_milestones(old) if old else None, new_milestones=_milestones(new) if new else None,
        old_quote=old.text if old else None, new_quote=new.text if new else None,
        old_span=(old.start, old.end) if old else None, new_span=(new.start, new.end) if new else None)


def diff_targets(old: PlanDocument, new: PlanDocument) -> tuple[TargetChange, ...]:
    """Targets aligned by (current) national indicator; several targets on one indicator pair
    up in text order, the surplus is added or removed."""
    olds: dict[str, list[Target]] = defaultdict(list)
    news: dict[str, list[Target]] = defaultdict(list)
    for t in old.targets:
        olds[_key(t)].append(t)
    for t in new.targets:
        news[_key(t)].append(t)
    out: list[TargetChange] = []
    for key in list(dict.fromkeys([*olds, *news])):
        a, b = olds.get(key, []), news.get(key, [])
        for i in range(max(len(a), len(b))):
            o = a[i] if i < len(a) else None
            n = b[i] if i < len(b) else None
            if o and n:
                out.append(_change("unchanged" if _levels(o) == _levels(n) else "changed", key, o, n))
            else:
                out.append(_change("added" if n else "removed", key, o, n))
    order = {"changed": 0, "added": 1, "removed": 2, "unchanged": 3}
    return tuple(sorted(out, key=lambda c: (order[c.status], c.indicator_id or "~")))


def _holders(doc: PlanDocument, roles: tuple[str, ...], map_successors: bool) -> tuple[dict, dict]:
    """Domain -> agency names holding ``roles``; and name -> name as written, for mapped ones."""
    by_domain: dict[str, set[str]] = defaultdict(set)
    mapped: dict[str, str] = {}
    for r in doc.responsibilities:
        if r.role not in roles:
            continue
        used, chain = map_agency(r.agency_id) if map_successors else (r.agency_id, ())
        name = agency_name(used, doc)
        by_domain[responsibility_domain(doc, r)].add(name)
        if chain:
            mapped[name] = agency_name(r.agency_id, doc)
    return by_domain, mapped


def diff_responsibilities(old: PlanDocument, new: PlanDocument, roles: Iterable[str] = ("lead", "implement"),
                          map_successors: bool = True) -> tuple[ResponsibilityMove, ...]:
    roles = tuple(roles)
    a, mapped = _holders(old, roles, map_successors)
    b, _ = _holders(new, roles, map_successors)
    out = []
    for domain in sorted(set(a) | set(b)):
        before, after = a.get(domain, set()), b.get(domain, set())
        out.append(ResponsibilityMove(
            domain=domain, old_agencies=tuple(sorted(before)), new_agencies=tuple(sorted(after)),
            lost=tuple(sorted(before - after)), gained=tuple(sorted(after - before)),
            mapped=tuple(sorted(f"{mapped[n]} -> {n}" for n in before if n in mapped))))
    return tuple(out)


def diff_plans(old: PlanDocument, new: PlanDocument, *, roles: Iterable[str] = ("lead", "implement"),
               map_successors: bool = True) -> PlanDiff:
    """What changed from ``old`` to ``new``."""
    roles = tuple(roles)
    return PlanDiff(old=plan_label(old), new=plan_label(new), roles=roles, map_successors=map_successors,
                    targets=diff_targets(old, new),
                    responsibilities=diff_responsibilities(old, new, roles, map_successors))
