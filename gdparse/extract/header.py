"""Letterhead facts shared by the citation and metadata extractors: the document's own number
line ("Số: 948/QĐ-UBND", blank in drafts "Số: /KH-UBND"), the place-and-date line and the
"Ban hành kèm theo Quyết định số …" line of an attached plan.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gdparse.extract.dates import DateMatch, date_at
from gdparse.knowledge.documents import attaching_words, clean_number
from gdparse.knowledge.loader import phrases_pattern
from gdparse.knowledge.windows import windows

HEAD_CHARS = windows().letterhead  # the letterhead sits in the first lines; a portal page may push it down

# One segment of a symbol: starts with a capital or a digit; "LĐT BXH" (a stray space inside
# an all-capital code, seen on portals) is one segment when a separator follows.
SEGMENT = r"[\p{Lu}\d][\p{L}\d&]*(?:[ ][\p{Lu}]{2,}(?=[/-]))?"
# A document number and symbol: 948/QĐ-UBND, 11-NQ/TW, 73/2006/QH11, 1303/LĐT BXH-VBĐG.
NUMBER = rf"\d{{1,6}}[a-zđ]?(?:[ ]?[/-][ ]?{SEGMENT})+"
NUMBER_RE = regex.compile(NUMBER)

# Runs of spaces are taken whole (possessive): with "[ \t]*[:.]?[ \t]*\n?[ \t]*" a line of tabs that
# ends in no number was split in every way before failing (a quartic in the first 4,000 characters).
_NUMBER_LINE = regex.compile(
    rf"(?m)^[ \t>*|]*+(?:Số|SỐ|Số hiệu|So)[ \t]*+[:.]?[ \t]*+(?:\n[ \t]*+)?"
    rf"(?:(?P<num>{NUMBER})|(?P<blank>[ \t._…]*+/[ \t]*+(?P<code>[\p{{Lu}}][\p{{L}}&/-]*)))"
)
_PLACE = r"(?P<place>\p{Lu}[\p{L}.]*+(?:[ \t]++\p{Lu}[\p{L}.]*+){0,4})"
_SPACES_AND_BREAK = r"[ \t]*+(?:\n[ \t]*+)?"  # taken whole: what follows is never a space
_PLACE_DATE = regex.compile(rf"(?m)^[ \t>*|]*+{_PLACE}{_SPACES_AND_BREAK},{_SPACES_AND_BREAK}(?=(?i:ngày))")
_DATE_GAP = regex.compile(r"[\s,]*")
_ATTACHED = regex.compile(
    rf"(?i)(?:ban\s+hành\s+)?kèm\s+theo\s+(?P<type>{phrases_pattern(attaching_words())})"
    rf"(?:\s+số)?\s*:?\s*(?P<num>{NUMBER})"
)


@dataclass(frozen=True)
class NumberLine:
    start: int
    end: int
    number: str | None  # None when left blank in a draft
    code: str | None  # symbol of a blank number, e.g. "KH-UBND"


@dataclass(frozen=True)
class PlaceDate:
    start: int
    end: int
    place: str
    date: DateMatch


@dataclass(frozen=True)
class Attached:
    start: int
    end: int
    type_word: str
    number: str
    date: DateMatch | None


_SPACES = regex.compile(r"\s+")


# The citation and metadata extractors both read the letterhead: the document context
# (gdparse.extract.context) finds each fact once per document.
def number_line(text: str) -> NumberLine | None:
    """The document's own "Số: …" line."""
    m = _NUMBER_LINE.search(text[:HEAD_CHARS])
    if m is None:
        return None
    if m.group("num"):
        return NumberLine(m.start("num"), m.end("num"), clean_number(m.group("num")), None)
    return NumberLine(m.start("blank"), m.end("blank"), None, m.group("code"))


def place_date(text: str, folded: str) -> PlaceDate | None:
    """The first "Place, ngày … tháng … năm …" line of the letterhead (``folded`` is ``fold(text)``)."""
    for m in _PLACE_DATE.finditer(text[:HEAD_CHARS]):
        date = date_at(text, m.end(), folded=folded)
        if date is not None:
            return PlaceDate(m.start("place"), date.end, m.group("place"), date)
    return None


def attached_to(text: str, folded: str) -> tuple[Attached, ...]:
    """Every "(Ban hành) kèm theo Quyết định số X ngày …" of an attached plan or appendix
    (``folded`` is ``fold(text)``)."""
    found = []
    for m in _ATTACHED.finditer(text):
        pos = m.end()
        gap = _DATE_GAP.match(text[pos : pos + 20])
        date = date_at(text, pos + (gap.end() if gap else 0), folded=folded)
        end = date.end if date else m.end()
        type_word = _SPACES.sub(" ", m.group("type"))
        found.append(Attached(m.start(), end, type_word, clean_number(m.group("num")), date))
    return tuple(found)
