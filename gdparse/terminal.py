"""Lines for the terminal: file names and causes printed so that they cannot act on it.

A file name may hold a newline (one error would read as two) or an escape sequence (it would
recolour, move the cursor or retitle the terminal); causes can quote such names. Every stderr
line that prints a path goes through :func:`warn`, which writes those characters escaped, as
``errors.jsonl`` stores them.
"""

from __future__ import annotations

import sys
import unicodedata

# Control and format characters (escape, newline, bidi overrides), line and paragraph separators,
# and the lone surrogates that stand for undecodable bytes in a file name.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with every character that could act on a terminal written as a Python escape."""
    if text.isprintable():  # the common case: nothing to escape (a quick check in C)
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _ESCAPED_CATEGORIES else ch for ch in text)


def _escape(ch: str) -> str:
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")


def warn(line: str) -> None:
    """Print one line on stderr, escaped."""
    print(printable(line), file=sys.stderr)
