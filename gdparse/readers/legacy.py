"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, the .Vn fonts) and VNI (the VNI- fonts).

Text in these encodings reaches us as Windows-1252 characters: a .txt decoded as a Western
code page, or a Word run whose font draws those code points as Vietnamese letters. Conversion
tables are data (:mod:`gdparse.knowledge.encodings`); detection compares how many common
Vietnamese syllables the text holds before and after conversion.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import regex

from gdparse.errors import EncodingError
from gdparse.knowledge.encodings import LEGACY_ENCODINGS, Legacy, common_syllables, table  # noqa: F401


@cache
def _pattern(name: Legacy) -> regex.Pattern:
    keys = sorted(table(name).map, key=len, reverse=True)  # longest first: "oâ" before "ô"
    return regex.compile("|".join(regex.escape(k) for k in keys))


@cache
def lost_capitals(name: Legacy) -> frozenset[str]:
    """Lowercase letters whose capital the encoding has no code for (TCVN3's toned vowels: Ạ, Ế …).
    A document writes such a capital with the lowercase code, so its case is lost once decoded
    unless a capital font (.VnTimeH) says otherwise. Empty for VNI, which codes every capital."""
    letters = set(table(name).map.values())
    return frozenset(c for c in letters if c.islower() and c.upper() not in letters)


def to_unicode(text: str, name: Legacy, *, capitals: bool = False) -> str:
    """Convert legacy-encoded text; ``capitals`` for a capital-only font (.VnTimeH)."""
    mapping = table(name).map
    out = _pattern(name).sub(lambda m: mapping[m.group()], text)
    return out.upper() if capitals else out


@cache
def _inverse(name: Legacy) -> dict[str, str]:
    return {v: k for k, v in table(name).map.items()}


def from_unicode(text: str, name: Legacy) -> str:
    """Encode Unicode text in a legacy scheme (for tests and fixtures); TCVN3 has no toned
    capitals, so they are written as their lowercase code, as a capital font would show them."""
    inverse = _inverse(name)
    out = []
    for ch in text:
        if ch in inverse:
            out.append(inverse[ch])
        elif name == "tcvn3" and ch.lower() in inverse and ch.lower() != ch:
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def font_encoding(font: str | None) -> tuple[Legacy | None, bool]:
    """The legacy encoding a font name implies, and whether the font shows only capitals."""
    if not font:
        return None, False
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3", name.endswith("h")  # .VnTimeH, .VnArialH: capitals
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni", False
    return None, False


_WORD = regex.compile(r"[\p{L}\p{M}]+")
_SAMPLE = 65536


def vietnamese_score(text: str) -> int:
    """How many common Vietnamese syllables (with diacritics) the text holds."""
    common = common_syllables()
    return sum(1 for w in _WORD.findall(text[:_SAMPLE].lower()) if w in common)


# Characters of the legacy codes that Vietnamese Unicode text does not use (stray ones do occur:
# a footnote "¹", quotes «»), and letters that only Unicode text has (no Windows-1252 code).
_LEGACY_MARK = re.compile("[¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ]")
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")


def has_unicode_letters(text: str) -> bool:
    """Whether ``text`` holds a Vietnamese letter that only Unicode can write (ă, đ, ơ, ư, ạ …):
    no legacy-coded text does, whatever font it is in."""
    return _UNICODE_ONLY.search(text) is not None


def detect(text: str) -> Legacy | None:
    """The legacy encoding that makes ``text`` read as Vietnamese, or None if it already does."""
    sample = text[:_SAMPLE]
    if not any("\u00a0" <= c <= "\u00ff" for c in sample):
        return None
    # TCVN3 and VNI text shows a legacy code in nearly every word and no letter outside Windows-1252:
    # a text with Unicode-only letters and at most a stray code per thousand characters is Unicode.
    # Two C-level scans instead of splitting the whole sample into words.
    if len(_LEGACY_MARK.findall(sample)) * 1000 <= len(sample) and _UNICODE_ONLY.search(sample):
        return None
    # One scan for both counts: lowercasing neither joins nor splits [\p{L}\p{M}] runs (true of every
    # code point), so the lowercased sample has as many words as the sample.
    words = _WORD.findall(sample.lower())
    before = sum(map(common_syllables().__contains__, words))  # == vietnamese_score(sample)
    if before >= 20 and before * 10 >= len(words):
        return None  # plainly Vietnamese already: one word in ten or more is a common syllable
    scores = {name: vietnamese_score(to_unicode(sample, name)) for name in LEGACY_ENCODINGS}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 3 and scores[best] > 2 * before + 2 else None


# Windows-1252, with Latin-1 for the five bytes it leaves undefined: every byte has a character.
_CP1252 = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(256)}
_CP1252_TABLE = {b: (chr(b) if c == "\ufffd" else c) for b, c in _CP1252.items()}


def bytes_as_cp1252(data: bytes) -> str:
    """Bytes as Windows-1252 characters (one character per byte)."""
    return data.decode("latin-1").translate({b: c for b, c in _CP1252_TABLE.items() if chr(b) != c})


def convert_decoded(text: str, encoding: str, data: bytes) -> tuple[str, str]:
    """Hook of the read stage: legacy-encoded text converted, with the encoding named.

    ``text`` is what ``data`` decoded to as ``encoding``; a single-byte decode is redone as
    Windows-1252 so that the table keys match byte for byte.
    """
    name = detect(text)
    if name is None:
        return text, encoding
    chars = text if encoding.startswith("utf") else bytes_as_cp1252(data)
    return to_unicode(chars, name), name


def decode_converting(decode: Callable[[bytes, str], tuple[str, str]], data: bytes, path: str) -> tuple[str, str]:
    """Run the read stage's ``decode``; convert TCVN3 or VNI text, also when ``decode`` found no
    encoding that fits (legacy bytes often look like no code page at all)."""
    try:
        return convert_decoded(*decode(data, path), data)
    except EncodingError:
        text = bytes_as_cp1252(data)
        converted, encoding = convert_decoded(text, "cp1252", data)
        if encoding == "cp1252":
            raise
        return converted, encoding
