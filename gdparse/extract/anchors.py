"""Anchored scanning: the matches of ``pattern.finditer(text)``, tried only at a few positions.

A pattern whose matches always start at (or near) a cheap literal, such as a "/" of a symbol or
the word "luật", is scanned much faster by locating the literal with ``str.find`` (C speed) and
matching there, than by letting the regex engine try every position of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

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


class StartScan:
    """``pattern.finditer`` over a span, tried only where one of ``starts`` occurs: for rules
    (``starts`` in ``knowledge/data/milestone_patterns.yaml``) whose every match begins with one of them."""

    __slots__ = ("pattern", "starts")

    def __init__(self, pattern: regex.Pattern[str], starts: list[str]) -> None:
        self.pattern = pattern
        self.starts = tuple(starts)

    def matches(self, text: str, start: int, end: int) -> list[regex.Match[str]]:
        """What ``pattern.finditer(text, start, end)`` finds, in order."""
        return list(finditer_at(self.pattern, text, literal_positions(text, self.starts, start, end), start, end))


class LineSearch:
    """``regex.compile("(?m)^" + body).search``, found by the newline before each line: a scan for
    a literal newline is several times faster than trying "^" at every position."""

    def __init__(self, body: str) -> None:
        self.at_line_start = regex.compile(body, regex.M)
        self.after_newline = regex.compile(rf"\n(?:{body})", regex.M)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> tuple[int, regex.Match[str]] | None:
        """(start of the line, match) of the first line from ``pos`` where ``body`` matches; the
        match of a later line also holds the newline before it (its groups are those of body)."""
        endpos = len(text) if endpos is None else endpos
        if pos == 0 or text[pos - 1 : pos] == "\n":
            m = self.at_line_start.match(text, pos, endpos)
            if m is not None:
                return pos, m
        m = self.after_newline.search(text, pos, endpos)
        return None if m is None else (m.start() + 1, m)


_SYMBOL_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_DIGIT = regex.compile(r"\d")


def is_digit(char: str) -> bool:
    """Whether ``char`` is a digit for ``regex`` (str.isdecimal may follow an older Unicode)."""
    return char.isdecimal() if char < "\x80" else _is_wide_digit(char)


@lru_cache(maxsize=4096)  # single characters: letters before "/" and "-" recur all through a text
def _is_wide_digit(char: str) -> bool:
    return _DIGIT.match(char) is not None


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


WordAnchors = tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]


def word_anchors(words: Iterable[str]) -> WordAnchors:
    """The tokens of ``token_anchors``, each with the words that hold it at each offset:
    "hiến pháp", "pháp lệnh" -> ("pháp", ((0, ("pháp lệnh",)), (5, ("hiến pháp",))))."""
    words = set(words)
    out = []
    for token, offsets in token_anchors(words):
        checks = []
        for off in offsets:
            holders = tuple(sorted(w for w in words if w.startswith(token, off)
                                   and (off == 0 or w[off - 1] == " ") and w[off + len(token):][:1] in ("", " ")))
            checks.append((off, holders))
        out.append((token, tuple(checks)))
    return tuple(out)


def anchored_word_starts(text: str, anchors: WordAnchors) -> list[int]:
    """Sorted positions where a word of ``word_anchors`` starts in ``text``: each token found by
    str.find, the words that hold it checked in place (a common token such as "pháp" of "biện
    pháp" then costs one test, not a start for the pattern to try)."""
    found = set()
    for token, checks in anchors:
        i = text.find(token)
        while i >= 0:
            for off, holders in checks:
                if i >= off and text.startswith(holders, i - off):
                    found.add(i - off)
            i = text.find(token, i + 1)
    return sorted(found)


def last_char_starts(text: str, words: Iterable[str]) -> list[int]:
    """Sorted start positions of ``words`` in ``text``, found from their last characters: for many
    short words, one scan per distinct character is cheaper than one scan per word (a scan for one
    character is several times faster than one for two), and the words are checked in place. A
    word of more than two characters is rarer than its last character: it is scanned for whole."""
    by_last: dict[str, set[str]] = {}
    found: set[int] = set()
    for word in words:
        if len(word) > 2:
            i = text.find(word)
            while i >= 0:
                found.add(i)
                i = text.find(word, i + 1)
        else:
            by_last.setdefault(word[-1], set()).add(word)
    for char, ends in by_last.items():
        if all(len(w) == 2 for w in ends):  # two-letter words: test the character before
            firsts = "".join(w[0] for w in ends)
            i = text.find(char, 1)
            while i >= 0:
                if text[i - 1] in firsts:
                    found.add(i - 1)
                i = text.find(char, i + 1)
            continue
        i = text.find(char)
        while i >= 0:
            found.update(i + 1 - len(w) for w in ends if text.startswith(w, i + 1 - len(w)) and i + 1 >= len(w))
            i = text.find(char, i + 1)
    return sorted(found)
