"""Signatures: the authority lines ("TM.", "KT." …), the signing titles and the family names that make
a line a signer's name (``signature.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import Schema, load


class TitleRule(Schema):
    pattern: str  # on the folded line
    examples: tuple[str, ...] = Field(min_length=1)


class SignatureRules(Schema):
    version: int
    authority_prefixes: tuple[str, ...]
    titles: tuple[TitleRule, ...]
    surnames: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)  # signers' names


@cache
def signature_rules() -> SignatureRules:
    return load("signature.yaml", SignatureRules)
