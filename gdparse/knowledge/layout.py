"""Layout of a Vietnamese administrative document: the section kinds that headings name
(``headings.yaml``) and the line kinds that delimit its blocks (``layout.yaml``)."""

from __future__ import annotations

from functools import cache

import regex
from pydantic import Field

from gdparse.knowledge import documents, signature
from gdparse.knowledge.loader import KnowledgeError, Schema, load, phrases_pattern
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
    """The line kinds, each list that a pattern names as ``{{name}}`` put in from the file that holds it."""
    data = load("layout.yaml", LayoutRules)
    lists = _named_lists()

    def filled(pattern: str) -> str:
        def alternation(m: regex.Match[str]) -> str:
            if m.group(1) not in lists:
                raise KnowledgeError("layout.yaml", f"unknown list {{{{{m.group(1)}}}}} in {pattern!r}")
            return lists[m.group(1)]

        return _NAMED_LIST.sub(alternation, pattern)

    kinds = {name: rule.model_copy(update={"patterns": tuple(map(filled, rule.patterns))})
             for name, rule in data.line_kinds.items()}
    return data.model_copy(update={"line_kinds": kinds})


_NAMED_LIST = regex.compile(r"\{\{(\w+)\}\}")


def _named_lists() -> dict[str, str]:
    """The lists a layout pattern may name, as patterns of folded text."""
    return {
        "title_words": phrases_pattern(documents.title_words()),
        "attaching_words": phrases_pattern(documents.attaching_words()),
        "signature_authorities": signature.authority_pattern(),
        "signature_title": signature.title_pattern(),
    }
