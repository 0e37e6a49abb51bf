"""Score objectives, targets, milestones and budgets against the gold (ANNOTATION.md §2).

Gold shape (keys "objectives", "targets", "budgets" of ``corpora/gold/<id>.json``)::

    objectives: [{"number": "1" | null, "title": "...", "domain": "politics", "general": false}]
    targets:    [{"objective": "1" | null, "label": "Chỉ tiêu 1" | null, "number": "1" | null,
                  "indicator_id": "NS2030-1.1" | null,
                  "quote": "<an exact substring of the seed that contains the target>",
                  "milestones": [{"value": 60.0, "value_high": null, "unit": "%",
                                  "comparator": ">=", "direction": null, "year": 2025,
                                  "recurrence": null, "term": null, "baseline_value": null,
                                  "baseline_year": null, "reference_value": 80.0,
                                  "reference_source": "TW"}]}]
    budgets:    [{"source": "central", "amount_vnd": 8000000000.0 | null, "quote": "..."}]

A general objective has ``general: true`` and ``number: null``; ``objective`` of a target is the
Mục tiêu number ("general" for the general objective, null when the plan has none).

Matching: a predicted target matches a gold target with the same objective whose quote it
overlaps most (the quote is found in the normalised text, tolerant of spacing and tone-mark
placement); labelled targets fall back to the same Chỉ tiêu number. Milestone fields are then
compared as multisets within matched pairs; milestones of unmatched targets count as misses.
"""

from __future__ import annotations

import unicodedata

import regex

from gdparse.evaluation.base import Score, compare_sets
from gdparse.model import Milestone, PlanDocument, Target
from gdparse.vietnamese import fold

FIELDS = ("objectives", "objective domain", "targets", "milestone value", "value and year",
          "comparator", "unit", "baseline", "reference", "indicator id", "budgets")


def _num(x: object) -> float | None:
    return None if x is None else round(float(x), 4)  # type: ignore[arg-type]


def _ms_gold(m: dict) -> dict:
    return {k: m.get(k) for k in ("value", "value_high", "unit", "comparator", "direction", "year",
                                  "recurrence", "baseline_value", "baseline_year", "reference_value")}


def _ms_pred(m: Milestone) -> dict:
    return {"value": m.value, "value_high": m.value_high, "unit": m.unit, "comparator": m.comparator,
            "direction": m.direction, "year": m.year, "recurrence": m.recurrence,
            "baseline_value": m.baseline_value, "baseline_year": m.baseline_year,
            "reference_value": m.reference_value}


def _keys(m: dict) -> dict[str, tuple | None]:
    value = (_num(m["value"]), _num(m.get("value_high")))
    comparator = m.get("comparator")
    if comparator == "change":
        comparator = f"change:{m.get('direction')}"
    has_baseline = m.get("baseline_value") is not None or m.get("baseline_year") is not None
    return {
        "milestone value": value,
        "value and year": (value, m.get("year"), m.get("recurrence")),
        "comparator": (value, comparator),
        "unit": (value, m.get("unit")),
        "baseline": (value, _num(m.get("baseline_value")), m.get("baseline_year")) if has_baseline else None,
        "reference": (value, _num(m.get("reference_value"))) if m.get("reference_value") is not None else None,
    }


def locate(quote: str, text: str, folded: str | None = None) -> tuple[int, int] | None:
    """Find a gold quote in the normalised text: exact, else by words with any spacing."""
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    folded = folded if folded is not None else fold(text)
    words = fold(unicodedata.normalize("NFC", quote)).split()
    if not words:
        return None
    pattern = r"\s*".join(regex.escape(w) for w in words)
    m = regex.search(pattern, folded)
    return (m.start(), m.end()) if m else None


def _obj_key(o: dict) -> str:
    return "general" if o.get("general") else str(o.get("number"))


def _pred_obj_number(doc: PlanDocument, t: Target) -> str | None:
    if t.objective_id is None:
        return None
    for o in doc.objectives:
        if o.id == t.objective_id:
            return "general" if o.general else o.number
    return None


def match_targets(gold_targets: list[dict], doc: PlanDocument) -> list[tuple[dict | None, Target | None]]:
    """Pairs (gold, predicted); a side is None when unmatched."""
    folded = fold(doc.text)
    spans = [locate(g["quote"], doc.text, folded) for g in gold_targets]
    free = list(doc.targets)
    pairs: list[tuple[dict | None, Target | None]] = []
    for g, span in zip(gold_targets, spans):
        obj = g.get("objective")
        best, best_overlap = None, 0
        for t in free:
            if _pred_obj_number(doc, t) != obj:
                continue
            overlap = min(span[1], t.end) - max(span[0], t.start) if span else 0
            if overlap > best_overlap:
                best, best_overlap = t, overlap
        if best is None and g.get("number"):
            best = next((t for t in free if _pred_obj_number(doc, t) == obj and t.number == g["number"]), None)
        if best is not None:
            free.remove(best)
        pairs.append((g, best))
    pairs.extend((None, t) for t in free)
    return pairs


def score(gold: dict, doc: PlanDocument) -> list[Score]:
    """Scores for one document; a key missing from the gold skips its fields."""
    out: list[Score] = []
    if "objectives" in gold:
        g = gold["objectives"]
        p = [{"number": o.number, "general": o.general, "domain": o.domain} for o in doc.objectives]
        out.append(compare_sets("objectives", [_obj_key(o) for o in g], [_obj_key(o) for o in p]))
        out.append(compare_sets("objective domain", [(_obj_key(o), o["domain"]) for o in g],
                                [(_obj_key(o), o["domain"]) for o in p]))
    if "targets" in gold:
        out.extend(_score_targets(gold["targets"], doc))
    if "budgets" in gold:
        out.append(compare_sets("budgets", [(b["source"], _num(b.get("amount_vnd"))) for b in gold["budgets"]],
                                [(b.source, _num(b.amount_vnd)) for b in doc.budgets]))
    return out


def _score_targets(gold_targets: list[dict], doc: PlanDocument) -> list[Score]:
    pairs = match_targets(gold_targets, doc)
    totals: dict[str, Score] = {}

    def add(s: Score) -> None:
        totals[s.field] = totals[s.field] + s if s.field in totals else s

    add(Score(field="targets", tp=sum(1 for g, t in pairs if g and t), fp=sum(1 for g, t in pairs if not g),
              fn=sum(1 for g, t in pairs if not t)))
    for g, t in pairs:
        gm = [_keys(_ms_gold(m)) for m in (g or {}).get("milestones", [])]
        pm = [_keys(_ms_pred(m)) for m in (t.milestones if t else ())]
        for field in ("milestone value", "value and year", "comparator", "unit", "baseline", "reference"):
            add(compare_sets(field, [k[field] for k in gm if k[field] is not None],
                             [k[field] for k in pm if k[field] is not None]))
        gid = g.get("indicator_id") if g else None
        pid = t.indicator_id if t else None
        add(compare_sets("indicator id", [gid] if gid else [], [pid] if pid else []))
    return [totals[f] for f in FIELDS if f in totals]
