"""Segment stage: normalised text -> a tree of sections, tables and footnotes.

1. ``gdparse.lines.text_to_lines``: lines with offsets and what each line is.
2. ``lines_to_parts``: the document's parts (a decision, the plan it issues, appendices,
   a cover letter, the footnotes), each starting at its letterhead or title.
3. ``part_to_openers``: inside a part, where each block (header, title, legal basis,
   articles, recipients, signature) and each numbered heading opens.
4. ``openers_to_sections``: nesting by numbering scheme, ends, kinds, and lead leaves so that
   the leaves tile the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from gdparse.compact import is_big
from gdparse.knowledge.documents import part_words
from gdparse.labels import section_kind_of_scheme, starts_with_mention
from gdparse.lines import Line, folded_whole, lines_to_footnotes, lines_to_tables, text_to_lines
from gdparse.lost_case import lost_letters, recognition_text
from gdparse.model import DocWarning, Footnote, Section, SectionKind, Table, WarningCode
from gdparse.model_build import ModelListBuilder
from gdparse.normalize import NormalizedText
from gdparse.numbering import MAX_NUMBER_DEPTH, number_value, too_deep_number
from gdparse.rules import classify_heading, is_caps
from gdparse.vietnamese import fold, fold_slice

STAGE = "segment"


@dataclass(slots=True)
class Opener:
    """A section opening at ``start``; ``key`` decides nesting (same key = siblings)."""

    start: int
    key: str
    kind: SectionKind | None
    number: str | None = None
    heading_span: tuple[int, int] | None = None
    scheme: str | None = None
    depth: int = 1  # 0 = part, 1 = block or top heading


@dataclass(slots=True)
class Node:
    """A section of the tree. No link to the parent: without cycles a tree is freed as soon as it
    is done with, not by the cycle collector."""

    opener: Opener
    children: list[Node] = field(default_factory=list)
    end: int = 0
    kind: SectionKind = "other"


def _is_part_title(lines: list[Line], i: int, seen_title: bool, after_closing: bool) -> bool:
    """A doc-type line or a caps title followed by "(Kèm theo …)" opens a new part."""
    line = lines[i]
    if line.heading is not None or not (seen_title or "doc_type" in line.kinds):
        return False  # most lines: done without looking ahead
    following = lines[i + 1 : i + 4]
    if "doc_type" in line.kinds:
        return (
            not seen_title
            or after_closing
            or any("attached" in ln.kinds for ln in following)
            or line.folded.startswith("phụ lục")
        )
    # The caps test first: cached, and false for nearly every line.
    if "header" not in line.kinds and is_caps(line.text) and any("attached" in ln.kinds for ln in following):
        # A caps title (an appendix) whose lines run up to "(Kèm theo …)".
        for ln in following:
            if "attached" in ln.kinds:
                return True
            if not is_caps(ln.text):
                return False
    return False


def lines_to_parts(lines: list[Line]) -> list[tuple[int, int, SectionKind]]:
    """Line-index ranges of the document's parts and their kinds."""
    footnote_from = len(lines)
    while footnote_from > 0 and "footnote" in lines[footnote_from - 1].kinds:
        footnote_from -= 1
    starts: list[tuple[int, SectionKind]] = []
    seen_title = after_closing = False
    skip_to = 0
    for i in range(footnote_from):
        line = lines[i]
        if i < skip_to:
            continue
        if "signature" in line.kinds or "recipients" in line.kinds or "name" in line.kinds:
            after_closing = after_closing or "signature" in line.kinds or "name" in line.kinds
        if _is_part_title(lines, i, seen_title, after_closing):
            begin = i
            while begin > 0 and "header" in lines[begin - 1].kinds and (not starts or begin - 1 > starts[-1][0]):
                begin -= 1
            starts.append((begin, _part_kind(line, seen_title)))
            seen_title, after_closing = True, False
            skip_to = _skip_title(lines, i, footnote_from)
    parts: list[tuple[int, int, SectionKind]] = []
    if not starts or starts[0][0] > 0:
        parts.append((0, starts[0][0] if starts else footnote_from, "other"))
    for n, (begin, kind) in enumerate(starts):
        parts.append((begin, starts[n + 1][0] if n + 1 < len(starts) else footnote_from, kind))
    if footnote_from < len(lines):
        parts.append((footnote_from, len(lines), "footnotes"))
    return [p for p in parts if p[0] < p[1]]


