"""Target matching against the national indicator catalogue (``gdparse.knowledge.indicators``).

Each extracted target gets the id of the national indicator it measures, with a score, so that
plans can be compared on the same indicator; and the policy domain a text names.
"""

from __future__ import annotations

from functools import cache

import regex

from gdparse.extract.rules import cue_scan
from gdparse.knowledge.indicators import Indicator, catalogue, domains_file
from gdparse.model import ObjectiveDomain
from gdparse.vietnamese import fold

THRESHOLD = 0.66  # share of cue groups a target must contain
OTHER_STRATEGY_PENALTY = 0.8  # an indicator of the other strategy period scores lower


@cache
def _compiled_cues() -> list[tuple[Indicator, list[regex.Pattern[str]]]]:
    return [(ind, [cue_scan(group) for group in ind.cues]) for ind in catalogue().indicators]


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
                longer.append((frozenset(cue.split(" ")), _longer_cue(cue)))
            row.append((single, longer))
        tests.append(row)
    return tests


def _longer_cue(cue: str) -> regex.Pattern[str]:
    """The pattern of a cue of several words: it starts with the first word (the regex engine then
    skips ahead by string search) and checks the letter before that word after it."""
    words = cue.split(" ")
    first = regex.escape(words[0])
    rest = r"\s+".join(regex.escape(w) for w in words[1:])
    return regex.compile(rf"{first}(?<!\p{{L}}{first})\s+{rest}(?!\p{{L}})")


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


def match_indicator(text: str, strategy: str | None = None) -> tuple[str | None, float | None]:
    """Best national indicator for a target text: (id, score) or (None, None)."""
    return match_folded(fold(text), strategy)


def match_folded(folded: str, strategy: str | None = None) -> tuple[str | None, float | None]:
    """:func:`match_indicator` of an already folded text."""
    hits_of: dict[int, int] = {}
    for i, _j in groups_found(folded):
        hits_of[i] = hits_of.get(i, 0) + 1
    scoring = _scoring()
    best: tuple[float, int, str] | None = None
    for i in sorted(hits_of):  # catalogue order: the first of equal keys wins
        scores, ind_strategy, ind_id = scoring[i]
        hits = hits_of[i]
        key = (scores[hits][bool(strategy) and ind_strategy != strategy], hits, ind_id)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] < THRESHOLD:
        return None, None
    return best[2], best[0]


def groups_found_plain(folded: str) -> set[tuple[int, int]]:
    """The reference: (indicator index, cue group index) of every cue group that matches ``folded``,
    each group's pattern searched."""
    return {(i, j) for i, (_ind, groups) in enumerate(_compiled_cues()) for j, group in enumerate(groups)
            if group.search(folded)}


def groups_found(folded: str) -> set[tuple[int, int]]:
    """:func:`groups_found_plain`, from the words of the text: only the groups with a cue whose
    words the text holds are searched (see :func:`_cue_lookup`)."""
    words = set(_WORD.findall(folded))
    by_word, index_words, always, groups = _cue_lookup()
    found: set[int] = set()  # flat group indices
    for word in words.intersection(index_words):  # a C-level pass over the few shared words
        for cue_words, g, pattern in by_word[word]:
            if g in found or not cue_words <= words:
                continue
            if pattern is None or pattern.search(folded):  # None: a one-word cue, a whole word of the text
                found.add(g)
    for g in always:
        if g not in found and _group_found(folded, words, *groups[g]):
            found.add(g)
    return {groups[g] for g in found}


_CueEntry = tuple[frozenset[str], int, "regex.Pattern[str] | None"]


@cache
def _cue_lookup() -> tuple[dict[str, list[_CueEntry]], frozenset[str], list[int], list[tuple[int, int]]]:
    """Which cue groups a text can match, by the words each cue needs: (word -> [(words of a cue,
    flat group index, pattern to search or None for a one-word cue)] under the rarest word of each
    cue, the words of that index, flat indices of the groups with a cue that starts with no letter,
    (indicator index, group index) of each flat group index).

    A cue matches between non-letters, so each of its words is a whole word of any text it matches
    in: a few set lookups per target replace a search per cue group of the whole catalogue. A
    group matches where one of its cues does (:func:`_group_found`): a one-word cue of a plain
    group where its word is a word of the text, a longer one where its pattern matches. A group
    with a cue that is not plain words is searched whole, its pattern standing for every cue.
    """
    tests = _word_tests()
    whole = _compiled_cues()
    groups: list[tuple[int, int]] = []
    always: list[int] = []
    cues: list[_CueEntry] = []
    for i, ind in enumerate(catalogue().indicators):
        for j, group in enumerate(ind.cues):
            g = len(groups)
            groups.append((i, j))
            folded = sorted({fold(cue) for cue in group})
            if any(_WORD.match(cue) is None for cue in folded):
                always.append(g)
            elif tests[i][j] is None:
                cues.extend((frozenset(_WORD.findall(cue)), g, whole[i][1][j]) for cue in folded)
            else:
                cues.extend((frozenset(cue.split(" ")), g, _longer_cue(cue) if " " in cue else None) for cue in folded)
    frequency: dict[str, int] = {}
    for words, _g, _p in cues:
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    lookup: dict[str, list[_CueEntry]] = {}
    for entry in cues:  # under the rarest word of each cue: fewest entries to try per text
        lookup.setdefault(min(sorted(entry[0]), key=frequency.__getitem__), []).append(entry)
    return lookup, frozenset(lookup), always, groups


@cache
def _scoring() -> list[tuple[list[tuple[float, float]], str, str]]:
    """Per indicator in catalogue order: its rounded score for each number of groups found (as
    such, and with the penalty of the other strategy), its strategy and id."""
    out = []
    for ind in catalogue().indicators:
        size = len(ind.cues)
        scores = [(round(hits / size, 4), round(hits / size * OTHER_STRATEGY_PENALTY, 4)) for hits in range(size + 1)]
        out.append((scores, ind.strategy, ind.id))
    return out


@cache
def _domain_regexes() -> tuple[list[tuple[str, regex.Pattern[str]]], regex.Pattern[str]]:
    d = domains_file()
    return [(r.name, cue_scan(r.cues)) for r in d.domains], cue_scan(d.field_markers)


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
