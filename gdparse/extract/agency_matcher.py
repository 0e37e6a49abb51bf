"""Find agency mentions in a text and resolve them to the registry.

One pass of spaCy's PhraseMatcher over matching keys (see :func:`gdparse.registry.tokens`) finds every
alias at once; enumerations ("Các Sở: Nội vụ; Tư pháp; Y tế …") resolve member by member; names that
match no alias exactly go to rapidfuzz against all alias keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
import spacy
from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from gdparse import registry
from gdparse.vietnamese import fold

FUZZY_CUTOFF = 90.0

# "Các Sở: Nội vụ; Tư pháp; Y tế; …" up to the end of the line.
_ENUMERATION = regex.compile(r"(?i)\bcác\s+(sở|bộ)\s*:\s*([^\n]+)")
_MEMBER_SEP = regex.compile(r"\s*[;,]\s*")
# Titles and requests before a name that are not part of it.
_PREFIX = regex.compile(r"(?i)^\s*(?:[-+*•]\s*)?(?:\d+(?:\.\d+)*[.)]?\s*)?(?:đề nghị\s+|thủ trưởng\s+|chủ tịch\s+|giám đốc\s+)*")


@dataclass(frozen=True)
class Found:
    """One mention: registry id (or None if unresolved), offsets into the searched text, how found."""

    agency_id: str | None
    start: int
    end: int
    how: str = "alias"  # alias | enumeration | fuzzy


@cache
def _nlp() -> spacy.language.Language:
    return spacy.blank("xx")


@cache
def _matcher() -> tuple[PhraseMatcher, dict[str, tuple[str, ...]]]:
    nlp = _nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    index = registry.alias_index()
    for key in index:
        matcher.add(key, [Doc(nlp.vocab, words=key.split())])
    return matcher, index


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


def _extend(toks: list[tuple[str, int, int]], end_tok: int) -> int:
    """Absorb a trailing "tỉnh" and/or province name after a province-level body's alias."""
    i = end_tok
    if i < len(toks) and toks[i][0] == "tinh":
        i += 1
    if i < len(toks):
        for prov in _province_keys().get(toks[i][0], ()):
            if tuple(k for k, _, _ in toks[i : i + len(prov)]) == prov:
                return i + len(prov)
    return i


BLOCK_CHARS = 1 << 20


def find_mentions(text: str, year: int | None = None, offset: int = 0) -> list[Found]:
    """Every agency mention in ``text`` (longest match wins), offsets shifted by ``offset``."""
    found: list[Found] = []
    # Tokens and the spaCy Doc cost about 57 bytes per input byte, so long texts are matched in
    # blocks that end at a line break: no alias match crosses one, so the result is the same.
    for start, end in _blocks(text):
        found += _alias_mentions(text[start:end], year, offset + start)
    found = _merge_enumerations(text, found, year, offset)
    return sorted(found, key=lambda f: f.start)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of about BLOCK_CHARS characters that end just after a line break (or at the end)."""
    blocks, start = [], 0
    while start < len(text):
        cut = text.find("\n", start + BLOCK_CHARS)
        end = len(text) if cut < 0 else cut + 1
        blocks.append((start, end))
        start = end
    return blocks


def _alias_mentions(text: str, year: int | None, offset: int) -> list[Found]:
    """Registry aliases found by the phrase matcher in one block of text."""
    matcher, index = _matcher()
    toks = registry.tokens(text)
    if not toks:
        return []
    doc = Doc(_nlp().vocab, words=[k for k, _, _ in toks])
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    reg = registry.agencies()
    found: list[Found] = []
    for span in spans:
        agency_id = registry.choose(index[span.text], year)
        end_tok = span.end
        if reg[agency_id].level == "province" and not reg[agency_id].collective:
            end_tok = _extend(toks, span.end)
        found.append(Found(agency_id, toks[span.start][1] + offset, toks[end_tok - 1][2] + offset))
    return found


def _merge_enumerations(text: str, found: list[Found], year: int | None, offset: int) -> list[Found]:
    """Resolve "Các Sở: A; B; C" members as "Sở A", "Sở B" …; they replace overlapping alias hits."""
    extra: list[Found] = []
    for m in _ENUMERATION.finditer(fold(text)):
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
    kept = [f for f in found if not any(f.start < e.end and e.start < f.end for e in extra)]
    return kept + extra


def resolve_name(name: str, year: int | None = None) -> str | None:
    """The registry id of a name written on its own (an assignee heading, a table cell), or None."""
    index = registry.alias_index()
    bare = _PREFIX.sub("", name).strip(" :.;,-")
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
