"""Readers of paged formats (DOCX, PDF, old Word .doc through LibreOffice), registered into
:data:`gdparse.read.BINARY_READERS`."""

from __future__ import annotations

from gdparse.read import BINARY_READERS
from gdparse.readers.doc import read_doc
from gdparse.readers.docx import read_docx
from gdparse.readers.pdf import read_pdf

BINARY_READERS.setdefault("docx", read_docx)
BINARY_READERS.setdefault("pdf", read_pdf)
BINARY_READERS.setdefault("doc", read_doc)
