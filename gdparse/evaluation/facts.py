"""Score document facts (accuracy per metadata field) and citations (P/R/F1) against the gold.

Citations are compared as multisets of (type, number) and (type, number, date); a citation
without a number (a law cited by name) uses the name slug of its key as its number. Numbers are
compared in canonical form (no spaces, "21/CT-TW" = "21-CT/TW"), strings after folding.
"""

from __future__ import annotations

import regex

from gdparse.evaluation.base import Score, compare_sets, compare_value
from gdparse.knowledge.documents import canonical_number
from gdparse.model import PlanDocument
from gdparse.vietnamese import fold

FIELDS = ("doc_number", "doc_type", "issuer", "province", "issued_date", "period_start", "period_end",
          "signer", "signer_title", "is_draft", "issued_by_decision")


def _norm(field: str, value: object) -> object:
    if value is None or isinstance(value, (bool, int)):
        return value
    text = str(value)
    if field in ("doc_number", "issued_by_decision"):
        return canonical_number(text)
    text = regex.sub(r"\s*-\s*", " - ", fold(text))
    text = regex.sub(r"\bubnd\b", "ủy ban nhân dân", text)
    return regex.sub(r"\s+", " ", text).strip()


def _ident(c: dict) -> str:
    if c.get("number"):
        return canonical_number(c["number"])
    parts = (c.get("key") or "").split(":")
    return parts[1] if len(parts) == 3 else ""


def _rows(citations: list[dict]) -> tuple[list, list, list]:
    tn = [(c["doc_type"], _ident(c)) for c in citations]
    tnd = [(c["doc_type"], _ident(c), c.get("date")) for c in citations]
    basis = [(c["doc_type"], _ident(c)) for c in citations if c.get("legal_basis")]
    return tn, tnd, basis


def score(gold: dict, doc: PlanDocument) -> list[Score]:
    scores: list[Score] = []
    meta = gold.get("metadata")
    if meta is not None:
        predicted = doc.metadata.model_dump()
        for field in FIELDS:
            if field in meta:
                scores.append(compare_value(f"metadata.{field}", _norm(field, meta[field]), _norm(field, predicted.get(field))))
    if "citations" in gold:
        g = _rows(gold["citations"])
        p = _rows([c.model_dump() for c in doc.citations])
        for name, gi, pi in zip(("type+number", "type+number+date", "legal_basis"), g, p):
            scores.append(compare_sets(f"citations.{name}", gi, pi))
        scores.append(compare_sets("citations.key", [c["key"] for c in gold["citations"]], [c.key for c in doc.citations]))
    return scores
