"""The agency registry (gdparse/data/agencies.yaml) and lineage (lineage.yaml, provinces from
``vietnamadminunits``): load once, validate, and answer "what is this name" and "what became of it".
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, field_validator

from gdparse.model import AgencyLevel, AgencyType
from gdparse.rules import load_yaml
from gdparse.vietnamese import fold

PROVINCE_SLOT = "{province}"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _lines(value: object) -> tuple[str, ...]:
    """Aliases and examples are a YAML list or a block string with one entry per line."""
    if value is None:
        return ()
    items = value.splitlines() if isinstance(value, str) else list(value)
    return tuple(str(i).strip() for i in items if str(i).strip())


class AgencyEntry(_Strict):
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


class AgencyFile(_Strict):
    version: int
    agencies: tuple[AgencyEntry, ...]


class LineageChange(_Strict):
    predecessor: str
    successor: str
    date: dt.date
    kind: Literal["merged", "renamed", "split", "abolished"]
    note: str | None = None
    examples: tuple[str, ...] = ()


class LineageFile(_Strict):
    version: int
    changes: tuple[LineageChange, ...]


def _load_yaml(name: str) -> dict:
    return load_yaml(name)


@cache
def agencies() -> dict[str, AgencyEntry]:
    """Registry entries by id (validated; ids unique)."""
    data = AgencyFile.model_validate(_load_yaml("agencies.yaml"))
    out: dict[str, AgencyEntry] = {}
    for entry in data.agencies:
        if entry.id in out:
            raise ValueError(f"duplicate agency id {entry.id}")
        out[entry.id] = entry
    return out


@cache
def lineage() -> tuple[LineageChange, ...]:
    data = LineageFile.model_validate(_load_yaml("lineage.yaml"))
    known = agencies()
    for c in data.changes:
        for ref in (c.predecessor, c.successor):
            if ref not in known:
                raise ValueError(f"lineage refers to unknown agency {ref}")
    return data.changes


# ---------------------------------------------------------------- matching keys

# Acronym pieces joined by "&", "-" or "/" without spaces ("LĐ-TB&XH") are one word.
ACRONYM_RUN = regex.compile(r"\p{Lu}{1,8}(?:[&/\-]\p{Lu}{1,8})+(?!\p{Ll})")
TOKEN = regex.compile(r"(?:\w|\u0001)+|[.:;()\n]")
# Diacritics are kept: without them "số" and "Sở" collide. Spelling variants drop "và", dashes, "&", commas and slashes are not tokens.
DROPPED_WORDS = frozenset({"và"})
_JOINERS = str.maketrans("&/-", "\u0001\u0001\u0001")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Matching tokens of ``text`` as (key, start, end): folded, accent-free, variant marks dropped."""
    return tokens_in(text, fold(text), 0, len(text))


def tokens_in(text: str, key_text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """:func:`tokens` of ``text[start:end]`` with offsets into ``text``, given ``key_text = fold(text)``.

    ``start`` and ``end`` must be line boundaries (or the ends of ``text``): no token or acronym run
    crosses a line break, so the result is that of the whole text restricted to the range.
    """
    runs = list(ACRONYM_RUN.finditer(text, start, end))
    if runs:
        # Replace the joiners by a letter-class placeholder of the same length so offsets hold
        # (only the runs are rebuilt, the text between them is sliced).
        texts, keys, pos = [], [], start
        for m in runs:
            a, b = m.span()
            texts += [text[pos:a], text[a:b].translate(_JOINERS)]
            run_key = "".join("\u0001" if c in "&/-" else k for c, k in zip(text[a:b], key_text[a:b]))
            keys += [key_text[pos:a], run_key]
            pos = b
        masked = "".join(texts) + text[pos:end]
        key_text = "".join(keys) + key_text[pos:end]
        # Offsets of the rebuilt range are shifted back to offsets into ``text``.
        spans = [(s + start, e + start) for s, e in (m.span() for m in TOKEN.finditer(masked))]
        keys = [key_text[s - start : e - start].replace("\u0001", "") for s, e in spans]
    else:
        # Comprehensions, not a loop with appends: this can run once per word of a whole document.
        spans = [m.span() for m in TOKEN.finditer(text, start, end)]
        if text.find("\u0001", start, end) >= 0:
            # The key text has the placeholder wherever the text has it (fold never yields it),
            # so removing it from a key drops exactly those positions.
            keys = [key_text[s:e].replace("\u0001", "") for s, e in spans]
        else:
            keys = [key_text[s:e] for s, e in spans]
    return [(key, s, e) for key, (s, e) in zip(keys, spans) if key and key not in DROPPED_WORDS]


def key_of(text: str) -> str:
    """The matching key of a name: "Sở LĐ-TB&XH" -> "so ldtbxh"."""
    return " ".join(k for k, _, _ in tokens(text))


# ---------------------------------------------------------------- provinces

@cache
def provinces() -> dict[str, str]:
    """Province matching key -> canonical short name, for the 63 former and 34 current provinces."""
    from vietnamadminunits.database.main import get_data

    out: dict[str, str] = {}
    for table in ("admin_units_legacy", "admin_units"):
        for row in get_data(fields=["provinceShort"], table=table):
            name = row["provinceShort"]
            out[key_of(name)] = name
    out.setdefault(key_of("Thừa Thiên Huế"), "Thừa Thiên Huế")
    return out


@cache
def province_successor(name: str) -> tuple[str, bool]:
    """The province a former province belongs to since 1 July 2025 and whether it changed.

    Uses the ``vietnamadminunits`` converter (63 -> 34 provinces); an unknown name maps to itself.
    """
    from vietnamadminunits import convert_address

    try:
        unit = convert_address(name)
    except Exception:  # the package raises plain exceptions on names it does not know
        return name, False
    new = getattr(unit, "short_province", None) or name
    return new, key_of(new) != key_of(name)


# ---------------------------------------------------------------- lookups

@cache
def alias_index() -> dict[str, tuple[str, ...]]:
    """Alias key -> agency ids (several when a name is shared across periods, e.g. "Cục Thống kê")."""
    index: dict[str, list[str]] = {}
    prov_names = sorted(set(provinces().values()))
    for entry in agencies().values():
        for alias in entry.aliases + (entry.name,):
            forms = [alias.replace(PROVINCE_SLOT, p) for p in prov_names] if PROVINCE_SLOT in alias else [alias]
            for form in forms:
                ids = index.setdefault(key_of(form), [])
                if entry.id not in ids:
                    ids.append(entry.id)
    return {k: tuple(v) for k, v in index.items() if k}


def choose(ids: tuple[str, ...], year: int | None) -> str:
    """Pick among agencies sharing an alias: the one that existed in ``year``, else the first."""
    reg = agencies()
    for agency_id in ids:
        if reg[agency_id].valid_in(year):
            return agency_id
    return ids[0]


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
