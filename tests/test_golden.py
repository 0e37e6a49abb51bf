"""The whole output of gdparse, locked: the seeds as text, CRLF, HTML, DOCX and PDF, the
phenomena, and 300 mutants of the seeds (cases: tests/golden_cases.py; storage:
tests/golden/README.md).

A change meant to alter the output is accepted with ``python3 tasks.py test --regen-golden`` (or
GDPARSE_REGEN_GOLDEN=1): it rewrites the goldens that changed, shows each one's diff, and fails,
so that the flag cannot be left on."""

from __future__ import annotations

import json
import lzma

import pytest

from tests import golden_files
from tests.conftest import ROOT, SEED_IDS
from tests.golden_cases import (
    MUTANTS_PER_SEED,
    Case,
    canonical,
    document_cases,
    render,
    sha256,
)
from tests.golden_check import check_document, check_mutants, show
from tests.golden_diff import leaf_changes, report
from tests.golden_files import (
    DOCUMENT_SUFFIXES,
    GOLDEN,
    README,
    MutantRecord,
    document_path,
    files_output,
    manifest_path,
    mutants_path,
    read_manifest,
    read_mutants,
    rendered_files,
    stored_paths,
)

DOCUMENTS = document_cases()
REGEN = "If the change is meant: python3 tasks.py test --regen-golden"


def fail_on(check, regen: bool, rewritten: list[str]) -> None:
    assert not check.problems, "\n".join(check.problems)
    rewritten += check.rewritten
    if check.report:
        pytest.fail(("rewritten:\n" if regen else "") + check.report + ("" if regen else "\n" + REGEN), pytrace=False)


@pytest.mark.parametrize("case", DOCUMENTS, ids=[c.id for c in DOCUMENTS])
def test_document_matches_golden(case: Case, regen_golden: bool, golden_rewritten: list[str]) -> None:
    fail_on(check_document(case, regen=regen_golden), regen_golden, golden_rewritten)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_mutants_match_golden(seed_id: str, regen_golden: bool, golden_rewritten: list[str]) -> None:
    fail_on(check_mutants(seed_id, regen=regen_golden), regen_golden, golden_rewritten)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_mutant_outputs_match_their_manifest(seed_id: str) -> None:
    """The compressed outputs are those the manifest hashes (a diff shown from them is true)."""
    stored = read_mutants(seed_id)
    manifest = read_manifest(seed_id)
    assert len(manifest) == MUTANTS_PER_SEED
    assert {case: (r.input_sha256, r.output_sha256) for case, r in stored.items()} == manifest


def test_no_stray_golden_files(regen_golden: bool) -> None:
    expected = {document_path(c.id, suffix) for c in DOCUMENTS for suffix in DOCUMENT_SUFFIXES}
    expected |= {p(s) for s in SEED_IDS for p in (mutants_path, manifest_path)} | {README}
    stray = sorted(stored_paths() - expected)
    if regen_golden:
        for path in stray:
            path.unlink()
    assert not stray, f"golden files of no case (a case removed?): {[str(p.relative_to(ROOT)) for p in stray]}"


def test_goldens_hold_no_machine_path() -> None:
    texts = [p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.suffix in {".json", ".text"}]
    texts += [lzma.decompress(mutants_path(s).read_bytes()).decode("utf-8") for s in SEED_IDS]
    assert len(texts) > len(DOCUMENTS)
    assert not [t for t in texts if str(ROOT) in t]


# The machinery itself, on a copy of the goldens of one small case.

SMALL = next(c for c in DOCUMENTS if c.id == "phenomena/r1")


@pytest.fixture
def golden_copy(tmp_path, monkeypatch):
    """tests/golden/ redirected to an empty folder."""
    monkeypatch.setattr(golden_files, "GOLDEN", tmp_path)
    monkeypatch.setattr(golden_files, "MUTANTS", tmp_path / "mutants")
    return tmp_path


def changed_output(output: dict) -> dict:
    first = output["responsibilities"][0]
    return {**output, "responsibilities": [{**first, "role": "monitor"}, *output["responsibilities"][1:]]}


