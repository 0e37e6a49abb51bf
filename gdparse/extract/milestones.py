"""Milestones of a target: value, unit, comparator, deadline, baseline, reference (ANNOTATION.md §2).

:func:`milestone_fields` reads the milestone fields of a target text (a span of the normalised
text), with absolute offsets; :func:`find_milestones` builds them. Both work on the folded text, so
offsets carry over unchanged.
The words it knows live in ``knowledge/data/milestone_patterns.yaml`` and ``knowledge/data/units.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gdparse.extract.milestone_times import Found, TimeExpr, apply_time, assign_times, find_times, overlaps
from gdparse.extract.quantities import NUMBER, clauses, number_words_in, parse_number, sentences
from gdparse.extract.rules import compiled
from gdparse.model import Milestone
from gdparse.model_build import ModelListBuilder

_STRIP_RISE = regex.compile(r"trở\s+lên|trở\s+xuống|trở\s+đi")
# Fuller names of a bare rate unit, taken from an earlier mention in the same target.
_RATE_PREFIXES = ("per 1,000", "per 100,000", "per 100")


@dataclass(slots=True)
class Value:
    """A number read in a target, with what the words around it say about it."""

    start: int
    end: int
    value: float
    unit: str | None = None
    unit_end: int = 0
    value_high: float | None = None
    comparator: str | None = None
    cue_start: int | None = None
    direction: str | None = None
    year: int | None = None
    recurrence: str | None = None
    term: str | None = None
    baseline_value: float | None = None
    baseline_unit: str | None = None
    baseline_year: int | None = None
    reference_value: float | None = None
    reference_source: str | None = None
    span_end: int = 0


def _unit_at(folded: str, pos: int, end: int) -> tuple[str | None, int]:
    rules = compiled()
    if rules.unit is not None:
        m = rules.unit.match(folded, pos, end)
        return (rules.unit_names[int(m.lastgroup[1:])], m.end()) if m else (None, pos)
    for name, patterns in rules.units:
        for pattern in patterns:
            m = pattern.match(folded, pos, end)
            if m:
                return name, m.end()
    return None, pos


def _blocked_spans(folded: str, start: int, end: int, times: list[TimeExpr]) -> list[tuple[int, int]]:
    """The spans no value is read in: the time expressions and what the exclusion rules match."""
    spans = [(t.start, t.end) for t in times]
    for _name, rule_scan in compiled().exclusions:
        spans += [m.span() for m in rule_scan.finditer(folded, start, end)]
    return spans


def _candidates(folded: str, start: int, end: int, blocked: list[tuple[int, int]], numbers: list[Found],
                words: list[tuple[int, int, str]]) -> list[Value]:
    """The values of the numbers (``NUMBER`` matches) and number words (:func:`number_words_in`)
    found in a span that no blocked span overlaps."""
    rules = compiled()
    values: list[Value] = []
    for s, e, m in numbers:
        if overlaps(blocked, s, e):
            continue
        number = parse_number(m.group())
        if number is None:
            continue
        unit, unit_end = _unit_at(folded, e, end)
        values.append(Value(s, e, number, unit, unit_end if unit else e))
    for s, e, word in words:
        if overlaps(blocked, s, e):
            continue
        unit, unit_end = _unit_at(folded, e, end)
        if unit is None or (unit not in rules.count_units and unit != "times"):
            continue
        if not rules.number_word_cue.search(folded, max(start, s - 20), s):
            continue
        values.append(Value(s, e, float(rules.number_words[word]), unit, unit_end))
    values.sort(key=lambda v: v.start)
    # A number inside the unit of the previous one ("/100.000") is part of that unit.
    kept: list[Value] = []
    for v in values:
        if kept and v.start < kept[-1].unit_end:
            continue
        kept.append(v)
    return kept


def _clause_start(clause_spans: list[tuple[int, int]], pos: int) -> int:
    for s, e in clause_spans:
        if s <= pos <= e:
            return s
    return pos


def _link_pairs(folded: str, values: list[Value]) -> list[Value]:
    """Merge ranges ("từ 35% đến 40%") and baselines ("từ 23 … xuống 18")."""
    rules = compiled()
    out: list[Value] = []
    i = 0
    while i < len(values):
        v = values[i]
        nxt = values[i + 1] if i + 1 < len(values) else None
        if nxt is not None:
            gap = folded[v.unit_end : nxt.start]
            same_unit = v.unit is None or nxt.unit is None or v.unit == nxt.unit
            if rules.range_link.match(gap) and same_unit and (nxt.unit or v.unit):
                nxt_unit = nxt.unit or v.unit
                out.append(Value(v.start, nxt.end, v.value, nxt_unit, nxt.unit_end if nxt.unit else v.unit_end,
                                  value_high=nxt.value, comparator="range"))
                i += 2
                continue
            before = folded[max(0, v.start - 8) : v.start]
            if rules.baseline_from.search(before) and rules.baseline_link.match(gap) and len(gap) < 40:
                nxt.baseline_value = v.value
                nxt.baseline_unit = v.unit
                if nxt.unit is None:
                    nxt.unit = v.unit
                out.append(nxt)
                i += 2
                continue
        out.append(v)
        i += 1
    return out


def _describe(folded: str, v: Value, window_start: int, clause_start: int) -> None:
    """Comparator, direction and span start of one value from the words around it."""
    rules = compiled()
    window = folded[window_start : v.start]
    if v.comparator is None:
        for name, cue in rules.comparators:
            m = cue.search(window)
            if m:
                v.comparator = name
                v.cue_start = window_start + m.start()
                break
        after = folded[v.unit_end : v.unit_end + 20]
        for name, pattern in rules.comparators_after:
            m = pattern.match(after)
            if m:
                v.comparator = name if v.comparator in (None, "=") else v.comparator
                v.unit_end = max(v.unit_end, v.unit_end + m.end())
                break
    if v.comparator is None:
        v.comparator = "="
    clause_window = folded[clause_start : v.start]
    clause_window = _STRIP_RISE.sub(_blank, clause_window)
    best = None
    for name, cue in rules.directions:
        for m in cue.finditer(clause_window):
            if best is None or m.start() > best[0]:
                best = (m.start(), name)
    v.direction = best[1] if best else None
    if v.comparator == "change" and v.direction is None:
        v.direction = "increase" if "tăng" in window else "decrease"


def _blank(m: regex.Match[str]) -> str:
    return " " * len(m.group())


def _is_condition(folded: str, clause_start: int, v: Value) -> bool:
    rules = compiled()
    last = None
    for m in rules.condition.finditer(folded, clause_start, v.start):
        last = m
    if last is None:
        return False
    return rules.condition_blocker.search(folded, last.end(), v.start) is None


def _attach_references(refs: list[Found], values: list[Value]) -> None:
    for start, end, m in refs:
        owner = None
        for v in values:
            if v.unit_end <= start and start - v.unit_end < 30:
                owner = v
        if owner is not None:
            owner.reference_value = parse_number(m.group("v"))
            owner.reference_source = "TW" if m.group("src") in ("tw", "trung ương", "kh tw") else m.group("src")
            owner.span_end = end


def _period_suffix(folded: str, clause: tuple[int, int], unit: str | None) -> str | None:
    rules = compiled()
    if unit not in rules.count_units:
        return unit
    for suffix, pattern in rules.per_period:
        if pattern.search(folded, clause[0], clause[1]):
            return f"{unit} {suffix}"
    return unit


def find_milestones(text: str, folded: str, start: int, end: int,
                    default_time: TimeExpr | None = None, *, timeless: bool = True) -> list[Milestone]:
    """The milestones written in ``text[start:end]``, in order.

    A labelled target with a deadline but no number ("Đến năm 2015 bố trí đủ cán bộ …") gets one
    milestone without a value when ``timeless`` is set.
    """
    return MILESTONES.build(milestone_fields(text, folded, start, end, default_time, timeless=timeless))


# Milestones are built from their fields a list at a time (a document's in one call: see
# gdparse.extract.targets).
MILESTONES = ModelListBuilder(Milestone)


def milestone_fields(text: str, folded: str, start: int, end: int,
                     default_time: TimeExpr | None = None, *, timeless: bool = True) -> list[dict]:
    """The fields of each milestone :func:`find_milestones` returns."""
    times = find_times(folded, start, end)
    refs = [(*m.span(), m) for m in compiled().reference.finditer(folded, start, end)]
    blocked = _blocked_spans(folded, start, end, times)
    numbers = [(*m.span(), m) for m in NUMBER.finditer(folded, start, end)]
    return _fields(text, folded, start, end, times, refs, blocked, numbers, number_words_in(folded, start, end),
                   default_time, timeless)


def _fields(text: str, folded: str, start: int, end: int, times: list[TimeExpr], refs: list[Found],
            blocked: list[tuple[int, int]], numbers: list[Found], words: list[tuple[int, int, str]],
            default_time: TimeExpr | None, timeless: bool) -> list[dict]:
    """The milestone fields of a span from what the patterns found in it."""
    blocked = blocked + [(s, e) for s, e, _m in refs]
    values = _link_pairs(folded, _candidates(folded, start, end, blocked, numbers, words))
    sentence_spans = sentences(text, start, end)
    clause_spans = clauses(text, start, end, sentence_spans)
    kept: list[Value] = []
    prev_end = start
    for v in values:
        cs = _clause_start(clause_spans, v.start)
        if _is_condition(folded, cs, v):
            prev_end = v.unit_end
            continue
        _describe(folded, v, max(cs, prev_end), cs)
        if v.unit is None and v.baseline_value is None and v.cue_start is None and not compiled().level_verb.search(
            folded, max(cs, prev_end), v.start
        ):
            prev_end = v.unit_end
            continue
        v.span_end = v.unit_end
        kept.append(v)
        prev_end = v.unit_end
    _attach_references(refs, kept)
    carry = default_time
    for sentence in sentence_spans:
        carry = assign_times(folded, sentence, kept, times, carry)
    _inherit(kept, folded, clause_spans, sentence_spans)
    out = [_milestone_fields(v) for v in kept]
    if not out and timeless:
        deadlines = [t for t in times if t.rule.role in ("deadline", "from_year", "term")]
        for t in deadlines[:1]:
            v = Value(t.start, t.end, 0.0, unit_end=t.end, span_end=t.end)
            apply_time(v, t)
            out.append(_milestone_fields(v, with_value=False))
    return out


def _inherit(values: list[Value], folded: str, clause_spans: list[tuple[int, int]],
             sentence_spans: list[tuple[int, int]]) -> None:
    """Bare rate units take what the same target said before; a missing direction or baseline
    takes the one of the previous milestone of the same sentence."""
    seen_units: list[str] = []
    prev: Value | None = None
    for v in values:
        sentence = next(((s, e) for s, e in sentence_spans if s <= v.start < e), None)
        if prev is not None and not (sentence and sentence[0] <= prev.start < sentence[1]):
            prev = None
        for u in (v.baseline_unit, v.unit):
            if u:
                seen_units.append(u)
        if v.unit in _RATE_PREFIXES:
            fuller = [u for u in seen_units if u.startswith(v.unit + " ")]
            if fuller:
                v.unit = fuller[0]
        clause = next(((s, e) for s, e in clause_spans if s <= v.start < e), (v.start, v.end))
        v.unit = _period_suffix(folded, clause, v.unit)
        if v.direction is None and prev is not None and prev.direction:
            v.direction = prev.direction
        if prev is not None and v.baseline_value is None and prev.baseline_value is not None \
                and v.unit == prev.unit and v.direction == prev.direction:
            v.baseline_value = prev.baseline_value
        prev = v


def _milestone_fields(v: Value, *, with_value: bool = True) -> dict:
    start = v.cue_start if v.cue_start is not None and v.cue_start < v.start else v.start
    return {
        "start": start,
        "end": max(v.span_end, v.unit_end, v.end),
        "value": v.value if with_value else None,
        "value_high": v.value_high,
        "unit": v.unit if with_value else None,
        "comparator": v.comparator if with_value else None,
        "direction": v.direction if with_value else None,
        "year": v.year,
        "recurrence": v.recurrence,
        "term": v.term,
        "baseline_value": v.baseline_value,
        "baseline_year": v.baseline_year,
        "reference_value": v.reference_value,
        "reference_source": v.reference_source,
    }
