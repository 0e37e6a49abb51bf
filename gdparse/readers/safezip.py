"""Opening a ZIP container (DOCX) without trusting it: sizes and ratios are checked before a
member is inflated, inflation stops at a cap whatever the headers claim, XML is parsed with
defusedxml (no entities, no external references)."""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from gdparse.errors import CorruptFileError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one XML part, inflated
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # the whole archive, inflated, as its headers declare
MAX_RATIO = 200  # a Word XML part compresses about 5-20 times; far more is a bomb
MAX_MEMBERS = 10_000
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    """The archive, after checks that need no inflation. Raises CorruptFileError naming the cause."""
    if data.startswith(_OLE_SIGNATURE):
        raise CorruptFileError(
            path, "an OLE compound file, not a DOCX: a password-protected (encrypted) document or an old .doc file"
        )
    if not data.startswith(b"PK"):
        raise CorruptFileError(path, "not a DOCX: no ZIP signature at the start")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise CorruptFileError(path, f"damaged or truncated DOCX (ZIP: {exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise CorruptFileError(path, f"a ZIP with {len(infos)} members: not a Word document (or a bomb)")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise CorruptFileError(
            path, f"ZIP members would inflate to {total} bytes (limit {MAX_TOTAL_BYTES}): a zip bomb"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise CorruptFileError(path, f"ZIP member {info.filename} is encrypted")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    """A member's bytes (None if absent), inflated at most to MAX_MEMBER_BYTES."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MEMBER_BYTES:
        raise CorruptFileError(path, f"{name} would inflate to {info.file_size} bytes (limit {MAX_MEMBER_BYTES})")
    if info.compress_size and info.file_size > 1024 * 1024 and info.file_size / info.compress_size > MAX_RATIO:
        ratio = info.file_size // info.compress_size
        raise CorruptFileError(path, f"{name} has a compression ratio of {ratio}:1: a zip bomb")
    try:
        with archive.open(info) as handle:
            # The header may lie about the size: read one byte past the cap to know.
            out = handle.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise CorruptFileError(path, f"damaged or truncated DOCX: cannot inflate {name} ({exc})") from None
    if len(out) > MAX_MEMBER_BYTES:
        raise CorruptFileError(path, f"{name} inflates past {MAX_MEMBER_BYTES} bytes: a zip bomb")
    return out


def parse_xml(data: bytes, name: str, path: str) -> Element:
    """An XML part, parsed safely."""
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise CorruptFileError(path, f"{name} uses forbidden XML constructs ({type(exc).__name__})") from None
    except SafeET.ParseError as exc:
        raise CorruptFileError(path, f"{name} is not well-formed XML ({exc})") from None
