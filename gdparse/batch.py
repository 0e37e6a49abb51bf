"""Batches of files: expand folders, parse each file on its own, never let one failure stop the rest.

``parse_file`` is the one per-file function: the in-process loop, the local process pool
(:func:`run_batch`) and the Dask path (:mod:`gdparse.distributed`) all call it, so every path
gives the same output. Results stream back as they finish; :class:`JsonlSink` appends them to a
JSON Lines file, one flushed line per document, and knows which inputs (by content hash) it
already holds, so that a rerun after a crash or a kill skips them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from gdparse.errors import GdparseError
from gdparse.file_access import file_sha256  # noqa: F401  (the content hash that keys a file for resuming)
from gdparse.inputs import expand_inputs  # noqa: F401  (input discovery lives in gdparse.inputs)
from gdparse.model import PlanDocument
from gdparse.pipeline import parse, parse_raw
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


def parse_file(path: str, data: bytes | None = None, indent: int | None = None, *, keep: bool = False) -> FileResult:
    """Parse one file (from ``data`` when given, else from disk) into a :class:`FileResult`; never
    raises. ``keep`` keeps the document (for this process) instead of its JSON bytes."""
    sha = hashlib.sha256(data).hexdigest() if data is not None else None
    try:
        doc = parse(path) if data is None else parse_raw(read_bytes(data, path))
        if keep:
            return FileResult(path, doc.source.sha256, document=doc, indent=indent)
        return FileResult(path, doc.source.sha256, json=doc.__pydantic_serializer__.to_json(doc, indent=indent))
    except GdparseError as exc:
        return FileResult(path, sha, error=type(exc).__name__, cause=exc.cause)
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop a batch
        return FileResult(path, sha, error=type(exc).__name__, cause=_internal_cause(exc))


def parse_files(paths: list[str], indent: int | None = None) -> list[FileResult]:
    """:func:`parse_file` over a chunk of paths (one task of a pool)."""
    return [parse_file(p, indent=indent) for p in paths]


def parse_blobs(items: list[tuple[str, bytes]], indent: int | None = None) -> list[FileResult]:
    """:func:`parse_file` over a chunk of (path, bytes) pairs (one task on a remote worker)."""
    return [parse_file(p, data, indent) for p, data in items]


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


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_batch(files: list[str], *, jobs: int = 1, indent: int | None = None) -> Iterator[FileResult]:
    """Parse ``files`` with ``jobs`` processes; yield each result as soon as it is ready (any order)."""
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            yield parse_file(f, indent=indent, keep=True)
        return
    yield from _pooled([[f] for f in files] if len(files) < 2 * jobs else chunks(files, chunk_size(len(files), jobs)),
                       jobs, indent)


def _pooled(tasks: list[list[str]], jobs: int, indent: int | None) -> Iterator[FileResult]:
    """Run chunks on a process pool with a bounded number in flight. When a worker dies (killed,
    out of memory, a crash in a native reader), the unfinished files are retried one at a time on a
    new pool (the rest of the batch then runs one file at a time), so that a file that kills a
    worker on its own is found and reported as failed."""
    queue = list(reversed(tasks))
    in_flight = 2 * jobs
    retrying = False
    while queue:
        suspects: list[str] = []
        with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up, initargs=(os.getpid(),)) as pool:
            running: dict[Future, list[str]] = {}
            try:
                while queue and not suspects:
                    while queue and len(running) < in_flight:
                        task = queue.pop()
                        running[pool.submit(parse_files, task, indent)] = task
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for fut in done:
                        task = running.pop(fut)
                        try:
                            yield from fut.result()
                        except BrokenProcessPool:
                            suspects += task
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            for task in running.values():  # the pool is broken: these did not finish either
                suspects += task
        if retrying and len(suspects) == 1:
            yield FileResult(suspects[0], None, error=WORKER_DIED,
                             cause="the worker process died while parsing this file (out of memory, or a crash)")
            suspects = []
        if suspects or retrying:
            retrying, in_flight = True, 1
            queue += [[f] for f in reversed(suspects)]


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


_SHA_IN_HEAD = re.compile(r'"sha256": ?"([0-9a-f]{64})"')


class JsonlSink:
    """Appends documents to a JSON Lines file, one flushed line each, so that a kill loses
    nothing already written. Opening it drops a half-written last line and reads the content
    hashes of the documents already there (``done``); ``fresh`` empties it instead."""

    def __init__(self, path: Path, *, fresh: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.done: set[str] = set()
        self._handle = path.open("w+b" if fresh else "a+b")
        self._handle.seek(0)
        good = 0
        for line in self._handle:
            if not line.endswith(b"\n"):
                break  # cut by a kill: dropped below, parsed again
            sha = sha_of_document(line)
            if sha:
                self.done.add(sha)
            good += len(line)
        self._handle.truncate(good)
        self._handle.seek(good)
        self._synced = time.monotonic()

    def write(self, result: FileResult) -> None:
        assert result.ok
        for chunk in result.json_chunks():
            self._handle.write(chunk)
        self._handle.write(b"\n")
        self._handle.flush()  # a killed process loses nothing written
        if result.sha256:
            self.done.add(result.sha256)
        if time.monotonic() - self._synced > 1.0:  # a machine crash loses at most a second
            os.fsync(self._handle.fileno())
            self._synced = time.monotonic()

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
    """Failed files as JSON Lines (path, sha256, error class, cause), one flushed line each."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.count = 0
        self._handle: IO[str] = path.open("w", encoding="utf-8")

    def write(self, result: FileResult) -> None:
        row = {"path": result.path, "sha256": result.sha256, "error": result.error, "cause": result.cause}
        self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._handle.flush()
        self.count += 1

    def close(self) -> None:
        self._handle.close()


def progress_bar(total: int, enabled: bool):
    """A progress bar on stderr (a no-op when disabled or for a single file)."""
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, leave=False, disable=not enabled or total <= 1)


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(path: Path, suffix: str) -> str:
    """An output file name derived from an input name that cannot leave the output folder."""
    stem = _UNSAFE.sub("_", path.stem).strip("._") or "document"
    return stem[:150] + suffix


def write_atomic(path: Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write a file (text as UTF-8; or byte chunks, never joined) so that readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
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
