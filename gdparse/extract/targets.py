"""Objectives, targets and their milestones (ANNOTATION.md §2).

Targets are found wherever plans put them: labelled "Chỉ tiêu N" lines, unlabelled quantified
bullets or prose under "Mục tiêu cụ thể", an activity's "Mục tiêu:" line, and appendix table
rows. Each target gets its milestones (:mod:`gdparse.extract.milestones`), the phrase it
measures, a domain and the national indicator it implements
(:mod:`gdparse.extract.indicators`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import regex
from pydantic import TypeAdapter

from gdparse.compact import is_big
from gdparse.extract.indicators import domain_of, domain_of_folded, match_folded
from gdparse.extract.milestones import MILESTONES, milestone_fields
from gdparse.extract.quantities import clauses
from gdparse.knowledge.indicators import indicator, strategy_for_years
from gdparse.knowledge.loader import phrases_pattern
from gdparse.knowledge.milestones import patterns_file
from gdparse.labels import display, label_at
from gdparse.lines import Line
from gdparse.model import DocWarning, Milestone, Objective, PlanDocument, Target
from gdparse.model_build import build_in_chunks
from gdparse.vietnamese import fold_slice

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.targets"
ZONE_KINDS = ("objectives", "targets")
_DIGIT = regex.compile(r"\d")
_MEASURE = patterns_file().measure
# What a target measures starts at a measure noun ...
_MEASURE_NOUN = regex.compile(rf"(?<!\p{{L}})(?:{phrases_pattern(_MEASURE.nouns, space=' ')})(?!\p{{L}})")
# ... and stops at the verb or number that states the level.
_MEASURE_STOP = regex.compile(
    rf"(?<!\p{{L}})(?:{phrases_pattern(_MEASURE.level_words, space=' ')}|từ \d)(?!\p{{L}})|\d|[;(:]"
)
_TRIM = " \t\n,.;:-–"
# The phrase after the numbers: without a leading "(…)" or "vào năm 2025", up to "; ( . ".
_TAIL_LEAD = regex.compile(r"^\s*(?:\([^)]*\)\s*)?(?:vào\s+năm\s+\d{4})?")
_TAIL_END = regex.compile(r"[;(]|\.\s|\.$")


@dataclass(slots=True)
class _Item:
    """A stretch of text that states one target (labelled) or several (unlabelled)."""

    start: int
    end: int
    objective: str | None  # objective id
    label: str | None = None
    number: str | None = None
    labelled: bool = False
    label_end: int | None = None
    context: str | None = None  # heading of the activity an activity goal belongs to
    milestones: list[Milestone] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    objectives: list[Objective] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)
    current: str | None = None  # current objective id
    zone_scheme: str | None = None
    in_zone: bool = False
    specific: bool = False
    heading: str | None = None  # the last numbered heading seen
    # Kept with ``objectives`` (see _add_objective): scanning the objectives for each new one was
    # quadratic in a plan of many.
    ids: set[str] = field(default_factory=set)
    specific_count: int = 0  # objectives that are not general
    next_suffix: dict[str, int] = field(default_factory=dict)  # per id, the first "-k" not known taken


def extract_objectives_and_targets(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Fill ``doc.objectives`` and ``doc.targets``; anything unparsed becomes a warning."""
    objectives, targets, warnings = _extract(doc, ctx)
    return doc.model_copy(update={
        "objectives": tuple(objectives),
        "targets": tuple(targets),
        "warnings": doc.warnings + tuple(warnings),
    })


def _extract(doc: PlanDocument, ctx: DocumentContext) -> tuple[list[Objective], list[Target], list[DocWarning]]:
    text, folded = ctx.text, ctx.folded
    lines = ctx.target_lines()
    zones = _union([(s.start, s.end) for s in ctx.sections if s.kind in ZONE_KINDS])
    state = _State()
    z = 0  # lines come in order: the first zone not ended before the line, instead of a bisect per line
    for i, line in enumerate(lines):
        while z < len(zones) and zones[z][1] <= line.start:
            z += 1
        in_zones = z < len(zones) and zones[z][0] <= line.start
        kind = kind_of(line)
        if kind == "text" and not state.in_zone and line.scheme in (None, "bullet") and not in_zones:
            continue  # plain text outside the objectives: no rule of _step applies
        _step(ctx, lines, i, line, kind, state, in_zones)
    _read_milestones(text, folded, state.items)
    years = [m.year for it in state.items for m in it.milestones if m.year]
    if not years and doc.metadata.period_end:
        years = [doc.metadata.period_end]
    strategy = strategy_for_years(years)
    targets = _targets(ctx, state, strategy)
    warnings = state.warnings
    if state.in_zone and not state.objectives and not targets:
        warnings.append(DocWarning(code="objectives_empty", message="objectives section without objectives "
                                   "or targets", stage=STAGE))
    return state.objectives, targets, warnings


