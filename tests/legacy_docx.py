"""DOCX files with runs in legacy fonts, written as Word writes them (python-docx plus the one
element it does not write): shared by tests/test_legacy_encodings.py and tests/test_lost_case.py."""

from __future__ import annotations

import io
from collections.abc import Iterable

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# (legacy-coded text, font, all caps): one run.
Run = tuple[str, str, bool]


def legacy_docx(paragraphs: Iterable[Iterable[Run]], *, soft_hyphen_element: bool = True) -> bytes:
    """A DOCX of ``paragraphs``, each a list of runs. Word stores the character U+00AD (TCVN3's
    "ư") as ``<w:softHyphen/>``; with ``soft_hyphen_element`` False it stays in ``<w:t>``."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, font, caps in runs:
            run = paragraph.add_run()
            run.font.name = font
            run.font.all_caps = caps or None
            _append_text(run._r, text, soft_hyphen_element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _append_text(r, text: str, soft_hyphen_element: bool) -> None:
    pieces = text.split("\u00ad") if soft_hyphen_element else [text]
    for i, piece in enumerate(pieces):
        if i:
            r.append(OxmlElement("w:softHyphen"))
        if piece:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            r.append(t)
