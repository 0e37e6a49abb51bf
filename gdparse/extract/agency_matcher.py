"""Find agency mentions in a text and resolve them to the registry.

:class:`gdparse.alias_search.AliasSearch` finds every alias match (over matching keys, see
:func:`gdparse.registry.tokens`) with one regular-expression pass over the folded text and a token
trie; of overlapping matches the longest wins (the earliest on ties), and a province-level body
absorbs a following province name. Enumerations ("Các Sở: Nội vụ; Tư pháp; Y tế …") resolve member
by member; names that match no alias exactly go to rapidfuzz against all alias keys.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex
from rapidfuzz import fuzz, process

from gdparse import registry
from gdparse.alias_search import AliasSearch, alias_trie, next_token_pattern, sequence_pattern
from gdparse.numbering import bare_number, numbering_at
from gdparse.vietnamese import fold, fold_slice, line_blocks

FUZZY_CUTOFF = 90.0

# "Các Sở: Nội vụ; Tư pháp; Y tế; …" up to the end of the line.
_ENUMERATION = regex.compile(r"(?i)\bcác\s+(sở|bộ)\s*:\s*([^\n]+)")
# A separator with the spaces around it. Tried only where a run of spaces starts (or where the split
# resumes, \G): from every position of a long run of tabs, "\s*" would read to its end (quadratic).
_MEMBER_SEP = regex.compile(r"(?:\G|(?<!\s))\s*+[;,]\s*+")
# Titles and requests before a name that are not part of it (after its numbering, if any).
_PREFIX = regex.compile(r"(?i)^\s*(?:đề nghị\s+|thủ trưởng\s+|chủ tịch\s+|giám đốc\s+)*")


class Found(NamedTuple):
    """One mention: registry id (or None if unresolved), offsets into the searched text, how found.

    A named tuple: one is built per mention, several times faster than a frozen dataclass."""

    agency_id: str | None
    start: int
    end: int
    how: str = "alias"  # alias | enumeration | fuzzy


@cache
def _compact_index() -> dict[str, tuple[str, ...]]:
    """Alias keys without spaces: "Sở LĐ - TB & XH" and "Sở LĐTB&XH" meet here."""
    out: dict[str, tuple[str, ...]] = {}
    for key, ids in registry.alias_index().items():
        out.setdefault(key.replace(" ", ""), ids)
    return out


@cache
def _province_keys() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Province names as token tuples, indexed by first token, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted((tuple(k.split()) for k in registry.provinces()), key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    return {first: tuple(keys) for first, keys in by_first.items()}


def _extend(toks: list[tuple[str, int, int]]) -> int:
    """How many of the tokens after a province-level body's alias belong to it: a trailing "tỉnh"
    and/or a province name."""
    i = 0
    if i < len(toks) and toks[i][0] == "tinh":
        i += 1
    if i < len(toks):
        for prov in _province_keys().get(toks[i][0], ()):
            if tuple(k for k, _, _ in toks[i : i + len(prov)]) == prov:
                return i + len(prov)
    return i


@cache
def _extension() -> re.Pattern[str]:
    """:func:`_extend` as one pattern over the folded text after a match: "tinh", then the first
    province name that matches, in the order of :func:`_province_keys`."""
    # Names sharing a first token are tried in order; different first tokens exclude each other.
    names = next_token_pattern({first: "(?:" + "|".join(sequence_pattern(prov[1:]) for prov in provs) + ")"
                                for first, provs in _province_keys().items()})
    return re.compile(f"(?:{sequence_pattern(('tinh',))})?(?:{names})?")


@lru_cache(maxsize=4096)
def _resolution(key: str, year: int | None) -> tuple[str, bool]:
    """The agency an alias key names in ``year``, and whether a province name may follow it."""
    agency_id = registry.choose(registry.alias_index()[key], year)
    entry = registry.agencies()[agency_id]
    return agency_id, entry.level == "province" and not entry.collective


@cache
def _extension_tokens() -> int:
    """How many tokens :func:`_extend` can absorb: "tinh" and the longest province name."""
    return 1 + max(len(k.split()) for k in registry.provinces())


BLOCK_CHARS = 1 << 20


def find_mentions(text: str, year: int | None = None, offset: int = 0, folded: str | None = None) -> list[Found]:
    """Every agency mention in ``text`` (longest match wins), offsets shifted by ``offset``.
    ``folded`` is ``fold(text)`` where the caller has it (a document's context does)."""
    found: list[Found] = []
    if folded is None:
        folded = fold(text)
    # Long texts are matched in blocks that end at a line break, which bounds the copies made for
    # matching (the view of AliasSearch); no match crosses a line, so the result is the same.
    for start, end in line_blocks(text, BLOCK_CHARS):
        found += _alias_mentions(text[start:end], fold_slice(text, folded, start, end), year, offset + start)
    found = _merge_enumerations(text, folded, found, year, offset)
    return sorted(found, key=itemgetter(1))  # by start


def _alias_mentions(text: str, folded: str, year: int | None, offset: int) -> list[Found]:
    """Registry aliases in one block of text (``folded`` is its fold): of overlapping matches the
    longest (the earliest on ties) wins, as with spaCy's ``filter_spans``."""
    search = AliasSearch(text, folded)
    matches = search.matches()
    # Longest first, earliest first among equally long ones: two stable C-level sorts.
    matches.sort(key=itemgetter(1))
    matches.sort(key=itemgetter(0), reverse=True)
    taken = bytearray(len(text))  # characters of the matches kept so far
    kept: list[tuple[int, int, str]] = []
    extension, end_after = _extension(), search.end_after
    for match in matches:
        _, start, end, key, _ = match
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        agency_id, extends = _resolution(key, year)
        if extends:
            extended = end_after(match, extension)
            if extended is None:
                after = search.tokens_after(match, _extension_tokens())
                absorbed = _extend(after)
                extended = after[absorbed - 1][2] if absorbed else end
            end = extended
        kept.append((start, end, agency_id))
    kept.sort()
    return [Found(agency_id, start + offset, end + offset) for start, end, agency_id in kept]


def alias_mentions_plain(text: str, year: int | None) -> list[Found]:
    """The reference reading of :func:`_alias_mentions`: the registry's tokens of the whole text,
    every alias tried at every token, the longest first (the earliest on ties), a province-level
    body extended by a following "tỉnh" and province name. About a third of a whole parse slower:
    the accelerated reading (:class:`gdparse.alias_search.AliasSearch`) is tested against it."""
    toks = registry.tokens(text)
    spans = []
    for first in range(len(toks)):
        node = alias_trie()
        for last in range(first, len(toks)):
            node = node.get(toks[last][0])
            if node is None:
                break
            if "" in node:
                spans.append((first, last + 1, node[""]))
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: set[int] = set()
    out = []
    for start, end, key in spans:
        if start in taken or end - 1 in taken:
            continue
        taken.update(range(start, end))
        agency_id, extends = _resolution(key, year)
        if extends:
            end += _extend(toks[end:])
        out.append(Found(agency_id, toks[start][1], toks[end - 1][2]))
    return sorted(out, key=itemgetter(1))


def _merge_enumerations(text: str, keys: str, found: list[Found], year: int | None, offset: int) -> list[Found]:
    """Resolve "Các Sở: A; B; C" members as "Sở A", "Sở B" …; they replace overlapping alias hits.
    ``keys`` is ``fold(text)``."""
    extra: list[Found] = []
    for m in _ENUMERATION.finditer(keys):
        head = "Sở" if m.group(1).lower() == "sở" else "Bộ"
        pos = m.start(2)
        for part in _MEMBER_SEP.split(text[m.start(2) : m.end(2)]):
            start = text.index(part, pos) if part else pos
            pos = start + len(part)
            member = part.strip(" .")
            if not member:
                continue
            agency_id = resolve_name(f"{head} {member}", year) or resolve_name(member, year)
            s = start + (len(part) - len(part.lstrip()))
            extra.append(Found(agency_id, s + offset, s + len(member) + offset, "enumeration"))
    if not extra:
        return found
    kept = [f for f in found if not _overlaps_any(f, extra)]
    return kept + extra


def _overlaps_any(hit: Found, members: list[Found]) -> bool:
    """Whether ``hit`` overlaps one of ``members`` (found left to right, so sorted and disjoint): the
    only candidate is the last member starting before the hit ends (a scan of every member for
    every hit was quadratic in a long enumeration)."""
    i = bisect_left(members, hit.end, key=lambda m: m.start) - 1
    return i >= 0 and hit.start < members[i].end


def resolve_name(name: str, year: int | None = None) -> str | None:
    """The registry id of a name written on its own (an assignee heading, a table cell), or None."""
    index = registry.alias_index()
    name = name.lstrip()
    numbering = numbering_at(name)  # "1. Sở Y tế", "- Sở Y tế", "a) Sở Y tế"; a bold "11 Sở Y tế"
    bare_start = numbering.end if numbering else (bare[1] if (bare := bare_number(name)) else 0)
    bare = _PREFIX.sub("", name[bare_start:]).strip(" :.;,-")
    key = registry.key_of(bare)
    if not key:
        return None
    if key in index:
        return registry.choose(index[key], year)
    compact = _compact_index().get(key.replace(" ", ""))
    if compact:
        return registry.choose(compact, year)
    hits = find_mentions(bare, year)
    if hits and hits[0].agency_id and hits[0].start <= 2:
        return hits[0].agency_id
    best = process.extractOne(key, list(index), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best:
        return registry.choose(index[best[0]], year)
    return None
