"""No step can lose a document: each step after reading runs under one guard, a failing step leaves
a ``stage_failed`` warning naming it and the error, and the document keeps what the other steps
produced. Only input that cannot be read fails a document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import gdparse
import gdparse.pipeline as pipeline
from gdparse.extract import Extractor
from gdparse.model import WARNING_MEANINGS, PlanDocument, WarningCode
from tests.conftest import seed_path
from tests.test_segment import leaves_tile

FIXTURES = Path(__file__).parent / "fixtures"
INJECTED = "injected failure"


def _boom(*args: object, **kwargs: object) -> object:
    raise RuntimeError(INJECTED)


def _fail_extractor(stage: str) -> Callable[[pytest.MonkeyPatch], None]:
    def inject(monkeypatch: pytest.MonkeyPatch) -> None:
        steps = tuple(Extractor(e.stage, _boom) if e.stage == stage else e for e in pipeline.EXTRACTORS)
        monkeypatch.setattr(pipeline, "EXTRACTORS", steps)

    return inject


def _fail_function(name: str) -> Callable[[pytest.MonkeyPatch], None]:
    return lambda monkeypatch: monkeypatch.setattr(pipeline, name, _boom)


# step -> how to make it fail, and what the document must still hold when it does.
INJECTIONS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "normalize": _fail_function("normalize"),
    "segment": _fail_function("segment"),
    "extract": _fail_function("build_context"),  # the document's context, which every extractor reads
    **{e.stage: _fail_extractor(e.stage) for e in pipeline.EXTRACTORS},
    "link": _fail_function("link"),
    "pages": _fail_function("assign_pages"),
}
# What each step gives, so that its failure can be seen to cost exactly that.
OWN_OUTPUT: dict[str, Callable[[PlanDocument], object]] = {
    "segment": lambda d: len(d.sections) > 1,
    "extract.citations": lambda d: d.citations,
    "extract.agencies": lambda d: d.agencies,
    "extract.metadata": lambda d: d.metadata.doc_number,
    "extract.targets": lambda d: d.targets,
    "extract.budgets": lambda d: d.budgets,
    "extract.responsibilities": lambda d: d.responsibilities,
    "extract.reporting": lambda d: d.reporting,
}

# Steps whose output needs another step's: budgets are read in the budget sections, reporting
# duties between the agencies found.
NEEDS = {"segment": {"extract.budgets"}, "extract.agencies": {"extract.reporting"}}


def _stages_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = pipeline.guarded

    def spy(stage, *args):
        seen.append(stage)
        return real(stage, *args)

    monkeypatch.setattr(pipeline, "guarded", spy)
    gdparse.parse(seed_path("004"))
    return seen


def test_every_step_after_reading_runs_under_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """The injection table covers every guarded step, and nothing else: a new step needs a case."""
    assert _stages_run(monkeypatch) == list(INJECTIONS)


@pytest.mark.step_failures
@pytest.mark.parametrize("stage", list(INJECTIONS))
def test_a_failing_step_costs_only_its_own_output(stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = gdparse.parse(seed_path("004"))
    INJECTIONS[stage](monkeypatch)
    doc = gdparse.parse(seed_path("004"))
    failed = [w for w in doc.warnings if w.code == WarningCode.STAGE_FAILED]
    assert [w.stage for w in failed] == [stage]
    assert "RuntimeError: injected failure" in failed[0].message and stage in failed[0].message
    assert leaves_tile(doc)
    if stage in OWN_OUTPUT:
        assert OWN_OUTPUT[stage](whole) and not OWN_OUTPUT[stage](doc)
    # Everything the other steps give is still there, but what needs the failed step's output.
    for other, output in OWN_OUTPUT.items():
        if other != stage and other not in NEEDS.get(stage, ()):
            assert output(doc), f"{other} lost when {stage} failed"
    if stage == "normalize":  # the text as decoded, still segmented and extracted
        assert doc.text == seed_path("004").read_text(encoding="utf-8")
        assert len(doc.sections) > 1 and doc.targets and doc.responsibilities


@pytest.mark.step_failures
def test_a_failed_segmentation_leaves_one_section_over_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_function("segment")(monkeypatch)
    doc = gdparse.parse(seed_path("003"))
    assert [(s.kind, s.start, s.end) for s in doc.sections] == [("other", 0, len(doc.text))]
    assert doc.targets and doc.citations  # extraction still ran


@pytest.mark.step_failures
def test_the_failure_names_where_gdparse_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    from gdparse.extract import budgets

    def broken(doc: PlanDocument, folded: str) -> list:
        return [][1]  # an IndexError inside gdparse's own code

    monkeypatch.setattr(budgets, "_extract", broken)
    doc = gdparse.parse(seed_path("000"))
    (failure,) = [w for w in doc.warnings if w.code == WarningCode.STAGE_FAILED]
    assert failure.stage == "extract.budgets"
    assert "IndexError: list index out of range" in failure.message
    # The innermost frame in gdparse: the test's own function is not part of it.
    assert "(at gdparse/extract/budgets.py:" in failure.message and failure.message.endswith("in extract_budgets)")


@pytest.mark.step_failures
def test_the_deadline_is_not_swallowed_by_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    from gdparse.errors import DeadlineExceededError

    def too_slow(doc: PlanDocument, ctx: object) -> PlanDocument:
        raise DeadlineExceededError(doc.source.path, "parsing took longer than 1 s")

    _steps = tuple(Extractor(e.stage, too_slow) if e.stage == "extract.targets" else e for e in pipeline.EXTRACTORS)
    monkeypatch.setattr(pipeline, "EXTRACTORS", _steps)
    with pytest.raises(DeadlineExceededError):
        gdparse.parse_text("KẾ HOẠCH\nI. MỤC TIÊU\n1. Đạt 50% vào năm 2030.")


def test_unreadable_input_still_fails_the_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(gdparse.GdparseError):
        gdparse.parse(empty)


# --- the heading that crashed segmentation, and its relatives ---------------------------------------

BOLD_ACROSS_LINES = [
    # (text, number of the section, its heading as written)
    ((FIXTURES / "bold_heading_across_lines.txt").read_text(encoding="utf-8"), "I", "A\nB"),
    ("KẾ HOẠCH\n**III. NHIỆM VỤ, GIẢI PHÁP\nCHỦ YẾU**\n1. Tuyên truyền.", "III", "NHIỆM VỤ, GIẢI PHÁP\nCHỦ YẾU"),
    ("KẾ HOẠCH\n**2. Mục tiêu\ncụ thể:**\n- Đạt 60% vào năm 2025.", "2", "Mục tiêu\ncụ thể"),
    ("KẾ HOẠCH\n**a) Lĩnh vực chính trị,\nkinh tế**\nnội dung", "a", "Lĩnh vực chính trị,\nkinh tế"),
    # The bold run closes inside the next line: the heading is what is bold.
    ("KẾ HOẠCH\n**II. NỘI DUNG\nCHÍNH** và phụ\nkết thúc", "II", "NỘI DUNG\nCHÍNH"),
    # A bold run that closes on the heading's own line: as before.
    ("KẾ HOẠCH\n**I. MỤC TIÊU**\nBảo đảm bình đẳng.", "I", "MỤC TIÊU"),
]


@pytest.mark.parametrize(("text", "number", "heading"), BOLD_ACROSS_LINES)
def test_a_bold_heading_across_a_line_break(text: str, number: str, heading: str) -> None:
    doc = gdparse.parse_text(text)
    assert not [w for w in doc.warnings if w.code == WarningCode.STAGE_FAILED]
    found = [s for s in doc.sections if s.number == number and s.heading is not None]
    assert [s.heading for s in found] == [heading]
    assert doc.text[found[0].heading_start : found[0].heading_end] == heading
    assert leaves_tile(doc)


def test_a_wrapped_bold_heading_gets_its_kind_from_both_lines() -> None:
    doc = gdparse.parse_text("KẾ HOẠCH\n**II. TỔ CHỨC\nTHỰC HIỆN**\n1. Sở Nội vụ chủ trì, hướng dẫn.")
    (section,) = [s for s in doc.sections if s.number == "II"]
    assert section.kind == "implementation"


# --- warning codes are one enumeration ------------------------------------------------------------


def test_every_warning_code_has_a_meaning() -> None:
    assert set(WARNING_MEANINGS) == set(WarningCode)
    assert all(meaning.strip() for meaning in WARNING_MEANINGS.values())


def test_the_schema_lists_the_warning_codes() -> None:
    from gdparse.commands.schema import plan_schema

    schema = plan_schema()
    assert schema["$defs"]["WarningCode"]["enum"] == [c.value for c in WarningCode]
    assert schema["$defs"]["DocWarning"]["properties"]["code"] == {
        "$ref": "#/$defs/WarningCode", "description": "What the warning is about (see WarningCode)."}


def test_a_warning_with_an_unknown_code_is_refused() -> None:
    from pydantic import ValidationError

    from gdparse.model import DocWarning

    with pytest.raises(ValidationError):
        DocWarning(code="targets-failed", message="x", stage="extract.targets")


def test_warning_codes_in_output_are_plain_strings(seed_doc: PlanDocument) -> None:
    import json

    data = json.loads(gdparse.to_json(seed_doc))
    assert all(isinstance(w["code"], str) and w["code"] in set(WarningCode) for w in data["warnings"])
