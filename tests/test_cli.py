"""The command line: outputs, exit codes, a batch that survives bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gdparse.cli import main
from tests.conftest import seed_path


def test_parse_writes_json(tmp_path: Path) -> None:
    assert main(["parse", str(seed_path("003")), "-o", str(tmp_path), "--no-progress"]) == 0
    (out,) = tmp_path.glob("*.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_name"] == "gdparse.plan" and data["sections"]


def test_jsonl(tmp_path: Path) -> None:
    assert (
        main(
            [
                "parse",
                str(seed_path("000")),
                str(seed_path("002")),
                "-o",
                str(tmp_path),
                "--format",
                "jsonl",
                "--no-progress",
            ]
        )
        == 0
    )
    lines = (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2


def test_mixed_folder_parses_the_good_and_names_the_bad(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(seed_path("002").read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    assert main(["parse", str(inputs), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err and "binary.txt" in err
    assert [p.name for p in out.glob("*.json")] == ["good.txt.json"]  # the input's whole name, plus .json


def test_outline(capsys: pytest.CaptureFixture) -> None:
    assert main(["outline", str(seed_path("000"))]) == 0
    out = capsys.readouterr().out
    assert "[objectives] [muc-tieu 7]" in out and "[implementation] III TỔ CHỨC THỰC HIỆN" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse"])
    assert info.value.code == 2
    assert main([]) == 2


def test_outline_of_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["outline", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_output_names_cannot_escape_the_folder(tmp_path: Path) -> None:
    from gdparse.batch import safe_name

    assert "/" not in safe_name(Path("../../etc/passwd"), ".json")
    assert safe_name(Path("..."), ".json") == "document.json"


def test_demo_writes_outputs_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpora"
    assert main(["demo", str(corpus), "-o", str(tmp_path), "--no-progress"]) == 0
    assert len(list((tmp_path / "json").glob("*.json"))) == 5
    assert (tmp_path / "summary.md").exists() and (tmp_path / "documents.jsonl").exists()
    assert str(tmp_path.resolve()) in capsys.readouterr().out


def test_jsonl_to_stdout_is_one_line_per_document(capsys: pytest.CaptureFixture) -> None:
    assert main(["parse", str(seed_path("000")), str(seed_path("002")), "--format", "jsonl", "--no-progress"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema_name"] == "gdparse.plan" for line in lines)
