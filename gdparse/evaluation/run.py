"""Run the evaluation over the gold files: parse each seed, score each area, add up."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from gdparse.evaluation.base import Score
from gdparse.model import PlanDocument
from gdparse.pipeline import parse

AREAS = ("gdparse.evaluation.targets", "gdparse.evaluation.agencies", "gdparse.evaluation.facts")


def gold_pairs(corpus: Path) -> list[tuple[str, Path, dict]]:
    """(id, seed file, gold) for each gold file whose id prefixes a corpus document."""
    pairs = []
    seeds = sorted(p for p in corpus.rglob("*") if p.is_file() and "gold" not in p.parts and p.suffix != ".csv")
    for gold_file in sorted((corpus / "gold").glob("*.json")):
        doc_id = gold_file.stem
        match = [s for s in seeds if s.name.startswith(doc_id + "_")]
        if match:
            pairs.append((doc_id, match[0], json.loads(gold_file.read_text(encoding="utf-8"))))
    return pairs


def evaluate(corpus: Path) -> tuple[dict[str, dict[str, Score]], list[str]]:
    """Scores per area and field, summed over the documents; and the areas that could not run."""
    missing: list[str] = []
    scorers = []
    for name in AREAS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            missing.append(name.rsplit(".", 1)[1])
            continue
        scorers.append((name.rsplit(".", 1)[1], module.score))
    totals: dict[str, dict[str, Score]] = {}
    for _doc_id, seed, gold in gold_pairs(corpus):
        doc: PlanDocument = parse(seed)
        for area, score in scorers:
            for s in score(gold, doc):
                area_totals = totals.setdefault(area, {})
                area_totals[s.field] = area_totals[s.field] + s if s.field in area_totals else s
    return totals, missing


def format_table(totals: dict[str, dict[str, Score]], *, markdown: bool = True) -> str:
    rows = ["| area | field | precision | recall | F1 / accuracy | tp | fp | fn |", "|---|---|---|---|---|---|---|---|"]
    for area, fields in totals.items():
        for field, s in fields.items():
            if s.kind == "accuracy":
                rows.append(f"| {area} | {field} | | | {s.accuracy:.3f} (acc) | {s.tp} | | {s.fn} |")
            else:
                rows.append(
                    f"| {area} | {field} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"
                )
    text = "\n".join(rows)
    if not markdown:
        text = text.replace("|---|---|---|---|---|---|---|---|\n", "")
    return text


START_MARK, END_MARK = "<!-- eval-table -->", "<!-- /eval-table -->"


def replace_marked(document: str, table: str) -> str:
    """``document`` with the text between the eval-table markers replaced by ``table``."""
    head, _, rest = document.partition(START_MARK)
    _, _, tail = rest.partition(END_MARK)
    return f"{head}{START_MARK}\n{table}\n{END_MARK}{tail}"


def marked_table(document: str) -> str:
    """The text between the eval-table markers."""
    return document.partition(START_MARK)[2].partition(END_MARK)[0].strip()
