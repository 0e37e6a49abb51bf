"""A deadline per document: parsing stops with DeadlineExceededError instead of running on.

Three mechanisms, from the weakest to the strongest: the pipeline checks the clock between stages
(works everywhere, threads included); on Unix in the main thread a timer signal interrupts a stage
that runs past the deadline (but not one stuck inside C code, such as a long regular expression
match: Python runs a signal handler only between bytecodes); and the local process pool kills a
worker whose file runs past :func:`kill_after` (which stops anything).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from gdparse.errors import DeadlineExceededError

DEFAULT_SECONDS = 300.0
"""The command line's limit per document: five times the 61 s of a 50 MB input on a slow machine."""


class Deadline:
    """The time by which a document must be parsed; ``check`` raises once it has passed."""

    def __init__(self, seconds: float | None, path: str) -> None:
        self.seconds = seconds
        self.path = path
        self.expires = None if seconds is None else time.monotonic() + seconds

    def check(self, stage: str) -> None:
        if self.expires is not None and time.monotonic() > self.expires:
            raise DeadlineExceededError(self.path, f"parsing took longer than {self.seconds:g} s (at {stage})")


def kill_after(seconds: float) -> float:
    """When a worker still busy with one file is killed: the deadline and a grace period, so that a
    parse the timer signal can stop reports its own error (with the stage) before it comes to that."""
    return seconds + max(1.0, seconds / 10)


@contextmanager
def time_limit(deadline: Deadline) -> Iterator[None]:
    """Interrupt the enclosed work when the deadline passes (Unix main thread only).

    Inside another ``time_limit`` (a batch limits the whole file, reading included; the pipeline
    then limits its stages) the enclosing timer holds: it started first, so it expires first, and
    one timer per process is all that the signal offers."""
    usable = (
        deadline.seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise DeadlineExceededError(deadline.path, f"parsing took longer than {deadline.seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, deadline.seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
