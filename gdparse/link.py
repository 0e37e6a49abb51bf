"""Link stage: resolve references such as "chỉ tiêu 1 của Mục tiêu 2" to objective and target ids.

``parse_references`` reads the numbers out of a text; ``resolve`` turns them into the ids of the
objectives and targets the extractor found. ``link(doc, ctx)`` fills every responsibility's
objective and target ids: from the references named in its evidence, or, for a responsibility read
from a table row, from the objective and target that row is about. References that match no
extracted item are kept in a warning with their numbers, never dropped.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from gdparse.extract.matching import PlainScan, scan
from gdparse.labels import display, references
from gdparse.model import DocWarning, Objective, PlanDocument, Target
from gdparse.vietnamese import fold

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "link"

Ref = tuple[str, str | None]  # (objective number, target number or None)


def parse_references(text: str) -> list[Ref]:
    """Objective and target numbers named in ``text``, in order, without duplicates.

    >>> parse_references("Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2; các chỉ tiêu 1, 2 của Mục tiêu 6")
    [('1', None), ('2', '1'), ('6', '1'), ('6', '2')]
    """
    return list(_references(fold(text)))


@cache
def _reference_scans() -> tuple[PlainScan, PlainScan]:
    """The scans of "chỉ tiêu 1, 2 của Mục tiêu 5" and "Mục tiêu 3" (the grammar of gdparse.labels)."""
    grammar = references()
    return scan(grammar.targets), scan(grammar.objective)


def _references(folded: str) -> tuple[Ref, ...]:
    """The references of a folded text, in order, without duplicates."""
    targets, objective = _reference_scans()
    split = references().list_split
    refs: list[tuple[int, Ref]] = []
    covered: list[tuple[int, int]] = []
    for m in targets.finditer(folded):
        for number in split.split(m.group(1)):
            refs.append((m.start(), (m.group(2), number)))
        covered.append((m.start(), m.end()))
    for m in objective.finditer(folded):
        if not any(s <= m.start() < e for s, e in covered):
            refs.append((m.start(), (m.group(1), None)))
    out: list[Ref] = []
    for _, ref in sorted(refs, key=lambda r: r[0]):
        if ref not in out:
            out.append(ref)
    return tuple(out)


Lookup = tuple[dict[str, str], dict[tuple[str | None, str], str]]


def lookup(objectives: tuple[Objective, ...], targets: tuple[Target, ...]) -> Lookup:
    """Objective ids by number, and target ids by (objective number, target number)."""
    by_number = {o.number: o.id for o in objectives if o.number and not o.general}
    obj_number = {o.id: o.number for o in objectives}
    return by_number, {(obj_number.get(t.objective_id), t.number): t.id for t in targets if t.number}


def resolve(found: Lookup, refs: tuple[Ref, ...] | list[Ref]) -> tuple[tuple[str, ...], tuple[str, ...], list[Ref]]:
    """Objective ids, target ids, and the references that matched nothing extracted."""
    objectives, targets = found
    obj_ids: list[str] = []
    tgt_ids: list[str] = []
    missing: list[Ref] = []
    for objective, target in refs:
        if target is None:
            found_id = objectives.get(objective)
            if found_id and found_id not in obj_ids:
                obj_ids.append(found_id)
        else:
            found_id = targets.get((objective, target))
            if found_id and found_id not in tgt_ids:
                tgt_ids.append(found_id)
        if not found_id:
            missing.append((objective, target))
    return tuple(obj_ids), tuple(tgt_ids), missing


def describe(refs: list[Ref]) -> str:
    return "; ".join(display("objective", o) if t is None
                     else f"{display('target', t).lower()} của {display('objective', o)}" for o, t in refs)


def link(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Fill the objective and target ids of every responsibility, and warn once per evidence span
    about the references that match nothing extracted."""
    if not doc.responsibilities:
        return doc
    found = lookup(doc.objectives, doc.targets)
    row_refs = {(cell.start, cell.end): cell.refs for cell in ctx.unit_cells}
    refs_at: dict[tuple[int, int], tuple[Ref, ...]] = {}  # several duties share one evidence span
    warned: set[tuple[int, int]] = set()
    out = []
    warnings: list[DocWarning] = []
    for resp in doc.responsibilities:
        span = (resp.start, resp.end)
        refs = row_refs.get(span)
        if refs is None:
            refs = refs_at.get(span)
            if refs is None:
                refs = refs_at[span] = _references(ctx.slices.fold(resp.start, resp.end))
        if not refs:
            out.append(resp)
            continue
        obj_ids, tgt_ids, missing = resolve(found, refs)
        out.append(resp.model_copy(update={"objective_ids": obj_ids, "target_ids": tgt_ids}))
        if missing and span not in warned:
            warned.add(span)
            warnings.append(DocWarning(code="reference_unlinked", stage=STAGE, start=resp.start, end=resp.end,
                                       message=f"no extracted objective/target for: {describe(missing)}"))
    return doc.model_copy(update={"responsibilities": tuple(out), "warnings": doc.warnings + tuple(warnings)})
