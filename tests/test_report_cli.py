"""``gdparse report``, ``gdparse compare`` and the comparison outputs of ``gdparse demo``."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pandas")

from gdparse.cli import main  # noqa: E402
from gdparse.commands.demo import comparison_outputs  # noqa: E402
from tests.conftest import SEED_IDS, parsed, seed_path  # noqa: E402


def test_report_command(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(seed_path("003")), str(seed_path("004")), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Lạng Sơn 2026" in html and "Bắc Ninh 2024" in html


@pytest.mark.parametrize(("files", "code"), [
    (["missing.txt"], 1),   # a file that cannot be read: named on stderr, exit 1
    ([], 2),                # nothing to read at all
])
def test_report_command_failures(tmp_path: Path, files: list[str], code: int, capsys) -> None:
    paths = [str(tmp_path / f) for f in files] or [str(tmp_path)]
    assert main(["report", *paths, "-o", str(tmp_path / "r.html")]) == code
    if files:
        assert "missing.txt" in capsys.readouterr().err


def test_compare_diff_command(capsys) -> None:
    assert main(["compare", str(seed_path("000")), str(seed_path("004")), "--diff", "000", "004"]) == 0
    out = capsys.readouterr().out
    assert "# Bắc Ninh 2011 -> Bắc Ninh 2024" in out and "NS2030-4.1" in out


def test_compare_unknown_plan_is_a_usage_error(capsys) -> None:
    assert main(["compare", str(seed_path("004")), "--diff", "000", "004"]) == 2
    assert "no plan '000'" in capsys.readouterr().err


def test_compare_export_command(tmp_path: Path) -> None:
    assert main(["compare", str(seed_path("003")), "-o", str(tmp_path), "--format", "csv"]) == 0
    assert (tmp_path / "tables" / "targets.csv").exists() and not list((tmp_path / "tables").glob("*.parquet"))
    assert (tmp_path / "responsibility_graph.graphml").exists()


def test_demo_comparison_outputs(tmp_path: Path) -> None:
    message = comparison_outputs([parsed(i) for i in SEED_IDS], tmp_path)
    for name in ("targets.csv", "targets.parquet", "indicator_matrix_2030.parquet", "diff_targets.csv",
                 "COLUMNS.md"):
        assert (tmp_path / "tables" / name).exists(), name
    assert (tmp_path / "responsibility_graph.graphml").exists()
    assert "<svg" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "report.html" in message
