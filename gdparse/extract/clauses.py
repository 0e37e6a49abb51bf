"""Shared reading of assignment text: where the implementation part is, how it splits into items and
clauses, and which roles a clause's leading verbs give (gdparse/data/roles.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from pydantic import BaseModel, ConfigDict

from gdparse.model import PlanDocument, Role
from gdparse.rules import load_yaml
from gdparse.vietnamese import fold, strip_accents


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RoleRule(_Strict):
    keywords: tuple[str, ...]
    examples: tuple[str, ...] = ()


class RolesFile(_Strict):
    version: int
    default_role: Role
    request_markers: tuple[str, ...]
    skip_prefixes: tuple[str, ...]
    roles: dict[Role, RoleRule]


def _key(text: str) -> str:
    return strip_accents(fold(text))


@dataclass(frozen=True)
class RoleGrammar:
    default: Role
    keyword: regex.Pattern
    role_of: dict[str, Role]
    skip: regex.Pattern
    request: regex.Pattern


@cache
def roles_data() -> RolesFile:
    raw = load_yaml("roles.yaml")
    return RolesFile.model_validate(raw)


@cache
def grammar() -> RoleGrammar:
    data = roles_data()
    role_of: dict[str, Role] = {}
    for role, rule in data.roles.items():
        for kw in rule.keywords:
            role_of[_key(kw)] = role
    alternation = "|".join(regex.escape(k) for k in sorted(role_of, key=len, reverse=True))
    skip = "|".join(_key(p) for p in data.skip_prefixes)
    return RoleGrammar(
        default=data.default_role,
        keyword=regex.compile(rf"(?:{alternation})(?!\w)"),
        role_of=role_of,
        skip=regex.compile(rf"(?:{skip})(?!\w)[\s,]*"),
        request=regex.compile("|".join(_key(m) for m in data.request_markers)),
    )


_LEAD_IN = regex.compile(r"[\s\-+*•:.]*")
_SEPARATOR = regex.compile(r"\s*(?:,|;|\bva\b)\s*|\s+(?=phoi (?:ket )?hop|chu tri)")


def leading_roles(clause: str) -> tuple[list[Role], int | None]:
    """Roles of the clause's leading verb group, and the offset just after a "phối hợp (với)" keyword
    when the group contains one (coordinators are named from there). Empty roles: no keyword."""
    g = grammar()
    s = _key(clause)
    pos = _LEAD_IN.match(s).end()
    while True:
        m = g.skip.match(s, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    roles: list[Role] = []
    coord_at: int | None = None
    while True:
        m = g.keyword.match(s, pos)
        if not m:
            break
        role = g.role_of[m.group()]
        if role not in roles:
            roles.append(role)
        pos = m.end()
        if role == "coordinate":
            coord_at = pos
            break
        sep = _SEPARATOR.match(s, pos)
        if not sep:
            break
        pos = sep.end()
    return roles, coord_at


def is_request(text: str) -> bool:
    return bool(grammar().request.match(_key(text).lstrip(" -+*•0123456789.")))


# ---------------------------------------------------------------- regions

_IMPL = regex.compile(r"(?m)^[ \t*#]*(?:[ivxlc]+\.|\d+\.)?\s*tổ chức thực hiện\s*:?\s*$")
_REPORT = regex.compile(r"(?m)^[ \t*#]*(?:[ivxlc]+\.|\d+\.)?\s*chế độ (?:thông tin,? )?báo cáo\s*:?\s*$")
_NEXT_TOP = regex.compile(r"(?m)^[ \t*#]*(?:[ivxlc]+\.\s|nơi nhận|phụ lục|tm\.|kt\.)|^[^\n]*\t")
_DECISION = regex.compile(r"(?m)^[ \t*#]*điều\s+\d+\.[^\n]*")


def _region(folded: str, heading: regex.Pattern) -> list[tuple[int, int]]:
    out = []
    for m in heading.finditer(folded):
        nxt = _NEXT_TOP.search(folded, m.end())
        out.append((m.end(), nxt.start() if nxt else len(folded)))
    return out


def implementation_regions(doc: PlanDocument) -> list[tuple[int, int]]:
    """Body spans of "TỔ CHỨC THỰC HIỆN" parts; falls back to sections of kind implementation."""
    regions = _region(fold(doc.text), _IMPL)
    if not regions:
        tops = [s for s in doc.sections if s.kind == "implementation"
                and not any(p.kind == "implementation" for p in doc.sections if p.id == s.parent)]
        regions = [(s.heading_end or s.start, s.end) for s in tops]
    return regions


def reporting_regions(doc: PlanDocument) -> list[tuple[int, int]]:
    regions = _region(fold(doc.text), _REPORT)
    if not regions:
        regions = [(s.start, s.end) for s in doc.sections if s.kind == "reporting" and not s.children]
    return regions


def decision_spans(doc: PlanDocument) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DECISION.finditer(fold(doc.text))]


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
        while s < e and text[s] in " \t-+*•.:":
            s += 1
        while e > s and text[e - 1] in " \t.,:":
            e -= 1
        if e - s >= 3:
            spans.append((s, e))
    return spans
