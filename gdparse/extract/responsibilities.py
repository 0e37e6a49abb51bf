"""Responsibilities: agency, role, task, objectives and targets covered (ANNOTATION.md §4).

Sources: the items of "TỔ CHỨC THỰC HIỆN" (assignee heading, then clauses), activities' "Cơ quan thực
hiện:" lines, "Giao …" in decision articles, the reporting part, and appendix table columns naming the
responsible unit of each indicator row. The objectives and targets a responsibility covers are
filled in by the link stage (:mod:`gdparse.link`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

import regex

from gdparse.compact import is_big
from gdparse.extract.agencies import build_agencies, document_year, merge_agencies, unresolved_id
from gdparse.extract.agency_matcher import Found, resolve_name
from gdparse.extract.clauses import FoldedSlices, Mention, is_request_key, split_clauses
from gdparse.knowledge.layout import heading_rules
from gdparse.knowledge.loader import phrases_pattern
from gdparse.knowledge.roles import roles_data
from gdparse.labels import mention_number
from gdparse.lines import Line
from gdparse.model import PlanDocument, Responsibility, Role, Section, Table
from gdparse.model_build import ModelListBuilder
from gdparse.numbering import bullets, star
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.responsibilities"

# A request ("Đề nghị Ủy ban MTTQ tỉnh …", roles.yaml) opens an item of the implementation part
# without a number.
_REQUEST_ITEM = regex.compile(rf"(?:{phrases_pattern(roles_data().request_markers)})\s")
_BULLET = f"[{regex.escape(''.join(bullets()))}]"
_SUB_ASSIGNEE = regex.compile(rf"(?m)^[ \t]*{_BULLET}[ \t]*(?:\*\*)?([^\n:]{{3,90}}?)(?:\*\*)?[ \t]*:")
# "Cơ quan thực hiện: Sở Y tế": an assignee label (headings.yaml) and a colon, at a line's content.
_ACTIVITY = regex.compile(rf"(?:{phrases_pattern(heading_rules().assignee_labels, space=' ')})\s*:\s*")
_GIAO = regex.compile(r"\bgiao\s+")
# Possessive runs: adjacent runs of overlapping classes split a gap of n tabs in n² ways before failing;
# the words between them never start with a space or a separator.
_GAP = regex.compile(r"^[\s,;&()]*+(?:(?:có\s+)?liên\s+quan|khác|của\s+tỉnh|tỉnh)?[\s,;&]*+(?:và|cùng|với)?[\s,;&]*+$")
_TABLE_AGENCY_HEADER = regex.compile(phrases_pattern(heading_rules().assignee_labels))  # the responsible-unit column
_PARENTHESES = regex.compile(r"\([^)]*\)")
_SENTENCE_MARK = regex.compile(r"[.;]")
_CELL_PART = regex.compile(r"[^;]+")


# A responsibility found: the keyword arguments of ``Responsibility``, built in one batch at the end
# (one validator call for the whole list instead of one model construction per duty).
_Row = dict
_RESPONSIBILITIES = ModelListBuilder(Responsibility)


@dataclass
class _Ctx:
    doc: PlanDocument
    context: DocumentContext
    slices: FoldedSlices
    folded: str
    mentions: list[Mention]  # sorted by start
    out: list[_Row]
    extra_agencies: list[Found]
    starts: list[int] = field(default_factory=list)  # of ``mentions``
    # Indexes of ``out`` so that each lookup is not a scan of everything found so far.
    keys: dict[tuple, int] = field(default_factory=dict)  # (agency_id, role, start, end) -> count
    spans: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (start, end) -> indices
    # What a clause gives every agency it names, read once per clause: task, section id.
    evidence: dict[tuple[int, int], tuple[str, str | None]] = field(default_factory=dict)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        # Only mentions starting in [start, end] can be inside.
        return [m for m in self.mentions[bisect_left(self.starts, start) : bisect_right(self.starts, end)]
                if m.end <= end]

    def section_at(self, offset: int) -> Section | None:
        return self.context.section_at(offset)

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
        resolved = resolve_name(name, document_year(ctx.doc, ctx.context)) if name else None
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
    task, section_id = evidence
    ctx.append({"agency_id": agency_id, "role": role, "requested": requested, "task": task, "start": start,
                "end": end, "section_id": section_id})


def _evidence(ctx: _Ctx, start: int, end: int) -> tuple[str, str | None]:
    section = ctx.section_at(start)
    return ctx.doc.text[start:end], section.id if section else None


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


def _item_heads(lines: Sequence[Line], folded: str) -> list[tuple[int, int, bool]]:
    """(line start, content start, labelled) of each item of an implementation part: a line
    numbered like its first Arabic-numbered line ("1.", or "1.1." where the items start there), or
    a request ("Đề nghị …") without a number but a star. ``labelled``: the line starts with a label
    ("2. Mục tiêu 2: …"), which names no assignee."""
    item_scheme = next((ln.scheme for ln in lines if not ln.in_table and (ln.scheme or "").startswith("arabic")), None)
    heads = []
    for line in lines:
        if line.in_table or line.content_start == line.content_end:
            continue  # a table row, or a number alone: no item
        if line.scheme == item_scheme and item_scheme is not None \
                or (line.scheme is None or line.text.startswith(star())) \
                and _REQUEST_ITEM.match(folded, line.content_start, line.end + 1):
            heads.append((line.start, line.content_start, line.label is not None))
    return heads


def _items(ctx: _Ctx, start: int, end: int) -> None:
    """The numbered (or "Đề nghị …") items of an implementation part."""
    text, folded = ctx.doc.text, ctx.folded
    heads = _item_heads(ctx.context.lines_in(start, end), folded)
    for i, (_, head_end, labelled) in enumerate(heads):
        item_end = heads[i + 1][0] if i + 1 < len(heads) else end
        line_end = folded.find("\n", head_end, item_end)
        line_end = item_end if line_end < 0 else line_end
        if labelled:  # no assignee of its own: only bullets naming one ("- Sở Y tế: …") assign
            _body(ctx, [], False, line_end, item_end)
            continue
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
    """Lines whose content starts with an assignee label: "- Cơ quan thực hiện: Sở A chủ trì …"."""
    folded = ctx.folded
    for line in ctx.context.all_lines:
        if m := _ACTIVITY.match(folded, line.content_start, line.end):
            span = split_clauses(ctx.doc.text, m.end(), line.end)
            if span:
                _inline(ctx, span[0][0], span[-1][1])


def _decisions(ctx: _Ctx) -> None:
    for start, end in ctx.context.decision_spans:
        for m in _GIAO.finditer(ctx.folded, start, end):
            clauses = split_clauses(ctx.doc.text, m.end(), end)
            if clauses:
                _inline(ctx, clauses[0][0], clauses[0][1])


def _reporting(ctx: _Ctx) -> None:
    for start, end in ctx.context.reporting_regions:
        for s, e in split_clauses(ctx.doc.text, start, end):
            _inline(ctx, s, e, default="report")


def _tables(ctx: _Ctx) -> None:
    """Appendix rows: the unit in the responsible-unit column leads on the row's target."""
    text = ctx.doc.text
    for cell in ctx.context.unit_cells:
        s, e = cell.start, cell.end
        run, _ = _leading_run(ctx, s, e)
        ids = [m.agency_id for m in run if m.agency_id]
        if not ids:
            name = text[s:e].strip()
            resolved = resolve_name("UBND " + name) if fold(name).startswith("các huyện") else resolve_name(name)
            ids = [resolved] if resolved else [unresolved_id(name)]
            if not resolved:
                ctx.extra_agencies.append(Found(None, s, e))
        for agency_id in dict.fromkeys(ids):
            _add_table(ctx, agency_id, s, e)


