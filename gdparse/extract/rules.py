"""The milestone rules (``gdparse.knowledge.milestones``) compiled for the target extractors.

Patterns are written against the folded text (:func:`gdparse.vietnamese.fold`).
"""

from __future__ import annotations

from functools import cache

import regex

from gdparse.extract.anchors import StartScan
from gdparse.extract.stretches import StretchScan
from gdparse.knowledge.milestones import PatternRule, patterns_file, units_file
from gdparse.vietnamese import fold


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


class CompiledRules:
    """Every regex of the milestone rules, compiled once."""

    def __init__(self) -> None:
        p, u = patterns_file(), units_file()
        self.units = [(rule.name, [regex.compile(pat) for pat in rule.patterns]) for rule in u.units]
        self.unit_names, self.unit = _ordered_alternation(self.units)
        self.per_period = [(r.suffix, regex.compile(r.pattern)) for r in u.per_period]
        self.count_units = frozenset(u.count_units)
        self.comparators = [
            (r.name, cue_regex(r.cues, anchored_end=True, fillers=p.comparator_fillers)) for r in p.comparators
        ]
        self.comparators_after = [(r.name, regex.compile(r.pattern)) for r in p.comparators_after]
        self.directions = [(r.name, cue_regex(r.cues)) for r in p.directions]
        # A cue match holds the first word of its cue as written: without one, no search is needed.
        self.direction_needs = [tuple(sorted({fold(c).split(" ")[0] for c in r.cues})) for r in p.directions]
        # Any of them: where none matches, the rules need not be tried one by one.
        # A comparator cue ends its window: the window then ends with the last word of a cue or filler,
        # and any of the cues matches it.
        self.any_comparator = _any_of([pat for _n, pat in self.comparators])
        self.comparator_endings = _last_words([c for r in p.comparators for c in r.cues] + p.comparator_fillers)
        self.level_verb = cue_regex(p.level_verbs, anchored_end=True)
        self.times = [(r, regex.compile(r.pattern)) for r in p.times]
        # Indices of the year groups (0: no such group), and the strings a match needs.
        self.times_with_groups = [
            (r, pat, tuple(pat.groupindex.get(name, 0) for name in ("y", "y1", "y2")), tuple(r.needs))
            for r, pat in self.times
        ]
        # Patterns tried only where a start string of their matches occurs (None: a plain scan).
        self.time_starts = [StartScan(pat, r.starts) if r.starts else None for r, pat in self.times]
        self.time_tests = [_needs_test(r) for r in p.times]
        self.exclusions = [(r.name, regex.compile(r.pattern)) for r in p.exclusions]
        self.exclusion_needs = [tuple(r.needs) for r in p.exclusions]
        self.exclusion_tests = [_needs_test(r) for r in p.exclusions]
        self.exclusion_stretches = [StretchScan(pat, r.needs, r.chars) if r.needs and r.chars
                                    else StartScan(pat, r.starts) if r.starts else None
                                    for r, (_n, pat) in zip(p.exclusions, self.exclusions)]
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
        # Letters only: whole words then, found by string search (None: the pattern is needed).
        self.plain_number_words = tuple(words) if all(_LETTERS.fullmatch(w) for w in words) else None


def _needs_test(rule: PatternRule) -> tuple[str, ...]:
    """The needed strings to look for before a scan; none where the scan looks for the same
    strings as its start strings (the test would only repeat the string searches)."""
    return () if set(rule.starts) == set(rule.needs) else tuple(rule.needs)


def _any_of(patterns: list[regex.Pattern[str]]) -> regex.Pattern[str]:
    """A pattern that matches where any of ``patterns`` matches (cue patterns: no groups, no flags)."""
    return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns))


_TRAILING_WORD = regex.compile(r"\p{L}+\Z")
_LETTERS = regex.compile(r"\p{L}+")


def _last_words(phrases: list[str]) -> tuple[str, ...] | None:
    """The last words of folded phrases, for ``str.endswith``; None if a phrase ends otherwise."""
    words = set()
    for phrase in phrases:
        m = _TRAILING_WORD.search(fold(phrase))
        if m is None:
            return None
        words.add(m.group())
    return tuple(sorted(words))


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
