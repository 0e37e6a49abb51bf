"""The document context: built once per document, answering what several steps ask about it,
and nothing about a document kept anywhere once its parse is done."""

from __future__ import annotations

import dataclasses
import gc
import sys
import types
from pathlib import Path

import pytest

import gdparse
import gdparse.pipeline as pipeline
import gdparse.vietnamese as vietnamese
from gdparse.extract import Extractor, agency_matcher
from gdparse.extract.context import DocumentContext
from gdparse.model import leaf_at
from gdparse.read import read_bytes
from tests.conftest import SEED_IDS, seed_path

PLAN = ("KẾ HOẠCH\nI. MỤC TIÊU\nMục tiêu 1: Về chính trị\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì.\n"
        "III. CHẾ ĐỘ BÁO CÁO\nCác sở báo cáo trước ngày 15/12.\nIV. KINH PHÍ\nNgân sách tỉnh.\n")
# No "TỔ CHỨC THỰC HIỆN" line of its own: the implementation region is the section of that kind.
PLAN_BY_KIND = ("KẾ HOẠCH\nI. MỤC TIÊU\nMục tiêu 1: Về chính trị\nII. TỔ CHỨC THỰC HIỆN KẾ HOẠCH\n"
                "1. Sở Nội vụ: chủ trì.\n2. Báo cáo\nCác sở báo cáo trước ngày 15/12.\n")
DECISION = "QUYẾT ĐỊNH\nĐiều 1. Ban hành kế hoạch.\nĐiều 2. Giao Sở Nội vụ chủ trì.\n"
# An article label alone on its line: the article is the section it opens.
DECISION_LABEL_ALONE = "QUYẾT ĐỊNH\nĐiều 1. Ban hành kế hoạch.\nĐiều 2.\nGiao Sở Nội vụ chủ trì.\n"
# Activities name who carries them out; the implementation part is "TỔ CHỨC THỰC HIỆN"; its table is
# read as a table.
ACTIVITIES = ("KẾ HOẠCH\nI. HOẠT ĐỘNG\n1. Tuyên truyền\n1.1. Cơ quan thực hiện: Sở Y tế chủ trì.\n"
              "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì.\nTT\tĐơn vị\n1\tSở Y tế\n2. Sở Tư pháp: phối hợp.\n"
              "III. CHẾ ĐỘ BÁO CÁO\nCác sở báo cáo trước ngày 15/12.\n")
# "TỔ CHỨC THỰC HIỆN" without a number is no heading: the region is found by its title line.
UNNUMBERED = ("KẾ HOẠCH\nI. MỤC TIÊU\nMục tiêu 1: Về chính trị\nTỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì.\n"
              "Nơi nhận:\n- Như trên.\n")


def _context(text: str) -> tuple[gdparse.PlanDocument, DocumentContext]:
    return pipeline.raw_to_document(read_bytes(text.encode("utf-8"), "plan.txt"))


@pytest.mark.parametrize(
    ("text", "view", "expected"),
    [
        (PLAN, "implementation_regions", ["1. Sở Nội vụ: chủ trì."]),
        (PLAN, "reporting_regions", ["Các sở báo cáo trước ngày 15/12."]),
        (PLAN, "decision_spans", []),
        (PLAN_BY_KIND, "implementation_regions",
         ["1. Sở Nội vụ: chủ trì.\n2. Báo cáo\nCác sở báo cáo trước ngày 15/12."]),
        (PLAN_BY_KIND, "reporting_regions", []),
        (DECISION, "decision_spans", ["Điều 1. Ban hành kế hoạch.", "Điều 2. Giao Sở Nội vụ chủ trì."]),
        (DECISION_LABEL_ALONE, "decision_spans", ["Điều 1. Ban hành kế hoạch.", "Điều 2.\nGiao Sở Nội vụ chủ trì."]),
        (ACTIVITIES, "implementation_regions", ["1. Sở Nội vụ: chủ trì.", "2. Sở Tư pháp: phối hợp."]),
        (ACTIVITIES, "reporting_regions", ["Các sở báo cáo trước ngày 15/12."]),
        (UNNUMBERED, "implementation_regions", ["1. Sở Nội vụ: chủ trì."]),
    ],
)
def test_regions(text: str, view: str, expected: list[str]) -> None:
    doc, ctx = _context(text)
    regions = getattr(ctx, view)
    assert [doc.text[s:e].strip() for s, e in regions] == expected
    assert getattr(ctx, view) is regions  # found once, kept


def test_regions_come_from_the_sections_of_their_kind() -> None:
    """Seed 004's reporting part ends where its appendix starts (a search for the next Roman heading
    ran on over the appendix title); seed 002's activities' "Cơ quan thực hiện" sections are of kind
    implementation, but the implementation part is "VI. TỔ CHỨC THỰC HIỆN" alone."""
    doc, ctx = _context(seed_path("004").read_text(encoding="utf-8"))
    (report,) = ctx.sections_of("reporting")
    assert ctx.region("reporting") == ((report.heading_end, report.end),)
    assert doc.text[report.end:].startswith("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU")
    doc, ctx = _context(seed_path("002").read_text(encoding="utf-8"))
    assert len(ctx.sections_of("implementation")) == 6
    ((start, end),) = ctx.region("implementation")
    assert doc.text[start:end].strip().startswith("1. Sở Lao động - Thương binh và Xã hội")
    assert ctx.region("budget") and ctx.region("budget") == tuple(
        (s.heading_end, s.end) for s in ctx.sections_of("budget"))


