"""The one grammar of line numbering (ANNOTATION.md §1), read by every stage: what numbers a line
("II.", "2.1.", "1)", "a)", "- ", "PHẦN I", "Phần thứ hai"), the row number of a table row, and the
value of a number. Bullets and part words are data (``labels.yaml``, :mod:`gdparse.knowledge.labels`).

A line's numbering is a run of elements: a Roman number ("IV.", "IV -", "IV/"), an Arabic one of up
to ``MAX_NUMBER_DEPTH`` levels ("2.1.", "1)", or "1.2" followed by a space), a letter ("a)", "b.")
or a bullet; elements may stack ("- a) ", "1. - "). A part ("PHẦN I", "Chương 2") stands alone.
The line's scheme is its strongest element (Roman, then Arabic, then a letter, then a bullet); its
lead is its first element. Whether a numbered line is a heading (a capital after the number …) is
for :mod:`gdparse.headings` to say.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from gdparse.knowledge.labels import labels_file

# The deepest multi-level number read as a number ("1.2.3.4.5.6.7.8.9.10."): plans go to six or
# seven levels. A deeper one is read as text, and segment says so (``numbering_too_deep``).
MAX_NUMBER_DEPTH = 10
ARABIC_NUMBER = rf"\d{{1,2}}(?:\.\d{{1,2}}){{0,{MAX_NUMBER_DEPTH - 1}}}"
# A Roman number up to XXXIX, never empty.
ROMAN_NUMBER = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
# A number deeper than MAX_NUMBER_DEPTH at a line start, as a heading would be written.
TOO_DEEP_NUMBER = regex.compile(rf"\d{{1,2}}(?:\.\d{{1,2}}){{{MAX_NUMBER_DEPTH}}}")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


class Numbering(NamedTuple):
    """The numbering at the start of a line (offsets in the line as given)."""

    scheme: str  # the strongest element: "part", "roman", "arabic-<depth>" (+ ")"), "letter" or "bullet"
    end: int  # where the content starts: after every element and the spaces after them
    lead_scheme: str  # the first element's scheme
    lead_number: str | None  # the first element's number ("IV", "2.1", "a", "thứ nhất"; None for a bullet)
    lead_end: int  # after the first element and the spaces after it


class _Grammar(NamedTuple):
    element: regex.Pattern[str]
    part: regex.Pattern[str] | None
    part_words: tuple[str, ...]  # as written: "PHẦN", "Phần" …
    bullets: frozenset[str]
    star: str


@cache
def _grammar() -> _Grammar:
    data = labels_file()
    bullets = "".join(regex.escape(b) for b in data.bullets)
    element = regex.compile(
        # "IV.", "IV)", "IV -", "IV/ ", "IV: " ("V/v", về việc, is no number)
        rf"(?:(?P<roman>{ROMAN_NUMBER})\s*(?:[.)]|[:/\-–](?=\s))"
        rf"|(?P<arabic>{ARABIC_NUMBER})\s*(?P<closer>[.)])(?!\d)"  # "2.1.", "1)"; "2.000" is a number
        rf"|(?P<dotted>\d{{1,2}}(?:\.\d{{1,2}}){{1,{MAX_NUMBER_DEPTH - 1}}})(?=\s)"  # "1.2 " without a closer
        r"|(?P<letter>[a-zđ])\s*[.)]"
        rf"|(?P<bullet>[{bullets}]))[ \t]*"
    )
    words = [form for w in data.part_words for form in (w.upper(), w.capitalize())]
    part = None
    if words:
        part = regex.compile(
            rf"(?:{'|'.join(regex.escape(w) for w in words)})\s+"
            rf"({regex.escape(data.ordinal_word)}\s+\w+|[IVX]+|\d+)\b[.:]?\s*"
        )
    return _Grammar(element, part, tuple(words), frozenset(data.bullets), data.star)


def _starts_element(char: str) -> bool:
    """Whether a numbering element can start with ``char``: a partial match of the grammar (exact,
    whatever the data holds), asked once per character (a dict lookup after that: asked of every line)."""
    found = _STARTS.get(char)
    if found is None:
        found = _STARTS[char] = _grammar().element.match(char, partial=True) is not None
    return found


_STARTS: dict[str, bool] = {}
_BULLET_ONLY: dict[int, Numbering] = {}  # a bullet alone, by where the content starts (equal tuples)


def bullets() -> frozenset[str]:
    """The bullet characters."""
    return _grammar().bullets


def star() -> str:
    """The bullet that makes a short line a heading ("* Đề nghị …")."""
    return _grammar().star


def numbering_at(line: str, pos: int = 0) -> Numbering | None:
    """The numbering of ``line`` starting at ``pos``, or None."""
    first = line[pos : pos + 1]
    if not first:
        return None
    g = _grammar()
    if g.part is not None and line.startswith(g.part_words, pos):
        m = g.part.match(line, pos)
        if m is not None:
            return Numbering("part", m.end(), "part", m.group(1), m.end())
    starts = _STARTS.get(first)
    if not (starts if starts is not None else _starts_element(first)):
        return None  # most lines: no element starts with their first character
    if first in g.bullets:
        # A single bullet before a letter that starts no element: most list lines, without a regex
        # (and, at a line start, without a new tuple).
        end = pos + 1
        while end < len(line) and line[end] in " \t":
            end += 1
        after = line[end : end + 1]
        if not after or (after.isalpha() and not _starts_element(after)):
            found = _BULLET_ONLY.get(end)
            if found is None:
                found = Numbering("bullet", end, "bullet", None, end)
                if end < 16:
                    _BULLET_ONLY[end] = found
            return found
    m = g.element.match(line, pos)
    if m is None:
        return None
    lead_scheme, lead_number = _element_of(m)
    lead_end = end = m.end()
    roman = arabic = letter = bullet = None
    scheme = lead_scheme
    while True:
        if scheme == "roman":
            roman = scheme
        elif scheme == "letter":
            letter = scheme
        elif scheme == "bullet":
            bullet = scheme
        else:
            arabic = scheme
        after = line[end : end + 1]
        if not after or not _starts_element(after):
            break
        m = g.element.match(line, end)
        if m is None:
            break
        scheme, _ = _element_of(m)
        end = m.end()
    strongest = roman or arabic or letter or bullet
    return Numbering(strongest, end, lead_scheme, lead_number, lead_end)  # type: ignore[arg-type]


def _element_of(m: regex.Match[str]) -> tuple[str, str | None]:
    """The scheme and number of one element (groups by index: by name costs more than the match)."""
    roman, arabic, closer, dotted, letter, _bullet = m.groups()
    if roman:
        return "roman", roman
    if arabic:
        return f"arabic-{arabic.count('.') + 1}" + (")" if closer == ")" else ""), arabic
    if dotted:
        return f"arabic-{dotted.count('.') + 1}", dotted
    if letter:
        return "letter", letter
    return "bullet", None


_BARE_NUMBER = regex.compile(rf"({ARABIC_NUMBER})\s+(?=\S)")


def bare_number(line: str) -> tuple[str, int] | None:
    """A number without a closer at the line start ("11 Đề nghị …", as a bold "**11**" leaves it): the
    number and where the text after it starts. Only bold makes it a heading (gdparse.headings)."""
    m = _BARE_NUMBER.match(line)
    return (m.group(1), m.end()) if m else None


_ROW_NUMBER = regex.compile(rf"\s*(?:({ROMAN_NUMBER})|({ARABIC_NUMBER}))\.?\s*")


def row_number(cell: str) -> tuple[str, str] | None:
    """The scheme ("row-roman", "row-arabic-<depth>") and number of a table row's number cell ("IV",
    "2.1.1", "3."), or None when the cell holds anything else."""
    m = _ROW_NUMBER.fullmatch(cell)
    if m is None:
        return None
    roman, arabic = m.groups()
    return ("row-roman", roman) if roman else (f"row-arabic-{arabic.count('.') + 1}", arabic)


def too_deep_number(text: str, pos: int) -> regex.Match[str] | None:
    """A number deeper than ``MAX_NUMBER_DEPTH`` levels at ``pos``."""
    return TOO_DEEP_NUMBER.match(text, pos)


def first_numbers() -> frozenset[str]:
    """The numbers of the first part of a body ("I", "1", "thứ nhất": labels.yaml)."""
    return frozenset(labels_file().first_numbers)


def number_value(number: str) -> int | None:
    """The value of an Arabic or Roman number ("12" -> 12, "XIV" -> 14); None for any other."""
    if number.isdigit():
        return int(number)
    if number and all(c in _ROMAN_VALUES for c in number):
        total = 0
        for a, b in zip(number, number[1:] + " "):
            va, vb = _ROMAN_VALUES[a], _ROMAN_VALUES.get(b, 0)
            total += -va if va < vb else va
        return total
    return None
