"""A document's JSON in pieces: the same bytes as ``doc.model_dump_json()``, never all at once.

The JSON of a document is about four times the size of its text, and pydantic builds it in one
buffer and then copies it into a Python ``bytes``: for a document of tens of megabytes that is
the largest allocation of the whole parse. Writing it list item by list item keeps the memory
at the size of one chunk.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pydantic_core
from pydantic import BaseModel, TypeAdapter

CHUNK_ITEMS = 2000


def document_json_chunks(doc: BaseModel, indent: int | None = None) -> Iterator[bytes]:
    """The JSON of ``doc`` (compact), in chunks whose concatenation is ``model_dump_json()``.

    Indented JSON is produced whole: it is written for reading, one small document at a time.
    """
    if indent is not None:
        yield doc.__pydantic_serializer__.to_json(doc, indent=indent)
        return
    yield b"{"
    for i, name in enumerate(type(doc).model_fields):
        value = getattr(doc, name)
        yield (b"," if i else b"") + pydantic_core.to_json(name) + b":"
        if isinstance(value, tuple) and len(value) > CHUNK_ITEMS and isinstance(value[0], BaseModel):
            yield from _list_chunks(value)
        else:
            yield _field_json(type(doc), name, value)
    yield b"}"


def _list_chunks(items: tuple[BaseModel, ...]) -> Iterator[bytes]:
    adapter = _list_adapter(type(items[0]))
    yield b"["
    for start in range(0, len(items), CHUNK_ITEMS):
        body = adapter.dump_json(list(items[start : start + CHUNK_ITEMS]))[1:-1]
        yield (b"," if start else b"") + body
    yield b"]"


def _field_json(model: type[BaseModel], name: str, value: object) -> bytes:
    """One field as its model serialises it (models, tuples and plain values alike)."""
    return _field_adapter(model, name).dump_json(value)


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    return TypeAdapter(model.model_fields[name].annotation)


@cache
def _list_adapter(item: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[item])  # type: ignore[valid-type]
