"""Layout of a Vietnamese administrative document: the section kinds that headings name
(``headings.yaml``) and the line kinds that delimit its blocks (``layout.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import Schema, load
from gdparse.model import SectionKind


class HeadingRule(Schema):
    kind: SectionKind
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)


class HeadingRules(Schema):
    version: int
    rules: tuple[HeadingRule, ...]


class LineKindRule(Schema):
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)
    caps_only: tuple[int, ...] = ()


class LayoutRules(Schema):
    version: int
    line_kinds: dict[str, LineKindRule]


@cache
def heading_rules() -> HeadingRules:
    return load("headings.yaml", HeadingRules)


@cache
def layout_rules() -> LayoutRules:
    return load("layout.yaml", LayoutRules)
