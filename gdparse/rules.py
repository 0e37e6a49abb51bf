"""Load and validate the rule files in gdparse/data (rules as data, each with examples)."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import regex
import yaml
from pydantic import Field

from gdparse.model import Frozen, SectionKind
from gdparse.vietnamese import fold


class HeadingRule(Frozen):
    kind: SectionKind
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)


class HeadingRules(Frozen):
    version: int
    rules: tuple[HeadingRule, ...]


class LineKindRule(Frozen):
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)
    caps_only: tuple[int, ...] = ()


class LayoutRules(Frozen):
    version: int
    line_kinds: dict[str, LineKindRule]


def load_yaml(name: str) -> object:
    """Parse a data file shipped in gdparse/data."""
    return yaml.safe_load(resources.files("gdparse.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def heading_rules() -> HeadingRules:
    return HeadingRules.model_validate(load_yaml("headings.yaml"))


@cache
def layout_rules() -> LayoutRules:
    return LayoutRules.model_validate(load_yaml("layout.yaml"))


@cache
def _compiled_headings() -> tuple[tuple[SectionKind, regex.Pattern[str]], ...]:
    return tuple((rule.kind, regex.compile("(?:" + "|".join(rule.patterns) + ")")) for rule in heading_rules().rules)


def classify_heading(heading: str) -> SectionKind | None:
    """The section kind that a heading names, or None when it names none (inherit the parent's)."""
    folded = fold(heading).strip(" *-+•:.")
    for kind, pattern in _compiled_headings():
        if pattern.match(folded):
            return kind
    return None


@cache
def _compiled_line_kinds() -> dict[str, tuple[tuple[regex.Pattern[str], bool], ...]]:
    return {
        name: tuple((regex.compile(p), i in rule.caps_only) for i, p in enumerate(rule.patterns))
        for name, rule in layout_rules().line_kinds.items()
    }


@lru_cache(maxsize=4096)
def is_caps(line: str) -> bool:
    """At least two letters, all uppercase. Cached: segmentation asks this of the same line many times."""
    letters = list(filter(str.isalpha, line))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def line_is(kind: str, line: str, folded: str | None = None) -> bool:
    """Whether a line is of a layout kind (header, doc_type, legal_basis, recipients, signature …)."""
    folded = fold(line).strip() if folded is None else folded
    caps = None
    for pattern, caps_only in _compiled_line_kinds()[kind]:
        if caps_only:
            if caps is None:
                caps = is_caps(line)
            if not caps:
                continue
        if pattern.match(folded):
            return True
    return False
