"""Building many model instances in one pydantic-core call, checked only where checks can fail.

Validating a Section or a table cell through its model costs a field-by-field check and a call
of the span-order validator (a Python function) per object; a document has hundreds of them.
``unchecked_list`` builds the same instances (same ``__dict__`` in field order, same fields-set,
nested models as tuples) in pydantic-core, taking each field as given.

:class:`ModelListBuilder` is what the stages use: it checks what validation would check beyond the
types (span order, bounds, literal values; all read off the model) and builds unchecked only when
every value passes, else validates in full, so an invalid value still raises the same
ValidationError. The types themselves hold by construction: that is the callers' part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, TypeAdapter
from pydantic_core import CoreSchema, SchemaValidator
from pydantic_core import core_schema as cs

from gdparse.compact import Sharing
from gdparse.model import Spanned

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
    ``compact`` shares the models' fields-sets and short strings (see :mod:`gdparse.compact`), as
    each chunk is made."""
    out: list = []
    sharing = Sharing() if compact else None
    for start in range(0, len(fields), chunk):
        models = validator.validate_python(fields[start : start + chunk])
        fields[start : start + chunk] = [None] * len(models)
        if sharing is not None:
            sharing.share(models)
        out += models
    return out


class ModelListBuilder:
    """Builds a list of ``cls`` from field dicts (``nested`` as for :func:`unchecked_list`):
    unchecked when every dict passes the model's value checks, in full otherwise."""

    def __init__(self, cls: type[BaseModel], nested: Nested | None = None) -> None:
        nested = nested or {}
        self.unchecked = unchecked_list(cls, nested)
        self.full = TypeAdapter(list[cls])
        self.passes = value_checker(cls, nested)

    def build(self, fields: list[dict], *, compact: bool = False) -> list:
        """The models of ``fields`` (see :func:`build_in_chunks`; the dicts are used up)."""
        try:
            unchecked = self.passes(fields)
        except (KeyError, TypeError):  # a field missing or of a wrong type: validation says which
            unchecked = False
        return build_in_chunks(self.unchecked if unchecked else self.full, fields, compact)


# Bounds of annotated_types as Python comparisons.
_BOUNDS = ((annotated_types.Ge, "ge", ">="), (annotated_types.Gt, "gt", ">"),
           (annotated_types.Le, "le", "<="), (annotated_types.Lt, "lt", "<"))


def value_checker(cls: type[BaseModel], nested: Nested | None = None) -> Callable[[list[dict]], bool]:
    """A function telling whether every field dict of a list passes what validating it as ``cls``
    checks beyond the types: span order, numeric bounds, literal values, nested models alike.

    The test is generated as one expression per dict (as dataclasses generate ``__init__``): a check
    walking field descriptions would cost several times more per section or cell.
    """
    constants: dict[str, Any] = {}
    body = _conditions(cls, nested or {}, "r", constants, depth=0)
    source = (f"def passes(rows):\n    for r in rows:\n        if not ({body}):\n"
              "            return False\n    return True\n")
    exec(compile(source, f"<value checks of {cls.__name__}>", "exec"), constants)  # noqa: S102
    return constants["passes"]


def _conditions(cls: type[BaseModel], nested: Nested, var: str, constants: dict[str, Any], depth: int) -> str:
    validators = cls.__pydantic_decorators__
    ordered = issubclass(cls, Spanned) and "_ordered" in validators.model_validators  # Spanned._ordered
    if validators.field_validators or set(validators.model_validators) - ({"_ordered"} if ordered else set()):
        raise TypeError(f"{cls.__name__}: a validator the value checks cannot follow")
    terms = []
    for name, info in cls.model_fields.items():
        args = get_args(info.annotation) if get_origin(info.annotation) in (Union, UnionType) else ()
        tests = []  # each with "{v}" for the value
        if name in nested:
            item = f"v{depth}"
            tests.append(f"all({_conditions(*nested[name], item, constants, depth + 1)} for {item} in {{v}})")
        literal = [a for a in (info.annotation, *args) if get_origin(a) is Literal]
        if literal:
            allowed_values = {v for a in literal for v in get_args(a)} | ({None} if NoneType in args else set())
            constants[allowed := f"_c{len(constants)}"] = frozenset(allowed_values)
            tests.append(f"{{v}} in {allowed}")
        for meta in info.metadata:
            bound = [(attr, op) for kind, attr, op in _BOUNDS if isinstance(meta, kind)]
            if not bound:
                raise TypeError(f"{cls.__name__}.{name}: a constraint the value checks cannot follow ({meta!r})")
            tests += [f"{{v}} {op} {getattr(meta, attr)!r}" for attr, op in bound]
        if not tests:
            continue
        test = " and ".join(tests)
        if NoneType in args and not literal:
            test = f"{{v}} is None or {test}"
        if not info.is_required():  # an absent field takes its default, which is not validated
            test = f"{name!r} not in {{r}} or {test}"
        terms.append(f"({test.replace('{v}', f'{var}[{name!r}]').replace('{r}', var)})")
    if ordered:
        terms.append(f"{var}['start'] <= {var}['end']")
    return " and ".join(terms) or "True"
