"""Recognise a numbered heading at the start of a line, in every numbering scheme of
ANNOTATION.md §1: Roman, multi-level Arabic, letters, labels (Mục tiêu N, Chỉ tiêu N, Điều N,
Nhóm giải pháp), star bullets, bold lead-ins, and numbered table rows.

What numbers a line and what label it starts with are read by the one numbering grammar
(:mod:`gdparse.numbering`) and the one label grammar (:mod:`gdparse.labels`); this module says
which of those lines are headings (a capital after the number, a short star line, a bold lead-in …)
and where the heading's text is.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from gdparse.labels import LineLabel, heading_label, label_at, starts_with_mention
from gdparse.numbering import Numbering, bare_number, bullets, numbering_at, row_number, star
from gdparse.vietnamese import fold

_SENTENCE_STOP = regex.compile(r"[.;](?=\s|$)")


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
    elif label and len(line) - start > 80 and len(label.split()) <= 6 and not starts_with_mention(fold(label)):
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
        return row_heading(line)
    numbering = numbering_at(line)
    start = numbering.end if numbering else 0
    folded = fold(line)
    return heading_of(line, bold_end, numbering, label_at(folded, start, len(folded.rstrip(" \t"))))


def row_heading(line: str) -> HeadingMatch | None:
    """A table row whose first cell is a row number ("IV", "2.1.1"): its heading text is the next cell."""
    first_end = line.find("\t")
    if first_end < 0:
        return None
    number = row_number(line[:first_end])
    if number is None:
        return None
    rest = first_end + 1
    end = line.find("\t", rest)
    return HeadingMatch(number[0], number[1], rest, len(line) if end < 0 else end)


def heading_of(line: str, bold_end: int | None, numbering: Numbering | None, label: LineLabel | None,
               at: int = 0) -> HeadingMatch | None:
    """The heading of a line outside a table that starts with ``numbering`` (or none) and whose content
    starts with ``label`` (or none; its offsets are of a text where the line starts at ``at``); the
    line starts at its first character (an indented line is no heading)."""
    if label is not None and (numbering is None or numbering.scheme == "bullet"):
        # A label alone or after bullets: "Mục tiêu 1:", "- Chỉ tiêu 2:", "Điều 3.", "* Nhóm giải pháp …".
        found = heading_label(label.kind)
        if found is not None and (numbering is None or found.after_bullet):
            if found.numbered:
                end = label.end - at
                return HeadingMatch(found.scheme, label.number, end, _label_end(line, end))
            start = numbering.end if numbering else 0
            return HeadingMatch(found.scheme, None, start, _heading_text_end(line, start, bold_end))  # type: ignore[arg-type]
    if numbering is not None:
        heading = _numbered_heading(line, bold_end, numbering)
        if heading is not None:
            return heading
    if bold_end is not None and "0" <= line[:1] <= "9" and (bare := bare_number(line)) and bold_end >= len(bare[0]):
        # "**11** Đề nghị …": the number alone in bold.
        return HeadingMatch("arabic-1", bare[0], bare[1], _heading_text_end(line, bare[1], None))
    return None


def _numbered_heading(line: str, bold_end: int | None, numbering: Numbering) -> HeadingMatch | None:
    lead, number, end = numbering.lead_scheme, numbering.lead_number, numbering.lead_end
    if lead == "part":  # "PHẦN I", "Phần thứ hai": whatever follows
        return HeadingMatch("part", number, end, _heading_text_end(line, end, bold_end))
    spaced = line[end - 1 : end] in (" ", "\t")
    if lead != "bullet":  # Roman, Arabic, a letter: a space, then heading text
        if spaced and _starts_heading_text(line, end):
            return HeadingMatch(lead, number, end, _heading_text_end(line, end, bold_end))
        return None
    if line[0] == star() and spaced and len(line) <= 160 and not line.rstrip().endswith((".", ";")):
        return HeadingMatch("star", None, end, _heading_text_end(line, end, bold_end))
    if bold_end is not None and line[bold_end - 1 : bold_end] == ":":
        # "- **Cơ quan thực hiện:** …": a bullet led by a bold label.
        start = len(line) - len(line.lstrip("".join(bullets()) + " "))
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
