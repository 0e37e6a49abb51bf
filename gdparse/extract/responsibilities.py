"""Responsibilities: agency, role, task, objectives and targets covered (ANNOTATION.md §4).

Sources: the items of "TỔ CHỨC THỰC HIỆN" (assignee heading, then clauses), activities' "Cơ quan thực
hiện:" lines, "Giao …" in decision articles, the reporting part, and appendix table columns naming the
responsible unit of each indicator row.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from operator import itemgetter

import regex

from gdparse import link
from gdparse.compact import is_big
from gdparse.extract.agencies import build_agencies, document_year, merge_agencies, unresolved_id
from gdparse.extract.agency_matcher import Found, find_mentions, resolve_name
from gdparse.extract.clauses import (
    FoldedSlices,
    Mention,
    decision_spans,
    implementation_regions,
    is_request_key,
    reporting_regions,
    split_clauses,
)
from gdparse.lines import leaf_at
from gdparse.model import DocWarning, PlanDocument, Responsibility, Role, Section
from gdparse.model_build import ModelListBuilder
from gdparse.vietnamese import fold

STAGE = "extract.responsibilities"

_ITEM_AFTER_LINE_START = r"[ \t]*(?:[*#]+[ \t]*)?(?:(\d{1,2})\.[ \t]+|(?=đề nghị\s))"
_ITEM = regex.compile(rf"(?m)^{_ITEM_AFTER_LINE_START}")
# The same heads found from the line break before them: a literal first character lets the engine skip
# ahead instead of trying the pattern at every position.
_ITEM_AFTER_NEWLINE = regex.compile(rf"\n{_ITEM_AFTER_LINE_START}")
_SUB_ASSIGNEE = regex.compile(r"(?m)^[ \t]*[-+*•][ \t]*(?:\*\*)?([^\n:]{3,90}?)(?:\*\*)?[ \t]*:")
_ACTIVITY = regex.compile(r"cơ quan (?:thực hiện|chủ trì)\s*:\s*")
_GIAO = regex.compile(r"\bgiao\s+")
# Possessive runs: adjacent runs of overlapping classes split a gap of n tabs in n² ways before failing;
# the words between them never start with a space or a separator.
_GAP = regex.compile(r"^[\s,;&()]*+(?:(?:có\s+)?liên\s+quan|khác|của\s+tỉnh|tỉnh)?[\s,;&]*+(?:và|cùng|với)?[\s,;&]*+$")
_TABLE_AGENCY_HEADER = regex.compile(r"(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện|phụ trách)")
_ROW_OBJECTIVE = regex.compile(r"mục\s+tiêu\s+(\d+)")
_ROW_TARGET = regex.compile(r"chỉ\s+tiêu\s+(\d+[a-z]?)")
_PARENTHESES = regex.compile(r"\([^)]*\)")
_SENTENCE_MARK = regex.compile(r"[.;]")
_CELL_PART = regex.compile(r"[^;]+")


# A responsibility found: the keyword arguments of ``Responsibility``, built in one batch at the end
# (one validator call for the whole list instead of one model construction per duty).
_Row = dict
_RESPONSIBILITIES = ModelListBuilder(Responsibility)
_new_tuple = tuple.__new__


@dataclass
class _Ctx:
    doc: PlanDocument
    slices: FoldedSlices
    folded: str
    mentions: list[Mention]  # sorted by start
    out: list[_Row]
    warnings: list[DocWarning]
    extra_agencies: list[Found]
    starts: list[int] = field(default_factory=list)  # of ``mentions``
    # Indexes of ``out`` so that each lookup is not a scan of everything found so far.
    keys: dict[tuple, int] = field(default_factory=dict)  # (agency_id, role, start, end) -> count
    spans: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (start, end) -> indices
    # What a clause gives every agency it names, read once per clause: task, section id, id fields, warnings.
    evidence: dict[tuple[int, int], tuple] = field(default_factory=dict)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        # Only mentions starting in [start, end] can be inside.
        return [m for m in self.mentions[bisect_left(self.starts, start) : bisect_right(self.starts, end)]
                if m.end <= end]

    def section_at(self, offset: int) -> Section | None:
        # leaf_at keeps the index of the last sections asked about: earlier extractors built it already.
        return leaf_at(self.doc.sections, offset)

    def append(self, r: _Row) -> None:
        key = (r["agency_id"], r["role"], r["start"], r["end"])
        self.keys[key] = self.keys.get(key, 0) + 1
        self.spans.setdefault((r["start"], r["end"]), []).append(len(self.out))
        self.out.append(r)

    def replace(self, i: int, r: _Row) -> None:
        old = self.out[i]
        self.keys[(old["agency_id"], old["role"], old["start"], old["end"])] -= 1
        self.spans[(old["start"], old["end"])].remove(i)
        key = (r["agency_id"], r["role"], r["start"], r["end"])
        self.keys[key] = self.keys.get(key, 0) + 1
        insort(self.spans.setdefault((r["start"], r["end"]), []), i)
        self.out[i] = r


def _leading_run(ctx: _Ctx, start: int, end: int) -> tuple[list[Mention], int]:
    """Agency mentions at the start of a span, joined by separators; and where the run ends."""
    run: list[Mention] = []
    pos = start
    for m in ctx.mentions_in(start, end):
        if not _GAP.match(ctx.folded[pos : m.start]) and not (not run and _is_request_before(ctx, pos, m.start)):
            break
        run.append(m)
        pos = m.end
    return run, pos


def _is_request_before(ctx: _Ctx, start: int, end: int) -> bool:
    # The text before a mention is read as if a space followed it; fold(x + " ") == fold(x) + " ".
    return is_request_key(ctx.slices.key(start, end) + " ")


def _subjects_of(ctx: _Ctx, start: int, end: int) -> list[str]:
    """Agency ids named in an assignee heading (outside parentheses); unknown names kept unresolved."""
    text = ctx.doc.text[start:end]
    depth_spans = [(m.start() + start, m.end() + start) for m in _PARENTHESES.finditer(text)]
    ids: list[str] = []
    for m in ctx.mentions_in(start, end):
        if any(s <= m.start < e for s, e in depth_spans) or m.agency_id is None:
            continue
        if m.agency_id not in ids:
            ids.append(m.agency_id)
    if not ids:
        name = _PARENTHESES.sub("", text).strip(" :.-*")
        resolved = resolve_name(name, document_year(ctx.doc)) if name else None
        if resolved:
            ids.append(resolved)
        elif name and len(name.split()) <= 15:
            ids.append(unresolved_id(name))
            ctx.extra_agencies.append(Found(None, start, start + len(text.rstrip(" :.-*"))))
    return ids


def _add(ctx: _Ctx, agency_id: str, role: Role, requested: bool, start: int, end: int) -> None:
    if ctx.keys.get((agency_id, role, start, end)):
        return  # the same duty from the same words: nothing new, so nothing is built
    evidence = ctx.evidence.get((start, end))
    if evidence is None:
        evidence = ctx.evidence[(start, end)] = _evidence(ctx, start, end)
    task, section_id, ids, warnings = evidence
    ctx.append({"agency_id": agency_id, "role": role, "requested": requested, "task": task, "start": start,
                "end": end, "section_id": section_id, **ids})
    ctx.warnings.extend(warnings)


def _evidence(ctx: _Ctx, start: int, end: int) -> tuple[str, str | None, dict, list[DocWarning]]:
    task = ctx.doc.text[start:end]
    section = ctx.section_at(start)
    refs = link.references_in(ctx.doc.text, ctx.folded, start, end)
    ids, warnings = link.link_references(ctx.doc, refs, start, end)
    if refs and not ctx.doc.objectives and not ctx.doc.targets:
        warnings = [DocWarning(code="reference_unlinked", stage=STAGE, start=start, end=end,
                               message=f"no extracted objective/target for: {link.describe(refs)}")]
    return task, section.id if section else None, ids, warnings


def _clause(ctx: _Ctx, subjects: list[str], requested: bool, start: int, end: int,
            default: Role | None = None) -> None:
    """Responsibilities of one clause: the subjects' roles from the leading verbs, coordinators after
    "phối hợp với"."""
    roles, coord_at = ctx.slices.leading_roles(start, end)
    if not roles:
        roles = [default or "implement"]
    subject_roles = roles if roles[0] == "coordinate" else [r for r in roles if r != "coordinate"]
    for agency_id in subjects:
        for role in subject_roles:
            _add(ctx, agency_id, role, requested, start, end)
    if coord_at is not None and roles[0] != "coordinate":
        run, _ = _leading_run(ctx, start + coord_at, end)
        for m in run:
            if m.agency_id and m.agency_id not in subjects:
                _add(ctx, m.agency_id, "coordinate", requested, start, end)


def _inline(ctx: _Ctx, start: int, end: int, requested: bool = False, default: Role | None = None) -> bool:
    """A clause whose subject is written inline ("Sở A chủ trì, phối hợp với Sở B …")."""
    run, pos = _leading_run(ctx, start, end)
    subjects = [m.agency_id for m in run if m.agency_id]
    if not subjects:
        return False
    requested = requested or ctx.slices.is_request(start, end)
    _clause(ctx, list(dict.fromkeys(subjects)), requested, pos, end, default)
    # The clause's evidence starts at the subject, so that the quote names the agency.
    for i in list(ctx.spans.get((pos, end), ())):
        r = ctx.out[i]
        if r["agency_id"] in subjects:
            ctx.replace(i, {**r, "start": start, "task": ctx.doc.text[start:end]})
    return True


def _item_heads(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``_ITEM.finditer(folded, start, end)``: a head at the start of the span, then those after
    a line break (a head holds no line break, so no two overlap)."""
    heads = []
    if start == 0 or folded[start - 1] == "\n":
        if m := _ITEM.match(folded, start, end):
            heads.append(m.span())
    for m in _ITEM_AFTER_NEWLINE.finditer(folded, start, end):
        heads.append((m.start() + 1, m.end()))
    return heads


