"""Many models of one kind built from their field dicts, validated by pydantic a list at a time.

A stage gathers the fields of its models (sections, tables, targets, responsibilities, reporting
duties) and builds them at the end with :class:`ModelListBuilder`: one validator call per chunk of
dicts instead of one model construction each. Validation is pydantic's own, in full: a value of
the wrong type or out of bounds raises its ``ValidationError``.
"""

from __future__ import annotations

from pydantic import BaseModel, TypeAdapter

from gdparse.compact import Sharing


def build_in_chunks(adapter: TypeAdapter, fields: list, compact: bool = False, chunk: int = 4096) -> list:
    """``adapter.validate_python(fields)``, a chunk at a time, each chunk's field dicts dropped as
    its models are made: a huge document never holds all the dicts and all the models at once.
    ``compact`` shares the models' fields-sets and short strings (see :mod:`gdparse.compact`), as
    each chunk is made."""
    out: list = []
    sharing = Sharing() if compact else None
    for start in range(0, len(fields), chunk):
        models = adapter.validate_python(fields[start : start + chunk])
        fields[start : start + chunk] = [None] * len(models)
        if sharing is not None:
            sharing.share(models)
        out += models
    return out


class ModelListBuilder:
    """Builds a list of ``cls`` from field dicts (nested models as dicts or sequences of dicts)."""

    def __init__(self, cls: type[BaseModel]) -> None:
        self.adapter = TypeAdapter(list[cls])

    def build(self, fields: list[dict], *, compact: bool = False) -> list:
        """The models of ``fields`` (see :func:`build_in_chunks`; the dicts are used up)."""
        return build_in_chunks(self.adapter, fields, compact)
