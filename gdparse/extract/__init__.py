"""Extraction stage: each extractor takes a PlanDocument and returns a new one with its lists filled.

Extractors run in the order of ``EXTRACTORS``; later ones may read what earlier ones found
(responsibilities read agencies, objectives and targets).
"""

from __future__ import annotations

from collections.abc import Callable

from gdparse.extract.agencies import extract_agencies
from gdparse.extract.budgets import extract_budgets
from gdparse.extract.citations import extract_citations
from gdparse.extract.metadata import extract_metadata
from gdparse.extract.reporting import extract_reporting
from gdparse.extract.responsibilities import extract_responsibilities
from gdparse.extract.targets import extract_objectives_and_targets
from gdparse.model import PlanDocument

Extractor = Callable[[PlanDocument], PlanDocument]

EXTRACTORS: tuple[Extractor, ...] = (
    extract_citations,
    extract_agencies,
    extract_metadata,
    extract_objectives_and_targets,
    extract_budgets,
    extract_responsibilities,
    extract_reporting,
)


def extract(doc: PlanDocument) -> PlanDocument:
    """Run every extractor in order."""
    for extractor in EXTRACTORS:
        doc = extractor(doc)
    return doc
