"""The README's evaluation table is the current output of ``gdparse eval``."""

from __future__ import annotations

from gdparse.evaluation.run import evaluate, format_table, marked_table
from tests.conftest import ROOT


def test_readme_eval_table_is_current() -> None:
    totals, missing = evaluate(ROOT / "corpora")
    assert not missing
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert marked_table(readme) == format_table(totals), "run: gdparse eval --update-readme README.md"
