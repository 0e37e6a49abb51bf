"""gdparse: Vietnamese gender-equality plan documents as structured, verifiable data.

Four public verbs:

- :func:`parse` a file (or :func:`parse_text` a string) into a :class:`PlanDocument`;
- :func:`read` a file's text and provenance without parsing it;
- :func:`outline` a parsed document's section tree as text;
- :func:`to_json` a document (the public output contract, see ``schemas/plan.schema.json``).
"""

from gdparse.errors import GdparseError
from gdparse.model import SCHEMA_NAME, SCHEMA_VERSION, PlanDocument
from gdparse.outline import outline
from gdparse.pipeline import parse, parse_text
from gdparse.read import read


def to_json(doc: PlanDocument, *, indent: int | None = None) -> str:
    """The document as JSON (lossless: ``PlanDocument.model_validate_json`` reads it back)."""
    return doc.model_dump_json(indent=indent)


__all__ = [
    "GdparseError",
    "PlanDocument",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "outline",
    "parse",
    "parse_text",
    "read",
    "to_json",
]
__version__ = "0.1.0"
