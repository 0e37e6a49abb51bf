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
    period: tuple[int, int]  # first and last year
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
    for name, strategy in cat.strategies.items():
        first, last = strategy.period
        if name != f"{first}-{last}" or not all(first <= y <= last for y in strategy.milestone_years):
            raise KnowledgeError("national_indicators.yaml", f"strategy {name} does not fit its period {first}-{last}")
    for ind in cat.indicators:
        if ind.strategy not in cat.strategies:
            raise KnowledgeError("national_indicators.yaml", f"{ind.id}: unknown strategy {ind.strategy}")
    return cat


@cache
def strategies() -> tuple[str, ...]:
    """The national strategies by name ("2011-2020", "2021-2030"), earliest first."""
    return tuple(sorted(catalogue().strategies, key=lambda name: catalogue().strategies[name].period))


def current_strategy() -> str:
    """The latest national strategy: what comparisons are made against by default."""
    return strategies()[-1]


def strategy_period(name: str) -> tuple[int, int]:
    return catalogue().strategies[name].period


def indicator(indicator_id: str) -> Indicator | None:
    return _by_id().get(indicator_id)


@cache
def _by_id() -> dict[str, Indicator]:
    return {i.id: i for i in catalogue().indicators}


def strategy_for_years(years: list[int]) -> str | None:
    """The national strategy a plan follows, from the years its targets name: each year counts for
    the strategy whose period holds it (a year outside every period for the nearest), and the
    strategy with most wins, the earlier one on a tie."""
    if not years:
        return None
    names = strategies()
    votes = dict.fromkeys(names, 0)
    for year in years:
        votes[min(names, key=lambda name: _distance(year, strategy_period(name)))] += 1
    return max(names, key=votes.__getitem__)  # max keeps the first (earliest) of equal counts


def _distance(year: int, period: tuple[int, int]) -> int:
    """Years from ``year`` to a period (0 inside it)."""
    first, last = period
    return first - year if year < first else year - last if year > last else 0


@cache
def crosswalk() -> Crosswalk:
    """The pairs of an indicator and its continuation in the next strategy, validated against the
    catalogue."""
    data = load("indicator_crosswalk.yaml", Crosswalk)
    known = {i.id for i in catalogue().indicators}
    for pair in data.pairs:
        for ref in (pair.old, pair.new):
            if ref not in known:
                raise KnowledgeError("indicator_crosswalk.yaml", f"unknown indicator id {ref}")
    return data


def current_indicator(indicator_id: str | None) -> str | None:
    """The indicator of the later strategy that an older one continues as (itself if none)."""
    if indicator_id is None:
        return None
    return next((p.new for p in crosswalk().pairs if p.old == indicator_id), indicator_id)


@cache
def domains_file() -> DomainsFile:
    return load("domains.yaml", DomainsFile)
