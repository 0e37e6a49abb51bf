"""Signatures: the authority lines ("TM.", "KT." …), the signing titles and the family names that make
a line a signer's name (``signature.yaml``)."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from gdparse.knowledge.loader import Schema, load, phrases_pattern


class SigningTitle(Schema):
    before: tuple[str, ...] = ()  # words that may precede a title ("phó")
    words: tuple[str, ...]
    after: tuple[str, ...] = ()  # words that may follow it ("thường trực")
    examples: tuple[str, ...] = Field(min_length=1)


class SignatureRules(Schema):
    version: int
    authority_prefixes: tuple[str, ...]
    title: SigningTitle
    authority_examples: tuple[str, ...] = Field(min_length=1)
    surnames: tuple[str, ...]
    examples: tuple[str, ...] = Field(min_length=1)  # signers' names


@cache
def signature_rules() -> SignatureRules:
    return load("signature.yaml", SignatureRules)


@cache
def title_pattern() -> str:
    """A pattern of a signing title on a folded line ("phó chủ tịch thường trực"); no groups, and
    the same meaning for ``re`` and ``regex``."""
    title = signature_rules().title
    before = rf"(?:(?:{phrases_pattern(title.before)})\s+)?" if title.before else ""
    after = rf"(?:\s+(?:{phrases_pattern(title.after)}))?" if title.after else ""
    return rf"{before}(?:{phrases_pattern(title.words)}){after}"


@cache
def authority_pattern() -> str:
    """A pattern of the authority prefixes of a signature line ("tm.", "kt.", "thừa lệnh" …)."""
    return phrases_pattern(signature_rules().authority_prefixes)
