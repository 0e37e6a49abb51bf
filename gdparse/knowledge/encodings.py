"""Legacy Vietnamese 8-bit encodings: the TCVN3 and VNI conversion tables (``tcvn3.yaml``,
``vni.yaml``) and the common syllables that tell Vietnamese text from mojibake
(``common_syllables.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from gdparse.knowledge.loader import Schema, load

Legacy = Literal["tcvn3", "vni"]
LEGACY_ENCODINGS: tuple[Legacy, ...] = ("tcvn3", "vni")


class LegacyTable(Schema):
    version: int
    examples: tuple[dict[str, str], ...]
    map: dict[str, str]


class CommonSyllables(Schema):
    version: int
    syllables: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)


@cache
def table(name: Legacy) -> LegacyTable:
    return load(f"{name}.yaml", LegacyTable)


@cache
def common_syllables_file() -> CommonSyllables:
    return load("common_syllables.yaml", CommonSyllables)


@cache
def common_syllables() -> frozenset[str]:
    """Lowercase syllables that almost every Vietnamese administrative text uses."""
    return frozenset(common_syllables_file().syllables)
