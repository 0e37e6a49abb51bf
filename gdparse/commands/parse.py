"""``gdparse parse PATH… [-o DIR] [--format json|jsonl] [--jobs N] [--dask ADDRESS]``: parse files and folders.

Documents are written as they finish. With ``-o DIR`` a rerun skips the inputs whose content
hash is already among the outputs (``--fresh`` starts over) and failed files are listed in
``DIR/errors.jsonl``. Every path found is parsed or listed with its reason (:mod:`gdparse.inputs`):
inputs refused before reading (missing, unreadable, a pipe or a device) fail and are never opened;
files in folders that are not plans are skipped, on stderr and in the error report.
Exit codes: 0 all parsed (skipped files do not count), 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from gdparse.batch import (
    ErrorReport,
    FileResult,
    JsonlSink,
    default_jobs,
    file_sha256,
    progress_bar,
    run_batch,
    safe_name,
    sha_of_document,
    write_atomic,
)
from gdparse.inputs import Inputs, discover, list_not_plans

SKIPPED = "Skipped"  # the error column of a path that is not a plan (not a failure)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("parse", help="parse plan documents into JSON")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: print to stdout)")
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one file per document; jsonl: one line per document (DIR/documents.jsonl)",
    )
    p.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                   help=f"processes to use (default: all {default_jobs()} cores)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' (needs gdparse[dask])")
    p.add_argument("--fresh", action="store_true", help="parse everything again, replacing earlier outputs")
    p.add_argument("--errors", metavar="FILE", help="error report (default: DIR/errors.jsonl with -o)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return n


def run(args: argparse.Namespace) -> int:
    found = discover(args.paths)
    files = found.files
    if not files and not found.rejected:
        list_not_plans(found)
        print("gdparse parse: no input files found", file=sys.stderr)
        return 2
    if args.dask:
        from gdparse.distributed import check_dask

        try:
            check_dask()
        except ImportError as exc:
            print(f"gdparse parse: {exc}", file=sys.stderr)
            return 2
    out = Path(args.output) if args.output else None
    jobs = args.jobs or default_jobs()
    jsonl = args.format == "jsonl"
    sink = JsonlSink(out / "documents.jsonl", fresh=args.fresh) if out is not None and jsonl else None
    done = set() if args.fresh or out is None else sink.done if sink else _json_outputs_done(out)
    todo = [str(f) for f in files if not done or file_sha256(f) not in done]
    skipped = len(files) - len(todo)
    errors_path = Path(args.errors) if args.errors else (out / "errors.jsonl" if out is not None else None)
    report = ErrorReport(errors_path) if errors_path is not None else None
    written = 0
    failed = _list_unparsed(found, report)
    results = _results(args, todo, jobs, indent=None if jsonl else 1)
    try:
        with progress_bar(len(todo), not args.no_progress) as bar:
            for result in results:
                bar.update(1)
                if not result.ok:
                    failed += 1
                    if result.sha256 is None:
                        result = replace(result, sha256=file_sha256(Path(result.path)))
                    print(f"{result.path}: {result.cause}", file=sys.stderr)
                    if report is not None:
                        report.write(result)
                    continue
                written += 1
                if sink is not None:
                    sink.write(result)
                elif out is None:
                    sys.stdout.flush()
                    for chunk in result.json_chunks():
                        sys.stdout.buffer.write(chunk)
                    sys.stdout.buffer.write(b"\n")
                    sys.stdout.buffer.flush()
                else:
                    write_atomic(out / safe_name(Path(result.path), ".json"), result.json_chunks())
    finally:
        if sink is not None:
            sink.close()
        if report is not None:
            report.close()
    if out is not None:
        note = f", {skipped} already parsed" if skipped else ""
        note += f", {failed} failed (listed in {report.path})" if failed and report is not None else ""
        not_plans = len(found.not_plans())
        if not_plans and report is not None:
            note += f", {not_plans} skipped as not plans (listed in {report.path})"
        print(f"wrote {written} document(s) to {out}/{note}", file=sys.stderr)
    return 1 if failed else 0


def _list_unparsed(found: Inputs, report: ErrorReport | None) -> int:
    """Name on stderr and in the error report (sha256 null: never read) the inputs refused before
    reading and the paths that are not plans; return the number refused (failures)."""
    unparsed = [FileResult(str(e.path), None, error=type(e).__name__, cause=e.cause) for e in found.rejected]
    unparsed += [FileResult(str(s.path), None, error=SKIPPED, cause=s.reason) for s in found.not_plans()]
    for result in unparsed:
        skipped = result.error == SKIPPED
        print(f"{result.path}: {'skipped: ' if skipped else ''}{result.cause}", file=sys.stderr)
        if report is not None:
            report.write(result)
    return len(found.rejected)


def _results(args: argparse.Namespace, todo: list[str], jobs: int, indent: int | None) -> Iterator[FileResult]:
    if args.dask:
        from gdparse.distributed import run_dask

        return run_dask(todo, args.dask, workers=args.jobs, indent=indent)
    return run_batch(todo, jobs=jobs, indent=indent)


def _json_outputs_done(out: Path) -> set[str]:
    """Content hashes of the documents already written to ``out`` as one JSON file each."""
    done = set()
    for f in out.glob("*.json") if out.is_dir() else ():
        with f.open("rb") as handle:
            sha = sha_of_document(handle.read(4096))
        if sha:
            done.add(sha)
    return done