def _items(ctx: _Ctx, start: int, end: int) -> None:
    """The numbered (or "Đề nghị …") items of an implementation part."""
    text, folded = ctx.doc.text, ctx.folded
    heads = _item_heads(folded, start, end)
    for i, (_, head_end) in enumerate(heads):
        item_end = heads[i + 1][0] if i + 1 < len(heads) else end
        line_end = folded.find("\n", head_end, item_end)
        line_end = item_end if line_end < 0 else line_end
        first = text[head_end:line_end]
        colon = first.find(":")
        requested = ctx.slices.is_request(head_end, line_end)
        if 0 < colon < 160 and ctx.mentions_in(head_end, head_end + colon):
            subjects, body_start = _subjects_of(ctx, head_end, head_end + colon), head_end + colon + 1
        elif not ctx.slices.leading_roles(head_end, line_end)[0] \
                and (len(first.split()) <= 16 or not _SENTENCE_MARK.search(first)) \
                and (ctx.mentions_in(head_end, line_end) or len(first.split()) <= 12):
            subjects, body_start = _subjects_of(ctx, head_end, line_end), line_end
        else:
            run, pos = _leading_run(ctx, head_end, line_end)
            if not run:
                continue
            subjects = list(dict.fromkeys(r.agency_id for r in run if r.agency_id))
            body_start = pos
        _body(ctx, subjects, requested, body_start, item_end)


