"""Benchmark gdparse on this machine and print Markdown tables.

    python bench/run.py                 # everything, about five minutes on two cores
    python bench/run.py --docs 200      # a quicker text run
    python bench/run.py --big-mb 50     # also parse one 50 MB input (minutes)

Reports: documents and MB per second per text stage (read, normalise, segment, extract, link)
on the seed corpus replicated to ``--docs`` documents, on one core; the extractors one by one;
how time per MB grows with document size (1x, 10x, 100x a seed); the peak memory of a streamed
batch through ``gdparse parse``; batch throughput with 1 and all cores; PDF pages per second for
pdfplumber, pypdfium2 and gdparse's own PDF reader.

Stage times are CPU time of this process (``time.process_time``), so other work on a shared
machine disturbs them less than wall time; batch rates are wall time.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gdparse  # noqa: E402
import gdparse.pipeline as pipeline  # noqa: E402
from gdparse.extract import EXTRACTORS  # noqa: E402
from gdparse.link import link  # noqa: E402

read_stage = importlib.import_module("gdparse.read")  # the module, not the ``gdparse.read`` function
SEEDS = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
STAGES = ("read", "normalise", "segment", "extract", "link")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    load = f", load average {os.getloadavg()[0]:.1f} at start" if hasattr(os, "getloadavg") else ""
    return (f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, gdparse {gdparse.__version__}{load}")


def table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# --- corpus ---------------------------------------------------------------------------------


def replicate(folder: Path, n: int) -> list[Path]:
    """``n`` documents from the seeds; each copy differs by a last line, so each has its own hash."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}_{SEEDS[i % len(SEEDS)].stem[:40]}.txt"
        path.write_text(texts[i % len(texts)].rstrip("\n") + f"\n\nBản sao số {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- text stages ----------------------------------------------------------------------------


class StageClock:
    """CPU time per stage, taken around the pipeline's own normalise and segment calls."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.extractors = {ex.stage: 0.0 for ex in EXTRACTORS}
        self._normalize, self._segment = pipeline.normalize, pipeline.segment

    def __enter__(self) -> StageClock:
        pipeline.normalize = self._timed(self._normalize, "normalise")
        pipeline.segment = self._timed(self._segment, "segment")
        return self

    def __exit__(self, *exc: object) -> None:
        pipeline.normalize, pipeline.segment = self._normalize, self._segment

    def _timed(self, fn, stage):
        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.process_time() - t

        return wrapper

    def run(self, path: Path) -> gdparse.PlanDocument:
        t0 = time.process_time()
        raw = read_stage.read(path)
        t1 = time.process_time()
        self.seconds["read"] += t1 - t0
        before = self.seconds["normalise"] + self.seconds["segment"]
        doc, ctx = pipeline.raw_to_document(raw)
        t2 = time.process_time()
        # Building the document around the section tree, and its context, counts as segmenting.
        self.seconds["segment"] += (t2 - t1) - (self.seconds["normalise"] + self.seconds["segment"] - before)
        for ex in EXTRACTORS:
            t = time.process_time()
            doc = ex.run(doc, ctx)
            self.extractors[ex.stage] += time.process_time() - t
        t3 = time.process_time()
        self.seconds["extract"] += t3 - t2
        doc = link(doc, ctx)
        self.seconds["link"] += time.process_time() - t3
        return doc


def bench_stages(paths: list[Path]) -> str:
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    for p in paths[: len(SEEDS)]:  # tables built on first need (per process, not per document) are built now
        gdparse.parse(p)
    with StageClock() as clock:
        for p in paths:
            clock.run(p)
    n = len(paths)
    rows = []
    for stage in STAGES:
        s = clock.seconds[stage]
        rows.append([stage, f"{s:.2f}", f"{s / n * 1000:.1f}", f"{n / s:,.0f}", f"{megabytes / s:.2f}"])
    total = sum(clock.seconds.values())
    rows.append(["**all text stages**", f"{total:.2f}", f"{total / n * 1000:.1f}", f"**{n / total:,.1f}**",
                 f"{megabytes / total:.2f}"])
    out = table(["stage", "CPU s", "ms/doc", "docs/s", "MB/s"], rows)
    ex_rows = [[name.removeprefix("extract."), f"{s / n * 1000:.2f}", f"{s / total * 100:.0f}%"]
               for name, s in clock.extractors.items()]
    return (f"Text stages, one core, {n} documents ({megabytes:.1f} MB, seeds replicated):\n\n{out}\n\n"
            "Extractors (ms per document, share of all stages):\n\n"
            + table(["extractor", "ms/doc", "share"], ex_rows))


def bench_scaling(seed: Path, factors: list[int]) -> str:
    """Time per MB of each stage on one document made of ``k`` copies of a seed: flat means linear."""
    text = seed.read_text(encoding="utf-8")
    rows = []
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in factors:
            path = Path(tmp) / f"x{k}.txt"
            path.write_text("\n\n".join([text] * k), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            with StageClock() as clock:
                clock.run(path)
            per_mb = {s: clock.seconds[s] / mb for s in STAGES}
            per_mb["total"] = sum(clock.seconds.values()) / mb
            base = base or per_mb
            rows.append([f"{k}x", f"{mb:.2f}"] + [f"{per_mb[s]:.2f}" for s in (*STAGES, "total")]
                        + [f"{per_mb['total'] / base['total']:.2f}"])
    return (f"Scaling: one document of k copies of {seed.name[:3]}, CPU seconds per MB (flat = linear):\n\n"
            + table(["size", "MB", *STAGES, "total", "vs 1x"], rows))


# --- batches, memory, big inputs --------------------------------------------------------------


_MEASURE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, of the largest process) of a ``gdparse`` command, measured by
    a fresh launcher so that runs do not share a maximum."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "gdparse", *args],
                          check=False, capture_output=True, text=True)
    wall = time.perf_counter() - t
    return wall, int(done.stdout.strip() or 0) / 1024


def bench_batch(folder: Path, n: int, jobs_list: list[int]) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in jobs_list:
            out = Path(tmp) / f"out{jobs}"
            wall, peak = run_cli(["parse", str(folder), "-o", str(out), "--format", "jsonl", "--jobs", str(jobs),
                                  "--no-progress"])
            lines = sum(1 for _ in (out / "documents.jsonl").open("rb"))
            rows.append([jobs, lines, f"{wall:.1f}", f"{lines / wall:.1f}", f"{peak:.0f}"])
    return (f"`gdparse parse FOLDER --format jsonl --jobs N` over {n} documents, wall time including start-up "
            "(peak RSS is that of the largest single process, measured in a fresh process per run):\n\n"
            + table(["jobs", "documents", "wall s", "docs/s", "peak RSS MB"], rows))


def bench_big(seed: Path, megabytes: int) -> str:
    """One huge input through ``gdparse parse``, written as JSON Lines and as indented JSON."""
    text = seed.read_text(encoding="utf-8")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        k = max(1, int(megabytes * 1e6 / len(text.encode("utf-8"))))
        path.write_text("\n\n".join([text] * k), encoding="utf-8")
        mb = path.stat().st_size / 1e6
        for fmt, output in (("jsonl", "documents.jsonl"), ("json", "big.txt.json")):
            out = Path(tmp) / f"out-{fmt}"
            wall, peak = run_cli(["parse", str(path), "-o", str(out), "--format", fmt, "--no-progress"])
            ok = (out / output).exists() and (out / output).stat().st_size > 0
            rows.append([f"{mb:.0f} MB ({k} copies of {seed.name[:3]})", f"`--format {fmt}`", "yes" if ok else "NO",
                         f"{wall:.0f}", f"{mb / wall:.2f}", f"{peak:.0f}"])
    return table(["input", "output", "parsed", "wall s", "MB/s", "peak RSS MB"], rows)


# --- PDF ------------------------------------------------------------------------------------


def make_pdf(path: Path, pages: int) -> None:
    """A plain PDF of seed text (Helvetica, accents stripped: the standard fonts have no Vietnamese)."""
    from gdparse.vietnamese import strip_accents

    words = strip_accents(SEEDS[0].read_text(encoding="utf-8")).encode("latin-1", "replace").decode("latin-1")
    lines = [ln[:95] for ln in words.splitlines() if ln.strip()]
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 "
                            b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for p in range(pages):
        body = ["BT /F1 10 Tf 12 TL 50 800 Td"]
        for i in range(60):
            ln = lines[(p * 60 + i) % len(lines)].replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            body.append(f"({ln}) '")
        stream = ("\n".join(body) + "\nET").encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def bench_pdf(pages: int) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.pdf"
        make_pdf(path, pages)

        def pdfplumber_text() -> None:
            import pdfplumber

            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()

        def pypdfium2_text() -> None:
            import pypdfium2

            pdf = pypdfium2.PdfDocument(str(path))
            for page in pdf:
                page.get_textpage().get_text_range()
            pdf.close()

        def gdparse_read() -> None:
            read_stage.read(path)

        backends = [("pdfplumber (extract_text)", pdfplumber_text), ("pypdfium2 (get_text_range)", pypdfium2_text)]
        if "pdf" in read_stage.BINARY_READERS:
            backends.append(("gdparse read (its PDF reader)", gdparse_read))
        for name, fn in backends:
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                fn()
                best = min(best, time.perf_counter() - t)
            rows.append([name, pages, f"{best:.2f}", f"{pages / best:,.0f}"])
    return (f"PDF text extraction, a generated {pages}-page text PDF, best of 3 (wall):\n\n"
            + table(["path", "pages", "s", "pages/s"], rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="replicated corpus size (default 1000)")
    ap.add_argument("--scale", default="1,10,100", help="document size factors (default 1,10,100)")
    ap.add_argument("--pdf-pages", type=int, default=50)
    ap.add_argument("--big-mb", type=int, default=0, help="also parse one input of this many MB")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: stages,scaling,batch,pdf")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    print(f"Machine: {machine()}\n", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = replicate(Path(tmp) / "corpus", args.docs)
        if "stages" not in skip:
            print(bench_stages(paths) + "\n", flush=True)
        if "batch" not in skip:
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
            print(bench_batch(Path(tmp) / "corpus", args.docs, sorted({1, cores})) + "\n", flush=True)
    seed = max(SEEDS, key=lambda p: p.stat().st_size)
    if "scaling" not in skip:
        print(bench_scaling(seed, [int(k) for k in args.scale.split(",")]) + "\n", flush=True)
    if args.big_mb:
        print(bench_big(seed, args.big_mb) + "\n", flush=True)
    if "pdf" not in skip:
        print(bench_pdf(args.pdf_pages), flush=True)


if __name__ == "__main__":
    main()