def _part_kind(line: Line, seen_title: bool) -> SectionKind:
    if line.folded.startswith(part_words("decision")):
        return "decision"
    if line.folded.startswith(part_words("plan")):
        return "plan"
    if line.folded.startswith("phụ lục") or seen_title:
        return "appendix"
    return "plan"


def part_to_openers(lines: list[Line], begin: int, end: int, kind: SectionKind) -> list[Opener]:
    """Openers of the blocks and headings of one part (``lines[begin:end]``)."""
    title = next(
        (ln for ln in lines[begin:end] if "doc_type" in ln.kinds or is_caps(ln.text) and "header" not in ln.kinds), None
    )
    span = (title.start, title.end) if title is not None and kind != "footnotes" else None
    openers = [Opener(lines[begin].start, "part", kind, heading_span=span, depth=0)]
    if kind == "footnotes":
        return openers
    i = begin
    if "header" in lines[i].kinds and "doc_type" not in lines[i].kinds:
        openers.append(Opener(lines[i].start, "block", "header"))
        while i < end and "header" in lines[i].kinds and "doc_type" not in lines[i].kinds:
            i += 1
    if i < end and "doc_type" in lines[i].kinds or (i < end and kind == "appendix" and is_caps(lines[i].text)):
        openers.append(Opener(lines[i].start, "block", "title"))
        i = _skip_title(lines, i, end)
    mode = "preamble"
    block_kind: SectionKind | None = None
    while i < end:
        line = lines[i]
        k = line.kinds
        if "recipients" in k:
            openers.append(Opener(line.start, "block", "recipients"))
            mode, block_kind = "recipients", "recipients"
        elif (
            "signature" in k
            or (mode == "recipients" and "name" in k)
            or (mode == "signature" and ("name" in k or is_caps(line.text)))
        ):
            if block_kind != "signature":
                openers.append(Opener(line.start, "block", "signature"))
            mode, block_kind = "signature", "signature"
        elif mode == "recipients" and (line.text[:1] in "-+•" or line.text[:1].islower()):
            pass
        elif "articles_start" in k:
            openers.append(Opener(line.start, "block", "decision"))
            mode, block_kind = "articles", "decision"
        elif mode == "preamble" and "legal_basis" in k and line.heading is None:
            if block_kind != "legal_basis":
                openers.append(Opener(line.start, "block", "legal_basis"))
            block_kind = "legal_basis"
        elif line.heading is not None and not (
            mode in ("recipients", "signature") and line.heading.scheme in ("letter",)
        ):
            h = line.heading
            key = h.scheme + ("" if h.scheme.startswith("row") or mode != "articles" else "@articles")
            openers.append(
                Opener(
                    line.start, key, None, h.number, (line.start + h.text_start, line.start + h.text_end), h.scheme, 2
                )
            )
            mode, block_kind = ("articles" if mode == "articles" else "body"), None
        elif mode == "preamble" and block_kind == "legal_basis" and line.folded.endswith("như sau:"):
            pass  # the enacting clause closes the preamble
        elif (mode == "preamble" and block_kind in (None, "legal_basis")) or mode in ("recipients", "signature"):
            openers.append(Opener(line.start, "block", "other"))
            mode, block_kind = ("preamble" if mode == "preamble" else "body"), "other"
        i += 1
    return openers


def _skip_title(lines: list[Line], i: int, end: int) -> int:
    """Past the title block: the type line, the title (caps or short lines), "(Kèm theo …)"."""
    i += 1
    taken = 0
    while i < end and taken < 6:
        line = lines[i]
        if line.heading is not None or {"legal_basis", "articles_start", "recipients", "signature"} & line.kinds:
            break
        if "attached" in line.kinds or is_caps(line.text) or line.text.startswith("("):
            i, taken = i + 1, taken + 1
            continue
        if taken < 3 and len(line.text) <= 260 and not line.text.rstrip().endswith((".", ";")):
            i, taken = i + 1, taken + 1
            continue
        break
    return i


