"""Input discovery: the plan files under the paths a user gives, and every other path found with
the reason it is not parsed. Nothing is passed over in silence.

A path given by name is examined with one ``stat``: a missing or unreachable path, or one that is
not a regular file (a named pipe, a device), is *rejected* with a typed error, never opened; a
regular file is handed to the reader, whatever its name. A folder is searched recursively (links
to folders followed once), and what it holds is sorted out by name, without reading plans:

- plan formats (``.txt``, ``.md``, ``.html``, ``.docx``, ``.pdf``, ``.doc``) are parsed;
- hidden files and folders (name starting with ".": ``.DS_Store``, ``.git``, editor swap files,
  LibreOffice's ``.~lock.…#``) and Office lock files (``~$plan.docx``) are *skipped*, with the reason;
- gdparse's own outputs (``parse -o`` JSON, ``documents.jsonl``, ``errors.jsonl``) are told by their
  first bytes: parsed documents are ``documents`` (loaded by :meth:`gdparse.compare.Corpus.load`,
  skipped by ``parse``), error reports and other JSON (a gold annotation) are skipped;
- any other file is skipped as not a plan format; one that is not a regular file is rejected.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from gdparse.errors import GdparseError, InputPermissionError
from gdparse.file_access import not_regular_error, os_error_to_input_error, read_head, stat_path
from gdparse.read import BINARY_SUFFIXES, TEXT_SUFFIXES
from gdparse.terminal import printable

PLAN_SUFFIXES = frozenset({**TEXT_SUFFIXES, **BINARY_SUFFIXES})
OUTPUT_SUFFIXES = frozenset({".json", ".jsonl"})
LOCK_PREFIX = "~$"  # Word and Excel lock files, left beside a document while it is open

PARSED_DOCUMENTS = "a gdparse output (parsed documents), not a plan; gdparse.compare.Corpus.load reads it"
ERROR_REPORT = "a gdparse error report, not a plan"
OTHER_JSON = 'JSON that is not a gdparse document (no "schema_name": "gdparse.plan"), such as a gold annotation'
HIDDEN_FILE = 'a hidden file (its name starts with "."): not a plan'
HIDDEN_FOLDER = 'a hidden folder (its name starts with "."): not searched'
LOCK_FILE = "an Office lock file (~$…), left while a document is open: not a plan"
SEEN_FOLDER = "a link to a folder already searched: not searched again"
EMPTY_OUTPUT = "an empty file (gdparse leaves errors.jsonl empty when nothing failed): not a plan"

_DOCUMENT_HEAD = re.compile(rb'"schema_name"\s*:\s*"gdparse\.plan"')
_ERROR_REPORT_KEYS = frozenset({"path", "sha256", "error", "cause"})


@dataclass(frozen=True)
class Skipped:
    """A path found in a folder that is not parsed, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Inputs:
    """What the given paths hold, each path in exactly one group, each group in order."""

    files: tuple[Path, ...] = ()  # plans to parse
    documents: tuple[Path, ...] = ()  # gdparse outputs holding parsed documents, found in folders
    skipped: tuple[Skipped, ...] = ()  # found in folders, not plans
    rejected: tuple[GdparseError, ...] = ()  # refused before reading: missing, unreadable, not a regular file

    def not_plans(self) -> tuple[Skipped, ...]:
        """Everything found that ``parse`` does not parse: the skipped paths and parsed documents."""
        return tuple(sorted((*self.skipped, *(Skipped(d, PARSED_DOCUMENTS) for d in self.documents)),
                            key=lambda s: s.path))


@dataclass
class _Found:
    files: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    rejected: list[GdparseError] = field(default_factory=list)


