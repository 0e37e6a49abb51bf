"""Agencies mentioned in the text, resolved to the registry (ANNOTATION.md §4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from gdparse import registry
from gdparse.compact import is_big, share_field_sets
from gdparse.extract.agency_matcher import Found
from gdparse.knowledge.windows import windows
from gdparse.model import Agency, DocWarning, PlanDocument
from gdparse.vietnamese import fold, strip_accents

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext

STAGE = "extract.agencies"

# "\s+[\d\s]*" written "\s[\d\s]*+": the same strings, without the ways of splitting a run of spaces.
_HEADER_YEAR = regex.compile(r"ngày\s[\d\s]*+tháng\s[\d\s]*+năm\s+((?:19|20)\d\d)")
_ANY_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def document_year(doc: PlanDocument, ctx: DocumentContext) -> int | None:
    """The year the plan was written: metadata if known, else the letterhead's year (see
    :func:`letterhead_year`). Used only to choose between bodies that shared a name in different periods."""
    if doc.metadata.issued_date:
        return int(doc.metadata.issued_date[:4])
    return ctx.letterhead_year


def letterhead_year(folded: str) -> int | None:
    """The header date's year, else the latest year in the opening of the folded text."""
    # The head of the folded text: the letters folding may treat differently at the cut are never
    # part of a date or a year.
    head = folded[: windows().opening_years]
    m = _HEADER_YEAR.search(head)
    if m:
        return int(m.group(1))
    years = [int(y) for y in _ANY_YEAR.findall(head)]
    return max(years) if years else None


def unresolved_id(surface: str) -> str:
    """A stable id for a body the registry does not know: "unresolved.<slug>"."""
    slug = regex.sub(r"[^a-z0-9]+", "_", strip_accents(fold(surface))).strip("_")[:60]
    return f"unresolved.{slug or 'unknown'}"


def build_agencies(text: str, found: list[Found]) -> tuple[list[Agency], list[DocWarning]]:
    """Group mentions by agency (registry order of first mention) and warn about unresolved ones."""
    reg = registry.agencies()
    # Mentions as plain fields, validated with their agency: one model construction per agency.
    by_id: dict[str, list[dict]] = {}
    warnings: list[DocWarning] = []
    for found_id, start, end, _ in found:  # Found is a named tuple: unpacked, not read by name
        surface = text[start:end]
        agency_id = found_id or unresolved_id(surface)
        if found_id is None:
            warnings.append(DocWarning(code="agency_unresolved", stage=STAGE, start=start, end=end,
                                       message=f"agency not in the registry: {surface!r}"))
        by_id.setdefault(agency_id, []).append({"start": start, "end": end, "surface": surface})
    agencies: list[Agency] = []
    for agency_id, mentions in by_id.items():
        entry = reg.get(agency_id)
        if entry is None:
            agencies.append(Agency(id=agency_id, name=mentions[0]["surface"] or agency_id, resolved=False,
                                   mentions=mentions))
        else:
            agencies.append(Agency(id=entry.id, name=entry.name, type=entry.type, level=entry.level,
                                   collective=entry.collective, mentions=mentions))
    if is_big(text):
        share_field_sets(agencies)  # their mentions, as they are built (see gdparse.compact)
    return agencies, warnings


def merge_agencies(existing: tuple[Agency, ...], extra: list[Agency]) -> tuple[Agency, ...]:
    """Add agencies and mentions not yet present (by id and span)."""
    out = {a.id: a for a in existing}
    for a in extra:
        if a.id not in out:
            out[a.id] = a
            continue
        spans = {(m.start, m.end) for m in out[a.id].mentions}
        new = tuple(m for m in a.mentions if (m.start, m.end) not in spans)
        if new:
            merged = tuple(sorted(out[a.id].mentions + new, key=lambda m: m.start))
            out[a.id] = out[a.id].model_copy(update={"mentions": merged})
    return tuple(out.values())


def extract_agencies(doc: PlanDocument, ctx: DocumentContext) -> PlanDocument:
    """Every agency mention of the text (the context finds them), resolved to the registry."""
    agencies, warnings = build_agencies(doc.text, ctx.agency_mentions)
    return doc.model_copy(update={"agencies": merge_agencies(doc.agencies, agencies),
                                  "warnings": doc.warnings + tuple(warnings)})