def test_a_changed_golden_is_reported_and_rewritten_on_request(golden_copy) -> None:
    files = rendered_files(render(SMALL))
    tampered = {**files, ".json": canonical({k: v for k, v in changed_output(files_output(files)).items()
                                             if k != "text"})}
    golden_files.write_document(SMALL.id, tampered)
    check = check_document(SMALL, regen=False)
    assert "responsibilities: 1 values differ (responsibilities[0].role: 'monitor' -> 'lead')" in check.report
    diff = check.report.splitlines()
    assert any(line.startswith("-") and '"role": "monitor"' in line for line in diff)
    assert any(line.startswith("+") and '"role": "lead"' in line for line in diff)
    assert golden_files.read_document(SMALL.id) == tampered  # checking writes nothing
    rewritten = check_document(SMALL, regen=True)
    assert rewritten.rewritten == [SMALL.id]
    assert golden_files.read_document(SMALL.id) == files
    assert check_document(SMALL, regen=False).report == ""


def test_show_gives_the_whole_diff(golden_copy) -> None:
    files = rendered_files(render(SMALL))
    golden_files.write_document(SMALL.id, {**files, ".text": files[".text"].replace("\n", "\n\n")})
    whole = show(SMALL.id)
    assert whole.startswith(f"{SMALL.id}: output changed") and "more diff lines" not in whole
    assert len([line for line in whole.splitlines() if line == "+"]) == 0 < whole.count("\n-\n")
    golden_files.write_document(SMALL.id, files)
    assert show(SMALL.id) == ""
    with pytest.raises(KeyError):
        show("phenomena/no-such-plan")


def test_goldens_are_read_as_committed_at_a_revision() -> None:
    assert golden_files.stored_bytes(README, "HEAD").startswith(b"# Golden outputs")
    assert golden_files.stored_bytes(GOLDEN / "no-such-file", "HEAD") is None


def test_a_missing_golden_is_reported(golden_copy) -> None:
    assert check_document(SMALL, regen=False).report == f"{SMALL.id}: no golden output yet"


def test_mutant_goldens_round_trip(golden_copy) -> None:
    output = render(SMALL).output
    records = [MutantRecord("mutants/000-m0", sha256("a"), output),
               MutantRecord("mutants/000-m1", sha256("b"), {"error": "EmptyInputError", "message": "x: empty"})]
    golden_files.write_mutants("000", records)
    assert read_mutants("000") == {r.case: r for r in records}
    assert read_manifest("000") == {r.case: (r.input_sha256, r.output_sha256) for r in records}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ({"a": 1}, {"a": 1}, []),
        ({"a": 1}, {"a": 2}, [("a", 1, 2)]),
        ({"a": [1, 2]}, {"a": [1]}, [("a[1]", 2, "(absent)")]),
        ({"a": {"b": "x"}}, {"a": {"b": "x", "c": None}}, [("a.c", "(absent)", None)]),
        ({"a": [{"b": 1}]}, {"a": [{"b": 3}]}, [("a[0].b", 1, 3)]),
    ],
)
def test_leaf_changes(old: dict, new: dict, expected: list) -> None:
    assert list(leaf_changes(old, new)) == expected


def test_report_is_cut_after_its_limit() -> None:
    old = {".json": canonical({"a": list(range(100))}), ".text": "one\ntwo\n"}
    new = {".json": canonical({"a": list(range(1, 101))}), ".text": "one\n2\n"}
    text = report("x", old, new, limit=10, full="see all")
    assert "  text: 1 lines differ" in text
    assert "  a: 100 values differ (a[0]: 0 -> 1; a[1]: 1 -> 2; a[2]: 2 -> 3; … 97 more)" in text
    shorter = report("x", old, {**old, ".json": canonical({"a": list(range(98))})}, limit=0)
    assert "  a: 100 -> 98 items, 2 values differ (a[98]: 98 -> '(absent)'; a[99]: 99 -> '(absent)')" in shorter
    assert text.splitlines()[-1].endswith("more diff lines: see all")
    assert len(text.splitlines()) == 3 + 10 + 1


def test_golden_readme_names_the_command() -> None:
    assert "python3 tasks.py test --regen-golden" in README.read_text(encoding="utf-8")


def test_documents_files_give_back_the_output() -> None:
    rendered = render(SMALL)
    files = rendered_files(rendered)
    assert files_output(files) == rendered.output
    assert json.loads(files[".json"]).get("text") is None and files[".text"] == rendered.output["text"]
