"""Patterns written for accent-free text (``strip_accents`` of the folded text), made to match the text
with its accents.

``strip_accents`` maps each character to one character on its own, so a pattern matches the stripped
text at some span exactly when the pattern with every literal ``c`` replaced by the class of all
characters that strip to ``c`` matches the unstripped text there. Stripping keeps ``\\s`` and ``\\w``
membership (no character that strips to another changes class), so those and ``\\b`` need no change.
The classes hold the Vietnamese letters only; a text with another character that strips to another
(``other_marked``) is to be read through its key. Matching the folded text directly spares stripping
each clause before reading its first words.
"""

from __future__ import annotations

import re
from functools import cache
from unicodedata import decomposition

from gdparse.vietnamese import strip_accents

# The letters of Vietnamese that strip to another: the classes hold these. A text holding any other
# character that strips to another (``other_marked``) is left to the key: classes of every such
# character would make the patterns several times slower to compile.
VIETNAMESE_MARKED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# Every character that strips to another lies in these ranges (Latin letters with marks, a Greek
# question mark, letterlike symbols, negated relations); the tests check this against all of Unicode.
_STRIPPED_RANGES = ((0x80, 0x2400),)

# Escapes whose meaning stripping keeps: classes of spaces, word characters, digits; word boundary.
_KEPT_ESCAPES = frozenset("sSwWdDbB")
# What may follow "(?": non-capturing, atomic, lookaround groups; named groups are copied to ">".
_GROUP_OPENERS = (":", ">", "=", "!", "<=", "<!")


@cache
def preimages() -> dict[str, str]:
    """For each character that Vietnamese letters strip to: itself followed by those letters."""
    out: dict[str, str] = {}
    for char in VIETNAMESE_MARKED:
        base = strip_accents(char)
        out[base] = out.get(base, base) + char
    return out


@cache
def other_marked() -> re.Pattern:
    """A class of the characters outside ``VIETNAMESE_MARKED`` that strip to another character (the
    standard engine: it tests a large class as a bitmap, many times faster than ``regex``)."""
    chars = [chr(code) for first, stop in _STRIPPED_RANGES for code in range(first, stop)
             # Only characters with a canonical decomposition (and "đ", "Đ") can strip to another.
             if (decomposition(chr(code)) or chr(code) in "đĐ") and chr(code) not in VIETNAMESE_MARKED
             and strip_accents(chr(code)) != chr(code)]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _literal(char: str, table: dict[str, str]) -> str:
    if strip_accents(char) != char:
        raise ValueError(f"{char!r} never occurs in accent-free text")
    chars = table.get(char)
    return f"[{chars}]" if chars else char


def accent_insensitive(pattern: str) -> str:
    """The pattern, for a pattern over accent-free text, that matches the text with its accents.

    Handles literals, escapes of classes and of punctuation, character classes without ranges,
    groups (non-capturing, atomic, lookaround, named, conditional on a group), alternation and
    quantifiers; raises
    ValueError on anything else rather than guess.
    """
    table = preimages()
    out: list[str] = []
    i, size = 0, len(pattern)
    while i < size:
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1]
            if escaped.isalnum() and escaped not in _KEPT_ESCAPES:
                raise ValueError(f"unsupported escape \\{escaped} in {pattern!r}")
            out.append(pattern[i : i + 2] if escaped.isalnum() or escaped not in table
                       else _literal(escaped, table))
            i += 2
        elif char == "[":
            end = pattern.index("]", i + 1)
            out.append(_class(pattern[i + 1 : end], table, pattern))
            i = end + 1
        elif char == "(" and pattern.startswith("?", i + 1):
            if pattern.startswith("?P<", i + 1):
                end = pattern.index(">", i) + 1
            elif pattern.startswith("?(", i + 1):  # a condition on a group: "(?(name)"
                end = pattern.index(")", i + 3) + 1
            else:
                opener = next((o for o in _GROUP_OPENERS if pattern.startswith(o, i + 2)), None)
                if opener is None:
                    raise ValueError(f"unsupported group at {i} in {pattern!r}")
                end = i + 2 + len(opener)
            out.append(pattern[i:end])
            i = end
        elif char == "{":
            end = pattern.index("}", i) + 1
            out.append(pattern[i:end])
            i = end
        elif char in "()|?*+.^$":
            out.append(char)
            i += 1
        else:
            out.append(_literal(char, table))
            i += 1
    return "".join(out)


def _class(body: str, table: dict[str, str], pattern: str) -> str:
    """A character class (its body, without brackets) with each literal's preimages added."""
    if body.startswith("^"):
        raise ValueError(f"unsupported negated class in {pattern!r}")
    out: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            escaped = body[i + 1]
            if escaped.isalnum() and escaped not in _KEPT_ESCAPES:
                raise ValueError(f"unsupported escape \\{escaped} in {pattern!r}")
            out.append(body[i : i + 2] + ("" if escaped.isalnum() else table.get(escaped, escaped)[1:]))
            i += 2
            continue
        if body[i] == "-":
            raise ValueError(f"unsupported range or unescaped '-' in {pattern!r}")
        literal = _literal(body[i], table)
        out.append(literal[1:-1] if literal.startswith("[") else literal)
        i += 1
    return "[" + "".join(out) + "]"
