"""Documents: the types of Vietnamese administrative documents (the words, abbreviations and
symbol codes that name them, the title lines they open with, the issuers behind symbol codes) and
the catalogue of national documents that plans implement. Data: ``document_types.yaml``,
``national_documents.yaml``, ``issuers.yaml``.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Literal

import regex
from pydantic import Field, model_validator

from gdparse.knowledge.loader import Schema, load
from gdparse.model import CitationType, DocType
from gdparse.vietnamese import fold, strip_accents


class TypeRule(Schema):
    type: CitationType
    doc_type: DocType | None = None
    slug: str
    words: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()
    part: Literal["decision", "plan"] | None = None
    attaches: bool = False
    cited_by_name: bool = False
    issuer: str | None = None
    examples: tuple[str, ...] = Field(min_length=1)


class IssuerRule(Schema):
    pattern: str
    issuer: str
    examples: tuple[str, ...] = Field(min_length=1)


class SymbolExample(Schema):
    written: str
    canonical: str


class PartySymbols(Schema):
    types: tuple[str, ...]  # codes of types that party bodies issue
    bodies: tuple[str, ...]  # codes of party bodies
    examples: tuple[SymbolExample, ...] = Field(min_length=1)


class DocumentTypes(Schema):
    version: int
    title_qualifiers: tuple[str, ...] = ()
    party_symbols: PartySymbols
    types: tuple[TypeRule, ...]

    @model_validator(mode="after")
    def _party_types_are_codes(self) -> DocumentTypes:
        codes = {c for r in self.types for c in r.codes}
        unknown = [c for c in self.party_symbols.types if c not in codes]
        if unknown:
            raise ValueError(f"party_symbols: {unknown} are no type's codes")
        return self
    issuers: tuple[IssuerRule, ...]


class NationalDocument(Schema):
    id: str
    key: str
    type: CitationType
    number: str
    date: str
    issuer: str
    title: str
    role: str
    period: tuple[int, int] | None = None
    names: tuple[str, ...] = ()
    examples: tuple[str, ...] = Field(min_length=1)

    @property
    def year(self) -> int:
        return int(self.date[:4])


class Generation(Schema):
    name: str
    until: int | None = None  # the last year a plan of this generation starts in (None: the last generation)


class GenerationExample(Schema):
    period: tuple[int, int]
    generation: str


class NationalCatalogue(Schema):
    version: int
    generations: tuple[Generation, ...] = Field(min_length=1)
    generation_examples: tuple[GenerationExample, ...] = Field(min_length=1)
    documents: tuple[NationalDocument, ...]

    @model_validator(mode="after")
    def _generations_in_order(self) -> NationalCatalogue:
        untils = [g.until for g in self.generations]
        if None in untils[:-1] or untils[-1] is not None or untils[:-1] != sorted(untils[:-1]):
            raise ValueError("generations: `until` years ascending, the last generation without one")
        return self


class CitedIssuer(Schema):
    pattern: str  # on the folded text
    examples: tuple[str, ...] = Field(min_length=1)


class CanonicalIssuer(Schema):
    name: str
    forms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    examples: tuple[str, ...] = Field(min_length=1)


class Issuers(Schema):
    version: int
    cited: tuple[CitedIssuer, ...]
    national: tuple[str, ...]
    national_examples: tuple[str, ...] = Field(min_length=1)
    canonical: tuple[CanonicalIssuer, ...]


@cache
def issuers() -> Issuers:
    return load("issuers.yaml", Issuers)


def is_national_issuer(folded_name: str) -> bool:
    """Whether an issuer (its folded name) is a national body: its documents are national."""
    return folded_name.startswith(issuers().national)


def canonical_issuer(folded_name: str) -> str | None:
    """The name the metadata gives an issuer written so ("ubnd tỉnh …" -> "Ủy ban nhân dân"), if any."""
    for rule in issuers().canonical:
        if folded_name in rule.forms or folded_name.startswith(rule.prefixes):
            return rule.name
    return None


@cache
def document_types() -> DocumentTypes:
    return load("document_types.yaml", DocumentTypes)


@cache
def national_catalogue() -> NationalCatalogue:
    return load("national_documents.yaml", NationalCatalogue)


def generation_of_start(year: int) -> str:
    """The generation of a plan whose period starts in ``year``."""
    return next(g.name for g in national_catalogue().generations if g.until is None or year <= g.until)


@cache
def _issuer_patterns() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple((regex.compile(r.pattern), r.issuer) for r in document_types().issuers)


@cache  # a few types: the rule of each is looked up for many candidates
def rule_for(citation_type: str) -> TypeRule:
    """The first rule of a citation type (its slug names the type in keys)."""
    return next(r for r in document_types().types if r.type == citation_type)


def type_for_word(folded_word: str) -> TypeRule | None:
    """The rule whose word equals ``folded_word`` (already folded, single spaces)."""
    for rule in document_types().types:
        if folded_word in rule.words:
            return rule
    return None


def type_for_abbreviation(abbr: str) -> TypeRule | None:
    for rule in document_types().types:
        if abbr in rule.abbreviations:
            return rule
    return None


@cache
def abbreviations() -> tuple[str, ...]:
    """Every abbreviation of a type word ("NQ", "QĐ", "TTLT" …), in data order."""
    return tuple(dict.fromkeys(a for r in document_types().types for a in r.abbreviations))


@cache
def cited_by_name() -> tuple[TypeRule, ...]:
    """The law-like types, cited by name (Hiến pháp, Bộ luật, Luật, Pháp lệnh)."""
    return tuple(r for r in document_types().types if r.cited_by_name)


@cache
def issuer_of_slug(slug: str) -> str | None:
    """Who issues every document of the type ``slug`` names ("luat" -> "Quốc hội"), if anyone."""
    return next((r.issuer for r in document_types().types if r.slug == slug and r.issuer), None)


@cache
def title_words() -> dict[str, DocType]:
    """Title word (folded) -> the type of a document whose title line starts with it, in data order."""
    return {w: r.doc_type or "other" for r in document_types().types for w in r.title_words}


@cache
def part_words(part: Literal["decision", "plan"]) -> tuple[str, ...]:
    """The title words that open a part of this kind ("quyết định" opens a decision)."""
    return tuple(w for r in document_types().types if r.part == part for w in r.title_words)


@cache
def attaching_words() -> tuple[str, ...]:
    """The title words of the types that issue an attached document ("kèm theo Quyết định số …")."""
    return tuple(w for r in document_types().types if r.attaches for w in r.title_words)


# Compiled and computed once: type_for_symbol runs for every citation candidate.
_SYMBOL_SEP = regex.compile(r"[/-]")
_QH = regex.compile(r"QH\d*")
_LEAD_NUM = regex.compile(r"\d+")
_NON_ALNUM = regex.compile(r"[^a-z0-9]+")


@cache
def _stripped(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(strip_accents(c) for c in codes)


@lru_cache(maxsize=4096)  # symbols repeat within and across documents
def type_for_symbol(number: str) -> TypeRule | None:
    """The type a symbol's code says: "2351/QĐ-TTg" -> quyet_dinh; None if no type code."""
    parts = _SYMBOL_SEP.split(number)[1:]
    for part in parts:
        for rule in document_types().types:
            if part in rule.codes or strip_accents(part) in _stripped(rule.codes):
                if part.isdigit():
                    continue
                return rule
    if any(_QH.fullmatch(p) for p in parts):
        return rule_for("luat")
    return None


