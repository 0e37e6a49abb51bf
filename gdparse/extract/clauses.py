"""Shared reading of assignment text: where the implementation part is, how it splits into items and
clauses, and which roles a clause's leading verbs give (:mod:`gdparse.knowledge.roles`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from gdparse.knowledge.layout import RegionKind, region_anchor, region_titles
from gdparse.knowledge.roles import RolesFile, roles_data
from gdparse.model import Role, Section
from gdparse.vietnamese import cut_is_exact, fold, strip_accents


class Mention(NamedTuple):
    """An agency mention: its id (None if unresolved) and offsets (a tuple: cheap to build by the hundred)."""

    agency_id: str | None
    start: int
    end: int


def _key(text: str) -> str:
    return strip_accents(fold(text))


class FoldedSlices:
    """``fold(text[start:end])`` cut from the folded whole text (``folded``, which is ``fold(text)``)
    where that is exact (:func:`gdparse.vietnamese.cut_is_exact`); other slices are folded on their own."""

    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        self.folded = folded

    def fold(self, start: int, end: int) -> str:
        if cut_is_exact(self.text, self.folded, start, end):
            return self.folded[start:end]
        return fold(self.text[start:end])

    def fold_split(self, start: int, end: int, sep: str) -> list[str]:
        """``[fold(piece) for piece in text[start:end].split(sep)]`` for a separator that is no letter."""
        if cut_is_exact(self.text, self.folded, start, end):
            return self.folded[start:end].split(sep)
        return [fold(piece) for piece in self.text[start:end].split(sep)]

    def key(self, start: int, end: int) -> str:
        """The accent-free folded form of ``text[start:end]`` that role keywords are matched against."""
        return strip_accents(self.fold(start, end))

    def leading_roles(self, start: int, end: int) -> tuple[list[Role], int | None]:
        """``leading_roles_of_key(self.key(start, end))``."""
        return leading_roles_of_key(self.key(start, end))

    def is_request(self, start: int, end: int) -> bool:
        """``is_request_key(self.key(start, end))``."""
        return is_request_key(self.key(start, end))


@dataclass(frozen=True)
class RoleGrammar:
    default: Role
    keyword: regex.Pattern
    role_of: dict[str, Role]  # by keyword key
    request: regex.Pattern
    verb_group: regex.Pattern


def _literal_trie(words: Iterable[str]) -> str:
    """A pattern for any of ``words``, factored by common prefixes ("to chuc(?: thuc hien| trien khai)?").

    It prefers the longest word, like an alternation sorted longest first, but the engine reads each
    character once instead of trying every word in turn.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [regex.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


@cache
def grammar() -> RoleGrammar:
    data = roles_data()
    role_of: dict[str, Role] = {}
    for role, rule in data.roles.items():
        for kw in rule.keywords:
            role_of[_key(kw)] = role
    skip = "|".join(_key(p) for p in data.skip_prefixes)
    keyword = rf"(?:{_literal_trie(role_of)})(?!\w)"
    skip_one = rf"(?:{skip})(?!\w)[\s,]*"
    # The whole leading verb group in one match: lead-in, skip prefixes, then keywords joined by
    # separators, each keyword captured. Atomic groups commit to each part's first match, as matching
    # the parts one after another does. A separator is read before every keyword but the first (once
    # "kw" has matched): the keywords are written once.
    verb_group = rf"{_LEAD_IN}(?>{skip_one})*(?:(?(kw)(?>{_separator(data)}))(?>(?P<kw>{keyword})))*"
    request = "|".join(_key(m) for m in data.request_markers)
    return RoleGrammar(
        default=data.default_role,
        keyword=regex.compile(keyword),
        role_of=role_of,
        request=regex.compile(request),
        verb_group=regex.compile(verb_group),
    )


_LEAD_CHAR = r"[\s\-+*•:.]"
_LEAD_IN = rf"{_LEAD_CHAR}*"


def _separator(data: RolesFile) -> str:
    """What joins two keywords of a verb group, on the key: a separator or conjunction with any
    spaces, or spaces alone before a joined keyword ("chu tri phoi hop voi")."""
    marks = [regex.escape(s) for s in data.separators]
    marks += [rf"\b{regex.escape(_key(c), literal_spaces=True)}\b" for c in data.conjunctions]
    joined = "|".join(regex.escape(_key(kw), literal_spaces=True) for kw in data.joined_keywords)
    return rf"\s*(?:{'|'.join(marks)})\s*|\s+(?={joined})"


def leading_roles(clause: str) -> tuple[list[Role], int | None]:
    """Roles of the clause's leading verb group, and the offset just after a "phối hợp (với)" keyword
    when the group contains one (coordinators are named from there). Empty roles: no keyword."""
    return leading_roles_of_key(_key(clause))


def leading_roles_of_key(s: str) -> tuple[list[Role], int | None]:
    """``leading_roles`` of a clause given as its key (accent-free folded form)."""
    g = grammar()
    m = g.verb_group.match(s)
    roles: list[Role] = []
    for i, keyword in enumerate(m.captures("kw")):
        role = g.role_of[keyword]
        if role not in roles:
            roles.append(role)
        if role == "coordinate":
            # Coordinators are named after this keyword; the keywords after it are theirs.
            return roles, m.spans("kw")[i][1]
    return roles, None


def is_request(text: str) -> bool:
    return is_request_key(_key(text))


_REQUEST_LEAD = " -+*•0123456789."


def is_request_key(key: str) -> bool:
    return bool(grammar().request.match(key.lstrip(_REQUEST_LEAD)))


# ---------------------------------------------------------------- regions

def _region_heading(kind: RegionKind) -> regex.Pattern[str]:
    """A heading line of a region: its number, one of its titles (headings.yaml), nothing else."""
    return regex.compile(rf"(?m)^[ \t*#]*(?:[ivxlc]+\.|\d+\.)?\s*(?:{region_titles(kind)})\s*:?\s*$")


_IMPL_ANCHOR = region_anchor("implementation")
_REPORT_ANCHOR = region_anchor("reporting")
_DECISION_ANCHOR = "điều"
_IMPL = _region_heading("implementation")
_REPORT = _region_heading("reporting")
_NEXT_TOP = regex.compile(r"(?m)^[ \t*#]*(?:[ivxlc]+\.\s|nơi nhận|phụ lục|tm\.|kt\.)|^[^\n]*\t")
_DECISION = regex.compile(rf"(?m)^[ \t*#]*{_DECISION_ANCHOR}\s+\d+\.[^\n]*")
# Every character the patterns above allow between a line start and their anchor, read backwards.
_LEAD_BACK = regex.compile(r"(?r)[\s*#ivxlc\d.]*")


def _heading_matches(folded: str, pattern: regex.Pattern, anchor: str) -> list[regex.Match]:
    """``list(pattern.finditer(folded))`` for a line-anchored pattern containing the literal ``anchor``.

    The pattern is tried only at the line starts just before each occurrence of the anchor (str.find
    runs at C speed); finditer would try it at every position of the text. A match starts at a line
    start and holds only lead characters before its anchor, so the leftmost match is among those tried.
    """
    out = []
    last = 0
    at = folded.find(anchor)
    while at >= 0:
        lead = _LEAD_BACK.match(folded, last, at).start()
        starts = [lead] if lead == 0 or folded[lead - 1] == "\n" else []
        nl = folded.find("\n", lead, at)
        while nl >= 0:
            starts.append(nl + 1)
            nl = folded.find("\n", nl + 1, at)
        for line_start in starts:
            m = pattern.match(folded, line_start)
            if m:
                out.append(m)
                last = m.end()
                break
        at = folded.find(anchor, max(at + 1, last))
    return out


def _region(folded: str, heading: regex.Pattern, anchor: str) -> list[tuple[int, int]]:
    out = []
    for m in _heading_matches(folded, heading, anchor):
        nxt = _NEXT_TOP.search(folded, m.end())
        out.append((m.end(), nxt.start() if nxt else len(folded)))
    return out


def implementation_regions(folded: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Body spans of "TỔ CHỨC THỰC HIỆN" parts of the folded text; falls back to sections of kind
    implementation. (Read once per document: see :class:`gdparse.extract.context.DocumentContext`.)"""
    regions = _region(folded, _IMPL, _IMPL_ANCHOR)
    if not regions:
        implementation = {s.id for s in sections if s.kind == "implementation"}
        tops = [s for s in sections if s.kind == "implementation" and s.parent not in implementation]
        regions = [(s.heading_end or s.start, s.end) for s in tops]
    return regions


def reporting_regions(folded: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Body spans of "CHẾ ĐỘ BÁO CÁO" parts; falls back to the leaf sections of kind reporting."""
    regions = _region(folded, _REPORT, _REPORT_ANCHOR)
    if not regions:
        regions = [(s.start, s.end) for s in sections if s.kind == "reporting" and not s.children]
    return regions


def decision_spans(folded: str) -> list[tuple[int, int]]:
    """The article lines ("Điều 2. …") of a decision."""
    return [(m.start(), m.end()) for m in _heading_matches(folded, _DECISION, _DECISION_ANCHOR)]


# ---------------------------------------------------------------- clauses

# A semicolon followed by another reference ("…Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2") continues the clause.
_CLAUSE_BREAK = regex.compile(
    r"\n|;(?![\s*]*(?i:các\s+)?(?i:chỉ\s+tiêu|mục\s+tiêu)[\s*]*\d)|\.\s+(?=[\p{Lu}\-+*•])|\.$"
)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans in ``text[start:end]``: lines, semicolons and sentences; bullets trimmed."""
    out = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    spans = []
    for s, e in out:
        piece = text[s:e]
        trimmed = piece.lstrip(" \t-+*•.:")
        s += len(piece) - len(trimmed)
        e = s + len(trimmed.rstrip(" \t.,:"))
        if e - s >= 3:
            spans.append((s, e))
    return spans
