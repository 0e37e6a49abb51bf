"""A process pool that knows which item each worker holds and since when.

Each worker takes one item at a time, so that when a worker ends without answering (killed, out
of memory, a crash in native code) the item it held is known: only that item is lost, and it is
reported, not run again (it could kill the next worker too). A worker still busy with one item
past ``limit`` seconds is killed and replaced, which stops what no signal reaches (a long match
inside C code). Every other item runs exactly once. The standard pools do neither: a dead worker
breaks a ``ProcessPoolExecutor`` with every item in flight, and neither says when an item started.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

_STOP = None  # sent to a worker: no more items


@dataclass(frozen=True)
class Lost:
    """An item whose worker ended before answering: it died by itself (``exitcode``), or was
    killed for running past the limit (``overtime``); ``seconds`` it had held the item."""

    overtime: bool
    exitcode: int | None
    seconds: float


def run_each(
    func: Callable[[Any], Any],
    items: Iterable[Any],
    *,
    jobs: int,
    limit: float | None = None,
    initializer: Callable[[], None] | None = None,
) -> Iterator[tuple[Any, Any]]:
    """Yield ``(item, func(item))`` for every item, each computed once in one of ``jobs`` worker
    processes, in the order they finish; ``(item, Lost)`` for an item whose worker died or ran past
    ``limit`` seconds. ``func`` must not raise (a raise ends its worker: the item is Lost)."""
    pending = deque(items)
    context = multiprocessing.get_context()
    workers: list[_Worker] = []
    failed_starts = 0
    try:
        for _ in range(min(jobs, len(pending))):
            workers.append(_Worker(context, func, initializer))
        while workers:
            ready = set(wait(_waitables(workers), timeout=_until_first_overrun(workers, limit)))
            finished: list[tuple[Any, Any]] = []
            for i, worker in enumerate(workers):
                if worker.connection in ready:
                    answer = worker.receive()
                    if answer is not _Worker.GONE:
                        if answer is not _Worker.READY:
                            finished.append(answer)
                        worker.give(pending)  # before the answer is handed on: the worker keeps busy
                        continue
                if worker.process.sentinel in ready or worker.process.exitcode is not None:
                    if not worker.started_up:
                        failed_starts += 1
                    finished.extend(worker.end(overtime=False))
                    workers[i] = _replacement(context, func, initializer, pending, failed_starts, jobs)
                elif limit is not None and worker.busy_for() > limit:
                    finished.extend(worker.end(overtime=True))
                    workers[i] = _replacement(context, func, initializer, pending, failed_starts, jobs)
            for worker in workers:
                if worker is not None and worker.stopped:
                    worker.close()
            workers = [w for w in workers if w is not None and not w.stopped]
            yield from finished
            if not workers and pending:  # workers cannot even start: the rest here, still once each
                while pending:
                    item = pending.popleft()
                    yield item, func(item)
    finally:
        for worker in workers:
            if worker is not None:
                worker.close()


class _Worker:
    READY = "ready"  # a worker's first message: set up, waiting for an item
    GONE = object()  # what receiving from a worker that has ended gives

    def __init__(self, context: Any, func: Callable[[Any], Any], initializer: Callable[[], None] | None) -> None:
        self.connection, child = context.Pipe()
        # Daemonic: a batch that ends or is interrupted leaves no worker behind.
        self.process = context.Process(target=_serve, args=(child, func, initializer), daemon=True)
        self.process.start()
        child.close()  # the worker's end lives in the worker only, so its death is seen here
        self.started_up = False
        self.stopped = False
        self.item: Any = None
        self.busy = False
        self.since = 0.0

    def receive(self) -> Any:
        """The worker's answer (``(item, result)``), READY, or GONE when it has ended."""
        try:
            message = self.connection.recv()
        except (EOFError, OSError):
            return self.GONE
        if not self.started_up:
            self.started_up = True
            return self.READY
        self.busy = False
        return self.item, message

    def give(self, pending: deque) -> None:
        """Send the next item, or tell the worker to stop when there is none."""
        try:
            if pending:
                self.item, self.busy, self.since = pending[0], True, time.monotonic()
                self.connection.send((self.item,))
                pending.popleft()
            else:
                self.connection.send(_STOP)
                self.stopped = True
        except OSError:  # it ended before it could take the item: the item stays pending
            self.busy = False

    def busy_for(self) -> float:
        return time.monotonic() - self.since if self.busy else 0.0

    def end(self, *, overtime: bool) -> list[tuple[Any, Lost]]:
        """Kill the worker (if it still runs); the item it held, as Lost."""
        held = self.busy_for()
        self.close()
        return [(self.item, Lost(overtime, self.process.exitcode, held))] if self.busy else []

    def close(self) -> None:
        if self.process.is_alive() and not self.stopped:
            self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _replacement(context: Any, func: Callable, initializer: Callable | None, pending: deque, failed_starts: int,
                 jobs: int) -> _Worker | None:
    """A new worker when items remain, unless workers keep dying before they are even ready."""
    if not pending or failed_starts > 2 * jobs:
        return None
    return _Worker(context, func, initializer)


def _waitables(workers: list[_Worker]) -> list:
    return [w.connection for w in workers] + [w.process.sentinel for w in workers]


def _until_first_overrun(workers: list[_Worker], limit: float | None) -> float | None:
    """How long to wait before the first busy worker runs past the limit (None: no limit to watch)."""
    busy = [w for w in workers if w.busy]
    if limit is None or not busy:
        return None
    return max(0.0, limit - max(w.busy_for() for w in busy))


def _serve(connection: Connection, func: Callable[[Any], Any], initializer: Callable[[], None] | None) -> None:
    """A worker: set up, say so, then answer one item at a time until told to stop."""
    # Ctrl-C reaches every process of the terminal; the parent ends the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer()
    connection.send(_Worker.READY)
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # the parent has gone
            return
        if message is _STOP:
            return
        connection.send(func(message[0]))
