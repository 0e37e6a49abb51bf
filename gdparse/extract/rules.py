"""Loading of the versioned rule files in ``gdparse/data`` used by the target extractors.

Each file is validated with a pydantic model when it is loaded, and loaded once per process.
Patterns are written against the folded text (:func:`gdparse.vietnamese.fold`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from gdparse.rules import load_yaml as _load_data
from gdparse.vietnamese import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitRule(_Rule):
    name: str
    patterns: list[str]
    examples: list[str] = []


class PerPeriod(_Rule):
    suffix: str
    pattern: str
    examples: list[str] = []


class UnitsFile(_Rule):
    version: int
    units: list[UnitRule]
    per_period: list[PerPeriod] = []
    count_units: list[str] = []


class CueRule(_Rule):
    name: str
    cues: list[str]
    examples: list[str] = []


class PatternRule(_Rule):
    name: str = ""
    pattern: str
    examples: list[str] = []


class TimeRule(PatternRule):
    kind: Literal["prefix", "suffix", "auto"]
    role: Literal["deadline", "baseline", "annual", "from_year", "term"]


class ConditionRule(_Rule):
    cues: list[str]
    blockers: list[str]
    examples: list[str] = []


class NumberWords(_Rule):
    words: dict[str, int]
    cues: list[str]
    examples: list[str] = []


class PatternsFile(_Rule):
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


def load_yaml(name: str) -> dict:
    """Read ``gdparse/data/<name>`` as YAML."""
    return _load_data(name)


def _alternation(cues: list[str]) -> str:
    alts = sorted({fold(c) for c in cues}, key=len, reverse=True)
    return "|".join(regex.escape(a).replace(r"\ ", r"\s+") for a in alts)


def cue_regex(cues: list[str], *, anchored_end: bool = False, fillers: list[str] = ()) -> regex.Pattern[str]:
    """One alternation of folded cue phrases, longest first, on word boundaries.

    ``anchored_end``: the cue must end the searched text, optionally followed by filler words.
    """
    body = _alternation(cues)
    filler = rf"(?:\s+(?:{_alternation(list(fillers))}))?" if fillers else ""
    tail = rf"{filler}\s*$" if anchored_end else r"(?!\p{L})"
    return regex.compile(rf"(?<!\p{{L}})(?:{body}){tail}")


@cache
def units_file() -> UnitsFile:
    return UnitsFile.model_validate(load_yaml("units.yaml"))


@cache
def patterns_file() -> PatternsFile:
    return PatternsFile.model_validate(load_yaml("milestone_patterns.yaml"))


class CompiledRules:
    """Every regex of the milestone rules, compiled once."""

    def __init__(self) -> None:
        p, u = patterns_file(), units_file()
        self.units = [(rule.name, [regex.compile(pat) for pat in rule.patterns]) for rule in u.units]
        self.per_period = [(r.suffix, regex.compile(r.pattern)) for r in u.per_period]
        self.count_units = frozenset(u.count_units)
        self.comparators = [
            (r.name, cue_regex(r.cues, anchored_end=True, fillers=p.comparator_fillers)) for r in p.comparators
        ]
        self.comparators_after = [(r.name, regex.compile(r.pattern)) for r in p.comparators_after]
        self.directions = [(r.name, cue_regex(r.cues)) for r in p.directions]
        self.level_verb = cue_regex(p.level_verbs, anchored_end=True)
        self.times = [(r, regex.compile(r.pattern)) for r in p.times]
        self.exclusions = [(r.name, regex.compile(r.pattern)) for r in p.exclusions]
        self.condition = cue_regex(p.conditions.cues)
        self.condition_blocker = cue_regex(p.conditions.blockers)
        self.reference = regex.compile(p.reference.pattern)
        self.baseline_link = regex.compile(p.baseline_link.pattern)
        self.baseline_from = regex.compile(p.baseline_from.pattern)
        self.range_link = regex.compile(p.range_link.pattern)
        words = {fold(k): v for k, v in p.number_words.words.items()}
        self.number_words = words
        self.number_word = regex.compile(
            r"(?<!\p{L})(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\p{L})"
        )
        self.number_word_cue = cue_regex(p.number_words.cues, anchored_end=True)


@cache
def compiled() -> CompiledRules:
    return CompiledRules()
