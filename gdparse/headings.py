"""Recognise a numbered heading at the start of a line, in every numbering scheme of
ANNOTATION.md §1: Roman, multi-level Arabic, letters, labels (Mục tiêu N, Chỉ tiêu N, Điều N,
Nhóm giải pháp), star bullets, bold lead-ins, and numbered table rows.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_BULLET = r"(?:[-+•*]\s*)?"

ROMAN_HEADING = regex.compile(rf"^(?:PHẦN\s+|Phần\s+)?({_ROMAN})(?:[.)]|\s*[-–:])\s+(?=\S)")
PART_WORDS = regex.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(thứ\s+\w+|[IVX]+|\d+)\b[.:]?\s*")
ARABIC_HEADING = regex.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\))?\s+(?=\S)")
LETTER_HEADING = regex.compile(r"^([a-zđ])[).]\s+(?=\S)")
LABEL_OBJECTIVE = regex.compile(rf"^{_BULLET}(mục tiêu)\s+(\d{{1,2}}[a-z]?)\s*[:.\-]\s*", regex.IGNORECASE)
LABEL_TARGET = regex.compile(rf"^{_BULLET}(chỉ tiêu)(?:\s+(\d{{1,2}}[a-z]?))?\s*:\s*", regex.IGNORECASE)
LABEL_ARTICLE = regex.compile(r"^(điều)\s+(\d{1,3})\s*[.:]\s*", regex.IGNORECASE)
LABEL_GROUP = regex.compile(rf"^{_BULLET}(nhóm (?:các )?(?:giải pháp|nhiệm vụ|hoạt động))\b", regex.IGNORECASE)
STAR_BULLET = regex.compile(r"^\*\s+(?=\S)")
_ROMAN_NUMBER = regex.compile(_ROMAN)  # compiled once: tried on every table row
_NUMBERED_LABEL = regex.compile(r"(?i)(mục tiêu|chỉ tiêu|nhóm|điều)\s+\d")
TABLE_NUMBER = regex.compile(rf"^({_ROMAN}|\d{{1,2}}(?:\.\d{{1,2}}){{0,4}})\.?$")

# The first characters each scheme can start with (the labels match case-insensitively).
_BULLETS = frozenset("-+•*")
_LABEL_FIRST = frozenset("mMcCnNđĐ")
# A label after a bullet and spaces: str.lstrip strips every character regex's \s matches (and
# \x1c-\x1f too), so this test passes wherever "[-+•*]\s*[mMcCnN]" matches.
_LABEL_AFTER_BULLET = frozenset("mMcCnN")
_PART_FIRST = frozenset("PC")
_ROMAN_FIRST = frozenset("PIVX")
_LETTER_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_SENTENCE_STOP = regex.compile(r"[.;](?=\s|$)")
_DIGIT = regex.compile(r"\d")  # digits as ARABIC_HEADING sees them (more than str.isdigit)


class HeadingMatch(NamedTuple):
    """A heading found on a line: its scheme, number and where its heading text is (line offsets).
    A named tuple: made for every heading line, several times cheaper than a frozen dataclass."""

    scheme: str
    number: str | None
    text_start: int  # where the heading text starts in the line
    text_end: int


def _heading_text_end(line: str, start: int, bold_end: int | None) -> int:
    """Where a heading's own text ends: a bold lead-in, a short line, or the label before a colon."""
    colon = line.find(":", start, start + 45)
    label = line[start:colon] if colon > start else ""
    if bold_end is not None and bold_end > start:
        end = bold_end
    elif label and len(line) - start > 80 and len(label.split()) <= 6 and not _NUMBERED_LABEL.match(label):
        end = colon  # "Cơ quan thực hiện: Sở … chủ trì …": the label is the heading
    elif len(line) - start <= 160:
        end = len(line)
    else:
        colon = line.find(":", start, start + 100)
        if colon > start:
            end = colon
        else:
            stop = _SENTENCE_STOP.search(line[start : start + 200])
            end = start + stop.start() if stop else min(len(line), start + 200)
    while end > start and line[end - 1] in " :.;,":
        end -= 1
    return end


