"""National indicators: the catalogue of the national gender-equality strategies' indicators and
milestones (``national_indicators.yaml``), the pairs that continue an indicator from one strategy
to the next (``indicator_crosswalk.yaml``) and the policy domains a text names (``domains.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import KnowledgeError, Schema, load
from gdparse.model import ObjectiveDomain


class NationalMilestone(Schema):
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    recurrence: str | None = None
    term: str | None = None
    direction: str | None = None


class Indicator(Schema):
    id: str
    strategy: str
    domain: ObjectiveDomain
    description: str
    cues: list[list[str]]
    milestones: list[NationalMilestone] = []
    examples: list[str] = []


class Strategy(Schema):
    document: str
    milestone_years: list[int]


class Catalogue(Schema):
    version: int
    strategies: dict[str, Strategy]
    indicators: list[Indicator]


class DomainRule(Schema):
    name: ObjectiveDomain
    cues: list[str]
    examples: list[str] = []


class DomainsFile(Schema):
    version: int
    domains: list[DomainRule]
    field_markers: list[str]


class CrosswalkPair(Schema):
    old: str
    new: str
    note: str | None = None
    examples: tuple[tuple[str, str], ...] = Field(min_length=1)


class Crosswalk(Schema):
    version: int
    pairs: tuple[CrosswalkPair, ...]


@cache
def catalogue() -> Catalogue:
    cat = load("national_indicators.yaml", Catalogue)
    ids = [i.id for i in cat.indicators]
    if len(ids) != len(set(ids)):
        raise KnowledgeError("national_indicators.yaml", "duplicate indicator id")
    return cat


def indicator(indicator_id: str) -> Indicator | None:
    return _by_id().get(indicator_id)


@cache
def _by_id() -> dict[str, Indicator]:
    return {i.id: i for i in catalogue().indicators}


def strategy_for_years(years: list[int]) -> str | None:
    """The national strategy a plan follows, from the years its targets name."""
    if not years:
        return None
    early = sum(1 for y in years if y <= 2020)
    return "2011-2020" if early * 2 >= len(years) else "2021-2030"


@cache
def crosswalk() -> Crosswalk:
    """The 2011-2020 -> 2021-2030 indicator pairs, validated against the catalogue."""
    data = load("indicator_crosswalk.yaml", Crosswalk)
    known = {i.id for i in catalogue().indicators}
    for pair in data.pairs:
        for ref in (pair.old, pair.new):
            if ref not in known:
                raise KnowledgeError("indicator_crosswalk.yaml", f"unknown indicator id {ref}")
    return data


def current_indicator(indicator_id: str | None) -> str | None:
    """The 2021-2030 indicator an older one continues as (itself if none)."""
    if indicator_id is None:
        return None
    return next((p.new for p in crosswalk().pairs if p.old == indicator_id), indicator_id)


@cache
def domains_file() -> DomainsFile:
    return load("domains.yaml", DomainsFile)
