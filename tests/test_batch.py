"""The batch: a process pool gives the same documents as one process, each input parsed once,
results stream to JSON Lines, a rerun skips what is already written, failures go to an error
report, a dying worker loses one file, a file past the deadline is stopped (killed in the pool)."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from gdparse import batch
from gdparse.batch import JsonlSink, parse_file, run_batch, write_atomic
from gdparse.cli import main
from gdparse.commands import parse as parse_command
from gdparse.deadline import DEFAULT_SECONDS, Deadline, time_limit
from gdparse.errors import DeadlineExceededError
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


needs_fork = pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="patching workers needs fork")


def _small_plans(folder: Path, names: list[str]) -> list[str]:
    """Short plans of distinct content (each parses in milliseconds)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        (folder / name).write_text(f"KẾ HOẠCH\nI. MỤC TIÊU\n1. Đến năm 2030 đạt {i + 1}% nữ cán bộ.\n", encoding="utf-8")
    return [str(folder / name) for name in names]


def _count_parses(monkeypatch: pytest.MonkeyPatch, counter: Path, *, die: str = "", stall: str = "",
                  spin: str = "") -> None:
    """Patch the parse every worker forks with: log each call to ``counter``; for a file whose name
    ends with ``die`` the worker exits, with ``stall`` it hangs where no timer signal reaches (as a
    long match inside C code does), with ``spin`` it runs on in Python."""
    real_parse = batch.parse

    def logged_parse(path, **kwargs):
        with counter.open("a", encoding="utf-8") as log:  # O_APPEND: whole lines from every process
            log.write(f"{path}\n")
        if die and str(path).endswith(die):
            os._exit(3)
        if stall and str(path).endswith(stall):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)  # ended by the pool's kill long before
        while spin and str(path).endswith(spin):
            time.sleep(0.01)
        return real_parse(path, **kwargs)

    monkeypatch.setattr(batch, "parse", logged_parse)  # forked workers inherit the patch


def _parses(counter: Path) -> Counter:
    return Counter(counter.read_text(encoding="utf-8").splitlines())


@needs_fork
def test_each_input_is_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _small_plans(tmp_path / "in", [f"plan{i:02}.txt" for i in range(12)])
    _count_parses(monkeypatch, tmp_path / "parses.log")
    out = tmp_path / "out"
    assert main(["parse", str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--no-progress"]) == 0
    assert _parses(tmp_path / "parses.log") == Counter(files)  # each once: none parsed again at the end
    assert len(list(out.glob("*.json"))) == len(files)


@needs_fork
def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _small_plans(tmp_path, ["a.txt", "b.txt", "crash.txt", "c.txt", "d.txt", "e.txt"])
    crash = str(tmp_path / "crash.txt")
    _count_parses(monkeypatch, tmp_path / "parses.log", die="crash.txt")
    results = {r.path: r for r in run_batch(files, jobs=2)}
    assert set(results) == set(files)
    assert _parses(tmp_path / "parses.log") == Counter(files)  # the others once; the crash not retried
    assert results[crash].error == batch.WORKER_DIED and "exit code 3" in results[crash].cause
    assert all(results[f].ok for f in files if f != crash)


@needs_fork
def test_a_file_stuck_past_the_deadline_is_killed_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture) -> None:
    files = _small_plans(tmp_path / "in", ["a.txt", "b.txt", "stuck.txt", "c.txt", "d.txt"])
    _count_parses(monkeypatch, tmp_path / "parses.log", stall="stuck.txt")
    out = tmp_path / "out"
    args = ["parse", str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--timeout", "0.5", "--no-progress"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "stuck.txt: parsing took longer than 0.5 s" in err and "killed" in err
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["path"].endswith("stuck.txt") and error["error"] == "DeadlineExceededError"
    assert sorted(p.name for p in out.glob("*.json")) == ["a.txt.json", "b.txt.json", "c.txt.json", "d.txt.json"]
    assert _parses(tmp_path / "parses.log") == Counter(files)


def test_in_process_the_timer_stops_a_slow_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture) -> None:
    _small_plans(tmp_path / "in", ["a.txt", "slow.txt", "b.txt"])
    batch.warm_up()  # the matchers built before: only the slow file may take half a second
    _count_parses(monkeypatch, tmp_path / "parses.log", spin="slow.txt")
    out = tmp_path / "out"
    args = ["parse", str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--timeout", "0.5", "--no-progress"]
    assert main(args) == 1
    assert "slow.txt: parsing took longer than 0.5 s" in capsys.readouterr().err
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["error"] == "DeadlineExceededError"
    assert sorted(p.name for p in out.glob("*.json")) == ["a.txt.json", "b.txt.json"]


@pytest.mark.parametrize(("flags", "deadline"), [
    ([], DEFAULT_SECONDS),
    (["--timeout", "2.5"], 2.5),
    (["--timeout", "0"], None),  # no limit
])
def test_parse_has_a_deadline_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags, deadline) -> None:
    seen = {}

    def fake_run_batch(files, **kwargs):
        seen.update(kwargs)
        return iter(())

    monkeypatch.setattr(parse_command, "run_batch", fake_run_batch)
    main(["parse", str(SEEDS[0]), "-o", str(tmp_path), "--no-progress", *flags])
    assert seen["deadline"] == deadline
    assert 60 <= DEFAULT_SECONDS <= 600  # a few minutes: far above a 50 MB input, far below for ever


@pytest.mark.parametrize("value", ["-1", "soon", "inf", "nan"])
def test_timeout_must_be_seconds(value: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", str(SEEDS[0]), "--timeout", value])
    assert info.value.code == 2


def test_an_enclosing_time_limit_holds() -> None:
    """The batch limits the whole file and the pipeline its stages: the inner limit must not
    replace (nor cancel) the outer one."""
    with pytest.raises(DeadlineExceededError, match="longer than 0.2 s"):
        with time_limit(Deadline(0.2, "outer.txt")):
            with time_limit(Deadline(2, "inner.txt")):
                pass
            with time_limit(Deadline(2, "inner.txt")):
                while True:
                    time.sleep(0.01)


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