def test_lines_in_a_span_and_the_body_start() -> None:
    doc, ctx = _context(PLAN)
    (start, end), = ctx.implementation_regions
    assert [doc.text[ln.start:ln.end] for ln in ctx.lines_in(start, end)] == ["1. Sở Nội vụ: chủ trì."]
    assert doc.text[ctx.body_start:].startswith("I. MỤC TIÊU")
    _, ctx = _context("Căn cứ Luật Bình đẳng giới;\nMục tiêu 1: Về chính trị\n")
    assert ctx.body_start is None  # a label numbered one opens no body


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_the_leaf_index_finds_what_a_scan_of_the_sections_finds(seed_id: str) -> None:
    doc, ctx = _context(seed_path(seed_id).read_text(encoding="utf-8"))
    assert ctx.sections is doc.sections and ctx.tables is doc.tables
    for offset in range(-1, len(doc.text) + 2, 7):
        assert ctx.section_at(offset) is leaf_at(doc.sections, offset) is doc.section_at(offset)


def test_the_context_holds_the_text_its_fold_and_segmentation_lines() -> None:
    doc, ctx = _context(PLAN)
    assert ctx.text is doc.text and ctx.folded == vietnamese.fold(doc.text)
    assert [doc.text[ln.start : ln.end] for ln in ctx.lines] == [ln for ln in doc.text.split("\n") if ln]
    assert ctx.number_line is None and ctx.place_date is None and ctx.attached == ()


def test_the_context_cannot_be_changed() -> None:
    _, ctx = _context(PLAN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.text = "x"  # type: ignore[misc]


def test_the_letterhead_is_read_once_for_citations_and_metadata() -> None:
    doc, ctx = _context(seed_path("003").read_text(encoding="utf-8"))
    assert ctx.number_line is ctx.number_line and ctx.place_date is ctx.place_date
    parsed = gdparse.parse(seed_path("003"))
    assert parsed.metadata.doc_number == ctx.number_line.number
    assert parsed.metadata.place == ctx.place_date.place


def _count_whole_text_searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lengths of the texts the agency matcher searches."""
    searched: list[int] = []
    real = agency_matcher.AliasSearch

    def counting(text, folded):
        searched.append(len(text))
        return real(text, folded)

    monkeypatch.setattr(agency_matcher, "AliasSearch", counting)
    return searched


@pytest.mark.parametrize(
    "text",
    [
        seed_path("004").read_text(encoding="utf-8"),
        # No agency at all: responsibilities used to look for the mentions again.
        "KẾ HOẠCH\nII. TỔ CHỨC THỰC HIỆN\n1. Các đơn vị chủ trì, tổ chức thực hiện.\n",
    ],
    ids=["seed-004", "no-agency"],
)
def test_agency_mentions_are_found_once_per_parse(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    searched = _count_whole_text_searches(monkeypatch)
    doc = gdparse.parse_text(text)
    assert searched.count(len(doc.text)) == 1


def test_the_whole_text_is_folded_once_per_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    text = seed_path("004").read_text(encoding="utf-8")
    folded: list[int] = []
    real = vietnamese._fold
    monkeypatch.setattr(vietnamese, "_fold", lambda t: folded.append(len(t)) or real(t))
    doc = gdparse.parse_text(text)
    assert folded.count(len(doc.text)) == 1 and max(folded) == len(doc.text)


def test_nothing_of_a_document_outlives_its_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents parsed one after the other: once both are done, nothing in gdparse holds the
    first one's text, fold, sections, objectives, targets, agencies or responsibilities."""
    kept: dict[str, object] = {}

    def probe(doc, ctx):
        if not kept:
            kept.update(text=ctx.text, folded=ctx.folded, sections=ctx.sections)
        return doc

    monkeypatch.setattr(pipeline, "EXTRACTORS", [*pipeline.EXTRACTORS, Extractor("extract.reporting", probe)])
    first = gdparse.parse(seed_path("004"))
    kept.update(objectives=first.objectives, targets=first.targets, responsibilities=first.responsibilities,
                agencies=first.agencies)
    assert all(kept.values())
    del first
    gdparse.parse_text("Một văn bản, không phải kế hoạch.\n")  # no step of it asks for an index or a lookup
    gc.collect()
    for name in list(kept):
        holders = [r for r in gc.get_referrers(kept[name]) if r is not kept and not isinstance(r, types.FrameType)]
        assert not holders, f"{name} of a parsed document is still held by {[type(h).__name__ for h in holders]}"


def test_no_module_holds_a_document_cache() -> None:
    from gdparse import link
    from gdparse.extract import clauses, header

    gdparse.parse_text(PLAN)
    assert not (Path(gdparse.__file__).parent / "document_caches.py").exists()
    assert "gdparse.document_caches" not in sys.modules
    for name, module in list(sys.modules.items()):
        if name.startswith("gdparse"):
            for attribute in ("_LOOKUP", "_LAST_FINDER", "_STRINGS", "_SHARED", "_fold_long"):
                assert not hasattr(module, attribute), f"{name}.{attribute}"
    # What a document's context now finds once is computed afresh by these functions, never cached.
    for function in (clauses.region_without_section, header.number_line, header.place_date, header.attached_to,
                     link._references):
        assert not hasattr(function, "cache_info"), function.__name__
