"""Vietnamese text helpers for matching. Every function here preserves length, char for char,
so that an offset found in a folded text is the same offset in the normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0303": "tilde", "\u0309": "hook", "\u0323": "dot"}

# One-to-one substitutions applied by fold(): typographic variants of ASCII punctuation.
_PUNCT = str.maketrans(
    {
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus
        "\u2010": "-",
        "\u2011": "-",
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
# The same substitutions as (old, new) pairs: str.replace per pair runs at C speed, where
# str.translate with a dict falls back to a per-character lookup on non-ASCII text.
_PUNCT_PAIRS = tuple((chr(old), new) for old, new in _PUNCT.items())


@lru_cache(maxsize=4096)
def split_tone(char: str) -> tuple[str, str | None]:
    """Split an NFC character into (character without tone, tone mark or None)."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((m for m in decomposed if m in TONE_MARKS), None)
    if tone is None:
        return char, None
    bare = unicodedata.normalize("NFC", "".join(m for m in decomposed if m != tone))
    return bare, tone


@lru_cache(maxsize=4096)
def with_tone(char: str, tone: str | None) -> str:
    """Put ``tone`` on an NFC character that has none; the result is one NFC character."""
    if tone is None:
        return char
    composed = unicodedata.normalize("NFC", unicodedata.normalize("NFD", char) + tone)
    return composed if len(composed) == 1 else char


# Open syllables "oa", "oe", "uy" where the new style puts the tone on the second vowel
# (hoà, khoẻ, thuỷ); the traditional style puts it on the first (hòa, khỏe, thủy).
_OPEN_PAIR = regex.compile(r"(?i)(?<!q)([oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])(?!\p{L})")
# The pairs of lowercase text that retoning changes: a bare "o" or "u" before a toned vowel (a pair
# whose first vowel has a tone, or whose second has none, stays as it is). Pairs never overlap: no
# second vowel can start a pair.
# A following ASCII letter already rules a pair out ("hoàn", "toàn"); other letters are checked after.
# One pattern per first vowel: a literal first character lets ``re`` jump from "o" to "o", several
# times faster than trying an alternation at every position.
_RETONE_CANDIDATES = (re.compile("o[àáảãạèéẻẽẹ](?![a-z])"), re.compile("u[ỳýỷỹỵ](?![a-z])"))
# Anything fold does beyond lowercasing: most short strings have none, and one scan tells.
_FOLD_WORK = re.compile("[" + "".join(old for old, _ in _PUNCT_PAIRS) + "]|(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![a-z])")
_LETTER = regex.compile(r"\p{L}")


def fold_tone_placement(text: str) -> str:
    """Rewrite new-style tone placement to the traditional one: hoà -> hòa, Uỷ -> Ủy.

    Only open syllables change; "hoàng", "quý" and "toán" are the same in both styles.
    """
    return _OPEN_PAIR.sub(_retone, text)


@lru_cache(maxsize=256)
def _retone_pair(pair: str) -> str:
    first, second = pair
    bare1, tone1 = split_tone(first)
    bare2, tone2 = split_tone(second)
    if tone1 is None and tone2 is not None:
        return with_tone(bare1, tone2) + bare2
    return pair


def _retone(m: regex.Match[str]) -> str:
    return _retone_pair(m.group(1))


def lower_same_length(text: str) -> str:
    """Lowercase, keeping any character whose lowercase form has another length."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(text: str) -> str:
    """The matching form of a text: lowercase, one tone placement, ASCII dashes and quotes.

    ``len(fold(t)) == len(t)`` always holds, so spans found in the folded text apply to ``t``.
    """
    if len(text) <= 32:
        return _fold_word(text)
    if len(text) <= FOLD_BLOCK_CHARS or "\u03a3" in text:
        return _fold(text)
    # Block by block, cut after line breaks (no fold rule looks across one): the candidate lists
    # and pieces of one pass over a whole huge text cost several times the text itself. A capital
    # sigma lowercases by context, so a text holding one is folded whole.
    return "".join(_fold(text[a:b]) for a, b in line_blocks(text, FOLD_BLOCK_CHARS))


# Below this length one scan tells whether fold has anything to do beyond lowercasing; a longer
# text nearly always has, and the scan would only cost.
_WORK_SCAN_MAX = 2048


def cut_is_exact(text: str, folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end] == fold(text[start:end])``, where ``folded`` is ``fold(text)``.

    fold works character by character except that tone placement reads the letters next to a
    vowel pair and a capital sigma lowercases by context: a cut whose ends do not fall between two
    letters, over a slice without a capital sigma, is the fold of the slice.
    """
    size = len(folded)
    if 0 < start < size and folded[start - 1].isalpha() and folded[start].isalpha():
        return False
    if 0 < end < size and folded[end - 1].isalpha() and folded[end].isalpha():
        return False
    return text.find("\u03a3", start, end) < 0


