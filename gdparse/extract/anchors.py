"""Where a document symbol ("948/QĐ-UBND") can start in a text, and what ``regex`` reads as a digit."""

from __future__ import annotations

from functools import lru_cache

import regex

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
