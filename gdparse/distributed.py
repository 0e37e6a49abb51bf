"""The batch on a Dask cluster (``pip install gdparse[dask]``).

The client reads each file and ships its bytes, so workers need gdparse installed but no
access to the client's disk. Every task runs :func:`gdparse.batch.parse_blobs`, the same
per-file function as the local pool, so the output is the same; results stream back as they
finish, with a bounded number of tasks in flight so that the client's memory stays flat. A task
that fails as a whole (its worker died) is split: its files run again one per task, and a file
that fails alone is reported (WorkerDied), so that the batch goes on without it. The deadline is
checked between stages only: Dask runs tasks in threads, where no timer signal reaches.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from gdparse.batch import WORKER_DIED, FileResult, chunk_size, parse_blobs, parse_file
from gdparse.read import DEFAULT_MAX_BYTES


def check_dask() -> None:
    """Raise ImportError with the install hint when the dask extra is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError("the Dask path needs the dask extra: pip install 'gdparse[dask]'") from exc


def run_dask(
    files: list[str],
    address: str = "local",
    *,
    workers: int | None = None,
    indent: int | None = None,
    client: object | None = None,
    deadline: float | None = None,
) -> Iterator[FileResult]:
    """Parse ``files`` on the Dask cluster at ``address`` ("local": a cluster of ``workers``
    processes on this machine) or with an existing ``client``; yield results as they finish.
    ``deadline`` (seconds) bounds each file, checked between its stages."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ImportError("the Dask path needs the dask extra: pip install 'gdparse[dask]'") from exc
    with ExitStack() as stack:
        if client is None:
            if address == "local":
                cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(address))
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = chunk_size(len(files), n_workers)
        pending = [files[i : i + size] for i in range(0, len(files), size)]
        pending.reverse()
        futures = as_completed([], with_results=True, raise_errors=False)
        chunk_of: dict = {}

        def submit_next() -> Iterator[FileResult]:
            """Submit the next chunk; files that cannot be shipped fail here, as they would locally."""
            chunk = pending.pop()
            items, local = _load(chunk)
            if items:
                future = client.submit(parse_blobs, items, indent, deadline, pure=False)
                chunk_of[future] = chunk
                futures.add(future)
            yield from local

        while pending or not futures.is_empty():
            while pending and futures.count() < 4 * n_workers:
                yield from submit_next()
            if not futures.is_empty():
                future, results = next(futures)
                chunk = chunk_of.pop(future)
                if future.status != "error":
                    yield from results
                elif len(chunk) > 1:  # which file brought the worker down is not known: one task each
                    pending.extend([p] for p in reversed(chunk))
                else:
                    yield _task_failed(chunk[0], results[1])


def _task_failed(path: str, exc: BaseException) -> FileResult:
    """The result of a one-file task that failed as a whole (Dask gives up after its own retries)."""
    return FileResult(path, None, error=WORKER_DIED,
                      cause=f"the Dask task parsing this file failed ({type(exc).__name__}: {exc}); "
                            "its worker may have died (out of memory, or a crash)")


def _load(paths: list[str]) -> tuple[list[tuple[str, bytes]], list[FileResult]]:
    """(path, bytes) of the files to ship, and the results of those that fail before reading."""
    items, failed = [], []
    for p in paths:
        path = Path(p)
        try:
            if path.is_file() and path.stat().st_size <= DEFAULT_MAX_BYTES:
                items.append((p, path.read_bytes()))
                continue
        except OSError:
            pass
        failed.append(parse_file(p))  # missing, a folder, too large, unreadable: the same error as locally
    return items, failed
