"""Provinces: the one province table. Canonical short names (Hà Nội … Cà Mau, the 63 before and the
34 after the merger of 1 July 2025) and the old-to-new mapping come from the ``vietnamadminunits``
package; ``provinces.yaml`` adds written forms the package does not list and the centrally-run
cities. Every lookup of a province name in gdparse goes through this table."""

from __future__ import annotations

from functools import cache

import regex
from pydantic import Field

from gdparse.knowledge.loader import KnowledgeError, Schema, load
from gdparse.vietnamese import fold


class ProvinceExample(Schema):
    text: str
    province: str


class ProvincesFile(Schema):
    version: int
    aliases: dict[str, str]  # folded written form -> canonical short name
    central_cities: tuple[str, ...]
    examples: tuple[ProvinceExample, ...] = Field(min_length=1)


@cache
def _package_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(legacy key -> short name, 2025 key -> short name, legacy key -> 2025 key)."""
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE as MERGE  # noqa: PLC0415
    from vietnamadminunits.parser.parser_from_2025 import DICT_PROVINCE as NEW  # noqa: PLC0415
    from vietnamadminunits.parser.parser_legacy import DICT_PROVINCE as OLD  # noqa: PLC0415

    old = {k: v["provinceShort"] for k, v in OLD.items()}
    new = {k: v["provinceShort"] for k, v in NEW.items()}
    successor = {member: new_key for new_key, members in MERGE.items() for member in members}
    return old, new, successor


@cache
def provinces_file() -> ProvincesFile:
    data = load("provinces.yaml", ProvincesFile)
    names = set(province_names())
    for name in (*data.aliases.values(), *data.central_cities):
        if name not in names:
            raise KnowledgeError("provinces.yaml", f"{name!r} is not a canonical province name")
    return data


def province_names() -> tuple[str, ...]:
    """All canonical short names, old and new (Hà Nội … Cà Mau), without duplicates."""
    old, new, _ = _package_tables()
    return tuple(dict.fromkeys([*old.values(), *new.values()]))


_SPACES = regex.compile(r"\s+")
_LEADING_PREFIX = regex.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+")


@cache
def written_forms() -> dict[str, str]:
    """Every folded written form of a province (its canonical name, single-spaced, and each alias)
    -> canonical short name."""
    return ({_SPACES.sub(" ", fold(n)): n for n in province_names()}
            | {fold(a): n for a, n in provinces_file().aliases.items()})


def canonical_province(name: str) -> str | None:
    """ "TỈNH BẮC NINH", "Bắc Ninh", "thành phố Hồ Chí Minh" -> canonical short name, else None."""
    folded = _SPACES.sub(" ", fold(name)).strip(" .,")
    folded = _LEADING_PREFIX.sub("", folded)
    return written_forms().get(folded)


@cache
def central_cities() -> frozenset[str]:
    """Provinces that are centrally-run cities ("thành phố Hà Nội")."""
    return frozenset(provinces_file().central_cities)


def successor(name: str) -> str | None:
    """The province that ``name`` became on 1 July 2025 (itself when unchanged); None for a name
    that is no former province."""
    old, new, succ = _package_tables()
    canonical = canonical_province(name) or name
    key = next((k for k, v in old.items() if fold(v) == fold(canonical)), None)
    return new.get(succ.get(key, ""), None) if key else None