def fold_slice(text: str, folded: str | None, start: int, end: int) -> str:
    """``fold(text[start:end])``, cut from ``folded`` (``fold(text)``, or None) where that is exact."""
    if folded is not None and cut_is_exact(text, folded, start, end):
        return folded[start:end]
    return fold(text[start:end])


FOLD_BLOCK_CHARS = 1 << 20


def line_blocks(text: str, size: int) -> list[tuple[int, int]]:
    """Spans of about ``size`` characters, each ending just after a line break (or at the end)."""
    blocks, start = [], 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        blocks.append((start, end))
        start = end
    return blocks


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    """Words and short phrases repeat all through a document: fold each once."""
    return _fold(text)


def _fold(text: str) -> str:
    text = lower_same_length(text)
    if text.isascii() or (len(text) < _WORK_SCAN_MAX and not _FOLD_WORK.search(text)):
        return text  # no typographic punctuation, no pair to retone: lowercasing was all
    for old, new in _PUNCT_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return _retone_lower(text)


def _retone_lower(text: str) -> str:
    """``fold_tone_placement`` of lowercase text: only the few candidate pairs are looked at, instead
    of trying the open-pair pattern at every position."""
    # Pairs never overlap (no second vowel starts a pair), so the matches of both patterns are the
    # candidates; they are few, and sorting them is cheap.
    spans = sorted(m.span() for pattern in _RETONE_CANDIDATES for m in pattern.finditer(text))
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        if (start and text[start - 1] == "q") or _LETTER.match(text, end):
            continue  # "quý" is the same in both styles; "hoàng" is not an open syllable
        pieces += [text[pos:start], _retone_pair(text[start:end])]
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


@lru_cache(maxsize=4096)
def _strip_char(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() else char


class _StripTable(dict):
    """``str.translate`` table of ``_strip_char``, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = self[code] = char if char.isascii() else _strip_char(char)
        return out


_STRIP_TABLE = _StripTable()
# Below this length the table is faster than decomposing; above, decomposing is (translate with a
# table looks up every character, ASCII included, once the first non-ASCII one is seen).
_STRIP_BY_DECOMPOSITION_MIN = 48
# Characters outside ASCII and the Latin letter blocks (Latin-1, Extended-A/B, Extended Additional):
# mostly punctuation ("…", "•") that the decomposition path cannot reach ASCII for. A plain range class
# scans fast; it is only a hint where to cut a text, as every piece is checked.
_OUTSIDE_LATIN = re.compile("[^\x00-\x7f\u00c0-\u024f\u1e00-\u1eff]")


def strip_accents(text: str) -> str:
    """Remove all Vietnamese diacritics (đ -> d), one character for one: ``Sở LĐ`` -> ``So LD``."""
    if len(text) < _STRIP_BY_DECOMPOSITION_MIN:
        return text.translate(_STRIP_TABLE)  # one C-level pass instead of a generator per character
    if text.isascii():
        return text
    first = _OUTSIDE_LATIN.search(text)
    if first is None:
        return _strip_piece(text)
    cuts = [m.start() for m in _OUTSIDE_LATIN.finditer(text, first.start())]
    if len(cuts) > len(text) // 64:
        return text.translate(_STRIP_TABLE)  # too many pieces to be worth it
    # Letters decomposed piece by piece; each other character through the table.
    out = []
    pos = 0
    for cut in cuts:
        out += [_strip_piece(text[pos:cut]), _STRIP_TABLE[ord(text[cut])]]
        pos = cut + 1
    out.append(_strip_piece(text[pos:]))
    return "".join(out)


def _strip_piece(text: str) -> str:
    if text.isascii():
        return text
    stripped = _strip_by_decomposition(text)
    return text.translate(_STRIP_TABLE) if stripped is None else stripped


def _strip_by_decomposition(text: str) -> str | None:
    """``strip_accents(text)`` when every character strips to ASCII, else None.

    The canonical decomposition of a character holds at most one ASCII character, and only first (the
    base letter of a letter with marks): so dropping every non-ASCII character of the decomposed text
    gives one character per input character exactly when each strips to ASCII, and then the result
    is the stripped text. "đ" and "Đ" do not decompose; they are replaced first.
    """
    work = text
    if "đ" in work:
        work = work.replace("đ", "d")
    if "Đ" in work:
        work = work.replace("Đ", "D")
    stripped = unicodedata.normalize("NFD", work).encode("ascii", "ignore")
    return stripped.decode("ascii") if len(stripped) == len(text) else None
