"""The Dask path (gdparse[dask]) gives the same output as the local path, on a small local cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gdparse.batch import run_batch
from gdparse.cli import main
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        yield c


def test_dask_gives_the_same_documents_as_the_local_path(cluster, tmp_path: Path) -> None:
    from gdparse.distributed import run_dask

    files = [str(p) for p in SEEDS] + [str(tmp_path / "missing.txt")]
    local = {r.path: (r.json_bytes(), r.error, r.cause) for r in run_batch(files, jobs=1)}
    with distributed.Client(cluster) as client:
        remote = {r.path: (r.json_bytes(), r.error, r.cause) for r in run_dask(files, client=client)}
    assert remote == local
    assert sum(1 for json_, _, _ in local.values() if json_) == len(SEEDS)


def test_cli_on_a_cluster_address(cluster, tmp_path: Path) -> None:
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    seeds = str(SEEDS[0].parent)
    assert main(["parse", seeds, "-o", str(local_out), "--format", "jsonl", "--jobs", "1", "--no-progress"]) == 0
    assert main(["parse", seeds, "-o", str(dask_out), "--format", "jsonl", "--no-progress",
                 "--dask", cluster.scheduler_address]) == 0

    def documents(out: Path) -> dict[str, str]:
        lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        return {json.loads(line)["source"]["sha256"]: line for line in lines}

    assert documents(dask_out) == documents(local_out)
    assert len(documents(local_out)) == len(SEEDS)


def test_a_task_that_fails_loses_only_its_file(cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A task that fails as a whole (as when its worker dies) is split; the file that fails alone
    is reported, every other file still parsed."""
    from gdparse import distributed as gdparse_distributed
    from gdparse.batch import WORKER_DIED, parse_blobs

    def parse_blobs_or_fail(items, *args):
        if any(path.endswith("crash.txt") for path, _ in items):
            raise MemoryError("the worker ran out of memory")
        return parse_blobs(items, *args)

    monkeypatch.setattr(gdparse_distributed, "parse_blobs", parse_blobs_or_fail)
    files = []
    for i in range(20):  # enough for tasks of two files on one worker
        name = "crash.txt" if i == 7 else f"plan{i:02}.txt"
        (tmp_path / name).write_text(f"KẾ HOẠCH\nI. MỤC TIÊU\n1. Đến năm 2030 đạt {i}% nữ.\n", encoding="utf-8")
        files.append(str(tmp_path / name))
    with distributed.Client(cluster) as client:
        results = {r.path: r for r in gdparse_distributed.run_dask(files, client=client)}
    assert set(results) == set(files)
    crash = results[str(tmp_path / "crash.txt")]
    assert crash.error == WORKER_DIED and "MemoryError" in crash.cause
    assert all(r.ok for path, r in results.items() if not path.endswith("crash.txt"))
