"""The national indicator catalogue (``data/national_indicators.yaml``) and target matching.

Each extracted target gets the id of the national indicator it measures, with a score, so that
plans can be compared on the same indicator. Domains come from ``data/domains.yaml``.
"""

from __future__ import annotations

from functools import cache

import regex
from pydantic import BaseModel, ConfigDict

from gdparse.extract.rules import cue_regex, load_yaml
from gdparse.model import ObjectiveDomain
from gdparse.vietnamese import fold

THRESHOLD = 0.66  # share of cue groups a target must contain
OTHER_STRATEGY_PENALTY = 0.8  # an indicator of the other strategy period scores lower


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NationalMilestone(_Model):
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    recurrence: str | None = None
    term: str | None = None
    direction: str | None = None


class Indicator(_Model):
    id: str
    strategy: str
    domain: ObjectiveDomain
    description: str
    cues: list[list[str]]
    milestones: list[NationalMilestone] = []
    examples: list[str] = []


class Strategy(_Model):
    document: str
    milestone_years: list[int]


class Catalogue(_Model):
    version: int
    strategies: dict[str, Strategy]
    indicators: list[Indicator]


class DomainRule(_Model):
    name: ObjectiveDomain
    cues: list[str]
    examples: list[str] = []


class DomainsFile(_Model):
    version: int
    domains: list[DomainRule]
    field_markers: list[str]


@cache
def catalogue() -> Catalogue:
    cat = Catalogue.model_validate(load_yaml("national_indicators.yaml"))
    ids = [i.id for i in cat.indicators]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate indicator id in national_indicators.yaml")
    return cat


@cache
def _compiled_cues() -> list[tuple[Indicator, list[regex.Pattern[str]]]]:
    return [(ind, [cue_regex(group) for group in ind.cues]) for ind in catalogue().indicators]


_WORD = regex.compile(r"\p{L}+")
_PLAIN_CUE = regex.compile(r"\p{L}+(?: \p{L}+)*")
# One-word cues, and (words, pattern) of each longer cue, of a cue group.
_GroupTest = tuple[frozenset[str], list[tuple[frozenset[str], regex.Pattern[str]]]]


@cache
def _word_tests() -> list[list[_GroupTest | None]]:
    """Per indicator and cue group: (one-word cues, [(words, pattern)] of the longer cues), or None
    for a group with a cue that is not words joined by single spaces.

    A one-word cue matches between non-letters, so exactly where it is a whole word of the text: a
    set lookup instead of a regex search. A longer cue's pattern starts with its first word (the
    regex engine then skips ahead by string search) and checks the letter before that word after it.
    """
    tests: list[list[_GroupTest | None]] = []
    for ind in catalogue().indicators:
        row: list[_GroupTest | None] = []
        for group in ind.cues:
            folded = {fold(cue) for cue in group}
            if not all(_PLAIN_CUE.fullmatch(cue) for cue in folded):
                row.append(None)
                continue
            single = frozenset(cue for cue in folded if " " not in cue)
            longer = []
            for cue in sorted(folded - single):
                words = cue.split(" ")
                first = regex.escape(words[0])
                rest = r"\s+".join(regex.escape(w) for w in words[1:])
                longer.append((frozenset(words), regex.compile(rf"{first}(?<!\p{{L}}{first})\s+{rest}(?!\p{{L}})")))
            row.append((single, longer))
        tests.append(row)
    return tests


def _group_found(folded: str, words: set[str], i: int, j: int) -> bool:
    """Whether cue group ``j`` of indicator ``i`` matches ``folded`` (``words``: its whole words)."""
    test = _word_tests()[i][j]
    if test is None:
        return _compiled_cues()[i][1][j].search(folded) is not None
    single, longer = test
    if not single.isdisjoint(words):
        return True
    for cue_words, pattern in longer:
        if cue_words <= words and pattern.search(folded):
            return True
    return False


