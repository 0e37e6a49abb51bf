"""The batch: a process pool gives the same documents as one process, results stream to JSON Lines,
a rerun skips what is already written, failures go to an error report, a dying worker loses one file."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from gdparse import batch
from gdparse.batch import JsonlSink, parse_file, run_batch, write_atomic
from gdparse.cli import main
from tests.conftest import SEEDS


def _by_hash(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["source"]["sha256"]: line for line in lines}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS[:3]:
        (inputs / seed.name).write_bytes(seed.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    return inputs


def test_pool_gives_the_same_documents_as_one_process(tmp_path: Path) -> None:
    files = [str(p) for p in SEEDS[:3]]
    one = {r.path: r.json_bytes() for r in run_batch(files, jobs=1)}
    two = {r.path: r.json_bytes() for r in run_batch(files, jobs=2)}
    assert one == two and all(one.values())


def test_jsonl_streams_resumes_and_reports_errors(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["parse", str(folder), "-o", str(out), "--format", "jsonl", "--jobs", "2", "--no-progress"]
    assert main(args) == 1  # empty.txt fails, the rest is written
    first = _by_hash(out / "documents.jsonl")
    assert len(first) == 3
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["path"].endswith("empty.txt") and error["error"] == "EmptyInputError"
    assert error["cause"] == "the file is empty"

    # A kill while writing leaves half a line: the rerun drops it and parses that file again only.
    data = (out / "documents.jsonl").read_bytes()
    cut = data.index(b"\n") + 1 + 500
    (out / "documents.jsonl").write_bytes(data[:cut])
    assert main(args) == 1
    assert _by_hash(out / "documents.jsonl") == first

    # Nothing left to parse but the bad file; no duplicate lines.
    assert main(args) == 1
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_fresh_starts_over(folder: Path, tmp_path: Path) -> None:
    (folder / "empty.txt").unlink()
    out = tmp_path / "out"
    args = ["parse", str(folder), "-o", str(out), "--format", "jsonl", "--jobs", "1", "--no-progress"]
    assert main(args) == 0 and main(args + ["--fresh"]) == 0
    assert len((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_json_format_resumes_too(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (folder / "empty.txt").unlink()
    out = tmp_path / "out"
    args = ["parse", str(folder), "-o", str(out), "--jobs", "1", "--no-progress"]
    assert main(args) == 0 and len(list(out.glob("*.json"))) == 3
    capsys.readouterr()
    assert main(args) == 0
    assert "wrote 0 document(s)" in capsys.readouterr().err


def test_sink_keeps_whole_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    result = parse_file(str(SEEDS[0]))
    with JsonlSink(path) as sink:
        sink.write(result)
    path.write_bytes(path.read_bytes() + b'{"schema_name": "gdparse.plan", "sour')  # killed mid-line
    with JsonlSink(path) as sink:
        assert sink.done == {result.sha256}
    assert path.read_bytes().endswith(b"}\n")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", str(SEEDS[0]), "--jobs", "0"])
    assert info.value.code == 2


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="patching workers needs fork")
def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_parse = batch.parse

    def parse_or_die(path, **kwargs):
        if str(path).endswith("crash.txt"):
            os._exit(3)
        return real_parse(path, **kwargs)

    monkeypatch.setattr(batch, "parse", parse_or_die)  # forked workers inherit the patch
    crash = tmp_path / "crash.txt"
    crash.write_bytes(SEEDS[0].read_bytes())
    files = [str(SEEDS[1]), str(crash), str(SEEDS[2]), str(SEEDS[3])]
    results = {r.path: r for r in run_batch(files, jobs=2)}
    assert set(results) == set(files)
    assert results[str(crash)].error == batch.WORKER_DIED
    assert all(results[f].ok for f in files if f != str(crash))


@pytest.mark.parametrize(("data", "expected"), [
    ("Kế hoạch", "Kế hoạch".encode()),
    (b"{}", b"{}"),
    (iter([b"{", b'"a":1', b"}"]), b'{"a":1}'),  # chunks, as the JSON of a huge document is written
])
def test_write_atomic_writes_text_bytes_and_chunks(tmp_path, data, expected) -> None:
    path = tmp_path / "sub" / "out.json"
    write_atomic(path, data)
    assert path.read_bytes() == expected
    assert [p.name for p in path.parent.iterdir()] == ["out.json"]  # no temporary file left
