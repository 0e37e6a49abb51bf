"""``gdparse parse PATH… [-o DIR] [--format json|jsonl] [--jobs N] [--timeout S] [--dask ADDRESS]``: parse files and folders.

Documents are written as they finish, each input parsed once. With ``-o DIR`` the folder is
locked for the run (a second batch into it is refused), a rerun skips the inputs already written
(``--fresh`` starts over) and failed files are listed in ``DIR/errors.jsonl``. ``--format json``
mirrors the inputs: ``DIR/a/plan.docx.json`` for ``a/plan.docx`` under a folder given. Every path
found is parsed or listed with its reason (:mod:`gdparse.inputs`): inputs refused before reading
(missing, unreadable, a pipe or a device) fail and are never opened; files in folders that are not
plans are skipped, on stderr and in the error report. Exit codes: 0 all parsed (skipped files do
not count), 1 some failed, 2 usage error or an output folder that cannot be used.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path

from gdparse.batch import (
    ErrorReport,
    FileResult,
    JsonlSink,
    OutputError,
    OutputLock,
    default_jobs,
    file_sha256,
    output_names,
    output_path,
    progress_bar,
    run_batch,
    sha_of_document,
    write_atomic,
)
from gdparse.deadline import DEFAULT_SECONDS
from gdparse.inputs import Inputs, discover, list_not_plans
from gdparse.terminal import warn

SKIPPED = "Skipped"  # the error column of a path that is not a plan (not a failure)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("parse", help="parse plan documents into JSON")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: print to stdout)")
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one file per document, at the input's path under DIR plus .json (a/plan.docx.json); "
             "jsonl: one line per document (DIR/documents.jsonl)",
    )
    p.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                   help=f"processes to use (default: all {default_jobs()} cores)")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_SECONDS, metavar="SECONDS",
                   help=f"time limit per document; a file that takes longer fails (default: {DEFAULT_SECONDS:g}; 0: none)")
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


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds (0 for no limit), not {value!r}")
    return seconds


@dataclass
class _Tally:
    written: int = 0
    failed: int = 0
    repeated: int = 0


def run(args: argparse.Namespace) -> int:
    found = discover(args.paths)
    files = _unique(list(found.files))
    if not files and not found.rejected:
        list_not_plans(found)
        warn("gdparse parse: no input files found")
        return 2
    if args.dask:
        from gdparse.distributed import check_dask

        try:
            check_dask()
        except ImportError as exc:
            warn(f"gdparse parse: {exc}")
            return 2
    out = Path(args.output) if args.output else None
    jsonl = args.format == "jsonl"
    errors_path = Path(args.errors) if args.errors else (out / "errors.jsonl" if out is not None else None)
    with ExitStack() as outputs:  # closed in reverse: the report, the documents, then the folder's lock
        try:
            if out is not None:
                outputs.enter_context(OutputLock(out))
            sink = outputs.enter_context(JsonlSink(out / "documents.jsonl", fresh=args.fresh)) \
                if out is not None and jsonl else None
            report = outputs.enter_context(ErrorReport(errors_path)) if errors_path is not None else None
        except (OutputError, OSError) as exc:
            warn(f"gdparse parse: {exc}")
            return 2
        return _parse_into(args, found, files, out, sink, report)


def _parse_into(args: argparse.Namespace, found: Inputs, files: list[Path], out: Path | None,
                sink: JsonlSink | None, report: ErrorReport | None) -> int:
    """Parse what is not parsed yet, write each document as it comes, name each failure and each
    path found that is not parsed."""
    names = {} if out is None or sink is not None else \
        output_names(files, [Path(p) for p in args.paths if Path(p).is_dir()], ".json")
    if args.fresh or out is None:
        todo = files
    elif sink is not None:
        todo = [f for f in files if not sink.done or file_sha256(f) not in sink.done]
    else:
        todo = [f for f in files if not _json_output_done(f, out / names[f])]
    tally = _Tally(failed=_list_unparsed(found, report))
    by_path = {str(f): f for f in todo}
    with progress_bar(len(todo), not args.no_progress) as bar:
        for result in _results(args, list(by_path), indent=None if args.format == "jsonl" else 1):
            bar.update(1)
            if result.ok:
                result = _deliver(result, sink, out, names.get(by_path.get(result.path)), tally)
            if not result.ok:
                _report_failure(result, report, tally)
    if out is not None:
        skipped = len(files) - len(todo)
        note = f", {skipped} already parsed" if skipped else ""
        note += f", {tally.repeated} with the same content as another input (not written again)" if tally.repeated else ""
        note += f", {tally.failed} failed (listed in {report.path})" if tally.failed and report is not None else ""
        not_plans = len(found.not_plans())
        if not_plans and report is not None:
            note += f", {not_plans} skipped as not plans (listed in {report.path})"
        warn(f"wrote {tally.written} document(s) to {out}/{note}")
    return 1 if tally.failed else 0


def _list_unparsed(found: Inputs, report: ErrorReport | None) -> int:
    """Name on stderr and in the error report (sha256 null: never read) the inputs refused before
    reading and the paths that are not plans; return the number refused (failures)."""
    unparsed = [FileResult(str(e.path), None, error=type(e).__name__, cause=e.cause) for e in found.rejected]
    unparsed += [FileResult(str(s.path), None, error=SKIPPED, cause=s.reason) for s in found.not_plans()]
    for result in unparsed:
        skipped = result.error == SKIPPED
        warn(f"{result.path}: {'skipped: ' if skipped else ''}{result.cause}")
        if report is not None:
            report.write(result)
    return len(found.rejected)


def _unique(files: list[Path]) -> list[Path]:
    """Each input once, however many arguments name it."""
    first: dict[str, Path] = {}
    for f in files:
        first.setdefault(os.path.abspath(f), f)
    return list(first.values())


def _results(args: argparse.Namespace, todo: list[str], indent: int | None) -> Iterator[FileResult]:
    deadline = args.timeout or None
    if args.dask:
        from gdparse.distributed import run_dask

        return run_dask(todo, args.dask, workers=args.jobs, indent=indent, deadline=deadline)
    return run_batch(todo, jobs=args.jobs or default_jobs(), indent=indent, deadline=deadline)


def _deliver(result: FileResult, sink: JsonlSink | None, out: Path | None, name: Path | None,
             tally: _Tally) -> FileResult:
    """Write one document where it goes; the result, or a failed one when it could not be written."""
    if out is None:
        sys.stdout.flush()
        for chunk in result.json_chunks():
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.write(b"\n")
        sys.stdout.buffer.flush()
        tally.written += 1
        return result
    try:
        if sink is None:
            write_atomic(output_path(out, name), result.json_chunks())
            repeated = False
        else:
            repeated = not sink.write(result)
    except (OutputError, OSError) as exc:  # this output only: the batch goes on
        return FileResult(result.path, result.sha256, error=type(exc).__name__,
                          cause=f"parsed, but its output could not be written ({exc})")
    if repeated:
        tally.repeated += 1
        warn(f"{result.path}: the same content as a document already in {sink.path}; not written again")
    else:
        tally.written += 1
    return result


def _report_failure(result: FileResult, report: ErrorReport | None, tally: _Tally) -> None:
    tally.failed += 1
    if result.sha256 is None:
        result = replace(result, sha256=file_sha256(Path(result.path)))
    warn(f"{result.path}: {result.cause}")
    if report is not None:
        report.write(result)


def _json_output_done(source: Path, output: Path) -> bool:
    """Whether ``output`` (not a link) holds the document of ``source`` as it is now."""
    if output.is_symlink() or not output.is_file():
        return False
    try:
        with output.open("rb") as handle:
            written = sha_of_document(handle.read(4096))
    except OSError:
        return False
    return written is not None and written == file_sha256(source)
