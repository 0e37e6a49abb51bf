"""The output folder: one batch at a time, one line per document, one file per input (names that
map back to it and never leave the folder), the user's permissions, no writing through links."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gdparse.batch import LOCK_NAME, output_names, write_atomic
from gdparse.cli import main
from tests.conftest import ROOT, SEEDS
from tests.fixtures.issue6.helpers import seed_docx


def _plan(path: Path, n: int) -> Path:
    """A short plan of its own content (parses in milliseconds)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"KẾ HOẠCH\nI. MỤC TIÊU\n1. Đến năm 2030 đạt {n}% nữ cán bộ.\n", encoding="utf-8")
    return path


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# --- one batch per folder, one line per document -----------------------------------------------


def test_a_second_batch_into_a_folder_in_use_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _plan(inputs / "a.txt", 1)
    holder = subprocess.Popen(  # another process, holding the folder as a running batch does
        [sys.executable, "-c", "import sys; from pathlib import Path; from gdparse.batch import OutputLock\n"
         f"with OutputLock(Path({str(out)!r})):\n    print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout.readline() == "held\n"
        args = ["parse", str(inputs), "-o", str(out), "--format", "jsonl", "--no-progress"]
        assert main(args) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert f"PID {holder.pid}" in line and str(out) in line
        assert not (out / "documents.jsonl").exists()
    finally:
        holder.communicate("")
    assert main(args) == 0  # the lock goes with the process that held it
    assert len(_lines(out / "documents.jsonl")) == 1


def test_a_rerun_keeps_one_line_per_document(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    for i in range(3):
        _plan(inputs / f"p{i}.txt", i)
    args = ["parse", str(inputs), "-o", str(out), "--format", "jsonl", "--jobs", "1", "--no-progress"]
    assert main(args) == 0
    once = _lines(out / "documents.jsonl")
    (out / "documents.jsonl").write_text("\n".join(once + once) + "\n", encoding="utf-8")  # two batches' worth
    capsys.readouterr()
    assert main(args) == 0
    assert _lines(out / "documents.jsonl") == once
    assert "wrote 0 document(s)" in capsys.readouterr().err


def test_two_inputs_of_the_same_content_give_one_line_and_say_so(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _plan(inputs / "a.txt", 1)
    (inputs / "copy.txt").write_bytes((inputs / "a.txt").read_bytes())
    args = ["parse", str(inputs), "-o", str(out), "--format", "jsonl", "--jobs", "1", "--no-progress"]
    assert main(args) == 0
    assert len(_lines(out / "documents.jsonl")) == 1
    err = capsys.readouterr().err
    assert "copy.txt: the same content as a document already in" in err
    assert "wrote 1 document(s)" in err and "1 with the same content as another input" in err


# --- one output per input -------------------------------------------------------------------


def test_json_outputs_do_not_collide_and_map_back(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    _plan(inputs / "a" / "plan.txt", 1)
    _plan(inputs / "b" / "plan.txt", 2)
    (inputs / "a" / "plan.docx").write_bytes(seed_docx("002"))
    args = ["parse", str(inputs), "-o", str(out), "--jobs", "2", "--no-progress"]
    assert main(args) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["a/plan.docx.json", "a/plan.txt.json", "b/plan.txt.json"]
    for name in written:  # the output's path is the input's, plus .json
        source = json.loads((out / name).read_text(encoding="utf-8"))["source"]["path"]
        assert source == str(inputs / name.removesuffix(".json"))
    assert "wrote 3 document(s)" in capsys.readouterr().err

    assert main(args) == 0  # the rerun finds them where they are
    assert "wrote 0 document(s) to" in capsys.readouterr().err
    _plan(inputs / "b" / "plan.txt", 3)  # changed: parsed again, alone
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "wrote 1 document(s)" in err and "2 already parsed" in err


@pytest.mark.parametrize(("files", "folders"), [
    (["x/plan.txt", "y/plan.txt"], []),  # files given by themselves, of the same name
    (["in/a b.txt", "in/a_b.txt", "in/a?b.txt"], ["in"]),  # the same once made safe
    (["in/Plan.txt", "in/plan.txt"], ["in"]),  # the same on a case-blind file system
    (["in/../../etc/passwd", "in/..txt", "in/.hidden", "in/-"], ["in"]),
    (["in/" + "ờ" * 200 + ".txt", "in/" + "ờ" * 200 + ".md"], ["in"]),  # too long for a file name
    (["in/sub\n\x1b[31m/x.txt"], ["in"]),
])
def test_output_names_are_unique_and_stay_inside(files, folders) -> None:
    names = output_names([Path(f) for f in files], [Path(f) for f in folders], ".json")
    assert len({n.as_posix().casefold() for n in names.values()}) == len(files)
    for name in names.values():
        assert not name.is_absolute() and all(part not in ("", ".", "..") for part in name.parts)
        assert all(not part.startswith(".") and len(part.encode()) < 255 for part in name.parts)
        assert all(ch.isprintable() and ch not in "/\\" for part in name.parts for ch in part)
        assert name.suffix == ".json"


def test_a_link_in_the_output_folder_fails_that_file_only(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    inputs, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    _plan(inputs / "a" / "plan.txt", 1)
    _plan(inputs / "b" / "plan.txt", 2)
    elsewhere.mkdir()
    out.mkdir()
    (out / "a").symlink_to(elsewhere, target_is_directory=True)
    assert main(["parse", str(inputs), "-o", str(out), "--jobs", "1", "--no-progress"]) == 1
    assert list(elsewhere.iterdir()) == []
    assert (out / "b" / "plan.txt.json").is_file()
    assert "a/plan.txt: parsed, but its output could not be written" in capsys.readouterr().err


# --- permissions and links ------------------------------------------------------------------


@pytest.fixture(params=[0o022, 0o027, 0o002], ids=oct)
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def test_outputs_have_the_users_permissions(tmp_path: Path, umask: int) -> None:
    inputs = tmp_path / "in"
    _plan(inputs / "good.txt", 1)
    (inputs / "empty.txt").write_bytes(b"")
    write_atomic(tmp_path / "direct.json", "{}")
    main(["parse", str(inputs), "-o", str(tmp_path / "json"), "--jobs", "1", "--no-progress"])
    main(["parse", str(inputs), "-o", str(tmp_path / "jsonl"), "--format", "jsonl", "--jobs", "1", "--no-progress"])
    outputs = [tmp_path / "direct.json", tmp_path / "json" / "good.txt.json", tmp_path / "json" / "errors.jsonl",
               tmp_path / "jsonl" / "documents.jsonl", tmp_path / "jsonl" / "errors.jsonl"]
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in outputs} == {
        p.name: oct(0o666 & ~umask) for p in outputs}


@pytest.mark.parametrize("link", ["errors.jsonl", "good.txt.json"])
def test_a_planted_link_is_replaced_not_written_through(tmp_path: Path, link: str) -> None:
    inputs, out, target = tmp_path / "in", tmp_path / "out", tmp_path / "precious.txt"
    _plan(inputs / "good.txt", 1)
    (inputs / "empty.txt").write_bytes(b"")
    target.write_text("keep me\n", encoding="utf-8")
    out.mkdir()
    (out / link).symlink_to(target)
    assert main(["parse", str(inputs), "-o", str(out), "--jobs", "1", "--no-progress"]) == 1
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert not (out / link).is_symlink() and (out / link).stat().st_size > 0


@pytest.mark.parametrize("link", ["documents.jsonl", LOCK_NAME])
def test_a_file_that_is_appended_to_is_never_opened_through_a_link(tmp_path: Path, link: str,
                                                                   capsys: pytest.CaptureFixture) -> None:
    inputs, out, target = tmp_path / "in", tmp_path / "out", tmp_path / "precious.txt"
    _plan(inputs / "good.txt", 1)
    target.write_text("keep me", encoding="utf-8")  # no final newline: a sink would have cut it
    out.mkdir()
    (out / link).symlink_to(target)
    assert main(["parse", str(inputs), "-o", str(out), "--format", "jsonl", "--no-progress"]) == 2
    assert target.read_text(encoding="utf-8") == "keep me"
    (line,) = capsys.readouterr().err.splitlines()
    assert "is a symbolic link" in line


def test_file_names_are_printed_escaped(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "evil\x1b]0;owned\x07\nname.txt").write_bytes(b"")
    assert main(["parse", str(inputs), "-o", str(tmp_path / "out"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    (line,) = [line for line in err.splitlines() if "evil" in line]
    assert "evil\\x1b]0;owned\\x07\\nname.txt: the file is empty" in line
    (row,) = _lines(tmp_path / "out" / "errors.jsonl")
    assert json.loads(row)["path"].endswith("evil\x1b]0;owned\x07\nname.txt")  # the report keeps the name as is


def test_seed_batch_into_a_folder_twice_in_a_row(tmp_path: Path) -> None:
    """The lock is released at the end of a batch: the next batch (a rerun) proceeds."""
    args = ["parse", str(SEEDS[0]), "-o", str(tmp_path), "--format", "jsonl", "--no-progress"]
    assert main(args) == 0 and main(args) == 0
    assert len(_lines(tmp_path / "documents.jsonl")) == 1
