"""spaCy pipeline component "gdparse": parse a Doc's text and put the plan's sections, targets
and agencies on it as spans.

    nlp = gdparse.spacy_component.blank()            # or any pipeline + nlp.add_pipe("gdparse")
    doc = nlp(text)
    doc.spans["gdparse"]      # targets and agency mentions (render with displacy style="span")
    doc.spans["sections"]     # leaf sections, labelled by kind
    doc.ents                  # agency mentions (displacy style="ent"), kb_id_ = registry id
    doc._.gdparse             # the PlanDocument

The factory is registered on import of this module and through the ``spacy_factories`` entry
point, so ``nlp.add_pipe("gdparse")`` works in a fresh process once gdparse is installed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from gdparse.model import PlanDocument
from gdparse.pipeline import original_offset, parse_text

SPANS_KEY = "gdparse"
SECTIONS_KEY = "sections"

if not Doc.has_extension("gdparse"):
    Doc.set_extension("gdparse", default=None)


class GdparseComponent:
    """Parses ``doc.text`` with gdparse and sets spans; offsets of the normalised text are mapped
    back to the Doc's own text when normalisation changed it."""

    def __init__(self, nlp: Language, name: str, spans_key: str = SPANS_KEY, set_ents: bool = True) -> None:
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        plan = parse_text(doc.text, path="<spacy>.txt")
        doc._.gdparse = plan
        to_doc = _offset_mapper(plan, doc.text)
        targets = [_span(doc, to_doc, t.start, t.end, "TARGET", t.indicator_id or "") for t in plan.targets]
        mentions = [_span(doc, to_doc, m.start, m.end, "AGENCY", a.id) for a in plan.agencies for m in a.mentions]
        sections = [_span(doc, to_doc, s.start, s.end, s.kind, s.id) for s in plan.sections
                    if not s.children and s.end > s.start]
        doc.spans[self.spans_key] = [s for s in targets + mentions if s is not None]
        doc.spans[SECTIONS_KEY] = [s for s in sections if s is not None]
        if self.set_ents:
            doc.ents = filter_spans([s for s in mentions if s is not None])
        return doc


def _offset_mapper(plan: PlanDocument, text: str):
    if plan.text == text:
        return lambda offset: offset
    return lambda offset: original_offset(plan, offset)


def _span(doc: Doc, to_doc, start: int, end: int, label: str, kb_id: str) -> Span | None:
    a, b = to_doc(start), to_doc(end - 1) + 1 if end > start else to_doc(start)
    return doc.char_span(a, b, label=label, kb_id=kb_id, alignment_mode="expand")


@Language.factory("gdparse", default_config={"spans_key": SPANS_KEY, "set_ents": True})
def make_component(nlp: Language, name: str, spans_key: str, set_ents: bool) -> GdparseComponent:
    return GdparseComponent(nlp, name, spans_key=spans_key, set_ents=set_ents)


def blank(lang: str = "vi") -> Language:
    """A blank pipeline with the gdparse component; Vietnamese tokenisation without pyvi."""
    import spacy

    config = {"nlp": {"tokenizer": {"use_pyvi": False}}} if lang == "vi" else {}
    nlp = spacy.blank(lang, config=config)
    nlp.add_pipe("gdparse")
    return nlp
