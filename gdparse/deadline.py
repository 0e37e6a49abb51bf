"""A deadline per document: parsing stops with DeadlineExceededError instead of running on.

Two mechanisms: the pipeline checks the clock between stages (works everywhere), and on Unix
in the main thread a timer signal interrupts a stage that runs past the deadline.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from gdparse.errors import DeadlineExceededError


class Deadline:
    """The time by which a document must be parsed; ``check`` raises once it has passed."""

    def __init__(self, seconds: float | None, path: str) -> None:
        self.seconds = seconds
        self.path = path
        self.expires = None if seconds is None else time.monotonic() + seconds

    def check(self, stage: str) -> None:
        if self.expires is not None and time.monotonic() > self.expires:
            raise DeadlineExceededError(self.path, f"parsing took longer than {self.seconds:g} s (at {stage})")


@contextmanager
def time_limit(deadline: Deadline) -> Iterator[None]:
    """Interrupt the enclosed work when the deadline passes (Unix main thread only)."""
    usable = (
        deadline.seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
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
