"""Agencies: the registry of government, party and mass-organisation bodies that plans assign work
to (``agencies.yaml``) and their lineage through renamings and mergers (``lineage.yaml``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import regex
from pydantic import field_validator

from gdparse.knowledge.loader import KnowledgeError, Schema, load
from gdparse.model import AgencyLevel, AgencyType

# Where an alias holds it, every province name (see gdparse.knowledge.provinces) is put in its place.
PROVINCE_SLOT = "{province}"


def _lines(value: object) -> tuple[str, ...]:
    """Aliases and examples are a YAML list or a block string with one entry per line."""
    if value is None:
        return ()
    items = value.splitlines() if isinstance(value, str) else list(value)
    return tuple(str(i).strip() for i in items if str(i).strip())


class AgencyEntry(Schema):
    id: str
    name: str
    type: AgencyType
    level: AgencyLevel
    collective: bool = False
    valid_from: int | None = None
    valid_to: int | None = None
    aliases: tuple[str, ...]
    examples: tuple[str, ...] = ()

    @field_validator("aliases", "examples", mode="before")
    @classmethod
    def _split(cls, v: object) -> tuple[str, ...]:
        return _lines(v)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not regex.fullmatch(r"(central|province|district|commune|collective)\.[a-z0-9_]+", v):
            raise ValueError(f"agency id {v!r} is not level-prefixed snake case")
        return v

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.valid_from is None or year >= self.valid_from) and (self.valid_to is None or year <= self.valid_to)


class AgencyFile(Schema):
    version: int
    agencies: tuple[AgencyEntry, ...]


class LineageChange(Schema):
    predecessor: str
    successor: str
    date: dt.date
    kind: Literal["merged", "renamed", "split", "abolished"]
    note: str | None = None
    examples: tuple[str, ...] = ()


class LineageFile(Schema):
    version: int
    changes: tuple[LineageChange, ...]


@cache
def agencies() -> dict[str, AgencyEntry]:
    """Registry entries by id (validated; ids unique)."""
    data = load("agencies.yaml", AgencyFile)
    out: dict[str, AgencyEntry] = {}
    for entry in data.agencies:
        if entry.id in out:
            raise KnowledgeError("agencies.yaml", f"duplicate agency id {entry.id}")
        out[entry.id] = entry
    return out


@cache
def lineage() -> tuple[LineageChange, ...]:
    data = load("lineage.yaml", LineageFile)
    known = agencies()
    for c in data.changes:
        for ref in (c.predecessor, c.successor):
            if ref not in known:
                raise KnowledgeError("lineage.yaml", f"lineage refers to unknown agency {ref}")
    return data.changes


def successor_of(agency_id: str, on: dt.date | None = None) -> tuple[str, tuple[LineageChange, ...]]:
    """Follow lineage from ``agency_id`` to its current successor (or the one in force on ``on``).

    Returns the successor id and the chain of changes applied (empty if none), so that a caller can
    say that it mapped.
    """
    chain: list[LineageChange] = []
    current = agency_id
    seen = {current}
    while True:
        step = next(
            (c for c in lineage() if c.predecessor == current and (on is None or c.date <= on)), None
        )
        if step is None or step.successor in seen:
            return current, tuple(chain)
        chain.append(step)
        current = step.successor
        seen.add(current)
