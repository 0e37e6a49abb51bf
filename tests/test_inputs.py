"""Inputs: every path found is parsed or named with its reason; pipes and devices are refused
without being opened (no hang); missing and unreadable inputs are typed errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gdparse.batch import expand_inputs, file_sha256, parse_many
from gdparse.cli import main
from gdparse.errors import GdparseError, InputNotFoundError, InputPermissionError, NotRegularFileError
from gdparse.inputs import discover
from gdparse.read import read
from tests.conftest import ROOT, parsed

PLAN = "KẾ HOẠCH\nI. MỤC TIÊU\n1. Phấn đấu đạt 50% vào năm 2030.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì.\n"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")


def _document_json() -> str:
    return parsed("002").model_dump_json(indent=1)


def _error_row() -> str:
    return json.dumps({"path": "x.txt", "sha256": None, "error": "EmptyInputError", "cause": "the file is empty"})


# name in the folder -> (content, what discovery makes of it: "plan", "document" or a reason's words)
FOLDER = {
    "plan.txt": (PLAN, "plan"),
    "sub/plan.docx": ("not read by discovery", "plan"),
    "old.doc": ("not read by discovery", "plan"),
    "sheet.xlsx": ("x", "not a plan format (.xlsx)"),
    "notes": ("x", "not a plan format (no file extension)"),
    ".DS_Store": ("x", "a hidden file"),
    ".git/config": ("x", "a hidden folder"),
    "~$plan.docx": ("x", "an Office lock file"),
    "out/plan.json": (None, "document"),
    "out/documents.jsonl": (None, "document"),
    "out/errors.jsonl": (_error_row() + "\n", "a gdparse error report"),
    "gold/003.json": ('{"metadata": {"doc_number": null}, "targets": []}', 'no "schema_name": "gdparse.plan"'),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for name, (content, _) in FOLDER.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if content is not None else _document_json(), encoding="utf-8")
    return root


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, (_, e) in FOLDER.items()])
def test_every_file_found_is_a_plan_a_document_or_skipped_with_its_reason(folder: Path, name: str,
                                                                          expected: str) -> None:
    found = discover([folder])
    path = folder / name.split("/")[0] if name.startswith(".git") else folder / name
    reasons = {s.path: s.reason for s in found.skipped}
    if expected == "plan":
        assert path in found.files and path not in reasons
    elif expected == "document":
        assert path in found.documents and path not in found.files
    else:
        assert expected in reasons[path]
    assert not found.rejected


def test_parse_lists_what_it_skips_on_stderr_and_in_the_report(folder: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture) -> None:
    (folder / "sub" / "plan.docx").unlink()
    (folder / "old.doc").unlink()
    out = tmp_path / "result"
    assert main(["parse", str(folder), "-o", str(out), "--jobs", "1", "--no-progress"]) == 0  # skips are no failure
    err = capsys.readouterr().err
    rows = {Path(r["path"]).name: r for r in map(json.loads, (out / "errors.jsonl").read_text("utf-8").splitlines())}
    for name, (_, expected) in FOLDER.items():
        if expected == "plan":
            continue
        shown = name.split("/")[0] if name.startswith(".git") else name
        assert f"{folder / shown}: skipped: " in err
        row = rows[Path(shown).name]
        assert row["error"] == "Skipped" and row["sha256"] is None
        assert (expected if expected != "document" else "a gdparse output") in row["cause"]
    assert [p.name for p in out.glob("*.json")] == ["plan.txt.json"]
    assert "skipped as not plans" in err


def test_expand_inputs_lists_what_it_leaves_out(folder: Path, capsys: pytest.CaptureFixture) -> None:
    import io

    stream = io.StringIO()
    files = expand_inputs([folder], report=stream)
    assert files == [folder / "old.doc", folder / "plan.txt", folder / "sub" / "plan.docx"]
    assert "sheet.xlsx: skipped: not a plan format" in stream.getvalue()


def test_a_folder_named_gold_is_searched_like_any_other(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert discover([tmp_path]).files == (gold / "plan.txt",)


def test_a_link_back_to_a_parent_folder_is_searched_once(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = discover([tmp_path])
    assert found.files == (tmp_path / "plan.txt",)
    assert "already searched" in found.skipped[0].reason


# --- what is not a regular file -----------------------------------------------------------------


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "gdparse", *args], capture_output=True, text=True, timeout=timeout,
                          env=env, stdin=subprocess.DEVNULL)


@needs_fifo
def test_a_pipe_and_dev_zero_among_good_files_are_refused_without_a_hang(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_good.txt").write_text(PLAN, encoding="utf-8")
    (inputs / "z_good.txt").write_text(PLAN.replace("50%", "60%"), encoding="utf-8")
    os.mkfifo(inputs / "pipe.txt")
    named_pipe = tmp_path / "named.txt"
    os.mkfifo(named_pipe)
    out = tmp_path / "out"
    args = ("parse", str(inputs), str(named_pipe), "/dev/zero", "-o", str(out), "--jobs", "1", "--no-progress")
    run = _cli(*args)
    assert run.returncode == 1, run.stderr
    assert sorted(p.name for p in out.glob("*.json")) == ["a_good.txt.json", "z_good.txt.json"]
    assert f"{inputs / 'pipe.txt'}: a named pipe (FIFO), not a regular file" in run.stderr
    assert f"{named_pipe}: a named pipe (FIFO), not a regular file" in run.stderr
    assert "/dev/zero: a character device, not a regular file" in run.stderr
    rows = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["path"] for r in rows} == {str(inputs / "pipe.txt"), str(named_pipe), "/dev/zero"}
    assert all(r["sha256"] is None and r["error"] == "NotRegularFileError" for r in rows)
    # Again: the resume check hashes the inputs, and must not open the pipes either.
    again = _cli(*args)
    assert again.returncode == 1 and "2 already parsed" in again.stderr


@needs_fifo
def test_hashing_for_resume_never_opens_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result: list[str | None] = []
    worker = threading.Thread(target=lambda: result.append(file_sha256(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # blocked in open(): a writer releases it, then the test fails
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("file_sha256 opened a named pipe and blocked")
    assert result == [None]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_by_the_reader(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    with pytest.raises(NotRegularFileError, match="character device"):
        read(device)
    assert file_sha256(Path(device)) is None


def test_a_missing_input_is_file_not_found(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        read(missing)
    assert main(["parse", str(missing), "--no-progress"]) == 1
    assert f"{missing}: no such file or folder" in capsys.readouterr().err
    assert isinstance(discover([missing]).rejected[0], InputNotFoundError)


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def test_an_unreadable_input_is_a_typed_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(PLAN, encoding="utf-8")
    _deny(monkeypatch, locked)
    with pytest.raises(InputPermissionError) as info:
        read(locked)
    assert isinstance(info.value, PermissionError) and isinstance(info.value, GdparseError)
    assert info.value.cause == "permission denied: cannot read it"
    ((_, doc, cause),) = list(parse_many([locked], progress=False))
    assert doc is None and cause == "permission denied: cannot read it"  # not "internal error …"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_input_on_disk(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(PLAN, encoding="utf-8")
    locked.chmod(0)
    with pytest.raises(InputPermissionError):
        read(locked)


@pytest.mark.parametrize(("name", "data"), [("empty.txt", b""),
                                          ("spaces.txt", "\u3000\u00a0\u2003\n\u3000\n".encode())])
def test_a_file_of_unicode_spaces_fails_like_an_empty_file(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    report = tmp_path / "errors.jsonl"
    assert main(["parse", str(tmp_path / name), "--errors", str(report), "--no-progress"]) == 1
    (row,) = map(json.loads, report.read_text(encoding="utf-8").splitlines())
    assert row["error"] == "EmptyInputError" and row["path"] == str(tmp_path / name)