@cache
def _cue_index() -> tuple[dict[str, list[tuple[frozenset[str], int, int]]], list[tuple[int, int]]]:
    """Which words a cue group needs: (word -> [(words of a cue, indicator index, group index)] under
    the rarest word of each cue, groups with a cue that starts with no letter).

    A cue matches between non-letters, so each of its words is a whole word of any text it matches
    in: a group none of whose cues has all its words in a text cannot match there. A few set
    lookups per target replace a search per cue group of the whole catalogue.
    """
    cues: list[tuple[frozenset[str], int, int]] = []
    always: list[tuple[int, int]] = []
    for i, ind in enumerate(catalogue().indicators):
        for j, group in enumerate(ind.cues):
            folded = [fold(cue) for cue in group]
            if any(_WORD.match(cue) is None for cue in folded):
                always.append((i, j))
                continue
            cues.extend((frozenset(_WORD.findall(cue)), i, j) for cue in folded)
    frequency: dict[str, int] = {}
    for words, _i, _j in cues:
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    by_word: dict[str, list[tuple[frozenset[str], int, int]]] = {}
    for entry in cues:
        rarest = min(sorted(entry[0]), key=frequency.__getitem__)
        by_word.setdefault(rarest, []).append(entry)
    return by_word, always


def indicator(indicator_id: str) -> Indicator | None:
    return _by_id().get(indicator_id)


@cache
def _by_id() -> dict[str, Indicator]:
    return {i.id: i for i in catalogue().indicators}


def strategy_for_years(years: list[int]) -> str | None:
    """The national strategy a plan follows, from the years its targets name."""
    if not years:
        return None
    early = sum(1 for y in years if y <= 2020)
    return "2011-2020" if early * 2 >= len(years) else "2021-2030"


@cache
def _index_words() -> frozenset[str]:
    return frozenset(_cue_index()[0])


def match_indicator(text: str, strategy: str | None = None) -> tuple[str | None, float | None]:
    """Best national indicator for a target text: (id, score) or (None, None)."""
    return match_folded(fold(text), strategy)


def match_folded(folded: str, strategy: str | None = None) -> tuple[str | None, float | None]:
    """:func:`match_indicator` of an already folded text."""
    by_word, always = _cue_index()
    words = set(_WORD.findall(folded))
    candidates = set(always)
    for word in words.intersection(_index_words()):  # a C-level pass over the few shared words
        for cue_words, i, j in by_word[word]:
            if cue_words <= words:
                candidates.add((i, j))
    compiled = _compiled_cues()
    hits_of: dict[int, int] = {}
    for i, j in candidates:
        if _group_found(folded, words, i, j):
            hits_of[i] = hits_of.get(i, 0) + 1
    best: tuple[float, int, str] | None = None
    for i in sorted(hits_of):  # catalogue order: the first of equal keys wins
        ind, groups = compiled[i]
        hits = hits_of[i]
        score = hits / len(groups)
        if strategy and ind.strategy != strategy:
            score *= OTHER_STRATEGY_PENALTY
        key = (round(score, 4), hits, ind.id)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < THRESHOLD:
        return None, None
    return best[2], best[0]


@cache
def domains_file() -> DomainsFile:
    return DomainsFile.model_validate(load_yaml("domains.yaml"))


@cache
def _domain_regexes() -> tuple[list[tuple[str, regex.Pattern[str]]], regex.Pattern[str]]:
    d = domains_file()
    return [(r.name, cue_regex(r.cues)) for r in d.domains], cue_regex(d.field_markers)


def domain_of(text: str) -> ObjectiveDomain:
    """The domain a heading or target text names ("Trong lĩnh vực y tế" -> health)."""
    return domain_of_folded(fold(text))


def domain_of_folded(folded: str) -> ObjectiveDomain:
    """:func:`domain_of` of an already folded text."""
    rules, marker = _domain_regexes()
    for m in marker.finditer(folded):
        window = folded[m.end() : m.end() + 60]
        found = _earliest(rules, window)
        if found:
            return found  # type: ignore[return-value]
    return _earliest(rules, folded) or "other"  # type: ignore[return-value]


def _earliest(rules: list[tuple[str, regex.Pattern[str]]], text: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in rules:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None
