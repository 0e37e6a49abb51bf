"""Anchored scanning: the matches of ``pattern.finditer(text)``, tried only at a few positions.

A pattern whose matches always start at (or near) a cheap literal, such as a "/" of a symbol or
the word "luật", is scanned much faster by locating the literal with ``str.find`` (C speed) and
matching there, than by letting the regex engine try every position of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex


def literal_positions(text: str, literals: Iterable[str], pos: int = 0, endpos: int | None = None) -> list[int]:
    """Sorted start positions of every occurrence (overlapping ones too) of any of ``literals``
    within ``text[pos:endpos]``."""
    endpos = len(text) if endpos is None else endpos
    found: set[int] = set()
    for literal in literals:
        i = text.find(literal, pos, endpos)
        while i >= 0:
            found.add(i)
            i = text.find(literal, i + 1, endpos)
    return sorted(found)


def finditer_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int], pos: int = 0,
                endpos: int | None = None, prefixes: tuple[str, ...] = ("",)) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text, pos, endpos)`` yields, provided ``starts`` (ascending) holds
    every position where a match can start: leftmost matches, each search resuming where the last
    match ended. The pattern must not match the empty string; if every match starts with one of
    ``prefixes``, other starts are skipped without calling the pattern."""
    resume = pos
    endpos = len(text) if endpos is None else endpos
    for start in starts:
        if start < resume:
            continue
        if start >= endpos:
            break
        if not text.startswith(prefixes, start):
            continue
        m = pattern.match(text, start, endpos)
        if m is not None:
            yield m
            resume = m.end()


_SYMBOL_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_DIGIT = regex.compile(r"\d")


def is_digit(char: str) -> bool:
    """Whether ``char`` is a digit for ``regex`` (str.isdecimal may follow an older Unicode)."""
    return char.isdecimal() if char < "\x80" else _DIGIT.match(char) is not None


_MAX_LEADING_DIGITS = 6  # header.NUMBER: \d{1,6}[a-zđ]?[ ]?[/-]...


def symbol_starts(text: str) -> list[int]:
    """Where a document symbol can start: the first digit of each run of at most six digits that is
    followed by an optional [a-zđ], an optional space and a "/" or "-" (header.NUMBER)."""
    found: set[int] = set()
    for sep in "/-":
        i = text.find(sep)
        while i >= 0:
            j = i
            if j and text[j - 1] == " ":
                j -= 1
            if j and text[j - 1] in _SYMBOL_LETTER:
                j -= 1
            k = j
            while k and j - k <= _MAX_LEADING_DIGITS:
                char = text[k - 1]
                if not (char.isdecimal() if char < "\x80" else is_digit(char)):  # inlined: hot loop
                    break
                k -= 1
            if 0 < j - k <= _MAX_LEADING_DIGITS:
                found.add(k)
            i = text.find(sep, i + 1)
    return sorted(found)


def token_anchors(words: Iterable[str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Few tokens that every word (single-spaced) holds, each with its offsets from word starts:
    "hiến pháp", "pháp lệnh", "bộ luật", "luật" -> ("pháp", (5, 0)), ("luật", (3, 0))."""
    offsets: dict[str, dict[str, int]] = {}
    for word in words:
        pos = 0
        for token in word.split(" "):
            offsets.setdefault(token, {})[word] = pos
            pos += len(token) + 1
    chosen, left = [], {w for ws in offsets.values() for w in ws}
    while left:  # greedy cover: the token found in most of the words left
        token = max(offsets, key=lambda t: (len(left & offsets[t].keys()), len(t), t))
        chosen.append((token, tuple(sorted({offsets[token][w] for w in left & offsets[token].keys()}))))
        left -= offsets[token].keys()
    return tuple(chosen)


def anchored_starts(text: str, anchors: tuple[tuple[str, tuple[int, ...]], ...]) -> list[int]:
    """Sorted positions where a word of ``token_anchors`` may start in ``text``."""
    found = set()
    for token, offsets in anchors:
        for pos in literal_positions(text, (token,)):
            found.update(pos - off for off in offsets if pos >= off)
    return sorted(found)


def last_char_starts(text: str, words: Iterable[str]) -> list[int]:
    """Sorted positions where one of ``words`` may start, found from their last characters: for
    many short words, one scan per distinct character is cheaper than one scan per word."""
    offsets: dict[str, set[int]] = {}
    for word in words:
        offsets.setdefault(word[-1], set()).add(len(word) - 1)
    found: set[int] = set()
    for char, offs in offsets.items():
        single = next(iter(offs)) if len(offs) == 1 else None
        i = text.find(char)
        while i >= 0:
            if single is not None:
                found.add(i - single)
            else:
                found.update(i - off for off in offs)
            i = text.find(char, i + 1)
    return sorted(p for p in found if p >= 0)

