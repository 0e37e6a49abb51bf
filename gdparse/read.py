"""Read stage: bytes of a file -> decoded text with its provenance. The only stage that does I/O.

Text-like inputs (.txt, .md, .html) are decoded here; the format is taken from the content
when the name lies (a DOCX named .pdf is read as DOCX). Paged formats register a reader in
``BINARY_READERS``. Only regular files are opened (:mod:`gdparse.file_access`), and a document
without a visible character, in any format, is an :class:`EmptyInputError`.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from pathlib import Path

import regex

from gdparse.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from gdparse.file_access import read_regular
from gdparse.model import Frozen, SourceFormat

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

TEXT_SUFFIXES: dict[str, SourceFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
# Formats read by a registered reader; "doc" (old Word) is converted to DOCX first (readers.doc).
BINARY_SUFFIXES: dict[str, str] = {".docx": "docx", ".pdf": "pdf", ".doc": "doc"}


class RawDocument(Frozen):
    """A decoded document before normalisation."""

    path: str
    sha256: str
    format: SourceFormat
    text: str
    encoding: str | None = None
    size_bytes: int = 0
    pages: int | None = None
    page_starts: tuple[int, ...] = ()  # offsets into ``text`` where each page starts
    ocr: bool = False
    notes: tuple[str, ...] = ()  # things the reader noticed (become document warnings)


BinaryReader = Callable[[bytes, str], RawDocument]
BINARY_READERS: dict[str, BinaryReader] = {}


def read(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read a file from disk. Raises a :class:`gdparse.errors.GdparseError` naming the file:
    InputNotFoundError (also a FileNotFoundError), InputPermissionError (also a PermissionError),
    NotRegularFileError for a pipe, a device or a folder (refused without opening it) …"""
    path = Path(path)
    return read_bytes(read_regular(path, max_bytes), str(path), max_bytes=max_bytes)


def read_bytes(
    data: bytes, path: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES, suffix: str | None = None
) -> RawDocument:
    """Read a document from bytes; ``path`` names it in errors and gives its suffix (or ``suffix``)."""
    if len(data) > max_bytes:
        raise FileTooLargeError(path, f"{len(data)} bytes is above the limit of {max_bytes} bytes")
    if not data.strip():  # the common case, known before decoding
        raise EmptyInputError(path, "the file is empty" if not data else _ONLY_WHITESPACE)
    sha = hashlib.sha256(data).hexdigest()
    suffix = (suffix or Path(path).suffix).lower()
    sniffed = sniff_format(data)
    notes: list[str] = []
    fmt = sniffed or TEXT_SUFFIXES.get(suffix) or BINARY_SUFFIXES.get(suffix)
    if sniffed and suffix in {**TEXT_SUFFIXES, **BINARY_SUFFIXES} and _family(suffix) != sniffed:
        notes.append(f"the file is named {suffix} but its content is {sniffed}; read as {sniffed}")
    if fmt in BINARY_SUFFIXES.values():
        reader = BINARY_READERS.get(fmt)
        if reader is None:
            raise UnsupportedFormatError(path, f"{fmt.upper()} input needs its reader (gdparse.readers)")
        raw = reader(data, path)
        if is_blank(raw.text):
            raise EmptyInputError(path, f"the {fmt.upper()} file holds no text")
        return raw.model_copy(update={"sha256": sha, "size_bytes": len(data), "notes": raw.notes + tuple(notes)})
    if fmt is None and suffix and suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(path, f"unsupported file type {suffix!r} ({READABLE})")
    text, encoding = decode(data, path)
    if fmt is None:
        fmt = "html" if looks_like_html(text) else "txt"
    elif fmt == "txt" and looks_like_html(text):
        fmt = "html"
    if html_is_blank(text) if fmt == "html" else is_blank(text):
        raise EmptyInputError(path, _ONLY_WHITESPACE if fmt != "html" else "the HTML file holds no text")
    return RawDocument(
        path=path, sha256=sha, format=fmt, text=text, encoding=encoding, size_bytes=len(data), notes=tuple(notes)
    )


READABLE = "gdparse reads .txt, .md, .html, .docx, .pdf, and .doc with LibreOffice"
_ONLY_WHITESPACE = "the file holds only whitespace"
# Whitespace in the Unicode sense (U+3000, U+00A0, U+2003 …) and invisible format characters
# (zero-width spaces, a stray BOM): a text of nothing else has no visible character.
_BLANK = regex.compile(r"[\s\p{Cf}]*+\Z")
# A tag cannot hold "<": a stray one ends the match there, so that the scan stays linear.
_HTML_MARKUP = regex.compile(r"<[^<>]*+>|&(?:nbsp|ensp|emsp|thinsp|zwnj|zwj|#160|#xa0);")


def is_blank(text: str) -> bool:
    """True when ``text`` has no visible character (the one rule of EmptyInputError)."""
    return _BLANK.match(text) is not None


def html_is_blank(text: str) -> bool:
    """True when an HTML text has no visible character outside its tags (stops at the first
    visible one: a real page is decided in its first lines)."""
    start = 0
    for m in _HTML_MARKUP.finditer(text):
        if not is_blank(text[start : m.start()]):
            return False
        start = m.end()
    return is_blank(text[start:])


def _family(suffix: str) -> str:
    return TEXT_SUFFIXES.get(suffix) or BINARY_SUFFIXES[suffix]


def sniff_format(data: bytes) -> SourceFormat | None:
    """The format the content says it is, for formats with a signature."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if data.startswith(b"PK\x03\x04"):
        return None
    return None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in text[:65536])


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FALLBACK_ENCODINGS = ("cp1258", "cp1252")  # Windows code pages of Vietnamese and Western text


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode text bytes (see ``_decode``); TCVN3 or VNI text is then converted (gdparse.readers.legacy)."""
    from gdparse.readers.legacy import decode_converting

    return decode_converting(_decode, data, path)


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode text bytes: a BOM, then strict UTF-8, then UTF-16 without BOM, then a detector."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                cause = f"has a {encoding} byte-order mark but is not valid {encoding}: {exc}"
                raise EncodingError(path, cause) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text:
            raise BinaryInputError(path, "contains NUL bytes: binary data, not text")
        return text, "utf-8"
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    if damaged <= max(3, len(lenient) // 1000) and "\x00" not in lenient:
        # UTF-8 with a few broken bytes (a cut download, a bad copy): keep it, and say so.
        return lenient, f"utf-8 ({damaged} invalid byte sequence(s) replaced by U+FFFD)"
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _mostly_printable(text):
                return text, encoding
        raise BinaryInputError(path, "contains NUL bytes: binary data, not text")
    if not _mostly_printable(data[:65536].decode("latin-1")):
        raise BinaryInputError(path, "binary data, not text")
    from charset_normalizer import from_bytes  # imported here: only odd files need it

    best = from_bytes(data[: 1024 * 1024], cp_isolation=list(_FALLBACK_ENCODINGS)).best()
    encoding = best.encoding if best is not None else None
    if encoding is None:
        raise EncodingError(path, "not UTF-8 and no known Vietnamese encoding fits")
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(path, f"could not decode as {encoding}: {exc}") from None


def _mostly_printable(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f\v") or 0x7F <= ord(c) < 0xA0)
    return bad / len(text) < 0.02


import gdparse.readers  # noqa: E402,F401  (registers the DOCX and PDF readers)
