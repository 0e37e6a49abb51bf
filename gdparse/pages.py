"""Page provenance: ``page`` on every spanned item of a paged source, from ``source.page_starts``."""

from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel

from gdparse.model import PlanDocument, Spanned


def page_of(page_starts: tuple[int, ...], offset: int) -> int:
    """The 1-based page holding ``offset`` (page_starts are the normalised offsets where pages start)."""
    return max(1, bisect_right(page_starts, offset))


def assign_pages(doc: PlanDocument) -> PlanDocument:
    """Fill ``page`` on every Spanned item (nested ones too); unchanged for unpaged sources."""
    starts = doc.source.page_starts
    if not starts:
        return doc
    update = {
        name: _paged(getattr(doc, name), starts)
        for name in type(doc).model_fields
        if name not in ("source", "text", "metadata", "warnings")
    }
    return doc.model_copy(update=update)


def _paged(value, starts: tuple[int, ...]):
    if isinstance(value, tuple):
        return tuple(_paged(v, starts) for v in value)
    if not isinstance(value, BaseModel):
        return value
    update = {
        name: _paged(getattr(value, name), starts)
        for name, info in type(value).model_fields.items()
        if isinstance(getattr(value, name), (tuple, BaseModel))
    }
    if isinstance(value, Spanned):
        update["page"] = page_of(starts, value.start)
    return value.model_copy(update=update) if update else value
