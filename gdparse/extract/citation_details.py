"""What follows a citation's number or name: its date, issuer and title; and the choice among
overlapping candidates, which completes a candidate only if it is kept."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from gdparse.extract.dates import DateMatch, date_at
from gdparse.knowledge.documents import issuers

# The gaps after a number (spaces, a comma, a line break) are taken whole: what follows starts with a
# letter, and backtracking into "[ \t]*,?[ \t]*\n?[ \t]*" splits a run of tabs in cubically many ways.
_COMMA_GAP = r"[ \t]*+,?[ \t]*+"
_LINE_GAP = rf"{_COMMA_GAP}(?:\n[ \t]*+)?"
GAP = regex.compile(rf"{_LINE_GAP}(?:(?:được\s+)?ban hành\s+)?")
_ISSUER_WORDS = ("của", "do")
# The issuing bodies of issuers.yaml in their order, then a ministry, board or department up to the
# words after its name.
_ISSUER = regex.compile(
    rf"{_LINE_GAP}(?:{'|'.join(_ISSUER_WORDS)})\s+(?P<iss>{'|'.join(i.pattern for i in issuers().cited)}|"
    r"(?:bộ|ban|sở)\s+[^;.\n(]{2,80}?(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|thực hiện|triển khai)\s|[;.\n(]|$))"
)
_PROVINCE_TAIL = regex.compile(r"(?:[ \t]+\p{Lu}\p{Ll}*){1,3}")
TITLE_WORDS = ("về việc", "về", "phê duyệt", "ban hành", "quy định", "hướng dẫn")
_TITLE_PREFIX = rf"{_COMMA_GAP}(?P<t>(?:{'|'.join(TITLE_WORDS)})\s"
_TITLE_END = r"(?=[;\n]|\.\s|\.$|,\s+(?:căn cứ|thực hiện)|$)"
TITLE = regex.compile(rf"{_TITLE_PREFIX}[^;\n]{{3,300}}?|“[^”\n]{{3,300}}”){_TITLE_END}")


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to build, and these are many
class Candidate:
    start: int
    end: int
    type: str
    slug: str
    number: str | None = None
    name: str | None = None
    date: DateMatch | None = None
    year_only: int | None = None
    issuer: str | None = None
    title: str | None = None
    pending: int = -1  # where complete is still to read on, if it is (see dedupe)


def _issuer_after(text: str, folded: str, pos: int) -> tuple[str | None, int]:
    m = _ISSUER.match(folded, pos)
    if m is None:
        return None, pos
    end = m.end("iss")
    if m.group("iss").endswith(("tỉnh", "thành phố")):
        tail = _PROVINCE_TAIL.match(text, end)
        if tail:
            end = tail.end()
    return single_spaced(text[m.start("iss") : end]).strip(" ,"), end


def complete(text: str, folded: str, cand: Candidate, pos: int) -> Candidate:
    """Read the date, issuer and title that follow a citation's number or name."""
    date, issuer, end = cand.date, cand.issuer, pos
    for _ in range(2):  # date and issuer come in either order
        if date is None:
            gap = GAP.match(folded, end)
            found = date_at(text, gap.end() if gap else end, folded=folded)
            if found is not None and found.day is not None:
                date, end = found, found.end
                continue
        if issuer is None:
            issuer, new_end = _issuer_after(text, folded, end)
            if issuer is not None:
                end = new_end
                continue
        break
    title = None
    t = title_at(text, end)
    if t is not None:
        title = single_spaced(t.group("t")).strip(" ,“”\"")
    return Candidate(cand.start, end, cand.type, cand.slug, cand.number, cand.name, date, cand.year_only, issuer, title)


SPACES = regex.compile(r"\s+")  # compiled once: used for every document-type word


def single_spaced(s: str) -> str:
    """``s`` with each run of whitespace as one space."""
    return SPACES.sub(" ", s)


def title_at(text: str, pos: int) -> regex.Match[str] | None:
    """The title ("về việc …", "“…”") right after ``pos``, or None."""
    return TITLE.match(text, pos)


def dedupe(cands: list[Candidate], text: str, folded: str) -> list[Candidate]:
    """The longest candidate at each start, without overlaps, the earlier first; a pending
    candidate is completed when its length matters: when it is kept, or shares its start."""
    kept: list[Candidate] = []
    by_start = sorted(cands, key=lambda c: c.start)  # stable: list order among equal starts
    i = 0
    while i < len(by_start):
        j = i + 1
        while j < len(by_start) and by_start[j].start == by_start[i].start:
            j += 1
        group = by_start[i:j]
        if j - i > 1:
            group = sorted((completed(text, folded, c) for c in group), key=lambda c: -(c.end - c.start))
        for c in group:
            if kept and c.start < kept[-1].end:
                continue
            kept.append(completed(text, folded, c))
        i = j
    return kept


def completed(text: str, folded: str, c: Candidate) -> Candidate:
    return c if c.pending < 0 else complete(text, folded, c, c.pending)
