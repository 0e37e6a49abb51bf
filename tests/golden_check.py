"""Compare the current output of the golden cases with tests/golden/, and rewrite it on request.

Used by tests/test_golden.py (``--regen-golden``) and bench/same_output.py (``--show CASE``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath

from tests.golden_cases import Case, Rendered, document_cases, mutant_cases, render
from tests.golden_diff import report
from tests.golden_files import (
    MutantRecord,
    output_files,
    read_document,
    read_manifest,
    read_mutants,
    rendered_files,
    write_document,
    write_mutants,
)

MUTANT_DIFFS_SHOWN = 3  # changed mutants whose diff a report shows; the others get their summary


@dataclass
class Check:
    """The result of checking a case (or a seed's mutants): ``problems`` are outputs that no
    golden may hold (a failed pipeline step, a machine's path); ``report`` says what differs."""

    problems: list[str] = field(default_factory=list)
    report: str = ""
    rewritten: list[str] = field(default_factory=list)


def problems_of(case_id: str, rendered: Rendered) -> list[str]:
    output = rendered.output
    found = [f"{case_id}: a pipeline step failed: {m}" for m in rendered.stage_failures]
    path = output.get("source", {}).get("path", "")
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute():
        found.append(f"{case_id}: source.path {path!r} depends on the machine")
    return found


def show_hint(case_id: str, regen: bool) -> str:
    # Once rewritten, the golden before the change is the committed one.
    return f"python bench/same_output.py --show {case_id}" + (" --against HEAD" if regen else "")


def check_document(case: Case, *, regen: bool, limit: int | None = 60) -> Check:
    rendered = render(case)
    check = Check(problems_of(case.id, rendered))
    if "error" in rendered.output:
        check.problems.append(f"{case.id}: {rendered.output['error']}: {rendered.output['message']}")
    current, stored = rendered_files(rendered), read_document(case.id)
    if check.problems or current == stored:
        return check
    check.report = report(case.id, stored, current, limit=limit, full=show_hint(case.id, regen))
    if regen:
        write_document(case.id, current)
        check.rewritten.append(case.id)
    return check


def render_mutants(seed_id: str) -> tuple[list[MutantRecord], list[str]]:
    records, problems = [], []
    for case in mutant_cases(seed_id):
        data = case.data()
        rendered = render(case, data)
        problems += problems_of(case.id, rendered)
        records.append(MutantRecord(case.id, hashlib.sha256(data).hexdigest(), rendered.output))
    return records, problems


def mutant_report(record: MutantRecord, stored: MutantRecord | None, limit: int | None, regen: bool = False) -> str:
    if stored is not None and stored.input_sha256 != record.input_sha256:
        return (f"{record.case}: its input is not the one the golden was made from (tests/fuzzing.py or the "
                "seed changed): regenerate, the outputs cannot be compared")
    old = output_files(stored.output) if stored is not None else None
    return report(record.case, old, output_files(record.output), limit=limit, full=show_hint(record.case, regen))


def check_mutants(seed_id: str, *, regen: bool, limit: int | None = 40) -> Check:
    records, problems = render_mutants(seed_id)
    check = Check(problems)
    if problems:
        return check
    manifest = read_manifest(seed_id)
    changed = [r for r in records if manifest.get(r.case) != (r.input_sha256, r.output_sha256)]
    removed = sorted(manifest.keys() - {r.case for r in records})
    if not changed and not removed:
        return check
    stored = read_mutants(seed_id)
    reports = [
        mutant_report(r, stored.get(r.case), limit if i < MUTANT_DIFFS_SHOWN else 0, regen)
        for i, r in enumerate(changed)
    ]
    reports += [f"{case}: no longer a case" for case in removed]
    check.report = f"{len(changed)} of {len(records)} mutants of seed {seed_id} changed\n" + "\n".join(reports)
    if regen:
        write_mutants(seed_id, records)
        check.rewritten += [r.case for r in changed] + removed
    return check


def show(case_id: str, revision: str | None = None) -> str:
    """The whole diff of one case against its golden, as it is or as committed at ``revision``
    (after --regen-golden, HEAD holds the golden before); '' when they are the same."""
    if case_id.startswith("mutants/"):
        seed_id = case_id.split("/")[1][:3]
        case = next((c for c in mutant_cases(seed_id) if c.id == case_id), None)
        if case is None:
            raise KeyError(case_id)
        data = case.data()
        record = MutantRecord(case.id, hashlib.sha256(data).hexdigest(), render(case, data).output)
        stored = read_mutants(seed_id, revision).get(case_id)
        return "" if stored == record else mutant_report(record, stored, None)
    case = next((c for c in document_cases() if c.id == case_id), None)
    if case is None:
        raise KeyError(case_id)
    current, stored = rendered_files(render(case)), read_document(case_id, revision)
    return "" if current == stored else report(case_id, stored, current, limit=None)
