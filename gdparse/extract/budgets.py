"""Money amounts with their funding source (ANNOTATION.md §2, §5).

The budget part (KINH PHÍ THỰC HIỆN, the context's budget region) names funding sources: each source becomes one Budget
without an amount. A money amount anywhere ("5 tỷ 800 triệu đồng") becomes a Budget with its
value in VND and the source named in the same sentence. Cues: :mod:`gdparse.knowledge.budgets`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import regex

from gdparse.extract.matching import PlainScan, scan
from gdparse.extract.quantities import parse_number, sentences
from gdparse.extract.rules import cue_scan
from gdparse.knowledge.budgets import budget_rules
from gdparse.knowledge.loader import phrases_pattern
from gdparse.model import Budget, PlanDocument
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.budgets"


@cache
def _compiled() -> tuple[list[tuple[str, regex.Pattern[str]]], PlainScan]:
    rules = budget_rules()
    return [(s.name, cue_scan(s.cues)) for s in rules.sources], scan(rules.money.pattern)


def money_matches(folded: str) -> list[regex.Match[str]]:
    """Every money amount of the folded text."""
    return list(_compiled()[1].finditer(folded))


@cache
def _amount_part() -> regex.Pattern[str]:
    """A number and the scale word after it, if any ("800 triệu")."""
    return regex.compile(rf"(\d+(?:[.,]\d+)*)\s*({phrases_pattern(budget_rules().scale)})?")


def amount_vnd(raw: str) -> float | None:
    """"5 tỷ 800 triệu đồng" -> 5.8e9; "150.000.000 đồng" -> 1.5e8."""
    scale = budget_rules().scale
    total, found = 0.0, False
    for m in _amount_part().finditer(fold(raw)):
        value = parse_number(m.group(1))
        if value is None:
            continue
        total += value * scale.get(m.group(2) or "", 1)
        found = True
    return total if found else None


def sources_in(folded: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(source, start, end) of each funding-source cue in a span, first mention of each source."""
    rules, _money = _compiled()
    found: list[tuple[str, int, int]] = []
    for name, pattern in rules:
        for m in pattern.finditer(folded, start, end):
            if any(s < m.end() and m.start() < e for _n, s, e in found):
                continue
            found.append((name, m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def extract_budgets(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Fill ``doc.budgets``."""
    return doc.model_copy(update={"budgets": tuple(_extract(doc, ctx))})


def _extract(doc: PlanDocument, ctx: DocumentContext) -> list[Budget]:
    folded = ctx.folded
    out: list[Budget] = []
    seen: set[str] = set()
    for zs, ze in ctx.region("budget"):
        for name, s, e in sources_in(folded, zs, ze):
            if name not in seen:
                seen.add(name)
                out.append(Budget(start=s, end=e, source=name))  # type: ignore[arg-type]
    for m in money_matches(folded):
        sentence = next(((s, e) for s, e in sentences(doc.text, max(0, m.start() - 400), min(len(folded), m.end() + 400))
                         if s <= m.start() < e), (m.start(), m.end()))
        near = sources_in(folded, *sentence)
        before = [n for n in near if n[1] < m.start()]
        source = (before[-1] if before else near[0])[0] if near else "unspecified"
        out.append(Budget(start=m.start(), end=m.end(), amount_vnd=amount_vnd(m.group()), source=source))  # type: ignore[arg-type]
    return sorted(out, key=lambda b: b.start)
