"""Numbers as Vietnamese plans write them, and the sentences and clauses that hold them."""

from __future__ import annotations

import regex

from gdparse.extract.rules import compiled

# A number as Vietnamese plans write it: "100.000" (thousands dot), "3,5" (decimal comma),
# "04" (leading zero). A dot followed by one or two digits is read as a decimal point.
NUMBER = regex.compile(
    r"(?<![\d\p{L}/.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+)(?![\d]|\.\d)"
)
_THOUSANDS = regex.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_SENTENCE_END = regex.compile(r"[.!?](?=\s+[\p{Lu}\d(\"'])|\n+")
_CLAUSE_END = ";"

def parse_number(raw: str) -> float | None:
    """Read a Vietnamese number: ``3,5`` -> 3.5, ``100.000`` -> 100000, ``04`` -> 4."""
    raw = raw.strip()
    try:
        if _THOUSANDS.match(raw):
            return float(raw.replace(".", "").replace(",", "."))
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]`` (a full stop before a capital, or a line break)."""
    out, pos = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start() if m.group().startswith("\n") else m.start() + 1))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def clauses(text: str, start: int, end: int,
            sentence_spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Clause spans: sentences split further at semicolons (``sentence_spans``: the sentences of
    the same span, when the caller has them already)."""
    out = []
    for s, e in sentence_spans if sentence_spans is not None else sentences(text, start, end):
        pos = s
        cut = text.find(_CLAUSE_END, s, e)  # a plain character: str.find, no regex
        while cut >= 0:
            out.append((pos, cut))
            pos = cut + 1
            cut = text.find(_CLAUSE_END, pos, e)
        out.append((pos, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def number_words_in(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of each number word ("một", "hai" …) in a span of the folded text."""
    return [(*m.span(), m.group()) for m in compiled().number_word_scan.finditer(folded, start, end)]
