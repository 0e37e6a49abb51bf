"""How far into a document each fact of its opening is looked for (``document_windows.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, PositiveInt

from gdparse.knowledge.loader import Schema, load


class Windows(Schema):
    letterhead: PositiveInt
    letter_addressee: PositiveInt
    type_line: PositiveInt
    issuer_before_motto: PositiveInt
    authority_line: PositiveInt
    issuing_actor: PositiveInt
    issuing_sentence: PositiveInt
    letterhead_province: PositiveInt
    opening_dates: PositiveInt
    opening_years: PositiveInt
    portal_navigation: PositiveInt


class WindowExample(Schema):
    window: str
    line: str
    fact: Literal["doc_number", "doc_type"]
    value: str


class WindowsFile(Schema):
    version: int
    windows: Windows
    examples: tuple[WindowExample, ...] = Field(min_length=1)


@cache
def windows_file() -> WindowsFile:
    return load("document_windows.yaml", WindowsFile)


def windows() -> Windows:
    """The windows, in characters from the start of the normalised text."""
    return windows_file().windows
