"""Capitals that a legacy encoding could not write, restored for layout recognition.

TCVN3 has no code for a toned capital (Ạ, Ế, Ị …): a document in a plain .Vn font writes it with
the lowercase code, so once decoded "KẾ HOẠCH" reads "Kế HOạCH", "I. MỤC TIÊU" reads
"I. MụC TIÊU" and "1. Ủy ban …" reads "1. ủy ban …". (A capital font such as .VnTimeH shows these
codes as capitals; the DOCX reader knows the font and writes real capitals, a plain text keeps no
font.) Layout recognition counts on capitals: a document-type line, a title block, a signature
title are lines in capitals, and a numbered heading's text starts with one. For a document whose
encoding lost them, recognition reads ``recognition_text``: the same text, of the same length and
lines, with the lost capitals back where the line itself shows them:

- a line whose every letter that has both cases in the encoding is a capital, and with a word
  that proves it is in capitals (a lost letter and a capital after the word's first letter,
  "HOạCH", "ủY"; or a syllable in capitals, "NHÂN"): every lost letter becomes a capital.
  "Kế HOạCH" and "Uỷ BAN NHÂN DÂN" are caps lines; "Số: 12/KH-UBND" and "Bộ Y Tế" are not
  (no word proves it), nor is any line with an ordinary lowercase letter;
- a line starting with a Roman or Arabic heading number: a lost letter opening the heading text
  becomes a capital ("1. ủy ban" reads as "1. Ủy ban"), since the case of that letter is unknown
  and a heading is the likelier reading after a number at a line start.

The document's own text stays as decoded: only what is recognised changes. Documents in Unicode
or in an encoding that codes every capital (VNI) are read as they are.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

from gdparse.numbering import bare_number, numbering_at
from gdparse.readers import legacy

_WORD = regex.compile(r"\p{L}+")
_ASCII_LOWER = regex.compile(r"[a-z]")


def lost_letters(encoding: str | None) -> frozenset[str]:
    """The lowercase letters whose capitals ``encoding`` cannot write ("tcvn3", or a DOCX's
    "tcvn3+vni" for runs in both): empty for Unicode, code pages and VNI."""
    if not encoding:
        return frozenset()
    names = [name for name in legacy.LEGACY_ENCODINGS if name in encoding.split("+")]
    return frozenset().union(*(legacy.lost_capitals(name) for name in names))


@cache
def legacy_lost() -> frozenset[str]:
    """Letters that some legacy encoding writes only in lowercase: where the encoding is not known
    (normalisation), a line in capitals but for these is still a line in capitals."""
    return lost_letters("+".join(legacy.LEGACY_ENCODINGS))


@cache
def _finder(lost: frozenset[str]) -> regex.Pattern[str]:
    return regex.compile("[" + regex.escape("".join(sorted(lost))) + "]")


@cache
def _capitals(lost: frozenset[str]) -> dict[int, str]:
    """str.translate table: each lost letter to its capital (one character each: lengths hold)."""
    table = {ord(c): c.upper() for c in lost}
    if any(len(capital) != 1 for capital in table.values()):
        raise ValueError("a lost letter whose capital is not one character")
    return table


def recognition_text(text: str, lost: frozenset[str]) -> str:
    """``text`` with the capitals that the encoding lost restored where the line shows them (see
    the module's doc); ``text`` itself when ``lost`` is empty or nothing changes. Same length."""
    if not lost:
        return text
    finder = _finder(lost)
    pieces: list[str] = []
    done = pos = 0
    # Only lines holding a lost letter are looked at; most lines of most documents hold none.
    while (m := finder.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        line = text[start:end]
        restored = recognition_line(line, lost)
        if restored is not line:
            pieces += (text[done:start], restored)
            done = end
        pos = end + 1
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def recognition_line(line: str, lost: frozenset[str]) -> str:
    """One line of ``recognition_text`` (the line itself if nothing changes)."""
    if _finder(lost).search(line) is None:
        return line
    if is_caps_line(line, lost):
        return line.translate(_capitals(lost))
    start = _heading_text_start(line)
    if start is not None and line[start : start + 1] in lost:
        return line[:start] + line[start].upper() + line[start + 1 :]
    return line


def is_caps_line(line: str, lost: frozenset[str]) -> bool:
    """Whether a line is in capitals but for the lost ones: no ordinary lowercase letter, a lost
    letter, and a word that proves the line is in capitals: one with a lost letter and a capital
    after its first letter ("HOạCH", "ủY"), or a syllable in capitals ("NHÂN", not an acronym such
    as "UBND" or "LĐTBXH": a marked capital vowel)."""
    if _ASCII_LOWER.search(line):
        return False  # every encoding writes A-Z: most lines are done here, in C
    proven = has_lost = False
    for word in _WORD.findall(line):
        word_lost = False
        for c in word:
            if c in lost:
                word_lost = True
            elif c.islower():
                return False
        has_lost = has_lost or word_lost
        if not proven and len(word) >= 2:
            if word_lost:
                proven = any(map(str.isupper, word[1:]))
            else:
                proven = any(map(_is_marked_vowel, word))
    return proven and has_lost


@cache
def _is_marked_vowel(c: str) -> bool:
    """Â, Ơ, Ư … (a vowel with a mark): Vietnamese syllables have them, acronyms do not."""
    return not c.isascii() and unicodedata.normalize("NFD", c)[0] in "AEIOUYaeiouy"


def _heading_text_start(line: str) -> int | None:
    """Where the text of a Roman, Arabic or part numbered heading starts, if the line starts with one
    (its number, then a space: gdparse.numbering)."""
    numbering = numbering_at(line)
    if numbering is not None and numbering.lead_scheme not in ("bullet", "letter"):
        end = numbering.lead_end
        return end if numbering.lead_scheme == "part" or line[end - 1 : end].isspace() else None
    bare = bare_number(line)
    return bare[1] if bare else None
