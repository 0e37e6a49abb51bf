"""Recognise a numbered heading at the start of a line, in every numbering scheme of
ANNOTATION.md §1: Roman, multi-level Arabic, letters, labels (Mục tiêu N, Chỉ tiêu N, Điều N,
Nhóm giải pháp), star bullets, bold lead-ins, and numbered table rows.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_BULLET = r"(?:[-+•*]\s*)?"
# The deepest multi-level number read as a heading ("1.2.3.4.5.6.7.8.9.10."): plans go to six or
# seven levels. A deeper number is read as text, and segment says so (``numbering_too_deep``).
MAX_NUMBER_DEPTH = 10
ARABIC_NUMBER = rf"\d{{1,2}}(?:\.\d{{1,2}}){{0,{MAX_NUMBER_DEPTH - 1}}}"

ROMAN_HEADING = regex.compile(rf"^(?:PHẦN\s+|Phần\s+)?({_ROMAN})(?:[.)]|\s*[-–:])\s+(?=\S)")
PART_WORDS = regex.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(thứ\s+\w+|[IVX]+|\d+)\b[.:]?\s*")
ARABIC_HEADING = regex.compile(rf"^({ARABIC_NUMBER})(\.|\))?\s+(?=\S)")
# A number deeper than MAX_NUMBER_DEPTH at a line start, as a heading would be written.
TOO_DEEP_NUMBER = regex.compile(rf"\d{{1,2}}(?:\.\d{{1,2}}){{{MAX_NUMBER_DEPTH}}}")
LETTER_HEADING = regex.compile(r"^([a-zđ])[).]\s+(?=\S)")
LABEL_OBJECTIVE = regex.compile(rf"^{_BULLET}(mục tiêu)\s+(\d{{1,2}}[a-z]?)\s*[:.\-]\s*", regex.IGNORECASE)
LABEL_TARGET = regex.compile(rf"^{_BULLET}(chỉ tiêu)(?:\s+(\d{{1,2}}[a-z]?))?\s*:\s*", regex.IGNORECASE)
LABEL_ARTICLE = regex.compile(r"^(điều)\s+(\d{1,3})\s*[.:]\s*", regex.IGNORECASE)
LABEL_GROUP = regex.compile(rf"^{_BULLET}(nhóm (?:các )?(?:giải pháp|nhiệm vụ|hoạt động))\b", regex.IGNORECASE)
STAR_BULLET = regex.compile(r"^\*\s+(?=\S)")
_ROMAN_NUMBER = regex.compile(_ROMAN)  # compiled once: tried on every table row
_NUMBERED_LABEL = regex.compile(r"(?i)(mục tiêu|chỉ tiêu|nhóm|điều)\s+\d")
TABLE_NUMBER = regex.compile(rf"^({_ROMAN}|{ARABIC_NUMBER})\.?$")

# The first characters each scheme can start with (the labels match case-insensitively).
_BULLETS = frozenset("-+•*")
_PART_FIRST = frozenset("PC")
_PART_PREFIXES = ("PHẦN", "Phần", "CHƯƠNG", "Chương")  # what PART_WORDS (and a Roman "P…") starts with
_ROMAN_FIRST = frozenset("PIVX")
_LETTER_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_HEADING_FIRST_CHARS = _BULLETS | _PART_FIRST | _ROMAN_FIRST | _LETTER_FIRST | frozenset("mMcCnNđĐ*")
_SENTENCE_STOP = regex.compile(r"[.;](?=\s|$)")
_DIGIT = regex.compile(r"\d")  # digits as ARABIC_HEADING sees them (more than str.isdigit)


# The one label each letter can start (after a bullet and spaces: str.lstrip strips every
# character regex's \s matches): in each case only the letter itself folds to it.
_LABEL_BY_LETTER = {
    letter: (pattern, scheme)
    for letters, pattern, scheme in (
        ("mM", LABEL_OBJECTIVE, "label-muc-tieu"),
        ("cC", LABEL_TARGET, "label-chi-tieu"),
        ("đĐ", LABEL_ARTICLE, "label-dieu"),  # without a bullet
        ("nN", LABEL_GROUP, "label-nhom"),
    )
    for letter in letters
}


# ASCII characters no heading outside a table starts with (uppercase letters of no label, part or
# Roman number, brackets …): a line starting with one needs no call at all.
NO_HEADING_FIRST = frozenset(chr(c) for c in range(128) if not ("0" <= chr(c) <= "9" or chr(c) in _HEADING_FIRST_CHARS))


class HeadingMatch(NamedTuple):
    """A heading found on a line: its scheme, number and where its heading text is (line offsets).
    A named tuple: made for every heading line, several times cheaper than a frozen dataclass."""

    scheme: str
    number: str | None
    text_start: int  # where the heading text starts in the line
    text_end: int


def _heading_text_end(line: str, start: int, bold_end: int | None) -> int:
    """Where a heading's own text ends on its line: a bold lead-in, a short line, or the label
    before a colon. A bold run that goes on past the line ends the heading at the line's end (see
    ``gdparse.lines.text_to_lines`` for a heading wrapped onto the next line)."""
    colon = line.find(":", start, start + 45)
    label = line[start:colon] if colon > start else ""
    if bold_end is not None and bold_end > start:
        end = min(bold_end, len(line))
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
    return heading_of(line, bold_end, in_table)


def heading_of(line: str, bold_end: int | None, in_table: bool) -> HeadingMatch | None:
    """``match_heading`` with positional arguments: called for every line, where keywords cost."""
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
    bulleted = first in _BULLETS
    label = _LABEL_BY_LETTER.get(line[1:].lstrip()[:1] if bulleted else first)
    if label is not None and not (bulleted and label[1] == "label-dieu"):
        pattern, scheme = label
        m = pattern.match(line)
        if m:
            if scheme == "label-nhom":
                start = len(line) - len(line.lstrip("-+•* "))
                return HeadingMatch(scheme, None, start, _heading_text_end(line, start, bold_end))
            return HeadingMatch(scheme, m.group(2), m.end(), _label_end(line, m.end()))
    if first in _PART_FIRST and line.startswith(_PART_PREFIXES):
        m = PART_WORDS.match(line)
        if m:
            return HeadingMatch("part", m.group(1), m.end(), _heading_text_end(line, m.end(), bold_end))
    # "PHẦN I", "Phần II" or a Roman number: a match without one counts for nothing.
    if first in _ROMAN_FIRST and (first != "P" or line.startswith(_PART_PREFIXES[:2])):
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
