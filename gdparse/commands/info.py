"""``gdparse info FILE…``: the document's facts and legal basis, for a person to read."""

from __future__ import annotations

import argparse
import json

from gdparse.citation_graph import generation
from gdparse.errors import GdparseError
from gdparse.model import PlanDocument
from gdparse.pipeline import parse
from gdparse.terminal import warn

_LABELS = (
    ("doc_type", "Loại văn bản"), ("doc_number", "Số, ký hiệu"), ("issuer", "Cơ quan ban hành"),
    ("province", "Tỉnh"), ("place", "Địa danh"), ("issued_date", "Ngày ban hành"), ("title", "Trích yếu"),
    ("signer", "Người ký"), ("signer_title", "Chức vụ"), ("issued_by_decision", "Ban hành kèm theo"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("info", help="print a document's facts and legal basis")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the facts as JSON")
    p.set_defaults(func=run)


def render(doc: PlanDocument) -> str:
    meta = doc.metadata
    lines = [f"# {doc.source.path}"]
    for field, label in _LABELS:
        value = getattr(meta, field)
        if value:
            lines.append(f"{label}: {value}")
    if meta.period_start or meta.period_end:
        lines.append(f"Giai đoạn: {meta.period_start or '?'} - {meta.period_end or '?'} (thế hệ {generation(doc) or '?'})")
    lines.append(f"Dự thảo: {'có' if meta.is_draft else 'không'}")
    if meta.recipients:
        lines.append(f"Nơi nhận: {', '.join(meta.recipients)}")
    basis = [c for c in doc.citations if c.legal_basis]
    lines.append(f"Căn cứ pháp lý ({len(basis)}):")
    for c in basis:
        lines.append(f"  - {doc.quote(c)}" + (f"  [{c.catalogue_id}]" if c.catalogue_id else ""))
    others = len(doc.citations) - len(basis)
    if others:
        lines.append(f"Văn bản khác được dẫn: {others} (gdparse citations {doc.source.path})")
    for w in doc.warnings:
        if w.stage in ("extract.metadata", "extract.citations"):
            lines.append(f"! {w.code}: {w.message}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            doc = parse(path)
        except GdparseError as exc:
            warn(f"{path}: {exc.cause}")
            status = 1
            continue
        if args.json:
            data = {"path": path, "metadata": doc.metadata.model_dump(mode="json"), "generation": generation(doc),
                    "legal_basis": [c.model_dump(mode="json") for c in doc.citations if c.legal_basis]}
            print(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            print(render(doc) + "\n")
    return status
