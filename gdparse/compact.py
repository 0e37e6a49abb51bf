"""Smaller documents in memory: what a huge input needs to stay within bounds.

Every pydantic model instance carries the set of field names it was given (``__pydantic_fields_set__``,
about 200 bytes). Frozen models never change it, so instances that were given the same fields
can share one set: for a document of a million spans that is a fifth of its memory.
"""

from __future__ import annotations

from pydantic import BaseModel

# Documents below this many characters are left alone: the walk costs more than it saves.
COMPACT_MIN_CHARS = 1_000_000

# One set per combination of field names: bounded by the model's fields, not by documents.
_SHARED: dict[frozenset[str], set[str]] = {}


def share_field_sets(root: object) -> None:
    """Make all models under ``root`` (a model, or a list or tuple of them) that were given the
    same fields share one fields-set."""
    shared = _SHARED
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            fields = item.__pydantic_fields_set__
            one = shared.setdefault(frozenset(fields), fields)
            if one is not fields:
                object.__setattr__(item, "__pydantic_fields_set__", one)  # frozen: bypass the guard
            stack.extend(v for v in item.__dict__.values() if isinstance(v, BaseModel | tuple) and v)
        elif isinstance(item, tuple | list):
            stack.extend(v for v in item if isinstance(v, BaseModel | tuple | list))
