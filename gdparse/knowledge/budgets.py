"""Budgets: the funding sources a plan names and the way money amounts are written
(``budget_sources.yaml``)."""

from __future__ import annotations

from functools import cache

from gdparse.knowledge.loader import Schema, load
from gdparse.model import BudgetSource


class SourceRule(Schema):
    name: BudgetSource
    cues: list[str]
    examples: list[str] = []


class MoneyRule(Schema):
    pattern: str
    examples: list[str] = []


class BudgetFile(Schema):
    version: int
    sources: list[SourceRule]
    money: MoneyRule
    scale: dict[str, int]


@cache
def budget_rules() -> BudgetFile:
    return load("budget_sources.yaml", BudgetFile)