def _body(ctx: _Ctx, subjects: list[str], requested: bool, start: int, end: int) -> None:
    """Clauses of an item body; a bullet "- Hội Liên hiệp Phụ nữ tỉnh: …" switches the assignee."""
    current = subjects
    text, folded = ctx.doc.text, ctx.folded
    line_start = line_end = -1
    for s, e in split_clauses(text, start, end):
        if not line_start <= s <= line_end:  # clauses of one line share its bullet
            line_start = text.rfind("\n", 0, s) + 1
            line_end = folded.find("\n", line_start)
            line_end = len(folded) if line_end < 0 else line_end
            # The pattern stays within one line; without an end the engine looks for ":" through the
            # rest of the document.
            sub = _SUB_ASSIGNEE.match(folded, line_start, line_end)
        if sub and line_start <= s <= sub.end(1) + 3:
            named = _subjects_of(ctx, sub.start(1), sub.end(1)) if ctx.mentions_in(sub.start(1), sub.end(1)) else []
            if named:
                current = named
                s = sub.end()
                while s < e and ctx.doc.text[s] in " *:":
                    s += 1
                if e - s < 3:
                    continue
        _clause(ctx, current, requested, s, e)


def _activities(ctx: _Ctx) -> None:
    for m in _ACTIVITY.finditer(ctx.folded):
        end = ctx.folded.find("\n", m.end())
        end = len(ctx.folded) if end < 0 else end
        span = split_clauses(ctx.doc.text, m.end(), end)
        if span:
            _inline(ctx, span[0][0], span[-1][1])


def _decisions(ctx: _Ctx) -> None:
    for start, end in decision_spans(ctx.doc):
        for m in _GIAO.finditer(ctx.folded, start, end):
            clauses = split_clauses(ctx.doc.text, m.end(), end)
            if clauses:
                _inline(ctx, clauses[0][0], clauses[0][1])


def _reporting(ctx: _Ctx) -> None:
    for start, end in reporting_regions(ctx.doc):
        for s, e in split_clauses(ctx.doc.text, start, end):
            _inline(ctx, s, e, default="report")


