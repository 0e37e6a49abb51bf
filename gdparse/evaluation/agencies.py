"""Scores for agencies, responsibilities and reporting against ``corpora/gold/<id>.json``.

Gold keys owned by this area (written by reading the seed, ANNOTATION.md §4):

- ``"agencies"``: sorted list of the registry ids of every agency the document mentions (anywhere:
  header, legal basis, body, recipients). Vague phrases ("các cơ quan, đơn vị liên quan", "các cấp,
  các ngành") are not agencies; named collectives ("các sở, ban, ngành", "UBND các huyện, thành phố")
  are.
- ``"responsibilities"``: ``[{"agency", "role", "requested", "objectives": ["2"], "targets":
  [["2", "1"]], "quote"}]``, one per clause and role, where ``quote`` is an exact substring of the text.
  Conventions: a clause's roles are those of its leading verb group (roles.yaml); a clause with no role
  verb gives `implement`; in "A chủ trì, phối hợp với B …" A leads and B coordinates on the same
  objectives/targets; a clause starting "Phối hợp …" gives its assignee `coordinate` only. Sources:
  implementation items, "Cơ quan thực hiện:" lines, "Giao …" in decision articles, the reporting part,
  and appendix columns naming the responsible unit (`lead` on the row's target). The boilerplate
  "… chịu trách nhiệm thi hành Quyết định này" is not a responsibility.
- ``"reporting"``: ``[{"reporter": id or null, "recipients": [ids], "frequency", "deadline", "quote"}]``,
  one per hop ("gửi về A để tổng hợp, báo cáo B" is reporter -> A and A -> B).

Scores (sets per document, so a pair stated twice counts once):
``agencies`` (resolved ids), ``resp.agency_role`` ((agency, role)), ``resp.agency_role_ref``
((agency, role, "obj:N" or "tgt:N.M") for responsibilities naming objectives/targets, compared by
numbers so that id formats do not matter), ``reporting.links`` ((reporter or "*", recipient)) and
``reporting.schedule`` ((frequency, deadline)).
"""

from __future__ import annotations

from gdparse.evaluation.base import Score, compare_sets
from gdparse.model import PlanDocument


def _ref_numbers(doc: PlanDocument) -> tuple[dict[str, str], dict[str, str]]:
    obj_number = {o.id: o.number for o in doc.objectives if o.number}
    tgt_number = {t.id: f"{obj_number.get(t.objective_id, '?')}.{t.number}" for t in doc.targets if t.number}
    return obj_number, tgt_number


def predicted_tuples(doc: PlanDocument) -> tuple[set, set]:
    """(agency, role) pairs and (agency, role, ref) triples of the extracted responsibilities."""
    obj_number, tgt_number = _ref_numbers(doc)
    pairs, triples = set(), set()
    for r in doc.responsibilities:
        pairs.add((r.agency_id, r.role))
        for oid in r.objective_ids:
            if oid in obj_number:
                triples.add((r.agency_id, r.role, f"obj:{obj_number[oid]}"))
        for tid in r.target_ids:
            if tid in tgt_number:
                triples.add((r.agency_id, r.role, f"tgt:{tgt_number[tid]}"))
    return pairs, triples


def gold_tuples(gold: dict) -> tuple[set, set]:
    pairs, triples = set(), set()
    for r in gold.get("responsibilities", []):
        pairs.add((r["agency"], r["role"]))
        for o in r.get("objectives", []):
            triples.add((r["agency"], r["role"], f"obj:{o}"))
        for o, t in r.get("targets", []):
            triples.add((r["agency"], r["role"], f"tgt:{o}.{t}"))
    return pairs, triples


def _links(items: list[tuple[str | None, tuple[str, ...]]]) -> set:
    return {(rep or "*", rec) for rep, recs in items for rec in recs}


def score(gold: dict, doc: PlanDocument) -> list[Score]:
    scores: list[Score] = []
    if "agencies" in gold:
        predicted = {a.id for a in doc.agencies if a.resolved}
        scores.append(compare_sets("agencies", set(gold["agencies"]), predicted))
    if "responsibilities" in gold:
        gp, gt = gold_tuples(gold)
        pp, pt = predicted_tuples(doc)
        scores.append(compare_sets("resp.agency_role", gp, pp))
        scores.append(compare_sets("resp.agency_role_ref", gt, pt))
    if "reporting" in gold:
        g = gold["reporting"]
        scores.append(compare_sets("reporting.links", _links([(d["reporter"], tuple(d["recipients"])) for d in g]),
                                   _links([(d.reporter_id, d.recipient_ids) for d in doc.reporting])))
        scores.append(compare_sets("reporting.schedule",
                                   {(d["frequency"], d["deadline"]) for d in g if d["frequency"] or d["deadline"]},
                                   {(d.frequency, d.deadline) for d in doc.reporting if d.frequency or d.deadline}))
    return scores
