"""A section tree as text, like ``tree``: the view behind ``gdparse outline``."""

from __future__ import annotations

from gdparse.model import PlanDocument, Section


def outline(doc: PlanDocument, *, width: int = 100, show_leads: bool = False) -> str:
    """One line per section: tree branches, [kind], number, heading (shortened) and span."""
    by_id = {s.id: s for s in doc.sections}
    lines: list[str] = []

    def label(s: Section) -> str:
        heading = s.heading
        if heading is None:
            first = doc.text[s.start : s.end].strip().split("\n", 1)[0]
            heading = "(lead) " + first if s.is_lead else first
        heading = " ".join(heading.split())
        number = f"{s.number} " if s.number and s.scheme and not s.scheme.startswith("label") else ""
        if s.scheme and s.scheme.startswith("label-") and s.number:
            number = f"[{s.scheme[6:]} {s.number}] "
        text = f"[{s.kind}] {number}{heading}"
        if len(text) > width:
            text = text[: width - 1] + "…"
        return f"{text}  ({s.start}-{s.end})"

    def visit(s: Section, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└── " if last else "├── ")
        lines.append(prefix + branch + label(s))
        kids = [by_id[c] for c in s.children if show_leads or not by_id[c].is_lead]
        for n, kid in enumerate(kids):
            visit(kid, prefix + ("" if top else ("    " if last else "│   ")), n == len(kids) - 1, False)

    for s in doc.sections:
        if s.parent is None:
            visit(s, "", True, True)
    return "\n".join(lines)