def _tables(ctx: _Ctx) -> None:
    """Appendix rows: the unit in the responsible-unit column leads on the row's target."""
    text, slices = ctx.doc.text, ctx.slices
    column = None
    objective = target = None
    # Only lines with a tab are table rows: jump from tab to tab instead of walking every line.
    tab = text.find("\t")
    while tab >= 0:
        line_start = text.rfind("\n", 0, tab) + 1
        line_end = text.find("\n", tab)
        line_end = len(text) if line_end < 0 else line_end
        tab = text.find("\t", line_end)
        cells = text[line_start:line_end].split("\t")
        fcells = slices.fold_split(line_start, line_end, "\t")
        header = _header_cell(fcells)
        if header is not None or fcells[0].strip() in ("tt", "stt"):
            column = header
            continue
        if column is None:
            continue
        # Rows keep their labels even when trailing empty cells were trimmed.
        label = " ".join(fcells[:2])
        if mo := _ROW_OBJECTIVE.search(label):
            objective, target = mo.group(1), None
        elif mt := _ROW_TARGET.search(label):
            target = mt.group(1)
        if len(cells) <= column:
            continue
        cell_start = line_start + sum(len(c) + 1 for c in cells[:column])
        cell = cells[column]
        if not cell.strip():
            continue
        refs = [(objective, target)] if objective and target else [(objective, None)] if objective else []
        for part in _CELL_PART.finditer(cell):
            s, e = cell_start + part.start(), cell_start + part.end()
            while s < e and text[s] == " ":
                s += 1
            run, _ = _leading_run(ctx, s, e)
            ids = [m.agency_id for m in run if m.agency_id]
            if not ids:
                name = text[s:e].strip()
                resolved = resolve_name("UBND " + name) if fold(name).startswith("các huyện") else resolve_name(name)
                ids = [resolved] if resolved else [unresolved_id(name)]
                if not resolved:
                    ctx.extra_agencies.append(Found(None, s, e))
            for agency_id in dict.fromkeys(ids):
                _add_table(ctx, agency_id, s, e, refs)


def _header_cell(fcells: list[str]) -> int | None:
    """The first cell naming the responsible unit: one search over the row instead of one per cell. The
    leftmost match of the row lies in that cell unless it spans a tab; then the cells are searched."""
    row = "\t".join(fcells)
    m = _TABLE_AGENCY_HEADER.search(row)
    if m is None:
        return None
    if "\t" not in m.group():
        return row.count("\t", 0, m.start())
    return next((i for i, c in enumerate(fcells) if _TABLE_AGENCY_HEADER.search(c)), None)


def _add_table(ctx: _Ctx, agency_id: str, start: int, end: int, refs: list[link.Ref]) -> None:
    obj_ids, tgt_ids, missing = link.resolve(ctx.doc, refs)
    section = ctx.section_at(start)
    ctx.append({"agency_id": agency_id, "role": "lead", "task": ctx.doc.text[start:end], "start": start, "end": end,
                "section_id": section.id if section else None, "objective_ids": obj_ids, "target_ids": tgt_ids})
    if missing:
        ctx.warnings.append(DocWarning(code="reference_unlinked", stage=STAGE, start=start, end=end,
                                       message=f"no extracted objective/target for: {link.describe(missing)}"))


def extract_responsibilities(doc: PlanDocument) -> PlanDocument:
    """Link agencies to work with a role, and to the objectives and targets the text names."""
    if doc.agencies:
        # tuple.__new__ makes the same Mention without the Python-level __new__ of a NamedTuple.
        mentions = [_new_tuple(Mention, (agency_id, m.start, m.end)) for a in doc.agencies
                    for agency_id in (a.id if a.resolved else None,) for m in a.mentions]
    else:
        mentions = [Mention(f.agency_id, f.start, f.end) for f in find_mentions(doc.text, document_year(doc))]
    mentions.sort(key=itemgetter(1))  # by start; stable
    slices = FoldedSlices(doc.text)
    ctx = _Ctx(doc, slices, slices.folded, mentions, [], [], [], [m.start for m in mentions])
    for step in (_activities, _decisions, _reporting, _tables):
        step(ctx)
    for start, end in implementation_regions(doc):
        _items(ctx, start, end)
    extra, warnings = build_agencies(doc.text, ctx.extra_agencies)
    ctx.out.sort(key=itemgetter("start", "agency_id"))
    built = _RESPONSIBILITIES.build(ctx.out, compact=is_big(doc.text))
    return doc.model_copy(update={
        "responsibilities": doc.responsibilities + tuple(built),
        "agencies": merge_agencies(doc.agencies, extra),
        "warnings": doc.warnings + tuple(warnings) + tuple(ctx.warnings),
    })
