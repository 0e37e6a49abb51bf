"""The plans a comparison command reads: ``Corpus.load`` with what it says written as plain lines."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from gdparse.errors import GdparseError
from gdparse.terminal import warn

if TYPE_CHECKING:
    from gdparse.compare import Corpus


def load_corpus(paths: list[str], command: str) -> Corpus | None:
    """The corpus of ``paths``; each failed, skipped or repeated file and each warning (a folder with
    nothing to read) on its own escaped stderr line. None, after one line naming it, when a path
    given is missing or is not a document file."""
    from gdparse.compare import Corpus

    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            corpus = Corpus.load(*paths)
    except GdparseError as exc:
        warn(str(exc))
        return None
    for warning in said:
        warn(f"gdparse {command}: {warning.message}")
    for path, cause in corpus.failures:
        warn(f"{path}: {cause}")
    for path, reason in corpus.skipped:
        warn(f"{path}: skipped: {reason}")
    return corpus
