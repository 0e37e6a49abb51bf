"""Milestones: the units a level is stated in (``units.yaml``), the phrasings of comparators,
directions, times, exclusions and number words around it, and what a target measures
(``milestone_patterns.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from gdparse.knowledge.labels import label_words, labels_file
from gdparse.knowledge.loader import Schema, load, phrases_pattern


class UnitRule(Schema):
    name: str
    patterns: list[str]
    examples: list[str] = []


class PerPeriod(Schema):
    suffix: str
    pattern: str
    examples: list[str] = []


class UnitsFile(Schema):
    version: int
    units: list[UnitRule]
    per_period: list[PerPeriod] = []
    count_units: list[str] = []


class CueRule(Schema):
    name: str
    cues: list[str]
    examples: list[str] = []


class PatternRule(Schema):
    name: str = ""
    pattern: str
    examples: list[str] = []


class TimeRule(PatternRule):
    kind: Literal["prefix", "suffix", "auto"]
    role: Literal["deadline", "baseline", "annual", "from_year", "term"]


class ConditionRule(Schema):
    cues: list[str]
    blockers: list[str]
    examples: list[str] = []


class NumberWords(Schema):
    words: dict[str, int]
    cues: list[str]
    examples: list[str] = []


class MeasureExample(Schema):
    text: str
    measure: str


class MeasureRule(Schema):
    nouns: list[str]  # a measure starts at one ("tỷ lệ") ...
    level_words: list[str]  # ... and stops at one ("đạt"), a number or ";", "(", ":"
    examples: list[MeasureExample]


class PatternsFile(Schema):
    version: int
    comparators: list[CueRule]
    comparators_after: list[PatternRule]
    comparator_fillers: list[str] = []
    directions: list[CueRule]
    level_verbs: list[str]
    times: list[TimeRule]
    exclusions: list[PatternRule]
    conditions: ConditionRule
    reference: PatternRule
    baseline_link: PatternRule
    baseline_from: PatternRule
    range_link: PatternRule
    number_words: NumberWords
    measure: MeasureRule


@cache
def units_file() -> UnitsFile:
    return load("units.yaml", UnitsFile)


@cache
def patterns_file() -> PatternsFile:
    """``milestone_patterns.yaml``, its exclusions with ``{{label_words}}`` put in (the words that number
    a label or a part: ``labels.yaml``)."""
    data = load("milestone_patterns.yaml", PatternsFile)
    words = f"(?:{phrases_pattern((*label_words(), *labels_file().part_words))})"
    exclusions = [rule.model_copy(update={"pattern": rule.pattern.replace("{{label_words}}", words)})
                  for rule in data.exclusions]
    return data.model_copy(update={"exclusions": exclusions})