def openers_to_sections(openers: list[Opener], text_len: int) -> list[Node]:
    """Nest openers into a tree: same key = sibling (scheme stack), otherwise child."""
    roots: list[Node] = []
    stack: list[Node] = []
    keys: list[str] = []  # the stack's keys, kept alongside: no list built per opener
    for op in openers:
        key = op.key
        if key == "part":
            node = Node(op)
            roots.append(node)
            stack, keys = [node], [key]
            continue
        if key == "block":
            del stack[1:], keys[1:]
        elif key in keys:
            at = keys.index(key)
            del stack[at:], keys[at:]
        else:
            if key == "roman":
                # A Roman heading heads a part of the body ("I.", "II." above "1.", "a)"): it nests
                # under no other heading of the text (a table row may hold one). A stray "3." before
                # "I." would otherwise hold every later Roman part, and its "1." would end the Roman
                # part they follow.
                while keys and keys[-1] not in ("part", "block") and not keys[-1].startswith("row-"):
                    stack.pop()
                    keys.pop()
            if keys and keys[-1] == "block" and stack[-1].opener.kind != "decision":
                stack.pop()
                keys.pop()
        node = Node(op)
        if stack:
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
        keys.append(key)
    _set_ends(roots, text_len)
    return roots


def _set_ends(nodes: list[Node], end: int) -> None:
    for n, node in enumerate(nodes):
        node.end = nodes[n + 1].opener.start if n + 1 < len(nodes) else end
        _set_ends(node.children, node.end)


def _kind_of(node: Node, parent: Node | None, text: str, folded_text: str | None) -> SectionKind:
    op = node.opener
    if op.kind is not None:
        return op.kind
    labelled = section_kind_of_scheme(op.scheme)  # "Chỉ tiêu 2:" opens targets, "Điều 3." an article …
    if labelled is not None:
        return labelled
    if op.key.endswith("@articles"):
        return "decision"
    start, end = op.heading_span if op.heading_span else (0, 0)
    folded = fold_slice(text, folded_text, start, end)
    # A numbered paragraph (long "heading") is an item of its parent, whatever words it starts with.
    found = classify_heading(text[start:end], folded)
    if end - start > 120 and not starts_with_mention(folded, ("objective", "target")):
        found = None
    parent_kind = parent.kind if parent is not None else "other"
    if found is not None:
        # "Mục tiêu:" inside an activity, or a heading naming objectives under an appendix row.
        return found
    if parent_kind in ("plan", "decision", "appendix") and parent is not None and parent.opener.key == "part":
        return "appendix" if parent_kind == "appendix" else "other"
    return parent_kind


_SECTIONS = ModelListBuilder(Section)


def build_sections(roots: list[Node], text: str, folded_text: str | None = None) -> list[Section]:
    """Flatten the tree into Sections with ids in document order, adding lead leaves.
    ``folded_text`` is ``fold(text)`` where the caller has it (see ``gdparse.vietnamese.fold_slice``).
    The fields are gathered first and built in one call (see :class:`gdparse.model_build.ModelListBuilder`)."""
    fields: list = []  # field dicts of the sections, in document order
    counter = 0

    def visit(node: Node, parent: Node | None, parent_id: str | None, level: int) -> str:
        nonlocal counter
        kind = node.kind = _kind_of(node, parent, text, folded_text)
        counter += 1
        sid = f"s{counter}"
        index = len(fields)
        fields.append(None)  # its place, filled below
        child_ids: list[str] = []
        op = node.opener
        children = node.children
        if children and children[0].opener.start > op.start:
            counter += 1
            lead_id = f"s{counter}"
            fields.append(
                {
                    "id": lead_id,
                    "kind": kind,
                    "start": op.start,
                    "end": children[0].opener.start,
                    "level": level + 1,
                    "parent": sid,
                    "is_lead": True,
                }
            )
            child_ids.append(lead_id)
        for child in children:
            child_ids.append(visit(child, node, sid, level + 1))
        hs, he = op.heading_span if op.heading_span else (None, None)
        fields[index] = {
            "id": sid,
            "kind": kind,
            "number": op.number,
            "heading": text[hs:he] if hs is not None else None,
            "heading_start": hs,
            "heading_end": he,
            "level": level,
            "start": op.start,
            "end": node.end,
            "parent": parent_id,
            "children": tuple(child_ids),
            "scheme": op.scheme,
        }
        return sid

    for root in roots:
        visit(root, None, None, 0)
    return _SECTIONS.build(fields, compact=is_big(text))