@lru_cache(maxsize=4096)  # symbols repeat within and across documents; one search per pattern
def issuer_for_symbol(number: str) -> str | None:
    for pattern, issuer in _issuer_patterns():
        if pattern.search(number):
            return issuer
    return None


# ---------------------------------------------------------------- symbols

_SPACES = regex.compile(r"\s+")  # compiled once: called for every citation number


def clean_number(raw: str) -> str:
    """A symbol as one token: spaces dropped, OCR's Ð (U+00D0) read as Đ."""
    if " " not in raw and raw.isprintable():  # no whitespace at all (others are unprintable)
        return raw.replace("Ð", "Đ")
    return _SPACES.sub("", raw).replace("Ð", "Đ")


@cache
def _symbol_forms() -> tuple[tuple[str, ...], regex.Pattern[str], regex.Pattern[str]]:
    """(codes written with D for Đ, their pattern in a symbol, the pattern of a party symbol written
    "21/CT-TW")."""
    codes = {c for r in document_types().types for c in r.codes}
    ascii_codes = tuple(sorted(c for c in codes if "D" in c and c.replace("D", "Đ") in codes))
    ascii_pattern = regex.compile(rf"(?<=[/-])({'|'.join(ascii_codes) or '(?!)'})(?=[/-]|$)")
    party = document_types().party_symbols
    party_pattern = regex.compile(rf"^(\d+)/({'|'.join(party.types)})-({'|'.join(party.bodies)})$")
    return ascii_codes, ascii_pattern, party_pattern


