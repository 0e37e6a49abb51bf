"""Roles: the leading verbs of an assignment clause that say what an agency does in it ("chủ trì",
"phối hợp", "tham mưu" …), the prefixes skipped before them and the request markers
(``roles.yaml``)."""

from __future__ import annotations

from functools import cache

from gdparse.knowledge.loader import Schema, load
from gdparse.model import Role


class RoleRule(Schema):
    keywords: tuple[str, ...]
    examples: tuple[str, ...] = ()


class RolesFile(Schema):
    version: int
    default_role: Role
    request_markers: tuple[str, ...]
    skip_prefixes: tuple[str, ...]
    roles: dict[Role, RoleRule]


@cache
def roles_data() -> RolesFile:
    return load("roles.yaml", RolesFile)
