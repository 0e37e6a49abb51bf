"""The whitespace pass of normalisation: lines trimmed, runs of spaces collapsed, table rows kept.

A line with a tab after its first cell (or a markdown ``|`` row) is a table row, whose tabs are
cell boundaries; elsewhere a tab is a space.
"""

from __future__ import annotations

import re

import regex

from gdparse.offsets import Edit, drop_overlaps

_CELL_GAP = re.compile(r" +(?=\t)|(?<=\t) +|  +")
# Runs of spaces and tabs other than a single space (the only ones rewritten): a paragraph's many
# single spaces make no match objects.
_SPACE_RUN = re.compile(r"[ \t]{2,}|\t")
# A pipe with the spaces around it, tried only where a run of spaces starts or at a pipe: from every
# position inside a long run of spaces before a cell's text, "[ \t]*" would read to its end (quadratic).
# A match never starts inside a run anyway: the position before would match too, or ended the last match.
_PIPE_GAP = re.compile(r"(?:(?<![ \t])|(?=\|))[ \t]*+\|[ \t]*+")
_PIPE_ROW = regex.compile(r"^\|.*\|$")
_PIPE_RULE = regex.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def whitespace(text: str) -> list[Edit]:
    """Lines trimmed and runs of spaces collapsed.

    A line with a tab after its first cell (or a markdown ``|`` row) is a table row: every tab
    is a cell boundary. Elsewhere (leading layout tabs, tabs between words) a tab is a space.
    """
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        # Lines that ``_line_whitespace`` leaves alone, told apart inline (most lines of a document):
        # no tab, double space, pipe or "---" (table and rule syntax), no space at either end.
        if line and (line[0] in _EDGE_SPACES or line[-1] in _EDGE_SPACES or "\t" in line or "  " in line
                     or "|" in line or "---" in line):
            edits.extend(_line_whitespace(line, pos))
        pos += len(line) + 1
    edits.sort()
    return drop_overlaps(edits)


_EDGE_SPACES = " \u00a0\ufeff"


def _line_whitespace(line: str, pos: int) -> list[Edit]:
    spaces = " \u00a0\ufeff"
    core = line.strip(spaces)
    if "\t" in core.lstrip("\t") and core.strip("\t"):  # a tab after the text starts: cells
        return _table_row_whitespace(line, pos)
    stripped = line.strip(spaces + "\t")
    if not stripped:
        return [(pos, pos + len(line), "")] if line else []
    lead = len(line) - len(line.lstrip(spaces + "\t"))
    body_start, body_end = pos + lead, pos + lead + len(stripped)
    edits: list[Edit] = []
    if lead:
        edits.append((pos, body_start, ""))
    if body_end < pos + len(line):
        edits.append((body_end, pos + len(line), ""))
    # Cheap tests before the patterns: a rule holds "---", a pipe row starts with "|".
    if ("---" in stripped and _PIPE_RULE.match(stripped)) or (stripped[0] == "|" and not stripped.strip("|:- \t")):
        return [(pos, pos + len(line), "")]  # a markdown rule or a row of empty pipes
    if stripped[0] == "|" and stripped.count("|") >= 3 and _PIPE_ROW.match(stripped):
        # Leading empty cells go with the edge: a tab at the start of a line is layout, not a cell.
        lead_cells = len(stripped) - len(stripped.lstrip("| \t"))
        for m in _PIPE_GAP.finditer(stripped):
            at_edge = m.start() < lead_cells or m.end() == len(stripped)
            edits.append((body_start + m.start(), body_start + m.end(), "" if at_edge else "\t"))
        return edits
    if "  " in stripped or "\t" in stripped:  # most lines have single spaces only: no scan
        for m in _SPACE_RUN.finditer(stripped):
            edits.append((body_start + m.start(), body_start + m.end(), " "))
    return edits


def _table_row_whitespace(line: str, pos: int) -> list[Edit]:
    """A tab-separated table row: every tab is a cell boundary and stays (empty cells included)."""
    edits: list[Edit] = []
    lead = len(line) - len(line.lstrip(" \u00a0\ufeff"))
    if lead:
        edits.append((pos, pos + lead, ""))
    body = line[lead:].rstrip(" \u00a0\ufeff")
    body_start = pos + lead
    if body_start + len(body) < pos + len(line):
        edits.append((body_start + len(body), pos + len(line), ""))
    if "  " not in body and " \t" not in body and "\t " not in body:
        return edits  # no space next to a tab, no double space: nothing for the scan to find
    for m in _CELL_GAP.finditer(body):
        next_is_tab = body[m.end() : m.end() + 1] == "\t" or body[m.start() - 1 : m.start()] == "\t"
        edits.append((body_start + m.start(), body_start + m.end(), "" if next_is_tab else " "))
    return edits
