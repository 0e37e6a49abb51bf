"""Extraction stage: each extractor takes a PlanDocument and returns a new one with its lists filled.

Extractors run in the order of ``EXTRACTORS``; later ones may read what earlier ones found
(responsibilities read agencies, objectives and targets). The pipeline runs each under its guard
(:mod:`gdparse.guard`), named by its ``stage``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from gdparse.extract import agencies, budgets, citations, metadata, reporting, responsibilities, targets
from gdparse.model import PlanDocument, Stage


class Extractor(NamedTuple):
    """One extraction step: its name in warnings and its function."""

    stage: Stage
    run: Callable[[PlanDocument], PlanDocument]


EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(citations.STAGE, citations.extract_citations),
    Extractor(agencies.STAGE, agencies.extract_agencies),
    Extractor(metadata.STAGE, metadata.extract_metadata),
    Extractor(targets.STAGE, targets.extract_objectives_and_targets),
    Extractor(budgets.STAGE, budgets.extract_budgets),
    Extractor(responsibilities.STAGE, responsibilities.extract_responsibilities),
    Extractor(reporting.STAGE, reporting.extract_reporting),
)
