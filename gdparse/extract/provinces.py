"""The search of province names (:mod:`gdparse.knowledge.provinces`) in a text: "tỉnh Bắc Ninh",
"TỈNH LẠNG SƠN", "thành phố Hồ Chí Minh", and in a URL or e-mail domain ("sldtbxh.kontum.gov.vn").
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from gdparse.extract.matching import scan
from gdparse.knowledge.provinces import province_names, written_forms
from gdparse.vietnamese import fold, strip_accents


def _name_forms() -> list[str]:
    """Every written form of a province, longest first."""
    return sorted(written_forms(), key=len, reverse=True)


def _names_regex(forms: list[str]) -> regex.Pattern[str]:
    alternation = "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return regex.compile(rf"(?<!\p{{L}})(?P<p>{alternation})(?!\p{{L}})")


@cache
def _names() -> regex.Pattern[str]:
    """Any written form of a province, longest first."""
    return _names_regex(_name_forms())


_SPACES = regex.compile(r"\s+")
_PREFIXED = scan(r"(?<!\p{L})(?:tỉnh|thành\s+phố|tp\.?)\s+")


def find_prefixed(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Spans of "tỉnh X" / "thành phố X" naming a province, in a folded text."""
    end = len(folded) if end is None else end
    found = []
    for m in _PREFIXED.finditer(folded, start, end):
        p = _names().match(folded, m.end())
        if p is not None and p.end() <= end:
            found.append((m.start(), p.end(), written_forms()[_SPACES.sub(" ", p.group("p"))]))
    return found


def most_common(folded: str, start: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
    found = find_prefixed(folded, start, end)
    if not found:
        return None
    best = Counter(name for _, _, name in found).most_common(1)[0][0]
    return next(f for f in found if f[2] == best)


_SPACES_AND_DASHES = regex.compile(r"[\s-]+")  # compiled once: a pattern string is looked up per call


@cache  # built once, not per call
def _domain_keys() -> dict[str, str]:
    return {strip_accents(_SPACES_AND_DASHES.sub("", fold(n))): n for n in province_names()}


_HOST_BEFORE = regex.compile(r"(?i)(?:[a-z0-9-]{1,63}\.){1,6}$")


def from_domain(text: str, folded: str | None = None) -> tuple[int, int, str] | None:
    """A province named by a government domain: "sldtbxh.kontum.gov.vn" -> Kon Tum."""
    keys = _domain_keys()
    # Lowercasing the whole text is slow: with its folded form, each ".gov.vn" is found there
    # (folding keeps it as it is) and only the windows before it are lowercased, which gives the
    # same characters at the same places unless the text holds "İ", the one character whose
    # lowercase is longer.
    lowered = text.lower() if folded is None or "İ" in text else None
    scan = folded if lowered is None else lowered

    def lower(start: int, end: int) -> str:
        return text[start:end].lower() if lowered is None else lowered[start:end]

    pos = scan.find(".gov.vn")
    # Anchored on each ".gov.vn" with a bounded look-back: a host pattern scanned from every
    # position would be quadratic on text like "1.1.1.1…".
    while pos >= 0:
        if lower(pos, pos + 7) == ".gov.vn":
            window = lower(max(0, pos - 200), pos + 1)
            m = _HOST_BEFORE.search(window)
            if m is not None:
                host_start = pos + 1 - len(window) + m.start()
                host_end = pos + len(".gov.vn")
                for label in reversed(lower(host_start, pos).split(".")):
                    if len(label) >= 4 and label in keys:
                        return host_start, host_end, keys[label]
        pos = scan.find(".gov.vn", pos + 1)
    return None
