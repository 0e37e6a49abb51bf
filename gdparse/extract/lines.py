"""Lines of the normalised text as the target extractors see them: numbering, label, cells.

A plan states objectives and targets line by line ("Mục tiêu 2: …", "- Chỉ tiêu 1: …",
"1\tChỉ tiêu 1: …" in a table). :func:`scan` classifies each line once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

LineKind = Literal[
    "blank", "zone", "general", "specific", "objective", "activity_goal", "target", "text"
]

# Numbering before a line's content: "II.", "2.1.", "a)", "-", "+", "*", "•" (possibly stacked).
_PREFIX = regex.compile(
    r"(?m)^[ \t]*(?P<prefix>(?:(?:(?P<roman>[IVXLC]{1,5})\s*[.):/-]|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,4})\s*[.)]"
    r"|(?P<letter>[a-zđ])\s*[.)]|(?P<bullet>[-+•*–]))[ \t]*)*)"
)
_ROW_NUMBER = regex.compile(r"^\s*(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2}){0,4})\.?\s*$")

# Patterns over the folded content (after the numbering).
ZONE_HEAD = regex.compile(
    r"^(?:các\s+)?mục\s+tiêu(?:\s*(?:,|và)\s*(?:các\s+)?chỉ\s+tiêu)?"
    r"(?:\s+(?:của\s+kế\s+hoạch|chủ\s+yếu|và\s+nhiệm\s+vụ|thực\s+hiện))?\s*:?\s*$"
)
GENERAL = regex.compile(r"^mục\s+tiêu\s+(?:tổng\s+quát|chung)(?!\p{L})\s*[:.]?\s*")
SPECIFIC = regex.compile(r"^(?:các\s+)?mục\s+tiêu\s+cụ\s+thể(?!\p{L})\s*[:.]?\s*")
OBJECTIVE = regex.compile(r"^mục\s+tiêu\s+(?:số\s+)?(?P<n>\d{1,2}[a-z]?)\s*[:.–-]\s*")
ACTIVITY_GOAL = regex.compile(r"^mục\s+tiêu\s*:\s*")
TARGET = regex.compile(r"^chỉ\s+tiêu(?:\s+(?:số\s+)?(?P<n>\d{1,2}(?:\.\d{1,2})?[a-z]?))?\s*[:.–-]\s*")


@dataclass(frozen=True)
class Line:
    start: int  # line start
    end: int  # line end (before the newline)
    content_start: int  # after the numbering
    content_end: int
    scheme: str | None  # "roman", "arabic-<depth>", "letter", "bullet" or None
    kind: LineKind
    label_end: int  # end of the label ("Chỉ tiêu 2: ") or content_start
    number: str | None = None  # objective or target number from the label
    table_row: bool = False
    heading_like: bool = False  # uppercase, or numbered and short


def _scheme(m: regex.Match[str]) -> str | None:
    if m.group("roman") and m.captures("roman"):
        return "roman"
    if m.group("arabic"):
        return f"arabic-{m.group('arabic').count('.') + 1}"
    if m.group("letter"):
        return "letter"
    if m.group("bullet"):
        return "bullet"
    return None


def _classify(folded: str, start: int, end: int) -> tuple[LineKind, int, str | None]:
    content = folded[start:end]
    if ZONE_HEAD.match(content.strip()):
        return "zone", start, None
    for kind, pattern in (("general", GENERAL), ("specific", SPECIFIC), ("objective", OBJECTIVE),
                          ("activity_goal", ACTIVITY_GOAL), ("target", TARGET)):
        m = pattern.match(content)
        if m:
            number = m.groupdict().get("n")
            return kind, start + m.end(), number  # type: ignore[return-value]
    return ("text" if content.strip() else "blank"), start, None


def scan(text: str, folded: str) -> list[Line]:
    """Every line of the text, classified."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if "\t" in raw:
            lines.append(_table_line(text, folded, start, end))
            continue
        m = _PREFIX.match(text, start, end)
        cstart = m.end() if m else start
        while cstart < end and text[cstart] in " \t":
            cstart += 1
        cend = end
        while cend > cstart and text[cend - 1] in " \t":
            cend -= 1
        kind, label_end, number = _classify(folded, cstart, cend)
        scheme = _scheme(m) if m and m.group("prefix").strip() else None
        content = text[cstart:cend]
        letters = list(filter(str.isalpha, content))  # filter/map: C loops, this runs on every line
        upper = bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8 and len(letters) > 3
        heading_like = upper or (scheme not in (None, "bullet") and len(content) < 120)
        lines.append(Line(start, end, cstart, cend, scheme, kind, label_end, number, False, heading_like))
    return lines


def _table_line(text: str, folded: str, start: int, end: int) -> Line:
    """A tab-separated row: the main cell is the first non-number cell."""
    cells, pos = [], start
    for part in text[start:end].split("\t"):
        cells.append((pos, pos + len(part)))
        pos += len(part) + 1
    main = None
    for i, (s, e) in enumerate(cells):
        cell = text[s:e]
        if not cell.strip():
            continue
        if i == 0 and _ROW_NUMBER.match(cell):
            continue
        main = (s, e)
        break
    if main is None:
        return Line(start, end, start, start, None, "blank", start, None, True)
    s, e = main
    while s < e and text[s] in " ":
        s += 1
    while e > s and text[e - 1] in " ":
        e -= 1
    kind, label_end, number = _classify(folded, s, e)
    if kind in ("zone", "general", "specific"):
        kind = "text"
    return Line(start, end, s, e, None, kind, label_end, number, True)


def continuation_end(lines: list[Line], index: int, text: str) -> int:
    """End of an item that starts at ``lines[index]``: its line plus continuation lines
    (a line that starts in lower case or with ";", as after a page break or a lost footnote)."""
    end = lines[index].content_end
    j = index + 1
    while j < len(lines):
        line = lines[j]
        if line.kind == "blank":
            j += 1
            continue
        if line.table_row or line.scheme is not None or line.kind != "text":
            break
        first = text[line.content_start : line.content_start + 1]
        if not (first.islower() or first in ";,)."):
            break
        end = line.content_end
        j += 1
    return end
