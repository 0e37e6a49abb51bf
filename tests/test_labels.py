"""The one label grammar (gdparse.labels) and its data (labels.yaml): table-driven cases, and every
label of the data file read the same way by every stage that reads labels (segment, the target
extractor, responsibilities, link, the milestone reader): a stage that read labels its own way, or
missed a new one, fails here."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

import gdparse
from gdparse import labels
from gdparse.extract.targets import kind_of
from gdparse.headings import match_heading
from gdparse.knowledge.labels import label_words, labels_file
from gdparse.labels import LineLabel, label_at
from gdparse.link import parse_references
from gdparse.pipeline import raw_to_document
from gdparse.read import read_bytes
from gdparse.rules import classify_heading
from gdparse.vietnamese import fold

DATA = labels_file()
EXAMPLES = [(label, example) for label in DATA.labels for example in label.examples]


def _id(value: object) -> str:
    return getattr(value, "line", getattr(value, "kind", str(value)))[:40]


@pytest.mark.parametrize(
    ("content", "kind", "number", "rest"),
    [
        ("mục tiêu 2: về kinh tế", "objective", "2", "về kinh tế"),
        ("mục tiêu số 3 - y tế", "objective", "3", "y tế"),
        ("mục tiêu 2.1. về y tế", "objective", "2.1", "về y tế"),
        ("chỉ tiêu 1: đạt 50%", "target", "1", "đạt 50%"),
        ("chỉ tiêu 2a. đạt 80%", "target", "2a", "đạt 80%"),
        ("chỉ tiêu 1.2 - đạt 90%", "target", "1.2", "đạt 90%"),
        ("chỉ tiêu: đạt 75%", "target", None, "đạt 75%"),
        ("điều 12. giao sở y tế", "article", "12", "giao sở y tế"),
        ("nhóm các giải pháp về y tế", "group", None, " về y tế"),
        ("mục tiêu chung", "general_objective", None, ""),
        ("mục tiêu tổng quát: thu hẹp", "general_objective", None, "thu hẹp"),
        ("các mục tiêu cụ thể:", "specific_objectives", None, ""),
        ("mục tiêu", "objectives_heading", None, ""),
        ("mục tiêu:", "objectives_heading", None, ""),
        ("mục tiêu, chỉ tiêu chủ yếu", "objectives_heading", None, ""),
        ("mục tiêu: 100% cán bộ", "activity_goal", None, "100% cán bộ"),
    ],
)
def test_labels(content: str, kind: str, number: str | None, rest: str) -> None:
    found = label_at(content, 0, len(content))
    assert found is not None and (found.kind, found.number, content[found.end:]) == (kind, number, rest)


@pytest.mark.parametrize(
    "content",
    ["chỉ tiêu 1 đạt 50%", "các chỉ tiêu", "mục tiêu của kế hoạch là", "chỉ tiêu", "điều 2 giao", "nhóm 3",
     "mục tiêu chungx", "tỷ lệ nữ đạt 30%", "", "mục tiêu 1 đạt"],
)
def test_no_label(content: str) -> None:
    assert label_at(content, 0, len(content)) is None


def test_a_label_is_read_in_its_span_of_the_text() -> None:
    text = "abc\n- Chỉ tiêu 2: đạt\n"
    folded = fold(text)
    assert label_at(folded, 6, len(text) - 1) == LineLabel("target", "2", 18)
    assert label_at(folded, 4, len(text) - 1) is None  # the bullet is numbering, not label


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Mục tiêu 1; chỉ tiêu 1 của Mục tiêu 2; các chỉ tiêu 1, 2 của Mục tiêu 6",
         [("1", None), ("2", "1"), ("6", "1"), ("6", "2")]),
        ("thực hiện chỉ tiêu số 3 thuộc mục tiêu số 5", [("5", "3")]),
        ("các chỉ tiêu 1, 2 và 3 tại **Mục tiêu 4**", [("4", "1"), ("4", "2"), ("4", "3")]),
        ("mục tiêu 2.1 của kế hoạch", []),  # a number of a heading, no objective
        ("không có", []),
    ],
)
def test_references(text: str, refs: list) -> None:
    assert parse_references(text) == refs


@pytest.mark.parametrize(
    ("folded", "kinds", "starts"),
    [("mục tiêu 2 trong lĩnh vực", ("objective", "target"), True), ("chỉ tiêu số 1", ("objective", "target"), True),
     ("điều 3 quyết định", ("objective", "target"), False), ("điều 3 quyết định", (), True),
     ("mục tiêu chung", (), False)],
)
def test_mentions(folded: str, kinds: tuple, starts: bool) -> None:
    assert labels.starts_with_mention(folded, kinds) is starts


def test_the_first_character_gate_never_refuses_a_label() -> None:
    pattern = labels._line_label()
    rng = random.Random(8)
    pieces = ["mục tiêu", "chỉ tiêu", "các ", "điều", "nhóm", " ", "1", ":", ".", "số ", "chung", "cụ thể", "x", "2a"]
    for _ in range(5000):
        content = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6)))
        if pattern.match(content):
            assert labels._may_start(content[0]), content


# ---------------------------------------------------------------- every label, every stage


def _line_of(text: str, line_text: str):
    doc, ctx = raw_to_document(read_bytes(text.encode("utf-8"), "plan.txt"))
    return next(line for line in ctx.target_lines() if doc.text[line.start:line.end] == line_text)


@pytest.mark.parametrize(("label", "example"), EXAMPLES, ids=_id)
def test_every_label_is_read_by_segment(label, example) -> None:
    """A line that starts with a heading label opens a section of its scheme and kind; a line under
    a number that starts with any objectives label opens a section the outline reads as such."""
    if label.scheme is not None:
        found = match_heading(example.line)
        assert found is not None and (found.scheme, found.number) == (label.scheme, example.number)
        doc = gdparse.parse_text(f"KẾ HOẠCH\nI. NỘI DUNG\n{example.line}\nNội dung.\n")
        (section,) = [s for s in doc.sections if s.scheme == label.scheme]
        assert section.number == example.number
        if label.section_kind is not None:
            assert section.kind == label.section_kind
    elif label.kind != "activity_goal":
        assert classify_heading(example.line) == "objectives"


@pytest.mark.parametrize(("label", "example"), EXAMPLES, ids=_id)
def test_every_label_is_read_by_the_target_extractor(label, example) -> None:
    text = f"KẾ HOẠCH\nI. MỤC TIÊU\n{example.line}\n"
    line = _line_of(text, example.line)
    expected = label.kind if label.kind in ("objectives_heading", "general_objective", "specific_objectives",
                                            "objective", "activity_goal", "target") else "text"
    assert kind_of(line) == expected and (line.label.number if line.label else None) == example.number
    if label.kind == "objective":
        doc = gdparse.parse_text(text + "- Chỉ tiêu 1: Đến năm 2025 đạt 50%.\n")
        assert [o.number for o in doc.objectives] == [example.number]
    if label.kind == "target":
        doc = gdparse.parse_text(f"KẾ HOẠCH\nI. MỤC TIÊU\nMục tiêu 1: Về chính trị\n{example.line}\n")
        expected_target = (example.number, labels.display("target", example.number))
        assert [(t.number, t.label) for t in doc.targets] == [expected_target]


@pytest.mark.parametrize("objective", label_words("objective"))
@pytest.mark.parametrize("target", label_words("target"))
def test_every_label_word_is_read_by_link_and_by_table_rows(objective: str, target: str) -> None:
    """A responsibility that names "<target> 2 của <objective> 1" covers that target; a table row
    labelled "<objective> 1" / "<target> 2" gives its unit that target."""
    plan = (f"KẾ HOẠCH\nI. MỤC TIÊU\n{objective.capitalize()} 1: Về chính trị\n{target.capitalize()} 2: Đến năm 2025 "
            f"đạt 50%.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế: chủ trì thực hiện {target} 2 của {objective} 1.\n")
    doc = gdparse.parse_text(plan)
    assert [t.id for t in doc.targets] == ["tgt-1-2"]
    assert [(r.agency_id, r.target_ids) for r in doc.responsibilities] == [("province.so_y_te", ("tgt-1-2",))]
    table = (f"KẾ HOẠCH\nI. MỤC TIÊU\nTT\tNội dung\tĐơn vị chủ trì\n1\t{objective.capitalize()} 1: Về chính trị\t\n"
             f"2\t{target.capitalize()} 2: Đến năm 2025 đạt 50%\tSở Y tế\n")
    doc = gdparse.parse_text(table)
    assert [(r.agency_id, r.role, r.target_ids) for r in doc.responsibilities] == [
        ("province.so_y_te", "lead", ("tgt-1-2",))]


@pytest.mark.parametrize("word", [*label_words(), *DATA.part_words])
def test_a_number_after_a_label_word_is_no_milestone(word: str) -> None:
    doc = gdparse.parse_text(f"KẾ HOẠCH\nI. MỤC TIÊU\nMục tiêu cụ thể:\n- Đến năm 2025 đạt 50% theo {word} 7.\n")
    assert [m.value for t in doc.targets for m in t.milestones] == [50.0]


def test_a_clause_goes_on_after_a_semicolon_before_a_reference() -> None:
    from gdparse.extract.clauses import split_clauses

    for word in label_words("objective", "target"):
        text = f"Sở Y tế thực hiện Mục tiêu 1; {word.upper()} 2 của Mục tiêu 3; báo cáo"
        assert [text[s:e] for s, e in split_clauses(text, 0, len(text))] == [text[: text.rindex(";")], "báo cáo"]


# ---------------------------------------------------------------- one line class


def test_one_line_class_for_the_lines_of_a_document() -> None:
    """Segmentation reads a document's lines once; every stage reads those (gdparse.lines.Line). The
    PDF reader's lines of words on a page are another thing, and say so."""
    root = Path(gdparse.__file__).parent
    classes = {}
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Line"):
                classes.setdefault(node.name, []).append(path.relative_to(root).as_posix())
    assert classes.pop("Line") == ["lines.py"]
    assert classes.pop("PdfLine") == ["readers/pdflines.py"]
    assert set(classes) <= {"NumberLine"}  # the letterhead's "Số: …" fact
    assert not (root / "extract" / "lines.py").exists()
    from gdparse.extract import context, targets
    from gdparse.lines import Line

    assert targets.Line is Line and context.Line is Line
