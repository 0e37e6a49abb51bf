"""Batches of files: expand folders, parse each file on its own, never let one failure stop the rest."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from gdparse.errors import GdparseError
from gdparse.model import PlanDocument
from gdparse.pipeline import parse
from gdparse.read import BINARY_SUFFIXES, TEXT_SUFFIXES

SUPPORTED_SUFFIXES = frozenset({**TEXT_SUFFIXES, **BINARY_SUFFIXES})


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the supported files under each folder (sorted, recursive)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(p)
    return files


def parse_many(files: list[Path], *, progress: bool = True) -> Iterator[tuple[Path, PlanDocument | None, str | None]]:
    """Yield (file, document, None) or (file, None, cause) for each file, in order."""
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="file", file=sys.stderr, leave=False)
    try:
        for f in files:
            try:
                yield f, parse(f), None
            except GdparseError as exc:
                yield f, None, exc.cause
            except Exception as exc:  # noqa: BLE001 - one broken file must not stop a batch
                yield f, None, f"internal error while parsing ({type(exc).__name__}: {exc})"
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(path: Path, suffix: str) -> str:
    """An output file name derived from an input name that cannot leave the output folder."""
    stem = _UNSAFE.sub("_", path.stem).strip("._") or "document"
    return stem[:150] + suffix


def write_atomic(path: Path, data: str) -> None:
    """Write a file so that readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
