"""Typed errors. Every error names the file and the cause; a batch catches GdparseError per file."""

from __future__ import annotations


class GdparseError(Exception):
    """Base class of every error gdparse raises on bad input."""

    def __init__(self, path: str | None, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}" if path else cause)


class UnsupportedFormatError(GdparseError):
    """The file's format is not one gdparse reads (or its content contradicts its name)."""


class EmptyInputError(GdparseError):
    """The file is empty or holds only whitespace."""


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
