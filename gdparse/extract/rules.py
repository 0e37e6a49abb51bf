"""The milestone rules (``gdparse.knowledge.milestones``) compiled for the target extractors.

Patterns are written against the folded text (:func:`gdparse.vietnamese.fold`).
"""

from __future__ import annotations

from functools import cache

import regex

from gdparse.extract.matching import PlainScan, scan
from gdparse.knowledge.milestones import patterns_file, units_file
from gdparse.vietnamese import fold


def _alternation(cues: list[str]) -> str:
    alts = sorted({fold(c) for c in cues}, key=len, reverse=True)
    return "|".join(regex.escape(a).replace(r"\ ", r"\s+") for a in alts)


def cue_scan(cues: list[str], *, anchored_end: bool = False, fillers: list[str] = ()) -> PlainScan:
    """One alternation of folded cue phrases, longest first, on word boundaries.

    ``anchored_end``: the cue must end the searched text, optionally followed by filler words.
    """
    body = _alternation(cues)
    filler = rf"(?:\s+(?:{_alternation(list(fillers))}))?" if fillers else ""
    tail = rf"{filler}\s*$" if anchored_end else r"(?!\p{L})"
    return scan(rf"(?<!\p{{L}})(?:{body}){tail}")


class CompiledRules:
    """Every regex of the milestone rules, compiled once."""

    def __init__(self) -> None:
        p, u = patterns_file(), units_file()
        self.units = [(rule.name, [regex.compile(pat) for pat in rule.patterns]) for rule in u.units]
        self.unit_names, self.unit = _ordered_alternation(self.units)
        self.per_period = [(r.suffix, scan(r.pattern)) for r in u.per_period]
        self.count_units = frozenset(u.count_units)
        self.comparators = [
            (r.name, cue_scan(r.cues, anchored_end=True, fillers=p.comparator_fillers)) for r in p.comparators
        ]
        self.comparators_after = [(r.name, regex.compile(r.pattern)) for r in p.comparators_after]
        self.directions = [(r.name, cue_scan(r.cues)) for r in p.directions]
        self.level_verb = cue_scan(p.level_verbs, anchored_end=True)
        # Each rule with the indices of its year groups (0: no such group).
        self.times = [(r, rule, tuple(rule.pattern.groupindex.get(name, 0) for name in ("y", "y1", "y2")))
                      for r, rule in ((r, scan(r.pattern)) for r in p.times)]
        self.exclusions: list[tuple[str, PlainScan]] = [(r.name, scan(r.pattern)) for r in p.exclusions]
        self.condition = cue_scan(p.conditions.cues)
        self.condition_blocker = cue_scan(p.conditions.blockers)
        self.reference = scan(p.reference.pattern)
        self.baseline_link = regex.compile(p.baseline_link.pattern)
        self.baseline_from = regex.compile(p.baseline_from.pattern)
        self.range_link = regex.compile(p.range_link.pattern)
        words = {fold(k): v for k, v in p.number_words.words.items()}
        self.number_words = words
        self.number_word = regex.compile(
            r"(?<!\p{L})(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\p{L})"
        )
        self.number_word_cue = cue_scan(p.number_words.cues, anchored_end=True)
        self.number_word_scan = scan(self.number_word)


def _ordered_alternation(rules: list[tuple[str, list[regex.Pattern[str]]]]
                         ) -> tuple[list[str], regex.Pattern[str] | None]:
    """One pattern trying each rule's patterns in order, the rule named by the group ``r<index>``
    (one match call instead of one per pattern). None when a pattern has inline flags or named
    groups of its own, which an alternation would change."""
    plain = regex.compile("").flags
    if any(p.flags != plain or p.groupindex for _name, patterns in rules for p in patterns):
        return [name for name, _ in rules], None
    body = "|".join(f"(?P<r{k}>" + "|".join(f"(?:{p.pattern})" for p in patterns) + ")"
                    for k, (_name, patterns) in enumerate(rules))
    return [name for name, _ in rules], regex.compile(body)


@cache
def compiled() -> CompiledRules:
    return CompiledRules()
