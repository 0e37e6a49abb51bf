"""Validators that build model instances from values the caller has already checked.

Validating a Section or a table cell through its model costs a field-by-field check and a call
of the span-order validator (a Python function) per object; a document has hundreds of them.
``unchecked_list`` builds the same instances (same ``__dict__`` in field order, same fields-set,
nested models as tuples) in pydantic-core, taking each field as given. Callers check what
validation would check (span order, literals) first and validate in full where a value is
unexpected, so invalid values still raise the same ValidationError.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel
from pydantic_core import CoreSchema, SchemaValidator
from pydantic_core import core_schema as cs

from gdparse.compact import share_field_sets

# A field holding a tuple of models: field name -> (model, its own nested fields).
Nested = Mapping[str, tuple[type[BaseModel], "Nested"]]


def _model_schema(cls: type[BaseModel], nested: Nested) -> CoreSchema:
    fields = {}
    for name, info in cls.model_fields.items():
        if info.default_factory is not None or info.alias is not None:
            raise TypeError(f"{cls.__name__}.{name}: not supported")
        schema = cs.tuple_variable_schema(_model_schema(*nested[name])) if name in nested else cs.any_schema()
        if not info.is_required():
            schema = cs.with_default_schema(schema, default=info.default)
        fields[name] = cs.model_field(schema)
    return cs.model_schema(
        cls, cs.model_fields_schema(fields), config=cs.CoreConfig(extra_fields_behavior="forbid"), frozen=True
    )


def unchecked_list(cls: type[BaseModel], nested: Nested | None = None) -> SchemaValidator:
    """A validator of a list of field dicts into ``cls`` instances, fields taken as given; a field
    named in ``nested`` is a sequence of field dicts of its model. Build once, at import."""
    return SchemaValidator(cs.list_schema(_model_schema(cls, nested or {})))


def build_in_chunks(validator: SchemaValidator, fields: list, compact: bool = False, chunk: int = 4096) -> list:
    """``validator.validate_python(fields)``, a chunk at a time, each chunk's field dicts dropped as
    its models are made: a huge document never holds all the dicts and all the models at once.
    ``compact`` shares the models' fields-sets (see :mod:`gdparse.compact`)."""
    out: list = []
    for start in range(0, len(fields), chunk):
        models = validator.validate_python(fields[start : start + chunk])
        fields[start : start + chunk] = [None] * len(models)
        if compact:
            share_field_sets(models)
        out += models
    return out