def match_heading(line: str, *, bold_end: int | None = None, in_table: bool = False) -> HeadingMatch | None:
    """Recognise the heading at the start of ``line``, or None.

    ``bold_end`` is where a bold run starting at the line start ends (a bold lead-in is the
    heading). A number followed by a lowercase word is a numbered item in a sentence, not a heading.
    """
    if in_table:
        first = line.split("\t", 1)[0].strip()
        m = TABLE_NUMBER.match(first)
        if not m or not first or "\t" not in line:
            return None
        rest = len(line.split("\t", 1)[0]) + 1
        number = first.rstrip(".")
        scheme = "row-roman" if _ROMAN_NUMBER.fullmatch(number) else f"row-arabic-{number.count('.') + 1}"
        end = line.find("\t", rest)
        return HeadingMatch(scheme, number, rest, len(line) if end < 0 else end)
    # Each scheme is tried only where the line's first character allows it (in the same order as
    # ever): most body lines are then done in one or two matches instead of ten.
    first = line[:1]
    if first in _LABEL_FIRST or (first in _BULLETS and line[1:].lstrip()[:1] in _LABEL_AFTER_BULLET):
        for pattern, scheme in (
            (LABEL_OBJECTIVE, "label-muc-tieu"),
            (LABEL_TARGET, "label-chi-tieu"),
            (LABEL_ARTICLE, "label-dieu"),
        ):
            m = pattern.match(line)
            if m:
                return HeadingMatch(scheme, m.group(2), m.end(), _label_end(line, m.end()))
        m = LABEL_GROUP.match(line)
        if m:
            start = len(line) - len(line.lstrip("-+•* "))
            return HeadingMatch("label-nhom", None, start, _heading_text_end(line, start, bold_end))
    if first in _PART_FIRST:
        m = PART_WORDS.match(line)
        if m:
            return HeadingMatch("part", m.group(1), m.end(), _heading_text_end(line, m.end(), bold_end))
    if first in _ROMAN_FIRST:  # "PHẦN I", "Phần II" or a Roman number: a match without one counts for nothing
        m = ROMAN_HEADING.match(line)
        if m and m.group(1) and _starts_heading_text(line, m.end()):
            return HeadingMatch("roman", m.group(1), m.end(), _heading_text_end(line, m.end(), bold_end))
    if "0" <= first <= "9" or (first > "\x7f" and _DIGIT.match(first)):
        m = ARABIC_HEADING.match(line)
        if m:
            number, closer = m.group(1, 2)
            end = m.end()
            if (closer or "." in number) and _starts_heading_text(line, end):
                scheme = f"arabic-{number.count('.') + 1}" + (")" if closer == ")" else "")
                return HeadingMatch(scheme, number, end, _heading_text_end(line, end, bold_end))
            if closer is None and bold_end is not None and bold_end >= m.end(1):
                # "**11.** Đề nghị …": the number alone in bold.
                return HeadingMatch("arabic-1", number, end, _heading_text_end(line, end, None))
    if first in _LETTER_FIRST:
        m = LETTER_HEADING.match(line)
        if m and _starts_heading_text(line, m.end()):
            return HeadingMatch("letter", m.group(1), m.end(), _heading_text_end(line, m.end(), bold_end))
    if first == "*":
        m = STAR_BULLET.match(line)
        if m and len(line) <= 160 and not line.rstrip().endswith((".", ";")):
            return HeadingMatch("star", None, m.end(), _heading_text_end(line, m.end(), bold_end))
    if bold_end is not None and line[:1] in "-+•" and line[bold_end - 1 : bold_end] == ":":
        start = len(line) - len(line.lstrip("-+• "))
        return HeadingMatch("bullet-bold", None, start, _heading_text_end(line, start, bold_end))
    return None


def _label_end(line: str, start: int) -> int:
    end = len(line)
    while end > start and line[end - 1] in " :;":
        end -= 1
    return end


def _starts_heading_text(line: str, pos: int) -> bool:
    """Heading text starts with an uppercase letter, a quote, a digit or a bracket."""
    ch = line[pos : pos + 1]
    return bool(ch) and (ch.isupper() or ch in "\"“'(«[" or ch.isdigit())
