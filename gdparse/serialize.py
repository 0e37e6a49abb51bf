"""A document's JSON in pieces: the same bytes as ``doc.model_dump_json()``, never all at once.

The JSON of a document is about four times the size of its text, and pydantic builds it in one
buffer and then copies it into a Python ``bytes``: for a document of tens of megabytes that is
the largest allocation of the whole parse. Writing lists a few items at a time, and the text a
slice at a time, keeps the memory at the size of one chunk (about ``CHUNK_BYTES``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pydantic_core
from pydantic import BaseModel, TypeAdapter

CHUNK_ITEMS = 2000
# Lists of up to this many items are written whole, longer ones in chunks of about CHUNK_BYTES.
SMALL_LIST = 16
CHUNK_BYTES = 1 << 20
# The text is written in slices of this many characters (JSON escapes each character on its own,
# so the escaped slices join up to the escaped text).
TEXT_SLICE = 1 << 20


def document_json_chunks(doc: BaseModel, indent: int | None = None) -> Iterator[bytes]:
    """The JSON of ``doc`` in chunks whose concatenation is ``model_dump_json(indent=indent)``.

    Indented JSON is the compact layout with line breaks and spaces: each piece is dumped with the
    indent and shifted one level in (JSON strings hold no raw line break, so every b"\\n" of a
    piece is a break between its lines)."""
    pad = b"" if indent is None else b" " * indent
    newline = b"" if indent is None else b"\n"
    yield b"{" + newline
    for i, name in enumerate(type(doc).model_fields):
        value = getattr(doc, name)
        yield (b"," + newline if i else b"") + pad + pydantic_core.to_json(name) + (b": " if indent else b":")
        if isinstance(value, tuple) and len(value) > SMALL_LIST and isinstance(value[0], BaseModel):
            yield from _list_chunks(value, indent)
        elif isinstance(value, str) and len(value) > TEXT_SLICE:
            yield from _text_chunks(value)
        else:
            yield _shifted(_field_adapter(type(doc), name).dump_json(value, indent=indent), pad)
    yield newline + b"}"


def _shifted(piece: bytes, pad: bytes) -> bytes:
    """An indented piece one level further in (its first line is placed by the caller)."""
    return piece.replace(b"\n", b"\n" + pad) if pad else piece


def _list_chunks(items: tuple[BaseModel, ...], indent: int | None = None) -> Iterator[bytes]:
    """A list's JSON a chunk of items at a time. Items differ widely in size (a section, a table of
    a thousand cells, an agency named ten thousand times), so each chunk's item count is set from
    the bytes per item of the one before."""
    adapter = _list_adapter(type(items[0]))
    pad = b"" if indent is None else b" " * indent
    # A chunk's items between its brackets: "[" and "]" compact, "[\n" and "\n]" indented.
    cut = 1 if indent is None else 2
    separator = b"," if indent is None else b",\n" + pad
    yield b"[" if indent is None else b"[\n" + pad
    start, count = 0, SMALL_LIST
    while start < len(items):
        body = adapter.dump_json(list(items[start : start + count]), indent=indent)[cut:-cut]
        yield (separator if start else b"") + _shifted(body, pad)
        start += count
        count = max(1, min(CHUNK_ITEMS, count * CHUNK_BYTES // max(len(body), 1)))
    yield b"]" if indent is None else b"\n" + pad + b"]"


def _text_chunks(text: str) -> Iterator[bytes]:
    yield b'"'
    for start in range(0, len(text), TEXT_SLICE):
        yield pydantic_core.to_json(text[start : start + TEXT_SLICE])[1:-1]
    yield b'"'


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    return TypeAdapter(model.model_fields[name].annotation)


@cache
def _list_adapter(item: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[item])  # type: ignore[valid-type]
