"""Batches of files: expand folders, parse each file on its own, never let one failure stop the rest.

``parse_file`` is the one per-file function: the in-process loop, the local process pool
(:func:`run_batch`, on :mod:`gdparse.process_pool`) and the Dask path (:mod:`gdparse.distributed`)
all call it, so every path gives the same output, each input parsed once. Results stream back as
they finish; :class:`JsonlSink` appends them to a JSON Lines file, one flushed line per document,
and knows which inputs (by content hash) it already holds, so that a rerun after a crash or a kill
skips them. :class:`OutputLock` keeps a second batch out of an output folder in use.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import secrets
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from gdparse.deadline import Deadline, kill_after, time_limit
from gdparse.errors import DeadlineExceededError, GdparseError
from gdparse.file_access import file_sha256  # noqa: F401  (the content hash that keys a file for resuming)
from gdparse.inputs import expand_inputs  # noqa: F401  (input discovery lives in gdparse.inputs)
from gdparse.model import PlanDocument
from gdparse.pipeline import parse, parse_raw
from gdparse.process_pool import Lost, run_each
from gdparse.read import read_bytes
from gdparse.serialize import document_json_chunks

WORKER_DIED = "WorkerDied"


def parse_many(files: list[Path], *, progress: bool = True) -> Iterator[tuple[Path, PlanDocument | None, str | None]]:
    """Yield (file, document, None) or (file, None, cause) for each file, in order, in this process."""
    with progress_bar(len(files), progress) as bar:
        for f in files:
            try:
                yield f, parse(f), None
            except GdparseError as exc:
                yield f, None, exc.cause
            except Exception as exc:  # noqa: BLE001 - one broken file must not stop a batch
                yield f, None, _internal_cause(exc)
            bar.update(1)


# --- one file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileResult:
    """The outcome of one file: its document, or the error class and cause.

    A result made in this process holds the ``document`` and writes its JSON in chunks; one made
    in another process (a pool worker, a Dask worker) crossed the boundary as UTF-8 ``json``.
    """

    path: str
    sha256: str | None
    json: bytes | None = None
    error: str | None = None
    cause: str | None = None
    document: PlanDocument | None = None
    indent: int | None = None

    @property
    def ok(self) -> bool:
        return self.json is not None or self.document is not None

    def json_chunks(self) -> Iterator[bytes]:
        """The document's JSON in pieces (never the whole JSON of a huge document at once)."""
        if self.json is not None:
            yield self.json
        elif self.document is not None:
            yield from document_json_chunks(self.document, self.indent)

    def json_bytes(self) -> bytes | None:
        """The document's JSON whole, or None for a failed file."""
        return b"".join(self.json_chunks()) if self.ok else None


def parse_file(path: str, data: bytes | None = None, indent: int | None = None, *, keep: bool = False,
               deadline: float | None = None) -> FileResult:
    """Parse one file (from ``data`` when given, else from disk) into a :class:`FileResult`; never
    raises. ``keep`` keeps the document (for this process) instead of its JSON bytes. ``deadline``
    (seconds) bounds the whole file, reading included, by the timer signal where there is one (the
    main thread on Unix), and its stages everywhere."""
    sha = hashlib.sha256(data).hexdigest() if data is not None else None
    try:
        with time_limit(Deadline(deadline, path)):
            doc = parse(path, deadline=deadline) if data is None else parse_raw(read_bytes(data, path), deadline=deadline)
        if keep:
            return FileResult(path, doc.source.sha256, document=doc, indent=indent)
        return FileResult(path, doc.source.sha256, json=doc.__pydantic_serializer__.to_json(doc, indent=indent))
    except GdparseError as exc:
        return FileResult(path, sha, error=type(exc).__name__, cause=exc.cause)
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop a batch
        return FileResult(path, sha, error=type(exc).__name__, cause=_internal_cause(exc))


