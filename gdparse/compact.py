"""Smaller documents in memory: what a huge input needs to stay within bounds.

Every pydantic model instance carries the set of field names it was given (``__pydantic_fields_set__``,
about 200 bytes). Frozen models never change it, so instances that were given the same fields
can share one set: for a document of a million spans that is a fifth of its memory.

Equal small values are shared too: every model built from a validated value holds its own copy of
each offset (28 bytes as an int) and of each id, kind, number or agency name (50 bytes and more as
a string), although a section's end is the next one's start, a row's start its first cell's, and a
document names the same few agencies and section kinds thousands of times. Long free text (a
heading, a task, a target's text) is left alone: equal copies of it are rare in a real document.

Sharing is part of building: :func:`gdparse.model_build.build_in_chunks` shares the models it has
just made, and the few stages that build their models one by one (the source's offset map, the
agencies and their mentions, the citations) share them once built, before they hand them out. No
model is changed once anything else can see it.
"""

from __future__ import annotations

from pydantic import BaseModel

# Documents below this many characters are left alone: the walk costs more than it saves.
COMPACT_MIN_CHARS = 1_000_000

# Strings up to this long are shared: ids, kinds, numbers, units, dates, agency names as written.
SHARED_STR_MAX = 64


def is_big(text: str) -> bool:
    """Whether a document's models are worth compacting (every stage asks this one question)."""
    return len(text) >= COMPACT_MIN_CHARS


class Sharing:
    """What the models of one build share: one fields-set per combination of field names, one
    object per short string."""

    def __init__(self) -> None:
        self.field_sets: dict[frozenset[str], set[str]] = {}
        self.strings: dict[str, str] = {}

    def share(self, root: object) -> None:
        """:func:`share_field_sets` of ``root``, with what earlier calls shared."""
        share_field_sets(root, self)


def share_field_sets(root: object, sharing: Sharing | None = None) -> None:
    """Make all models under ``root`` (a model, or a list or tuple of them) that were given the
    same fields share one fields-set, and their equal small values one object each: short strings
    across ``sharing`` (one build), ints within ``root`` (offsets repeat nearby, as a row's start
    is its first cell's; a table of every offset of a document would cost more than it saves).

    Only for models that nothing else has seen yet: it writes to them (see the module's doc)."""
    sharing = sharing or Sharing()
    shared = sharing.field_sets
    strings, ints = sharing.strings, {}
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            fields = item.__pydantic_fields_set__
            one = shared.setdefault(frozenset(fields), fields)
            if one is not fields:
                object.__setattr__(item, "__pydantic_fields_set__", one)  # frozen: bypass the guard
            values = item.__dict__
            # Equal values of the same type, so the model reads and dumps the same (frozen: written
            # through its __dict__). bool is not int here: True and 1 must not become one another.
            for name, value in values.items():
                kind = type(value)
                if kind is int:
                    values[name] = ints.setdefault(value, value)
                elif kind is str:
                    if len(value) <= SHARED_STR_MAX:
                        values[name] = strings.setdefault(value, value)
                elif kind is tuple:
                    if not value:
                        continue
                    if type(value[0]) is str:  # ids: a tuple can't be changed in place
                        values[name] = tuple(strings.setdefault(v, v) if len(v) <= SHARED_STR_MAX else v
                                             for v in value)
                    else:
                        stack.append(value)
                elif isinstance(value, BaseModel):
                    stack.append(value)
        elif isinstance(item, tuple | list):
            stack.extend(v for v in item if isinstance(v, BaseModel | tuple | list))
