"""Extraction stage: each extractor takes a PlanDocument and the document's context
(:class:`gdparse.extract.context.DocumentContext`) and returns a new document with its lists filled.

Extractors run in the order of ``EXTRACTORS``; later ones may read what earlier ones found
(responsibilities read agencies). What several of them read about the document itself (the fold,
regions, letterhead, agency mentions) they ask the context, which finds it once. The pipeline runs
each under its guard (:mod:`gdparse.guard`), named by its ``stage``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from gdparse.extract import agencies, budgets, citations, metadata, reporting, responsibilities, targets
from gdparse.model import PlanDocument, Stage

if TYPE_CHECKING:
    from gdparse.extract.context import DocumentContext


class Extractor(NamedTuple):
    """One extraction step: its name in warnings and its function, ``run(doc, ctx) -> doc``."""

    stage: Stage
    run: Callable[[PlanDocument, DocumentContext], PlanDocument]


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(citations.STAGE, citations.extract_citations),
    Extractor(agencies.STAGE, agencies.extract_agencies),
    Extractor(metadata.STAGE, metadata.extract_metadata),
    Extractor(targets.STAGE, targets.extract_objectives_and_targets),
    Extractor(budgets.STAGE, budgets.extract_budgets),
    Extractor(responsibilities.STAGE, responsibilities.extract_responsibilities),
    Extractor(reporting.STAGE, reporting.extract_reporting),
)
