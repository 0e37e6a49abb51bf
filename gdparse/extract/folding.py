"""Folded slices of a document without folding each slice again.

:func:`gdparse.vietnamese.fold` works character by character except for two contexts: the
open-syllable retoning rewrites a pair of letters and looks at the letters around it, and
lower-casing a Greek capital sigma depends on its neighbours. Where a slice starts and ends next
to non-letters and holds no capital sigma, its fold equals the same slice of the folded document.
"""

from __future__ import annotations

import regex

from gdparse.vietnamese import fold

_LETTER = regex.compile(r"\p{L}")
_CAPITAL_SIGMA = "\u03a3"


def folded_slice(text: str, folded: str, start: int, end: int) -> str:
    """``fold(text[start:end])``, where ``folded`` is ``fold(text)``."""
    if (
        (start == 0 or _LETTER.match(folded, start - 1) is None)
        and (end >= len(folded) or _LETTER.match(folded, end) is None)
        and text.find(_CAPITAL_SIGMA, start, end) < 0
    ):
        return folded[start:end]
    return fold(text[start:end])