def parse_blobs(items: list[tuple[str, bytes]], indent: int | None = None,
                deadline: float | None = None) -> list[FileResult]:
    """:func:`parse_file` over a chunk of (path, bytes) pairs (one task on a remote worker)."""
    return [parse_file(p, data, indent, deadline=deadline) for p, data in items]


def _internal_cause(exc: Exception) -> str:
    return f"internal error while parsing ({type(exc).__name__}: {exc})"


# --- many files on this machine ---------------------------------------------------------------


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunk_size(n_files: int, jobs: int) -> int:
    """Small chunks keep results streaming and the cores busy; bigger ones cut overhead on long lists."""
    return max(1, min(16, n_files // (jobs * 8)))


def run_batch(files: list[str], *, jobs: int = 1, indent: int | None = None,
              deadline: float | None = None) -> Iterator[FileResult]:
    """Parse ``files`` with ``jobs`` processes, each file once; yield each result as soon as it is
    ready (any order). ``deadline`` (seconds) bounds each file: in this process by the timer signal;
    in the pool also by killing a worker still on its file at :func:`~gdparse.deadline.kill_after`."""
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            yield parse_file(f, indent=indent, keep=True, deadline=deadline)
        return
    work = partial(parse_file, indent=indent, deadline=deadline)
    limit = None if deadline is None else kill_after(deadline)
    for path, answer in run_each(work, files, jobs=jobs, limit=limit, initializer=partial(warm_up, os.getpid())):
        yield _lost_to_result(path, answer, deadline) if isinstance(answer, Lost) else answer


def _lost_to_result(path: str, lost: Lost, deadline: float | None) -> FileResult:
    """The failure of a file whose worker process ended without answering."""
    if lost.overtime:
        return FileResult(path, None, error=DeadlineExceededError.__name__,
                          cause=f"parsing took longer than {deadline:g} s and did not stop at the deadline "
                                f"(stuck in a step the timer cannot interrupt): its worker process was killed "
                                f"after {lost.seconds:.1f} s")
    return FileResult(path, None, error=WORKER_DIED,
                      cause=f"the worker process died while parsing this file ({_exit_description(lost.exitcode)}: "
                            "out of memory, or a crash)")


def _exit_description(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            pass
    return f"exit code {exitcode}"


def warm_up(parent: int | None = None) -> None:
    """Prepare a pool worker: leave when ``parent`` dies (a killed batch leaves no workers
    behind), and build the per-process matchers and registries once, before the first file."""
    from gdparse.pipeline import parse_text

    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    try:
        parse_text("KẾ HOẠCH\nI. MỤC TIÊU\n1. Ủy ban nhân dân tỉnh chủ trì.", path="warm-up.txt")
    except Exception:  # noqa: BLE001 - only a head start: a failure here must not break the pool
        pass


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


# --- outputs --------------------------------------------------------------------------------
#
# Every output file is created new, with the user's permissions (the umask), and put in place by a
# rename; a file is appended to only after opening it without following a link. So a link planted in
# the output folder is replaced, or refused, but never written through (its target stays as it was).


_SHA_IN_HEAD = re.compile(r'"sha256": ?"([0-9a-f]{64})"')
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
LOCK_NAME = ".gdparse.lock"


class OutputError(Exception):
    """An output cannot go where it should (a link in the way, the folder in use); the message is one line."""


class OutputLock:
    """Holds ``DIR/.gdparse.lock`` while a batch writes into DIR, so that a second batch into the
    same folder is refused (it would write every document a second time) with the process that
    holds it named. The system releases the lock when the process ends, however it ends."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._fd = _open_existing(folder / LOCK_NAME, os.O_RDWR)
        if not _try_lock(self._fd):
            holder = os.read(self._fd, 32).decode("ascii", "replace").strip()
            os.close(self._fd)
            who = f"PID {holder}" if holder.isdigit() else "PID unknown"
            raise OutputError(f"{folder} is in use by another gdparse process ({who}); "
                              "wait for it to finish or choose another output folder")
        os.ftruncate(self._fd, 0)
        os.write(self._fd, f"{os.getpid()}\n".encode("ascii"))

    def release(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> OutputLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` for this process; False when another process holds one.

    A POSIX record lock (``lockf``), not ``flock``: it belongs to this process only, so the pool
    workers forked from it do not hold it too, and the lock goes with this process even when a
    worker outlives it (stuck in C code). No lock where ``fcntl`` is missing (not on Unix)."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return False
        raise
    return True


class JsonlSink:
    """Appends documents to a JSON Lines file, one flushed line each, so that a kill loses
    nothing already written. Opening it drops a half-written last line, reads the content hashes
    of the documents already there (``done``) and keeps one line per hash (two batches that once
    wrote into one folder left every document twice); ``fresh`` empties it instead. A document
    whose hash it already holds is not written again (``write`` says so)."""

    def __init__(self, path: Path, *, fresh: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.done: set[str] = set()
        self._handle: IO[bytes] = os.fdopen(_new_in_place(path) if fresh else _open_existing(path, os.O_RDWR), "r+b")
        good, repeated = self._scan()
        if repeated:
            self._rewrite_without_repeats()
        else:
            self._handle.truncate(good)
            self._handle.seek(good)
        self._synced = time.monotonic()

    def _scan(self) -> tuple[int, bool]:
        """Read the hashes; the length of the whole lines and whether a hash comes twice."""
        self._handle.seek(0)
        good, repeated = 0, False
        for line in self._handle:
            if not line.endswith(b"\n"):
                break  # cut by a kill: dropped, parsed again
            sha = sha_of_document(line)
            repeated |= sha in self.done
            if sha:
                self.done.add(sha)
            good += len(line)
        return good, repeated

    def _rewrite_without_repeats(self) -> None:
        """Replace the file by its whole lines, the first of each hash only (streamed, never all in memory)."""
        fd, tmp = _new_temporary(self.path)
        kept: set[str] = set()
        try:
            with os.fdopen(fd, "wb") as out:
                self._handle.seek(0)
                for line in self._handle:
                    if not line.endswith(b"\n"):
                        break
                    sha = sha_of_document(line)
                    if sha not in kept:
                        out.write(line)
                    if sha:
                        kept.add(sha)
                out.flush()
                os.fsync(out.fileno())
            self._handle.close()
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._handle = os.fdopen(_open_existing(self.path, os.O_RDWR), "r+b")
        self._handle.seek(0, os.SEEK_END)

    def write(self, result: FileResult) -> bool:
        """Append the document; False (and nothing written) when a document of the same content is there."""
        assert result.ok
        if result.sha256 in self.done:
            return False
        for chunk in result.json_chunks():
            self._handle.write(chunk)
        self._handle.write(b"\n")
        self._handle.flush()  # a killed process loses nothing written
        if result.sha256:
            self.done.add(result.sha256)
        if time.monotonic() - self._synced > 1.0:  # a machine crash loses at most a second
            os.fsync(self._handle.fileno())
            self._synced = time.monotonic()
        return True

    def close(self) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sha_of_document(data: bytes) -> str | None:
    """The source hash of a document's JSON (compact or indented), or None if it is not one."""
    # The source (with its hash) comes before the text in every document, so the head suffices.
    m = _SHA_IN_HEAD.search(data[:4096].decode("utf-8", "replace"))
    if m:
        return m.group(1)
    try:
        return json.loads(data)["source"]["sha256"]
    except (ValueError, KeyError, TypeError):
        return None


class ErrorReport:
    """Failed files as JSON Lines (path, sha256, error class, cause), one flushed line each; a new
    file on every run."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.count = 0
        self._handle: IO[str] = os.fdopen(_new_in_place(path), "w", encoding="utf-8")

    def write(self, result: FileResult) -> None:
        row = {"path": result.path, "sha256": result.sha256, "error": result.error, "cause": result.cause}
        self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._handle.flush()
        self.count += 1

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> ErrorReport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_bar(total: int, enabled: bool):
    """A progress bar on stderr (a no-op when disabled or for a single file)."""
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, leave=False, disable=not enabled or total <= 1)


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_PART_BYTES = 120  # with a hash and a suffix, well under the 255 bytes a file name may have


def safe_part(name: str) -> str:
    """One part of an output path made from an input name: letters (any script), digits, ``.``,
    ``-`` and ``_`` only, no leading or trailing dot (so never ``..`` or a hidden file), at most
    120 bytes of UTF-8."""
    part = _UNSAFE.sub("_", name).strip(".")
    part = part.encode("utf-8", "ignore")[:_PART_BYTES].decode("utf-8", "ignore").rstrip(".")
    return part or "document"


def safe_name(path: Path, suffix: str) -> str:
    """An output file name derived from an input name that cannot leave the output folder."""
    return safe_part(path.stem) + suffix


def output_names(files: list[Path], folders: list[Path], suffix: str) -> dict[Path, Path]:
    """Each input's output path, relative to the output folder: its path under the input folder
    that holds it (its name alone for a file given by itself), the whole name kept and ``suffix``
    added (``a/plan.docx`` gives ``a/plan.docx.json``), each part made safe by :func:`safe_part`.
    A name already taken by another input (the same name from two arguments, names that only
    differ in what was made safe, or in case) gets a short hash of the input's path before the
    suffix, so that every input has its own output."""
    roots = [Path(os.path.abspath(f)) for f in folders]
    names: dict[Path, Path] = {}
    taken: set[str] = set()
    for f in files:
        full = Path(os.path.abspath(f))
        relative = next((full.relative_to(r) for r in roots if full.is_relative_to(r)), Path(f.name))
        folder = [safe_part(part) for part in relative.parent.parts]
        stem = safe_part(relative.name)
        name, salt = Path(*folder, stem + suffix), 0
        while name.as_posix().casefold() in taken:
            token = hashlib.sha256(f"{relative.as_posix()}:{salt}".encode("utf-8", "surrogateescape")).hexdigest()[:8]
            name, salt = Path(*folder, f"{stem}.{token}{suffix}"), salt + 1
        taken.add(name.as_posix().casefold())
        names[f] = name
    return names


def output_path(folder: Path, name: Path) -> Path:
    """``folder / name``, its subfolders made; raises OutputError when one of them is a link (a
    name derived from an input never leads out of the output folder)."""
    here = folder
    for part in name.parent.parts:
        here = here / part
        if here.is_symlink():
            raise OutputError(f"{here} is a symbolic link; outputs are not written through links")
        here.mkdir(exist_ok=True)
    return folder / name


def write_atomic(path: Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write a file (text as UTF-8; or byte chunks, never joined) so that readers never see half
    of it: a new file with the user's permissions, renamed over ``path`` (a link there is replaced,
    its target untouched)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, str):
                data = data.encode("utf-8")
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new empty file next to ``path`` (open to read and write), to be renamed over it. Created with
    O_EXCL, so never through a link, and mode 0666 less the umask (``mkstemp`` would give 0600)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.parent / f".tmp-{secrets.token_hex(8)}.tmp"  # not *.json: never taken for an output
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def _new_in_place(path: Path) -> int:
    """A new empty file at ``path``, open for reading and writing, put in place of what was there."""
    fd, tmp = _new_temporary(path)
    try:
        os.replace(tmp, path)
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return fd


def _open_existing(path: Path, flags: int) -> int:
    """Open (or create) ``path`` itself; OutputError when it is a link (its target is left alone)."""
    if path.is_symlink():
        raise OutputError(f"{path} is a symbolic link; outputs are not written through links")
    try:
        return os.open(path, flags | os.O_CREAT | _NO_FOLLOW | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        if path.is_symlink():  # planted after the check above
            raise OutputError(f"{path} is a symbolic link; outputs are not written through links") from exc
        raise