Ref = tuple[str, str | None]  # (objective number, target number or None), as gdparse.link reads them


class UnitCell(NamedTuple):
    """A part of a table cell (between semicolons) that names the unit responsible for its row, and
    the objective and target the row is about (from its own or an earlier row's label)."""

    start: int
    end: int
    refs: tuple[Ref, ...]


def unit_cells(text: str, slices: FoldedSlices, tables: Sequence[Table]) -> tuple[UnitCell, ...]:
    """The cells of the tables' responsible-unit columns, row by row. A header row names the column
    ("Đơn vị chủ trì"); a "Mục tiêu N" or "Chỉ tiêu N" label in a row's first cells names what the
    rows from there on are about. Both carry on from one table to the next."""
    out: list[UnitCell] = []
    column = None
    objective = target = None
    for row in (row for table in tables for row in table.rows):
        fcells = slices.fold_split(row.start, row.end, "\t")
        header = _header_cell(fcells)
        if header is not None or fcells[0].strip() in ("tt", "stt"):
            column = header
            continue
        if column is None:
            continue
        # Rows keep their labels even when trailing empty cells were trimmed.
        label = " ".join(fcells[:2])
        if number := mention_number(label, "objective"):
            objective, target = number, None
        elif number := mention_number(label, "target"):
            target = number
        if len(row.cells) <= column:
            continue
        cell_start, cell_end = row.cells[column].start, row.cells[column].end
        cell = text[cell_start:cell_end]
        if not cell.strip():
            continue
        refs: tuple[Ref, ...] = ((objective, target),) if objective and target else \
            ((objective, None),) if objective else ()
        for part in _CELL_PART.finditer(cell):
            s, e = cell_start + part.start(), cell_start + part.end()
            while s < e and text[s] == " ":
                s += 1
            out.append(UnitCell(s, e, refs))
    return tuple(out)


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


def _add_table(ctx: _Ctx, agency_id: str, start: int, end: int) -> None:
    section = ctx.section_at(start)
    ctx.append({"agency_id": agency_id, "role": "lead", "task": ctx.doc.text[start:end], "start": start, "end": end,
                "section_id": section.id if section else None})


def extract_responsibilities(doc: PlanDocument, context: DocumentContext) -> PlanDocument:
    """Link agencies to work with a role (the link stage adds the objectives and targets covered)."""
    if doc.agencies:
        mentions = [Mention(agency_id, m.start, m.end) for a in doc.agencies
                    for agency_id in (a.id if a.resolved else None,) for m in a.mentions]
    else:
        mentions = [Mention(f.agency_id, f.start, f.end) for f in context.agency_mentions]
    mentions.sort(key=itemgetter(1))  # by start; stable
    slices = context.slices
    ctx = _Ctx(doc, context, slices, slices.folded, mentions, [], [], [m.start for m in mentions])
    for step in (_activities, _decisions, _reporting, _tables):
        step(ctx)
    for start, end in context.implementation_regions:
        _items(ctx, start, end)
    extra, warnings = build_agencies(doc.text, ctx.extra_agencies)
    ctx.out.sort(key=itemgetter("start", "agency_id"))
    built = _RESPONSIBILITIES.build(ctx.out, compact=is_big(doc.text))
    return doc.model_copy(update={
        "responsibilities": doc.responsibilities + tuple(built),
        "agencies": merge_agencies(doc.agencies, extra),
        "warnings": doc.warnings + tuple(warnings),
    })
