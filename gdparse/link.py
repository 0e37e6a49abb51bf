"""Link stage: resolve references such as "chỉ tiêu 1 của Mục tiêu 2" to objective and target ids.

``parse_references`` reads the numbers out of a text; ``resolve`` turns them into the ids of the
objectives and targets the extractor found. ``link(doc)`` re-resolves every responsibility; references
that match no extracted item are kept as warnings with their numbers, never dropped.
"""

from __future__ import annotations

import regex

from gdparse.document_caches import per_document
from gdparse.model import DocWarning, PlanDocument
from gdparse.vietnamese import cut_is_exact, fold

STAGE = "link"

_NUM = r"\d+[a-z]?"
_NUM_LIST = rf"{_NUM}(?:\s*+(?:,|và|;)\s*+{_NUM})*"
# "(các) chỉ tiêu 1, 2, 3 (của|thuộc)? Mục tiêu 5" (bold markers of the source may surround numbers).
# Runs of spaces and stars are taken whole (possessive; "\s+[*\s]*" is written "\s[*\s]*+"): what
# follows each is a digit or a word, and the ways of splitting a run of tabs between adjacent runs made
# a failed match polynomial in the run's length.
_TARGETS = regex.compile(
    rf"chỉ\s+tiêu\s[*\s]*+({_NUM_LIST})[*\s]*+(?:,\s*+)?(?:của|thuộc|tại)?[*\s]*+mục\s+tiêu\s[*\s]*+(\d+)"
)
_OBJECTIVE = regex.compile(r"mục\s+tiêu\s[*\s]*+(\d+)(?!\s*[.,]\d)")
_SPLIT = regex.compile(r"\s*(?:,|và|;)\s*")

Ref = tuple[str, str | None]  # (objective number, target number or None)


def parse_references(text: str) -> list[Ref]:
    """Objective and target numbers named in ``text``, in order, without duplicates.

    >>> parse_references("Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2; các chỉ tiêu 1, 2 của Mục tiêu 6")
    [('1', None), ('2', '1'), ('6', '1'), ('6', '2')]
    """
    return list(_references(text))


# Every reference reads "… tiêu <number>" in the folded text.
_REFERENCE_WORD = "tiêu"


def references_in(text: str, folded: str, start: int, end: int) -> tuple[Ref, ...]:
    """``parse_references(text[start:end])`` for ``folded == fold(text)``. Most spans name no reference:
    where the folded cut is exact and holds no "tiêu", nothing is sliced, folded or matched."""
    if folded.find(_REFERENCE_WORD, start, end) < 0 and cut_is_exact(text, folded, start, end):
        return ()
    return _references(text[start:end])


# The extract and link stages read the same responsibility texts several times over; kept for one
# document only, so that no document is read faster for one parsed before it.
@per_document(maxsize=1024)
def _references(text: str) -> tuple[Ref, ...]:
    folded = fold(text)
    refs: list[tuple[int, Ref]] = []
    covered: list[tuple[int, int]] = []
    for m in _TARGETS.finditer(folded):
        for number in _SPLIT.split(m.group(1)):
            refs.append((m.start(), (m.group(2), number)))
        covered.append((m.start(), m.end()))
    for m in _OBJECTIVE.finditer(folded):
        if not any(s <= m.start() < e for s, e in covered):
            refs.append((m.start(), (m.group(1), None)))
    out: list[Ref] = []
    for _, ref in sorted(refs, key=lambda r: r[0]):
        if ref not in out:
            out.append(ref)
    return tuple(out)


# resolve() runs once per responsibility; the lookups depend only on the (immutable) objective and
# target tuples, so the last ones are kept. Holding the tuples keeps their ids from being reused.
_LOOKUP: tuple[tuple, tuple, dict, dict] | None = None


def _lookup(doc: PlanDocument) -> tuple[dict[str, str], dict[tuple[str | None, str], str]]:
    global _LOOKUP
    cached = _LOOKUP
    if cached is not None and cached[0] is doc.objectives and cached[1] is doc.targets:
        return cached[2], cached[3]
    objectives = {o.number: o.id for o in doc.objectives if o.number and not o.general}
    obj_number = {o.id: o.number for o in doc.objectives}
    targets = {(obj_number.get(t.objective_id), t.number): t.id for t in doc.targets if t.number}
    _LOOKUP = (doc.objectives, doc.targets, objectives, targets)
    return objectives, targets


def resolve(doc: PlanDocument, refs: list[Ref]) -> tuple[tuple[str, ...], tuple[str, ...], list[Ref]]:
    """Objective ids, target ids, and the references that matched nothing extracted."""
    objectives, targets = _lookup(doc)
    obj_ids: list[str] = []
    tgt_ids: list[str] = []
    missing: list[Ref] = []
    for objective, target in refs:
        if target is None:
            found = objectives.get(objective)
            if found and found not in obj_ids:
                obj_ids.append(found)
        else:
            found = targets.get((objective, target))
            if found and found not in tgt_ids:
                tgt_ids.append(found)
        if not found:
            missing.append((objective, target))
    return tuple(obj_ids), tuple(tgt_ids), missing


def describe(refs: list[Ref]) -> str:
    return "; ".join(f"Mục tiêu {o}" if t is None else f"chỉ tiêu {t} của Mục tiêu {o}" for o, t in refs)


def link_references(doc: PlanDocument, refs: list[Ref] | tuple[Ref, ...], start: int,
                    end: int) -> tuple[dict[str, tuple[str, ...]], list[DocWarning]]:
    """The objective/target id fields of a responsibility whose evidence spans ``start:end`` and names
    ``refs`` (no fields for no references), and a warning for references that match nothing."""
    if not refs:
        return {}, []
    obj_ids, tgt_ids, missing = resolve(doc, refs)
    warnings = []
    if missing:
        warnings.append(DocWarning(code="reference_unlinked", stage=STAGE, start=start, end=end,
                                   message=f"no extracted objective/target for: {describe(missing)}"))
    return {"objective_ids": obj_ids, "target_ids": tgt_ids}, warnings


def link(doc: PlanDocument) -> PlanDocument:
    """Re-resolve the objective/target references of every responsibility against the extracted items.

    Responsibilities that already carry ids (from an appendix row) keep them; this stage only fills
    responsibilities whose evidence names objectives or targets and has no ids yet.
    """
    if not doc.responsibilities or not (doc.objectives or doc.targets):
        return doc
    out = []
    warnings: list[DocWarning] = []
    text, folded = doc.text, fold(doc.text)
    for resp in doc.responsibilities:
        refs = () if resp.objective_ids or resp.target_ids else references_in(text, folded, resp.start, resp.end)
        if not refs:
            out.append(resp)
            continue
        ids, w = link_references(doc, refs, resp.start, resp.end)
        out.append(resp.model_copy(update=ids))
        warnings.extend(w)
    # Warnings of the extract stage for the same spans are superseded by this pass.
    kept = [w for w in doc.warnings if not (w.code == "reference_unlinked" and w.stage != STAGE)] if warnings else list(doc.warnings)
    return doc.model_copy(update={"responsibilities": tuple(out), "warnings": tuple(kept + warnings)})
