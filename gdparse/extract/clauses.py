"""Shared reading of assignment text: where the implementation part is, how it splits into items and
clauses, and which roles a clause's leading verbs give (:mod:`gdparse.knowledge.roles`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from gdparse.knowledge.layout import RegionKind, region_titles
from gdparse.knowledge.roles import RolesFile, roles_data
from gdparse.labels import reference_start
from gdparse.lines import Line
from gdparse.model import Role
from gdparse.numbering import bullets
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


_LEAD_CHAR = rf"[\s:.{regex.escape(''.join(bullets()))}]"  # spaces, bullets and punctuation before a verb
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


_REQUEST_LEAD = " .0123456789" + "".join(bullets())  # a number or bullet before "Đề nghị"


def is_request_key(key: str) -> bool:
    return bool(grammar().request.match(key.lstrip(_REQUEST_LEAD)))


# ---------------------------------------------------------------- regions

def region_without_section(lines: Sequence[Line], folded: str, kind: RegionKind) -> list[tuple[int, int]]:
    """The regions of ``kind`` in a document whose outline has no section of that kind: a line that
    holds one of the region's titles (headings.yaml) and nothing else but its numbering ("TỔ CHỨC
    THỰC HIỆN" alone, not numbered, so no heading), up to the next part of the document (a Roman or
    part heading, a title such as "Phụ lục", the recipients, the signature, a table)."""
    title = _region_title(kind)
    out = []
    opened: int | None = None
    for line in lines:
        if opened is not None and (line.in_table or line.scheme in ("roman", "part") or _CLOSING & line.kinds):
            out.append((opened, line.start))
            opened = None
        if opened is None and not line.in_table and title.fullmatch(folded, line.content_start, line.content_end):
            opened = line.end
    if opened is not None:
        out.append((opened, len(folded)))
    return out


@cache
def _region_title(kind: RegionKind) -> regex.Pattern[str]:
    return regex.compile(rf"(?:{region_titles(kind)})\s*:?")


# Line kinds that close a region found without a section.
_CLOSING = frozenset({"doc_type", "recipients", "signature"})


# ---------------------------------------------------------------- clauses

# A semicolon followed by another reference ("…Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2") continues the
# clause; a sentence ends before a capital or a bullet.
_CLAUSE_BREAK = regex.compile(
    rf"\n|;(?!{reference_start()})|\.\s+(?=[\p{{Lu}}{regex.escape(''.join(bullets()))}])|\.$"
)


# What a clause's start loses: spaces, bullets and the punctuation before them.
_CLAUSE_LEAD = " \t.:" + "".join(bullets())


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
        trimmed = piece.lstrip(_CLAUSE_LEAD)
        s += len(piece) - len(trimmed)
        e = s + len(trimmed.rstrip(" \t.,:"))
        if e - s >= 3:
            spans.append((s, e))
    return spans
