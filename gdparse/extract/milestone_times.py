"""Time expressions in a target and which values they apply to (ANNOTATION.md §2).

:func:`find_times` finds deadlines, terms, "hằng năm" and baselines ("so với năm 2010") in a span
of the folded text; :func:`assign_times` gives each value of a sentence its deadline, whether the
time comes before the values ("Đến năm 2025, 80% …") or after them ("… đạt 80% vào năm 2025").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from gdparse.extract.rules import compiled
from gdparse.knowledge.milestones import TimeRule

if TYPE_CHECKING:
    from gdparse.extract.milestones import Value


@dataclass(slots=True)
class TimeExpr:
    """A time expression: its span, the rule that found it, and its year or term."""

    start: int
    end: int
    rule: TimeRule
    year: int | None = None
    term: str | None = None


def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps any of ``spans``."""
    for a, b in spans:  # a plain loop: any() over a generator costs more on these short lists
        if a < e and s < b:
            return True
    return False


Found = tuple[int, int, regex.Match[str]]  # start, end and the match


def find_times(folded: str, start: int, end: int) -> list[TimeExpr]:
    """Time expressions (deadlines, terms, "hằng năm", "so với năm 2010") in a span: of the matches
    of the rules (in their order), those that overlap no match of an earlier rule."""
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    for rule, rule_scan, (y, y1, y2) in compiled().times:
        for m in rule_scan.finditer(folded, start, end):
            s, e = m.span()
            if taken and overlaps(taken, s, e):
                continue
            expr = TimeExpr(s, e, rule)
            year2 = m.group(y2) if y2 else None  # groups by index: by name costs more
            if year2:
                expr.year = int(year2)
                if rule.role == "term":
                    expr.term = f"{m.group(y1) if y1 else None}-{year2}"
            elif y and (year := m.group(y)):
                expr.year = int(year)
            out.append(expr)
            taken.append((s, e))
    return sorted(out, key=lambda t: t.start)


def assign_times(folded: str, sentence: tuple[int, int], values: list[Value], times: list[TimeExpr],
                  carry: TimeExpr | None) -> TimeExpr | None:
    """Give each value of one sentence its deadline; return the prefix to carry forward."""
    s, e = sentence
    in_values = [v for v in values if s <= v.start < e]
    in_times = [t for t in times if s <= t.start < e]
    events = sorted([(v.start, 0, v) for v in in_values] + [(t.start, 1, t) for t in in_times],
                    key=lambda x: x[0])
    pending: list[Value] = []
    prefix: TimeExpr | None = None
    for idx, (_pos, is_time, item) in enumerate(events):
        if not is_time:
            if prefix is not None:
                apply_time(item, prefix)
            else:
                pending.append(item)
            continue
        t: TimeExpr = item
        if t.rule.role == "baseline":
            for v in in_values:
                v.baseline_year = v.baseline_year or t.year
            continue
        kind = t.rule.kind
        if kind == "auto":
            later = events[idx + 1 :]
            value_after = False
            for _p, other_is_time, _o in later:
                if other_is_time:
                    break
                value_after = True
                break
            adjacent = bool(pending) and not folded[pending[-1].span_end : t.start].strip(" ,")
            kind = "suffix" if pending and (not value_after or adjacent) else "prefix"
        if kind == "suffix":
            for v in pending:
                apply_time(v, t)
            pending = []
            prefix = None
        else:
            prefix = t
    for v in pending:
        if carry is not None and not in_times:
            apply_time(v, carry)
    return prefix or (carry if not in_times else None)


def apply_time(v: Value, t: TimeExpr) -> None:
    role = t.rule.role
    if role == "annual":
        v.recurrence = "annual"
    elif role == "from_year":
        v.year, v.recurrence = t.year, "from_year"
    elif role == "term":
        v.year, v.term = t.year, t.term
    else:
        v.year = t.year
