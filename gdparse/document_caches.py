"""Caches keyed by a whole document (its text, its folded text), emptied when the document is done.

Several stages and extractors need the same derived views of one document (the folded text, the
letterhead facts, the implementation regions); each is computed once and cached here for the
length of one parse. The pipeline empties them at the end so that a finished document's texts
are not kept alive: for a 50 MB input each copy is about 100 MB.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_CLEARERS: list[Callable[[], None]] = []


def per_document(maxsize: int = 4) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` that :func:`clear` empties."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CLEARERS.append(cached.cache_clear)
        return cached  # type: ignore[return-value]

    return wrap


def on_clear(clearer: Callable[[], None]) -> None:
    """Have :func:`clear` also call ``clearer`` (which empties some other per-document store)."""
    _CLEARERS.append(clearer)


def clear() -> None:
    """Forget every cached view of the documents parsed so far."""
    for clearer in _CLEARERS:
        clearer()
