"""Generic baseline for agency mentions: underthesea's NER (organisation entities) on each line.

Its ORG spans are mapped to registry ids as generously as possible (alias, acronym and fuzzy lookup via
``resolve_name``), so the score shows how much of the gold a general-purpose NER can find at best. Run: ``python -m gdparse.evaluation.baseline_ner``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gdparse.evaluation.base import Score, compare_sets
from gdparse.model import PlanDocument


def org_spans(text: str) -> list[str]:
    """Organisation names found by underthesea's NER, line by line."""
    from underthesea import ner

    names: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        current: list[str] = []
        for token, _pos, _chunk, tag in ner(line[:2000]):
            if tag.endswith("ORG") and (tag.startswith("I-") and current):
                current.append(token)
                continue
            if current:
                names.append(" ".join(current))
                current = []
            if tag == "B-ORG":
                current = [token]
        if current:
            names.append(" ".join(current))
    return names


def score(gold: dict, doc: PlanDocument) -> list[Score]:
    from gdparse.extract.agency_matcher import resolve_name

    ids = {i for i in (resolve_name(n) for n in org_spans(doc.text)) if i}
    return [compare_sets("baseline_ner.agencies", set(gold.get("agencies", [])), ids)]


def main() -> int:
    import gdparse

    total = Score(field="baseline_ner.agencies")
    for gold_path in sorted(Path("corpora/gold").glob("*.json")):
        seed = next(Path("corpora/seeds").glob(f"{gold_path.stem}_*.txt"))
        (s,) = score(json.loads(gold_path.read_text(encoding="utf-8")), gdparse.parse(seed))
        total = total + s
        print(f"{gold_path.stem}\ttp={s.tp}\tfp={s.fp}\tfn={s.fn}")
    print(f"all\tP={total.precision:.3f}\tR={total.recall:.3f}\tF1={total.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