@lru_cache(maxsize=1024)  # short symbols, each canonicalised several times per document
def canonical_number(number: str) -> str:
    """The symbol as used in keys: no spaces, ASCII QD/ND read as QĐ/NĐ, party form 21-CT/TW."""
    number = clean_number(number)
    ascii_codes, ascii_pattern, party_pattern = _symbol_forms()
    if any(code in number for code in ascii_codes):
        number = ascii_pattern.sub(lambda m: m.group(1).replace("D", "Đ"), number)
    m = party_pattern.match(number)
    return f"{m.group(1)}-{m.group(2)}/{m.group(3)}" if m else number


def slug(text: str) -> str:
    """ASCII slug of a name: "Bình đẳng giới" -> "binh-dang-gioi"."""
    return _NON_ALNUM.sub("-", strip_accents(fold(text))).strip("-")


def _leading_number(number: str) -> str:
    m = _LEAD_NUM.match(number)
    return m.group() if m else number


@lru_cache(maxsize=4096)  # symbols repeat; strip_accents is slow
def _compact(number: str) -> str:
    return strip_accents(number).upper().replace(" ", "")


@cache
def _catalogue_index() -> tuple[dict[tuple[str, str], NationalDocument], dict[tuple[str, str], list[NationalDocument]]]:
    """(type, compact symbol) -> first entry; (type, leading number) -> entries in catalogue order."""
    by_symbol: dict[tuple[str, str], NationalDocument] = {}
    by_lead: dict[tuple[str, str], list[NationalDocument]] = {}
    for d in national_catalogue().documents:
        by_symbol.setdefault((d.type, _compact(d.number)), d)
        by_lead.setdefault((d.type, _leading_number(d.number)), []).append(d)
    return by_symbol, by_lead


def resolve(citation_type: str, number: str | None, year: int | None, name: str | None = None
            ) -> tuple[NationalDocument | None, bool]:
    """Find a catalogue entry; returns (entry, exact). ``exact`` is False when only the leading
    number, type and date agree (a misprinted symbol such as 48/2008/NĐ-CP dated 2009)."""
    docs = national_catalogue().documents
    if number:
        by_symbol, by_lead = _catalogue_index()
        exact = by_symbol.get((citation_type, _compact(number)))
        if exact is not None:
            return exact, True
        candidates = by_lead.get((citation_type, _leading_number(number)), [])
        if year is not None:
            candidates = [d for d in candidates if d.year == year]
        has_symbol = not number.isdigit()
        if len(candidates) == 1:
            return candidates[0], not has_symbol
        return None, False
    if name:
        folded = fold(name).strip()
        for d in docs:
            if d.type == citation_type and folded in d.names and (year is None or year == d.year):
                return d, True
    return None, False
