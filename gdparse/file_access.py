"""Opening input files: one ``stat`` decides, before anything is opened, that a path is a regular
file, and every failure is a typed error naming the path.

A named pipe blocks whoever opens it, ``/dev/zero`` never ends and opening some devices has side
effects, so anything that is not a regular file is refused unopened. The open itself does not
block (``O_NONBLOCK``), and the opened file must be the regular file that was examined: a path
swapped for a pipe between the two is refused too.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from gdparse.errors import (
    CorruptFileError,
    FileTooLargeError,
    GdparseError,
    InputNotFoundError,
    InputPermissionError,
    NotRegularFileError,
)

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def stat_path(path: Path) -> os.stat_result:
    """The stat of ``path`` (links followed), or InputNotFoundError / InputPermissionError."""
    try:
        return os.stat(path)
    except OSError as exc:
        raise os_error_to_input_error(path, exc) from None


def os_error_to_input_error(path: Path, exc: OSError) -> GdparseError:
    """The typed error of an OSError met while examining or opening ``path``."""
    if isinstance(exc, PermissionError):
        return InputPermissionError(str(path))
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return InputNotFoundError(str(path))
    return InputNotFoundError(str(path), f"cannot be reached ({exc.strerror or exc})")


def what_it_is(st: os.stat_result) -> str:
    """What a path that is not a regular file is, for a person."""
    mode = st.st_mode
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def not_regular_error(path: Path, st: os.stat_result) -> NotRegularFileError:
    return NotRegularFileError(str(path), f"{what_it_is(st)}, not a regular file: refused without reading it")


def stat_regular(path: Path) -> os.stat_result:
    """The stat of ``path`` if it is a regular file; otherwise a typed error, and nothing opened."""
    st = stat_path(path)
    if not stat.S_ISREG(st.st_mode):
        raise not_regular_error(path, st)
    return st


@contextmanager
def open_regular(path: Path, st: os.stat_result | None = None) -> Iterator[BinaryIO]:
    """``path`` opened for reading in binary mode, if it is a regular file (``st``: its stat, when
    the caller has it). Raises typed errors; never blocks on a pipe."""
    st = st if st is not None else stat_regular(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise os_error_to_input_error(path, exc) from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise not_regular_error(path, opened)
        if (opened.st_dev, opened.st_ino) != (st.st_dev, st.st_ino):
            raise InputNotFoundError(str(path), "the file was replaced while it was being opened")
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (FileTooLargeError above)."""
    st = stat_regular(path)
    if st.st_size > max_bytes:
        raise FileTooLargeError(str(path), f"{st.st_size} bytes is above the limit of {max_bytes} bytes")
    with open_regular(path, st) as handle:
        try:
            data = _read_at_most(handle, max_bytes, st.st_size)
        except OSError as exc:
            raise CorruptFileError(str(path), f"reading failed ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise FileTooLargeError(str(path), f"above the limit of {max_bytes} bytes (it grew while being read)")
    return data


def _read_at_most(handle: BinaryIO, limit: int, size: int) -> bytes:
    """Up to ``limit`` + 1 bytes (one more tells a file that grew past the limit); buffers are sized
    by the file's ``size`` from its stat, not by the limit."""
    chunks = [handle.read(min(limit, size) + 1)]
    got = len(chunks[0])
    while size < got <= limit:  # the file grew since the stat: read on, a bounded piece at a time
        chunk = handle.read(min(1 << 20, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_head(path: Path, size: int = 4096) -> bytes | None:
    """The first ``size`` bytes of a regular file, or None when it is not one or cannot be read."""
    try:
        with open_regular(path) as handle:
            return handle.read(size)
    except (GdparseError, OSError):
        return None


def file_sha256(path: Path) -> str | None:
    """The content hash of a regular file, or None when it is not one or cannot be read; a pipe
    or a device is never opened."""
    try:
        with open_regular(path) as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (GdparseError, OSError):
        return None
