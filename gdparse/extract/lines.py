"""Lines of the normalised text as the target extractors see them: numbering, label, cells.

A plan states objectives and targets line by line ("Mục tiêu 2: …", "- Chỉ tiêu 1: …",
"1\tChỉ tiêu 1: …" in a table). :func:`scan` classifies each non-blank line once, as a tuple.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import regex

from gdparse.headings import ARABIC_NUMBER

LineKind = Literal["zone", "general", "specific", "objective", "activity_goal", "target", "text"]

# Numbering before a line's content: "II.", "2.1.", "a)", "-", "+", "*", "•" (possibly stacked).
_NUMBERING = regex.compile(
    rf"[ \t]*(?:(?:([IVXLC]{{1,5}})\s*[.):/-]|({ARABIC_NUMBER})\s*[.)]"
    r"|([a-zđ])\s*[.)]|([-+•*–]))[ \t]*)+"
)
_BULLETS = "-+•*–"
# A letter outside these cannot start a numbering element (no letter is a digit), so a line or a
# bullet followed by such a letter needs no regex: most lines of a plan.
_ELEMENT_LETTERS = frozenset("IVXLCabcdefghijklmnopqrstuvwxyzđ")
_ROW_NUMBER = regex.compile(rf"^\s*(?:[IVXLC]{{1,5}}|{ARABIC_NUMBER})\.?\s*$")

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
_LABELS = (("general", GENERAL), ("specific", SPECIFIC), ("objective", OBJECTIVE),
           ("activity_goal", ACTIVITY_GOAL), ("target", TARGET))
# Every pattern above starts with one of these words: other lines are plain text without a regex.
_LABEL_FIRST_WORDS = ("mục", "các", "chỉ")
_LABEL_START = regex.compile(r"(?:các\s+)?(?:mục|chỉ)")  # and "các" only before "mục"


class Line(NamedTuple):
    """One non-blank line (a tuple: a document has many)."""

    start: int  # line start
    end: int  # line end (before the newline)
    content_start: int  # after the numbering
    content_end: int
    scheme: str | None  # "roman", "arabic-<depth>", "letter", "bullet" or None
    kind: LineKind
    label_end: int  # end of the label ("Chỉ tiêu 2: ") or content_start
    number: str | None = None  # objective or target number from the label
    table_row: bool = False


# A Line from all its fields without the Python-level ``Line.__new__`` (one per line of a plan).
_new_line = tuple.__new__


def _scheme(m: regex.Match[str]) -> str | None:
    """The numbering scheme of a numbering match (groups by index: by name costs more than the match)."""
    roman, arabic, letter, bullet = m.groups()  # each group's last capture, as stacked prefixes give
    if roman:
        return "roman"
    if arabic:
        return f"arabic-{arabic.count('.') + 1}"
    if letter:
        return "letter"
    if bullet:
        return "bullet"
    return None


def _classify(folded: str, start: int, end: int) -> tuple[str, int, str | None]:
    """Kind ("blank" for whitespace only), label end and number of the content ``folded[start:end]``."""
    if start == end:
        return "blank", start, None
    if not folded[start].isspace() and not (folded.startswith(_LABEL_FIRST_WORDS, start, end)
                                            and _LABEL_START.match(folded, start, end)):
        return "text", start, None
    content = folded[start:end]
    if ZONE_HEAD.match(content.strip()):
        return "zone", start, None
    for kind, pattern in _LABELS:
        m = pattern.match(content)
        if m:
            number = m.groupdict().get("n")
            return kind, start + m.end(), number
    return ("text" if content.strip() else "blank"), start, None


# Lines are split a block of about this many characters at a time.
_BLOCK_CHARS = 1 << 16


def scan(text: str, folded: str) -> list[Line]:
    """Every non-blank line of the text, classified (blank lines play no part in any rule)."""
    lines: list[Line] = []
    append = lines.append
    pos, size = 0, len(text)
    # Split a block at a time: faster than a find per line, and a huge text's split would hold
    # every line at once.
    while pos <= size:
        cut = text.find("\n", pos + _BLOCK_CHARS)
        for raw in text[pos : size if cut < 0 else cut].split("\n"):
            start = pos
            end = pos = start + len(raw)
            pos += 1
            if not raw:
                continue
            if "\t" in raw:
                line = _table_line(text, folded, start, end)
                if line is not None:
                    append(line)
                continue
            if raw[0] in " \t":
                stripped = raw.lstrip(" \t")
                if not stripped:
                    continue
                cstart = end - len(stripped)
            else:
                stripped, cstart = raw, start
            scheme = None
            first = stripped[0]
            if first.isalpha() and first not in _ELEMENT_LETTERS:
                pass  # no numbering
            elif first in _BULLETS and (after := stripped[1:].lstrip(" \t")) and after[0].isalpha() \
                    and after[0] not in _ELEMENT_LETTERS:
                cstart, scheme = end - len(after), "bullet"  # a single bullet, as _NUMBERING would read it
            elif (numbering := _NUMBERING.match(text, cstart, end)) is not None:
                cstart = numbering.end()
                while cstart < end and text[cstart] in " \t":
                    cstart += 1
                scheme = _scheme(numbering)
            cend = end if raw[-1] not in " \t" else end - (len(stripped) - len(stripped.rstrip(" \t")))
            if cend <= cstart:
                continue  # numbering only: blank
            if folded[cstart].isspace() or (folded.startswith(_LABEL_FIRST_WORDS, cstart, cend)
                                            and _LABEL_START.match(folded, cstart, cend)):
                kind, label_end, number = _classify(folded, cstart, cend)
                if kind != "blank":
                    append(_new_line(Line, (start, end, cstart, cend, scheme, kind, label_end, number, False)))
            else:  # the common case, as _classify would find it
                append(_new_line(Line, (start, end, cstart, cend, scheme, "text", cstart, None, False)))
        if cut < 0:
            break
        pos = cut + 1
    return lines


def heading_like(text: str, line: Line) -> bool:
    """Upper case, or numbered and short. Computed only where a rule asks: counting the upper-case
    letters of every paragraph would cost more than the whole classification."""
    if line.table_row:
        return False
    if line.scheme not in (None, "bullet") and line.content_end - line.content_start < 120:
        return True
    content = text[line.content_start:line.content_end]
    # Lower-case letters in the first third that make a fifth of all characters leave at most 80%
    # of the letters upper case: most paragraphs are ruled out without counting all their letters.
    if 5 * sum(map(str.islower, filter(str.isalpha, content[: len(content) // 3]))) >= len(content):
        return False
    letters = list(filter(str.isalpha, content))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8 and len(letters) > 3


def _table_line(text: str, folded: str, start: int, end: int) -> Line | None:
    """A tab-separated row: the main cell is the first non-number cell (None: no such cell)."""
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
        return None
    s, e = main
    while s < e and text[s] in " ":
        s += 1
    while e > s and text[e - 1] in " ":
        e -= 1
    kind, label_end, number = _classify(folded, s, e)
    if kind == "blank":
        return None
    if kind in ("zone", "general", "specific"):
        kind = "text"
    return Line(start, end, s, e, None, kind, label_end, number, True)  # type: ignore[arg-type]


def continuation_end(lines: list[Line], index: int, text: str) -> int:
    """End of an item that starts at ``lines[index]``: its line plus continuation lines
    (a line that starts in lower case or with ";", as after a page break or a lost footnote)."""
    end = lines[index].content_end
    for j in range(index + 1, len(lines)):
        line = lines[j]
        if line.table_row or line.scheme is not None or line.kind != "text":
            break
        first = text[line.content_start : line.content_start + 1]
        if not (first.islower() or first in ";,)."):
            break
        end = line.content_end
    return end