def _read_milestones(text: str, folded: str, items: list[_Item]) -> None:
    """The milestones of every item (as :func:`gdparse.extract.milestones.find_milestones` reads
    them), built in one call for the whole document."""
    fields = [milestone_fields(text, folded, item.start, item.end, timeless=item.labelled) for item in items]
    built = MILESTONES.build([f for item_fields in fields for f in item_fields])
    pos = 0
    for item, item_fields in zip(items, fields):
        item.milestones = built[pos : pos + len(item_fields)]
        pos += len(item_fields)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same offsets (nested zones merge), for a walk in order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(sp for sp in spans if sp[0] < sp[1]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def kind_of(line: Line) -> str:
    """What a line is to the target rules: the label its content starts with ("objective",
    "target", "general_objective" …) or "text". In a table only an objective, a target or an
    activity's goal counts: a cell is never the heading of the objectives part."""
    label = line.label
    if label is None or label.kind not in (_TABLE_LABELS if line.in_table else _LABELS):
        return "text"
    return label.kind


# The labels the target rules read (gdparse.labels); articles and groups are text to them.
_LABELS = frozenset({"objectives_heading", "general_objective", "specific_objectives", "objective", "activity_goal",
                     "target"})
_TABLE_LABELS = frozenset({"objective", "activity_goal", "target"})


def heading_like(text: str, line: Line) -> bool:
    """Upper case, or numbered and short. Computed only where a rule asks: counting the upper-case
    letters of every paragraph would cost more than the whole classification."""
    if line.in_table:
        return False
    if line.scheme not in (None, "bullet") and line.content_end - line.content_start < 120:
        return True
    content = text[line.content_start:line.content_end]
    # Lower-case letters in the first third that make a fifth of all characters leave at most 80%
    # of the letters upper case: most paragraphs are ruled out without counting all their letters.
    if 5 * sum(map(str.islower, filter(str.isalpha, content[: len(content) // 3]))) >= len(content):
        return False
    letters = list(filter(str.isalpha, content))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8 and len(letters) > 3


def continuation_end(lines: list[Line], index: int, text: str) -> int:
    """End of an item that starts at ``lines[index]``: its line plus continuation lines
    (a line that starts in lower case or with ";", as after a page break or a lost footnote)."""
    end = lines[index].content_end
    for j in range(index + 1, len(lines)):
        line = lines[j]
        if line.in_table or line.scheme is not None or kind_of(line) != "text":
            break
        first = text[line.content_start : line.content_start + 1]
        if not (first.islower() or first in ";,)."):
            break
        end = line.content_end
    return end


def _step(ctx: DocumentContext, lines: list[Line], i: int, line: Line, kind: str, state: _State,
          in_zones: bool) -> None:
    text, folded = ctx.text, ctx.folded
    table_row = line.in_table
    if kind == "text" and line.scheme not in (None, "bullet") and heading_like(text, line):
        state.heading = text[line.content_start:line.content_end]
    if state.in_zone and not table_row and _ends_zone(text, line, kind, state):
        state.in_zone, state.specific, state.current = False, False, None
    if kind == "objectives_heading" and not table_row:
        state.in_zone, state.zone_scheme, state.specific, state.current = True, line.scheme, False, None
        return
    in_zone = state.in_zone or in_zones
    if kind == "general_objective" and in_zone:
        _general(ctx, lines, i, line, state)
        state.current = "obj-general"
        return
    if kind == "specific_objectives":
        state.in_zone = state.in_zone or not table_row
        state.specific, state.current = True, None
        rest_end = line.content_end
        if _DIGIT.search(folded, line.label_end, rest_end):
            state.items.append(_Item(line.label_end, continuation_end(lines, i, text), None))
        return
    if kind == "objective":
        _objective(ctx, line, state)
        return
    number = line.label.number if line.label is not None else None
    if kind == "target":
        if not (in_zone or table_row or number):
            return
        end = continuation_end(lines, i, text) if not table_row else line.content_end
        state.items.append(_Item(line.content_start, end, _current(state), display("target", number), number, True,
                                 line.label_end))
        return
    if kind == "activity_goal":
        end = line.content_end if table_row else continuation_end(lines, i, text)
        if _DIGIT.search(folded, line.label_end, end):
            state.items.append(_Item(line.label_end, end, _current(state) if in_zone else None,
                                     context=state.heading))
        return
    if kind == "text" and in_zone and state.current != "obj-general":
        if table_row:
            return
        if _continues_previous(state, line):
            return
        if state.specific and line.scheme not in (None, "bullet") and heading_like(text, line) \
                and not _DIGIT.search(folded, line.content_start, line.content_end):
            _implicit_objective(ctx, line, state)
            return
        if _DIGIT.search(folded, line.content_start, line.content_end) and (state.specific or state.current):
            state.items.append(_Item(line.content_start, continuation_end(lines, i, text), _current(state)))


def _current(state: _State) -> str | None:
    return state.current if state.current != "obj-general" else None


def _continues_previous(state: _State, line: Line) -> bool:
    return bool(state.items) and state.items[-1].start <= line.content_start < state.items[-1].end


def _ends_zone(text: str, line: Line, kind: str, state: _State) -> bool:
    """A heading of the zone's own numbering level (the next "III.") or a new part closes the zone."""
    if kind in ("general_objective", "specific_objectives", "objective", "target", "objectives_heading"):
        return False
    if line.scheme == "part":
        return True
    if state.zone_scheme and state.zone_scheme != "bullet":
        return line.scheme == state.zone_scheme
    return line.scheme is None and heading_like(text, line)  # an upper-case heading line


def _general(ctx: DocumentContext, lines: list[Line], i: int, line: Line, state: _State) -> None:
    text = ctx.text
    start, end = line.content_start, line.content_end
    title_start = line.label_end
    if not text[line.label_end:line.content_end].strip(_TRIM):
        # The goal is the paragraph under the heading.
        j = i + 1  # lines are non-blank: the next one is the paragraph, if any
        if j < len(lines) and kind_of(lines[j]) == "text" and not heading_like(text, lines[j]):
            title_start, end = lines[j].content_start, continuation_end(lines, j, text)
        else:
            title_start = end
    oid = _unique("obj-general", state)
    _add_objective(state, Objective(
        id=oid, start=start, end=end, number=None, title=text[title_start:end].strip(_TRIM) or None,
        domain="other", general=True, section_id=_section_id(ctx, start),
    ))


def _objective(ctx: DocumentContext, line: Line, state: _State) -> None:
    text = ctx.text
    number = line.label.number if line.label is not None else None
    oid = f"obj-{number}"
    state.current, state.specific = oid, True
    if oid in state.ids:
        return  # a table repeating the objectives of the plan body
    title = text[line.label_end:line.content_end].strip(_TRIM) or None
    _add_objective(state, Objective(
        id=oid, start=line.content_start, end=line.content_end, number=number, title=title,
        domain=domain_of(title or ""), general=False, section_id=_section_id(ctx, line.content_start),
    ))
    if title and _DIGIT.search(title):  # folding keeps digits as they are
        # "Mục tiêu 1: Đến năm 2025 đạt 30% …": the heading itself states the target.
        state.items.append(_Item(line.label_end, line.content_end, oid))


def _implicit_objective(ctx: DocumentContext, line: Line, state: _State) -> None:
    """A numbered heading under "Mục tiêu cụ thể" without the word Mục tiêu ("a) Về chính trị")."""
    number = str(state.specific_count + 1)
    oid = _unique(f"obj-{number}", state)
    title = ctx.text[line.content_start:line.content_end].strip(_TRIM)
    state.current = oid
    _add_objective(state, Objective(
        id=oid, start=line.content_start, end=line.content_end, number=number, title=title,
        domain=domain_of(title), general=False, section_id=_section_id(ctx, line.content_start),
    ))


def _add_objective(state: _State, objective: Objective) -> None:
    state.objectives.append(objective)
    state.ids.add(objective.id)
    state.specific_count += not objective.general


def _unique(base: str, state: _State) -> str:
    ids = state.ids
    if base not in ids:
        return base
    k = state.next_suffix.get(base, 2)  # ids are only added: the smaller suffixes are still taken
    while f"{base}-{k}" in ids:
        k += 1
    state.next_suffix[base] = k
    return f"{base}-{k}"


def _section_id(ctx: DocumentContext, pos: int) -> str | None:
    section = ctx.section_at(pos)
    return section.id if section else None


def _targets(ctx: DocumentContext, state: _State, strategy: str | None) -> list[Target]:
    """The targets of the items, validated in a few calls for the whole document."""
    return build_in_chunks(_target_list(), _target_fields(ctx, state, strategy), compact=is_big(ctx.text))


@cache
def _target_list() -> TypeAdapter[list[Target]]:
    return TypeAdapter(list[Target])


def _target_fields(ctx: DocumentContext, state: _State, strategy: str | None) -> list[dict]:
    """The fields of each target."""
    text, folded = ctx.text, ctx.folded
    domains = {o.id: o.domain for o in state.objectives}
    numbers = {o.id: o.number for o in state.objectives}
    out: list[dict] = []
    used: set[str] = set()
    # Per id, the suffix to try first: every smaller one is taken (trying them all again for each
    # target of the same number was quadratic in a list of many such targets).
    next_suffix: dict[str, int] = {}
    counters: dict[str | None, int] = {}
    for item in state.items:
        if item.labelled:
            pieces = [(item.start, item.end, item.milestones)]
            if not item.milestones and _DIGIT.search(folded, item.label_end or item.start, item.end):
                state.warnings.append(DocWarning(
                    code="target_no_milestone", stage=STAGE, start=item.start, end=item.end,
                    message=f"{item.label}: numbers found but no milestone read"))
        else:
            pieces = _split(text, item)
        for start, end, milestones in pieces:
            counters[item.objective] = counters.get(item.objective, 0) + 1
            obj_number = numbers.get(item.objective) if item.objective else None
            local = item.number or str(counters[item.objective])
            base = tid = f"tgt-{obj_number or 0}-{local}"
            k = next_suffix.get(base, 2)
            while tid in used:
                tid = f"{base}-{k}"
                k += 1
            next_suffix[base] = k
            used.add(tid)
            body_start, body_end = (item.start, item.end) if item.labelled else (start, end)
            free_start = _after_target_label(text, folded, body_start, body_end)
            label_free = text[free_start:body_end]
            folded_free = fold_slice(text, folded, free_start, body_end)
            ind_id, score = match_folded(folded_free, strategy)
            domain = domains.get(item.objective or "", "other")
            if domain == "other" and item.context:
                domain = domain_of(item.context)
            if domain == "other":
                domain = _indicator_domain(ind_id) or domain_of_folded(folded_free)
            fields = {
                "id": tid, "start": start, "end": end, "objective_id": item.objective, "label": item.label,
                "number": item.number, "text": text[start:end],
                "indicator": _measure(label_free, folded_free, free_start, milestones),
                "indicator_id": ind_id, "indicator_score": score, "domain": domain,
                "section_id": _section_id(ctx, start), "milestones": tuple(milestones),
            }
            out.append(fields)
    return out


def _split(text: str, item: _Item) -> list[tuple[int, int, list[Milestone]]]:
    """Unlabelled text: one target per clause that holds milestones."""
    out = []
    for cs, ce in clauses(text, item.start, item.end):
        ms = [m for m in item.milestones if cs <= m.start < ce]
        if not ms:
            continue
        while cs < ce and text[cs] in _TRIM:
            cs += 1
        while ce > cs and text[ce - 1] in " \t\n;,":
            ce -= 1
        out.append((cs, max(ce, max(m.end for m in ms)), ms))
    return out


def _after_target_label(text: str, folded: str, start: int, end: int) -> int:
    """Where the text of a target starts in ``text[start:end]``: after a "Chỉ tiêu N:" label, if
    it starts with one (gdparse.labels)."""
    at = start
    while at < end and text[at].isspace():
        at += 1
    label = label_at(folded, at, end)
    return label.end if label is not None and label.kind == "target" else start


def _indicator_domain(ind_id: str | None) -> str | None:
    if not ind_id:
        return None
    ind = indicator(ind_id)
    return ind.domain if ind else None


def _measure(text: str, folded: str, text_start: int, milestones: list[Milestone]) -> str | None:
    """What is measured: "Tỷ lệ nữ làm chủ doanh nghiệp" from "Tỷ lệ nữ làm chủ doanh nghiệp đạt 30% …",
    or the phrase after the numbers ("… đạt 75% các cơ quan … có lãnh đạo chủ chốt là nữ").

    ``text`` is a target without its label, ``folded`` its fold, ``text_start`` its offset."""
    first = (milestones[0].start - text_start) if milestones else len(text)
    m = _MEASURE_NOUN.search(folded, 0, max(first, 0))
    if m:
        stop = _MEASURE_STOP.search(folded, m.end())
        phrase = text[m.start(): stop.start() if stop else len(text)].strip(_TRIM)
        if len(phrase.split()) >= 2:
            return phrase
    if milestones:
        first_sentence_end = min([len(text)] + [i for i in (folded.find(";"), folded.find(". ")) if i >= 0])
        last = max((ms.end - text_start for ms in milestones
                    if ms.end - text_start <= first_sentence_end), default=None)
        if last is not None:
            tail = text[last:first_sentence_end]
            tail = _TAIL_LEAD.sub("", tail)
            phrase = _TAIL_END.split(tail)[0].strip(_TRIM)
            if len(phrase.split()) >= 2:
                return phrase
    return None
