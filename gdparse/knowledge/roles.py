"""Roles: the leading verbs of an assignment clause that say what an agency does in it ("chủ trì",
"phối hợp", "tham mưu" …), what joins them, the prefixes skipped before them and the request
markers (``roles.yaml``)."""

from __future__ import annotations

from functools import cache

from gdparse.knowledge.loader import KnowledgeError, Schema, load
from gdparse.model import Role


class RoleRule(Schema):
    keywords: tuple[str, ...]
    examples: tuple[str, ...] = ()


class RolesFile(Schema):
    version: int
    default_role: Role
    separators: tuple[str, ...]
    conjunctions: tuple[str, ...]
    joined_keywords: tuple[str, ...]
    request_markers: tuple[str, ...]
    skip_prefixes: tuple[str, ...]
    roles: dict[Role, RoleRule]


@cache
def roles_data() -> RolesFile:
    data = load("roles.yaml", RolesFile)
    keywords = {kw for rule in data.roles.values() for kw in rule.keywords}
    for kw in data.joined_keywords:
        if kw not in keywords:
            raise KnowledgeError("roles.yaml", f"joined keyword {kw!r} is no role's keyword")
    return data


def role_of_keyword(keyword: str) -> Role:
    return next(role for role, rule in roles_data().roles.items() if keyword in rule.keywords)
