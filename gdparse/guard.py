"""The one guard every pipeline step runs under: a step that raises costs only its own output.

A bug in one step (or an input no rule foresaw) must not lose the document: the guard turns the
exception into a ``stage_failed`` warning naming the step and the error, and the pipeline goes on
with what the step was given (see :mod:`gdparse.pipeline` for each step's fallback). Only reading
can fail a document, and only the deadline stops one.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from gdparse.errors import DeadlineExceededError
from gdparse.model import DocWarning, Stage, WarningCode

T = TypeVar("T")

log = logging.getLogger("gdparse")


def guarded(stage: Stage, failures: list[DocWarning], step: Callable[..., T], fallback: Callable[..., T],
            *args: Any) -> T:
    """``step(*args)``, or ``fallback(*args)`` with a ``stage_failed`` warning appended to ``failures``
    when the step raises. The deadline and interrupts pass through: they end the document on purpose."""
    try:
        return step(*args)
    except DeadlineExceededError:
        raise
    except Exception as exc:  # noqa: BLE001 - the point of the guard: any failure of a step is kept
        log.debug("step %s failed", stage, exc_info=True)
        failures.append(failure_warning(stage, exc))
        return fallback(*args)


def failure_warning(stage: Stage, exc: BaseException) -> DocWarning:
    """The warning for a failed step: the error and where gdparse raised it (to report the bug)."""
    return DocWarning(code=WarningCode.STAGE_FAILED, stage=stage,
                      message=f"{stage} failed, its results are missing: {type(exc).__name__}: {exc}{_where(exc)}")


def _where(exc: BaseException) -> str:
    """" (at gdparse/headings.py:85 in _heading_text_end)": the innermost frame in gdparse."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == __file__:
            continue  # the guard itself, when the error came from outside gdparse
        parts = Path(frame.filename).parts
        if "gdparse" in parts:
            package = len(parts) - 1 - parts[::-1].index("gdparse")
            return f" (at {'/'.join(parts[package:])}:{frame.lineno} in {frame.name})"
    return ""
