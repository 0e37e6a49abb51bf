"""Reporting duties: the phrases that state how often a report is due and by when
(``reporting.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import Schema, load


class ReportingExample(Schema):
    text: str
    frequency: str | None = None
    deadline: str | None = None


class ReportingPhrases(Schema):
    version: int
    frequencies: dict[str, tuple[str, ...]]  # frequency -> phrases that state it
    deadline_words: tuple[str, ...]
    month_end_words: tuple[str, ...]
    examples: tuple[ReportingExample, ...] = Field(min_length=1)


@cache
def reporting_phrases() -> ReportingPhrases:
    return load("reporting.yaml", ReportingPhrases)
