"""Layout of a Vietnamese administrative document: the section kinds that headings name, the region
headings and assignee labels the extractors read (``headings.yaml``), and the line kinds that
delimit its blocks (``layout.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Literal

import regex
from pydantic import Field

from gdparse.knowledge import documents, signature
from gdparse.knowledge.labels import label_words
from gdparse.knowledge.loader import KnowledgeError, Schema, load, phrases_pattern
from gdparse.model import SectionKind


class HeadingRule(Schema):
    kind: SectionKind
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)


class Region(Schema):
    titles: tuple[str, ...] = Field(min_length=1)  # patterns of the folded heading without its number
    examples: tuple[str, ...] = Field(min_length=1)


RegionKind = Literal["implementation", "reporting", "budget"]


class HeadingRules(Schema):
    version: int
    rules: tuple[HeadingRule, ...]
    regions: dict[RegionKind, Region]
    assignee_labels: tuple[str, ...]


class LineKindRule(Schema):
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)
    caps_only: tuple[int, ...] = ()


class LayoutRules(Schema):
    version: int
    line_kinds: dict[str, LineKindRule]


@cache
def heading_rules() -> HeadingRules:
    """The heading rules, each list that a pattern names as ``{{name}}`` put in (this file's assignee
    labels, the objective and target words of ``labels.yaml``)."""
    data = load("headings.yaml", HeadingRules)
    lists = {"assignee_labels": phrases_pattern(data.assignee_labels),
             "objective_words": phrases_pattern(label_words("objective")),
             "target_words": phrases_pattern(label_words("target"))}
    rules = tuple(rule.model_copy(update={"patterns": tuple(_filled(p, lists, "headings.yaml") for p in rule.patterns)})
                  for rule in data.rules)
    return data.model_copy(update={"rules": rules})


def region_titles(kind: RegionKind) -> str:
    """An alternation of the titles of a region's headings (folded, without the heading's number)."""
    return "|".join(f"(?:{t})" for t in heading_rules().regions[kind].titles)


@cache
def layout_rules() -> LayoutRules:
    """The line kinds, each list that a pattern names as ``{{name}}`` put in from the file that holds it."""
    data = load("layout.yaml", LayoutRules)
    lists = _named_lists()
    kinds = {name: rule.model_copy(update={"patterns": tuple(_filled(p, lists, "layout.yaml") for p in rule.patterns)})
             for name, rule in data.line_kinds.items()}
    return data.model_copy(update={"line_kinds": kinds})


_NAMED_LIST = regex.compile(r"\{\{(\w+)\}\}")


def _filled(pattern: str, lists: dict[str, str], name: str) -> str:
    """``pattern`` with each ``{{list}}`` replaced by a group of the list's alternation."""
    def alternation(m: regex.Match[str]) -> str:
        if m.group(1) not in lists:
            raise KnowledgeError(name, f"unknown list {m.group()} in {pattern!r}")
        return f"(?:{lists[m.group(1)]})"

    return _NAMED_LIST.sub(alternation, pattern)


def _named_lists() -> dict[str, str]:
    """The lists a layout pattern may name, as patterns of folded text."""
    return {
        "title_words": phrases_pattern(documents.title_words()),
        "attaching_words": phrases_pattern(documents.attaching_words()),
        "signature_authorities": signature.authority_pattern(),
        "signature_title": signature.title_pattern(),
    }
