"""Matching keys of agency names and the index of the registry's aliases by key
(:mod:`gdparse.knowledge.agencies`, province names from :mod:`gdparse.knowledge.provinces`): answer
"what is this name".
"""

from __future__ import annotations

from functools import cache

import regex

from gdparse.knowledge.agencies import PROVINCE_SLOT, agencies
from gdparse.knowledge.provinces import written_forms
from gdparse.vietnamese import fold

# ---------------------------------------------------------------- matching keys

# Acronym pieces joined by "&", "-" or "/" without spaces ("LĐ-TB&XH") are one word.
ACRONYM_RUN = regex.compile(r"\p{Lu}{1,8}(?:[&/\-]\p{Lu}{1,8})+(?!\p{Ll})")
TOKEN = regex.compile(r"(?:\w|\u0001)+|[.:;()\n]")
# Diacritics are kept: without them "số" and "Sở" collide. Spelling variants drop "và", dashes, "&", commas and slashes are not tokens.
DROPPED_WORDS = frozenset({"và"})
_JOINERS = str.maketrans("&/-", "\u0001\u0001\u0001")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Matching tokens of ``text`` as (key, start, end): folded, accent-free, variant marks dropped."""
    return tokens_in(text, fold(text), 0, len(text))


def tokens_in(text: str, key_text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """:func:`tokens` of ``text[start:end]`` with offsets into ``text``, given ``key_text = fold(text)``.

    ``start`` and ``end`` must be line boundaries (or the ends of ``text``): no token or acronym run
    crosses a line break, so the result is that of the whole text restricted to the range.
    """
    runs = list(ACRONYM_RUN.finditer(text, start, end))
    if runs:
        # Replace the joiners by a letter-class placeholder of the same length so offsets hold
        # (only the runs are rebuilt, the text between them is sliced).
        texts, keys, pos = [], [], start
        for m in runs:
            a, b = m.span()
            texts += [text[pos:a], text[a:b].translate(_JOINERS)]
            run_key = "".join("\u0001" if c in "&/-" else k for c, k in zip(text[a:b], key_text[a:b]))
            keys += [key_text[pos:a], run_key]
            pos = b
        masked = "".join(texts) + text[pos:end]
        key_text = "".join(keys) + key_text[pos:end]
        # Offsets of the rebuilt range are shifted back to offsets into ``text``.
        spans = [(s + start, e + start) for s, e in (m.span() for m in TOKEN.finditer(masked))]
        keys = [key_text[s - start : e - start].replace("\u0001", "") for s, e in spans]
    else:
        # Comprehensions, not a loop with appends: this can run once per word of a whole document.
        spans = [m.span() for m in TOKEN.finditer(text, start, end)]
        if text.find("\u0001", start, end) >= 0:
            # The key text has the placeholder wherever the text has it (fold never yields it),
            # so removing it from a key drops exactly those positions.
            keys = [key_text[s:e].replace("\u0001", "") for s, e in spans]
        else:
            keys = [key_text[s:e] for s, e in spans]
    return [(key, s, e) for key, (s, e) in zip(keys, spans) if key and key not in DROPPED_WORDS]


def key_of(text: str) -> str:
    """The matching key of a name: "Sở LĐ-TB&XH" -> "so ldtbxh"."""
    return " ".join(k for k, _, _ in tokens(text))


# ---------------------------------------------------------------- provinces

@cache
def provinces() -> dict[str, str]:
    """Province matching key -> canonical short name, for every written form of the province table
    (the 63 former and 34 current provinces and their aliases)."""
    return {key_of(form): name for form, name in written_forms().items()}


# ---------------------------------------------------------------- lookups

@cache
def alias_index() -> dict[str, tuple[str, ...]]:
    """Alias key -> agency ids (several when a name is shared across periods, e.g. "Cục Thống kê")."""
    index: dict[str, list[str]] = {}
    prov_names = sorted(written_forms())
    for entry in agencies().values():
        for alias in entry.aliases + (entry.name,):
            forms = [alias.replace(PROVINCE_SLOT, p) for p in prov_names] if PROVINCE_SLOT in alias else [alias]
            for form in forms:
                ids = index.setdefault(key_of(form), [])
                if entry.id not in ids:
                    ids.append(entry.id)
    return {k: tuple(v) for k, v in index.items() if k}


def choose(ids: tuple[str, ...], year: int | None) -> str:
    """Pick among agencies sharing an alias: the one that existed in ``year``, else the first."""
    reg = agencies()
    for agency_id in ids:
        if reg[agency_id].valid_in(year):
            return agency_id
    return ids[0]
