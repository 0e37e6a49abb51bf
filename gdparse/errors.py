"""Typed errors. Every error names the file and the cause; a batch catches GdparseError per file."""

from __future__ import annotations

import errno


class GdparseError(Exception):
    """Base class of every error gdparse raises on bad input."""

    def __init__(self, path: str | None, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}" if path else cause)

    def __reduce__(self):  # pickled as (path, cause), so that the error can cross a process boundary
        return type(self), (self.path, self.cause)


class UnsupportedFormatError(GdparseError):
    """The file's format is not one gdparse reads (or its content contradicts its name)."""


class NotRegularFileError(UnsupportedFormatError):
    """The path is not a regular file (a named pipe, a device, a socket): refused unopened."""


class InputNotFoundError(GdparseError, FileNotFoundError):
    """The input path does not exist. Also a ``FileNotFoundError``."""

    def __init__(self, path: str | None, cause: str = "no such file or folder") -> None:
        super().__init__(path, cause)
        self.errno, self.strerror, self.filename = errno.ENOENT, cause, path

    def __str__(self) -> str:  # "path: cause", not OSError's "[Errno 2] …"
        return Exception.__str__(self)


class InputPermissionError(GdparseError, PermissionError):
    """The input cannot be read: permission denied. Also a ``PermissionError``."""

    def __init__(self, path: str | None, cause: str = "permission denied: cannot read it") -> None:
        super().__init__(path, cause)
        self.errno, self.strerror, self.filename = errno.EACCES, cause, path

    def __str__(self) -> str:
        return Exception.__str__(self)


class EmptyInputError(GdparseError):
    """The document holds no text: an empty file, only whitespace, or a DOCX or PDF without text."""


class BinaryInputError(GdparseError):
    """The file holds binary data where text was expected."""


class EncodingError(GdparseError):
    """The file's text encoding could not be determined."""


class FileTooLargeError(GdparseError):
    """The file is above the configured size limit."""


class CorruptFileError(GdparseError):
    """The file is truncated, damaged, encrypted or a decompression bomb."""


class DeadlineExceededError(GdparseError):
    """Parsing took longer than the configured deadline."""
