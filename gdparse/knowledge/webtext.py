"""Text copied from legal web portals: the lines of their navigation and the phrases a line break
may split (``webtext.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import KnowledgeError, Schema, load


class RepairExample(Schema):
    text: str
    repaired: str


class WebText(Schema):
    version: int
    navigation_lines: tuple[str, ...]
    split_phrases: tuple[str, ...]
    examples: tuple[RepairExample, ...] = Field(min_length=1)


@cache
def web_text() -> WebText:
    data = load("webtext.yaml", WebText)
    for phrase in data.split_phrases:
        if len(phrase.split()) != 2:
            raise KnowledgeError("webtext.yaml", f"split phrase {phrase!r} is not two words")
    return data