class Segmentation(NamedTuple):
    """What segmenting a text gives: the section tree, tables and footnotes, what looked odd, and
    the lines and folded text it read them from (handed on, so that no later stage splits or
    folds the whole text again)."""

    sections: list[Section]
    tables: list[Table]
    footnotes: list[Footnote]
    warnings: list[DocWarning]
    lines: list[Line]
    folded: str | None  # fold(text); None when segmentation did not get that far


def segment(norm: NormalizedText, encoding: str | None = None) -> Segmentation:
    """The section tree, tables and footnotes of a normalised text, and what looked odd.
    ``encoding`` is the one the text was decoded from: where it lost capitals (TCVN3), lines are
    recognised with them restored (gdparse.lost_case); the sections' text is the document's."""
    text = norm.text
    folded = fold(text)
    folded_text = folded_whole(text, folded)
    recognised = recognition_text(text, lost_letters(encoding))
    if recognised is not text:  # same length and lines, and the same folded form
        norm = norm.model_copy(update={"text": recognised})
    lines = text_to_lines(norm, folded_text)
    warnings: list[DocWarning] = []
    if not lines:
        warning = DocWarning(code=WarningCode.NO_TEXT, message="the document has no text", stage=STAGE)
        return Segmentation(whole_text_sections(text), [], [], [warning], lines, folded)
    openers: list[Opener] = []
    for begin, end, kind in lines_to_parts(lines):
        openers.extend(part_to_openers(lines, begin, end, kind))
    if openers[0].start > 0:
        openers[0].start = 0
    roots = openers_to_sections(openers, len(text))
    sections = build_sections(roots, text, folded_text)
    if not any(s.scheme for s in sections):
        warnings.append(
            DocWarning(code=WarningCode.NO_NUMBERED_SECTIONS, message="no numbered headings found: is this a plan?",
                       stage=STAGE)
        )
    warnings.extend(_numbering_warnings(sections))
    warnings.extend(too_deep_warnings(lines, text))
    tables = lines_to_tables(lines, sections, compact=is_big(text))
    return Segmentation(sections, tables, lines_to_footnotes(lines, text), warnings, lines, folded)


def whole_text_sections(text: str) -> list[Section]:
    """One section over the whole text: the tree of a text without lines, or when segmenting failed."""
    return [Section(id="s1", kind="other", start=0, end=len(text), level=0)] if text else []


def too_deep_warnings(lines: list[Line], text: str) -> list[DocWarning]:
    """Lines numbered like headings but deeper than ``MAX_NUMBER_DEPTH`` levels: read as text, and said."""
    return [
        DocWarning(code=WarningCode.NUMBERING_TOO_DEEP, stage=STAGE, start=m.start(), end=m.end(),
                   message=f"{m.group()} has more than {MAX_NUMBER_DEPTH} levels: read as text, not as a heading")
        for line in lines
        if line.heading is None and "0" <= text[line.start] <= "9" and (m := too_deep_number(text, line.start))
    ]


def _numbering_warnings(sections: list[Section]) -> list[DocWarning]:
    """Repeated or skipped numbers among siblings (kept, but said)."""
    warnings = []
    by_parent: dict[str | None, list[Section]] = {}
    for s in sections:
        if s.scheme in ("roman", "arabic-1") or section_kind_of_scheme(s.scheme) is not None and s.number:
            by_parent.setdefault(s.parent, []).append(s)
    for siblings in by_parent.values():
        values = [(number_value(s.number), s) for s in siblings if s.number]
        for (prev, _), (cur, s) in zip(values, values[1:]):
            if prev is None or cur is None:
                continue
            if cur == prev:
                warnings.append(
                    DocWarning(
                        code=WarningCode.REPEATED_NUMBER,
                        message=f"heading number {s.number} repeats",
                        stage=STAGE,
                        start=s.start,
                        end=s.heading_end or s.start,
                    )
                )
            elif cur > prev + 1:
                warnings.append(
                    DocWarning(
                        code=WarningCode.SKIPPED_NUMBER,
                        message=f"heading numbers jump from {prev} to {cur}",
                        stage=STAGE,
                        start=s.start,
                        end=s.heading_end or s.start,
                    )
                )
    return warnings