def discover(paths: Iterable[str | Path]) -> Inputs:
    """Sort out the given paths: files as given, folders searched (see the module's doc)."""
    found = _Found()
    for path in map(Path, paths):
        try:
            st = stat_path(path)
        except GdparseError as exc:
            found.rejected.append(exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            folder = _Found()
            _search(path, st, folder)
            found.files += sorted(folder.files)
            found.documents += sorted(folder.documents)
            found.skipped += sorted(folder.skipped, key=lambda s: s.path)
            found.rejected += sorted(folder.rejected, key=lambda e: e.path or "")
        elif stat.S_ISREG(st.st_mode):
            found.files.append(path)
        else:
            found.rejected.append(not_regular_error(path, st))
    return Inputs(tuple(found.files), tuple(found.documents), tuple(found.skipped), tuple(found.rejected))


def _search(top: Path, top_stat: os.stat_result, found: _Found) -> None:
    """Everything under ``top``, sorted into ``found``; a stack, not recursion (deep trees)."""
    seen = {(top_stat.st_dev, top_stat.st_ino)}
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except PermissionError:
            found.rejected.append(InputPermissionError(str(folder), "permission denied: cannot list the folder"))
            continue
        except OSError as exc:
            found.rejected.append(os_error_to_input_error(folder, exc))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                found.skipped.append(Skipped(path, HIDDEN_FOLDER if _is_dir(entry) else HIDDEN_FILE))
                continue
            try:
                st = os.stat(path)  # one stat, links followed: what the path is decides all
            except OSError as exc:
                found.rejected.append(os_error_to_input_error(path, exc))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in seen:
                    found.skipped.append(Skipped(path, SEEN_FOLDER))
                else:
                    seen.add(key)
                    stack.append(path)
            elif not stat.S_ISREG(st.st_mode):
                found.rejected.append(not_regular_error(path, st))
            else:
                _sort_file(path, found)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _sort_file(path: Path, found: _Found) -> None:
    """A regular file found in a folder: a plan, a gdparse document file, or skipped with its reason."""
    suffix = path.suffix.lower()
    if path.name.startswith(LOCK_PREFIX):
        found.skipped.append(Skipped(path, LOCK_FILE))
    elif suffix in PLAN_SUFFIXES:
        found.files.append(path)
    elif suffix in OUTPUT_SUFFIXES:
        kind = output_kind(path)
        if kind == "documents":
            found.documents.append(path)
        else:
            found.skipped.append(Skipped(path, {"errors": ERROR_REPORT, "empty": EMPTY_OUTPUT}.get(kind, OTHER_JSON)))
    else:
        found.skipped.append(Skipped(path, f"not a plan format ({suffix or 'no file extension'})"))


def output_kind(path: Path) -> str | None:
    """"documents" for a file of parsed documents (``parse -o`` JSON, JSON Lines), "errors" for an
    error report, "empty", or None for anything else; told by the first bytes, never by the name
    or the folder."""
    head = read_head(path)
    if head is None:
        return None
    if not head.strip():
        return "empty"
    if _DOCUMENT_HEAD.search(head):
        return "documents"
    first = head.split(b"\n", 1)[0]
    try:
        row = json.loads(first)
    except ValueError:
        return None
    return "errors" if isinstance(row, dict) and _ERROR_REPORT_KEYS <= row.keys() else None


def expand_inputs(paths: Iterable[str | Path], *, report: TextIO | None = None) -> list[Path]:
    """The files to parse: files as given, the plan files under each folder (sorted, recursive),
    and the rejected paths, so that reading them names the cause (they are not opened). What is
    not a plan is left out, and listed on ``report`` (e.g. ``sys.stderr``) when given."""
    found = discover(paths)
    if report is not None:
        list_not_plans(found, report)
    return [*found.files, *(Path(e.path) for e in found.rejected if e.path)]


def list_not_plans(found: Inputs, stream: TextIO = sys.stderr) -> None:
    """One line per path that is not parsed because it is not a plan: "path: skipped: reason"."""
    for s in found.not_plans():
        print(printable(f"{s.path}: skipped: {s.reason}"), file=stream)
