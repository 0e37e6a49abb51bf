"""The signature of a document (ANNOTATION.md §5): the signer's name and the title lines above
it ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), looked for in the signature sections, then in the whole text."""

from __future__ import annotations

import re
from functools import cache

import regex

from gdparse.knowledge.signature import authority_pattern, signature_rules, title_pattern
from gdparse.model import PlanDocument
from gdparse.vietnamese import fold

_NAME_PUNCT = regex.compile(r"[\d:;,.()/]")
_SPACES = regex.compile(r"\s+")


@cache
def _signature_rules() -> tuple[regex.Pattern[str], frozenset[str], tuple[str, ...], re.Pattern[str]]:
    """(title line pattern, surnames, authority prefixes, title line finder), read once."""
    data = signature_rules()
    prefixes, title = authority_pattern(), title_pattern()
    title_line = regex.compile(rf"^(?:(?:{prefixes})\s*)?(?:{title})(?:\s+\S+){{0,6}}$")
    finder = _title_line_finder([prefixes], [title])
    return title_line, frozenset(data.surnames), data.authority_prefixes, finder


def _title_line_finder(prefixes: list[str], titles: list[str]) -> re.Pattern[str]:
    """A newline before each line that may be a title or authority line of a signature: a necessary
    condition (the exact test follows), so that a text without a signature section is scanned once
    in C instead of line by line. Stdlib ``re`` finds the leading newline several times faster than
    ``regex``; its ``\\s`` covers every space of ``regex``'s, so it misses no title line (the
    patterns of signature.yaml use syntax that means the same in both)."""
    alternatives = "|".join([*prefixes, *titles])
    try:
        return re.compile(rf"\n[ \t*#]*(?:{alternatives})")
    except re.error:  # a pattern in regex-only syntax
        return regex.compile(rf"\n[ \t*#]*(?:{alternatives})")


def _lines(text: str, start: int, end: int, next_start=None):
    """(start, end, stripped line) of each non-blank line of ``text[start:end]``; after the first
    line, ``next_start(pos)`` may move on from the line start ``pos`` to a later one (None: stop)."""
    pos = start
    while pos <= end:
        if next_start is not None and pos > start:
            pos = next_start(pos)
            if pos is None:
                return
        newline = text.find("\n", pos, end)
        line_end = end if newline < 0 else newline
        line = text[pos:line_end]
        stripped = line.strip(" \t*#")
        if stripped:
            off = pos + line.index(stripped)
            yield off, off + len(stripped), stripped
        pos = line_end + 1


def _is_name(line: str) -> bool:
    _, surnames, _, _ = _signature_rules()
    words = line.split(None, 5)  # six parts: more than five words, without splitting a long line
    return (2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not line.isupper()
            and fold(words[0]) in surnames and not _NAME_PUNCT.search(line))


def signature(doc: PlanDocument, folded: str) -> tuple[tuple[int, int, str] | None, tuple[int, int, str] | None]:
    regions = [(s.start, s.end) for s in doc.sections if s.kind == "signature" and not s.children]
    for start, end in regions:
        found = _signature_in(doc.text, folded, start, end, whole=(start, end) == (0, len(doc.text)))
        if found is not None:
            return found
    return _signature_in(doc.text, folded, 0, len(doc.text), whole=True) or (None, None)


def _signature_in(text: str, folded: str, start: int, end: int, whole: bool):
    """The signer and title lines in ``text[start:end]``; in the whole text, only lines after a
    title line may be a name."""
    titles, _, prefixes, finder = _signature_rules()
    title_lines, last_title_end = [], None

    def next_start(pos: int) -> int | None:
        if not whole or last_title_end is not None:
            return pos
        # In the whole text, lines before a title line (or after a reset) change nothing.
        m = finder.search(folded, pos - 1, end)  # pos - 1 holds a newline
        return None if m is None else m.start() + 1

    for s, e, line in _lines(text, start, end, next_start):
        fl = folded[s:e]  # fold keeps lengths, and a stripped line folds alike alone or in the text
        if titles.match(fl) or fl.startswith(prefixes):
            if not fl.startswith("tm."):
                title_lines.append((s, e, _SPACES.sub(" ", line)))
            last_title_end = e
            continue
        # the cheap condition first: in the whole text, most lines come before any title
        if (last_title_end is not None or not whole) and _is_name(line):
            title = None
            if title_lines and (s - title_lines[-1][1]) < 200:
                title = (title_lines[0][0], title_lines[-1][1], " / ".join(t[2] for t in title_lines))
            return (s, e, line), title
        if last_title_end is not None and s - last_title_end > 200:
            title_lines, last_title_end = [], None
    return None
